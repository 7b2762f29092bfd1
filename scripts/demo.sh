#!/usr/bin/env bash
# The main job on the bundled fixtures, offline: check a good and a bad pair, fix the bad pair,
# then submit, wait with progress, and download against seedance-stub on loopback.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=".build/debug"
out="out/demo"
rm -rf "$out"
mkdir -p "$out"

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; echo "(exit $?)"; }

step "$bin/seedance" check fixtures/good-first.jpg --last fixtures/good-last.jpg
step "$bin/seedance" check fixtures/bad-first-sideways.jpg --last fixtures/bad-last-panorama.png
step "$bin/seedance" fix fixtures/bad-first-sideways.jpg --last fixtures/bad-last-panorama.png --output-dir "$out/fixed"
step "$bin/seedance" check "$out/fixed/first.jpg" --last "$out/fixed/last.png" --strict

# A stand-in for the provider: the real API cannot be reached from here.
"$bin/seedance-stub" --port 0 --task-seconds 6 --key demo-key > "$out/stub.log" &
stub=$!
trap 'kill $stub 2>/dev/null' EXIT
for _ in $(seq 50); do grep -q listening "$out/stub.log" 2>/dev/null && break; sleep 0.1; done
export SEEDANCE_BASE_URL
SEEDANCE_BASE_URL=$(sed -n 's/^listening on //p' "$out/stub.log")
export NOVITA_API_KEY=demo-key XDG_STATE_HOME="$PWD/$out/state"

step "$bin/seedance" submit fixtures/bad-first-sideways.jpg --last fixtures/bad-last-panorama.png \
    --prompt 'The camera pulls back as the sun sets' --duration 5 --dry-run --request-out "$out/request.json"
step "$bin/seedance" submit fixtures/bad-first-sideways.jpg --last fixtures/bad-last-panorama.png \
    --prompt 'The camera pulls back as the sun sets' --duration 5 --wait --output "$out/video.mp4"
step "$bin/seedance" tasks
ls -l "$out/video.mp4"
