#!/usr/bin/env bash
# The main job on the bundled fixtures, offline: check a good and a bad pair, fix the bad pair,
# then submit, wait with progress, and download against seedance-stub on loopback.
set -uo pipefail
cd "$(dirname "$0")/.."
bin="${SEEDANCE_BIN_DIR:-.build/debug}"   # scripts/smoke.sh runs the same flow on the release build
out="${SEEDANCE_DEMO_OUT:-out/demo}"
rm -rf "$out"
mkdir -p "$out"

failures=0
# step EXPECTED_EXIT COMMAND…: runs it, shows its exit code, and counts a surprise as a failure.
step() {
    local expected="$1"; shift
    printf '\n\033[1m$ %s\033[0m\n' "$*"
    "$@"
    local status=$?
    echo "(exit $status)"
    [ "$status" = "$expected" ] || { echo "demo: expected exit $expected" >&2; failures=$((failures + 1)); }
}

step 0 "$bin/seedance" check fixtures/good-first.jpg --last fixtures/good-last.jpg
step 1 "$bin/seedance" check fixtures/bad-first-sideways.jpg --last fixtures/bad-last-panorama.png
step 0 "$bin/seedance" fix fixtures/bad-first-sideways.jpg --last fixtures/bad-last-panorama.png --output-dir "$out/fixed"
step 0 "$bin/seedance" check "$out/fixed/first.jpg" --last "$out/fixed/last.png" --strict

# A stand-in for the provider: the real API cannot be reached from here.
"$bin/seedance-stub" --port 0 --task-seconds 6 --key demo-key > "$out/stub.log" &
stub=$!
trap 'kill $stub 2>/dev/null' EXIT
for _ in $(seq 50); do grep -q listening "$out/stub.log" 2>/dev/null && break; sleep 0.1; done
export SEEDANCE_BASE_URL
SEEDANCE_BASE_URL=$(sed -n 's/^listening on //p' "$out/stub.log")
export NOVITA_API_KEY=demo-key XDG_STATE_HOME="$PWD/$out/state"

step 0 "$bin/seedance" submit fixtures/bad-first-sideways.jpg --last fixtures/bad-last-panorama.png \
    --prompt 'The camera pulls back as the sun sets' --duration 5 --dry-run --request-out "$out/request.json"
# See before you pay: the same frames the dry run built, drawn as one sheet (no key needed).
step 0 "$bin/seedance" preview fixtures/bad-first-sideways.jpg --last fixtures/bad-last-panorama.png \
    --duration 5 --output "$out/preview.png"
step 0 "$bin/seedance" submit fixtures/bad-first-sideways.jpg --last fixtures/bad-last-panorama.png \
    --prompt 'The camera pulls back as the sun sets' --duration 5 --wait --output "$out/video.mp4"
# The same request again is refused locally, nothing sent (one paid task per intent).
step 6 "$bin/seedance" submit fixtures/bad-first-sideways.jpg --last fixtures/bad-last-panorama.png \
    --prompt 'The camera pulls back as the sun sets' --duration 5
# The same family from ByteDance itself: BytePlus ModelArk (the stub speaks Ark under /api/v3).
# Ark's key and base URL; the same frame pipeline, Ark's body (wire id, content[] with roles).
export ARK_API_KEY=demo-key ARK_BASE_URL="$SEEDANCE_BASE_URL/api/v3"
step 0 "$bin/seedance" submit fixtures/bad-first-sideways.jpg --last fixtures/bad-last-panorama.png --provider byteplus \
    --model seedance-2.0 --prompt 'The camera pulls back as the sun sets' --duration 5 --no-generate-audio --wait --output "$out/video-ark.mp4"
step 0 "$bin/seedance" tasks
ls -l "$out/video.mp4" "$out/video-ark.mp4" || failures=$((failures + 1))

# A small batch: four shots, two of which need fixing; checked and priced first, then run.
cat > "$out/shots.jsonl" <<JSONL
{"id": "sunset", "first": "$PWD/fixtures/bad-first-sideways.jpg", "last": "$PWD/fixtures/bad-last-panorama.png", "prompt": "The camera pulls back as the sun sets"}
{"id": "street", "first": "$PWD/fixtures/good-first.jpg", "last": "$PWD/fixtures/good-last.jpg", "prompt": "A tram passes", "duration": 4}
{"id": "logo", "first": "$PWD/fixtures/alpha.png", "prompt": "The logo turns slowly", "generate_audio": false}
{"id": "still", "first": "$PWD/fixtures/accepted.png", "prompt": "Leaves move in the wind", "resolution": "720p"}
JSONL
# Both write an HTML report (open $out/report/index.html): the plan first, then the run's outcome.
step 0 "$bin/seedance" batch "$out/shots.jsonl" --output-dir "$out/batch" --resolution 480p --dry-run --report "$out/report"
step 0 "$bin/seedance" batch "$out/shots.jsonl" --output-dir "$out/batch" --resolution 480p --max-spend 5 --report "$out/report"
ls -l "$out/batch" "$out/report/index.html" || failures=$((failures + 1))
[ "$failures" = 0 ] || { echo "demo: $failures step(s) did not do what they should" >&2; exit 1; }
