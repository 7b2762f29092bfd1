#!/usr/bin/env bash
# The main job on the bundled fixtures: check a good and a bad pair, then fix the bad pair.
set -uo pipefail
cd "$(dirname "$0")/.."
seedance=".build/debug/seedance"
out="out/demo"
rm -rf "$out"

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; echo "(exit $?)"; }

step "$seedance" check fixtures/good-first.jpg --last fixtures/good-last.jpg
step "$seedance" check fixtures/bad-first-sideways.jpg --last fixtures/bad-last-panorama.png
step "$seedance" fix fixtures/bad-first-sideways.jpg --last fixtures/bad-last-panorama.png --output-dir "$out/fixed"
step "$seedance" check "$out/fixed/first.jpg" --last "$out/fixed/last.png" --strict
