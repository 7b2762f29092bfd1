#!/usr/bin/env bash
# libFuzzer over FrameKit: builds Fuzz/ (a package of its own) with -sanitize=fuzzer, seeds each
# target from fixtures/, runs each for FUZZ_SECONDS (default 60; 30 is the CI run) and reports
# executions and crashes. Exit 0 only when every target ran its time without a crash.
# A crash always leaves its input in Fuzz/.work/crashes (kept across runs: delete one when it is
# fixed): the Swift runtime's backtracer is off (SWIFT_BACKTRACE=enable=no), so libFuzzer's own
# signal handlers write the input. Any abnormal end (an exit status other than 0, a signal) is a
# crash in the summary, with or without a file.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
targets=(${FUZZ_TARGETS:-datauri inspect bmp fix})
work="Fuzz/.work"
scratch="Fuzz/.build"
# ld.gold crashes (internal error in format_file_lineno) linking libFuzzer into Swift; use lld.
flags="-Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld"
mkdir -p "$work"

echo "fuzz: building Fuzz/ with -sanitize=fuzzer" >&2
if ! swift build --package-path Fuzz --scratch-path "$scratch" -c debug $flags >"$work.build.log" 2>&1; then
    tail -30 "$work.build.log" >&2
    echo "fuzz: FAILED to build the fuzz targets with -sanitize=fuzzer (full log: $work.build.log)" >&2
    exit 1
fi
binary="$(swift build --package-path Fuzz --scratch-path "$scratch" -c debug $flags --show-bin-path 2>/dev/null)/seedance-fuzz"

# Seeds: small fixtures as files, and as data URIs for the data-URI target.
seed() {
    local target="$1" dir="$work/corpus/$1"
    mkdir -p "$dir"
    for f in fixtures/*; do
        [ -f "$f" ] || continue
        [ "$(stat -c %s "$f")" -le 65536 ] || continue
        case "$target" in
            datauri) { printf 'data:image/%s;base64,' "${f##*.}"; base64 -w0 "$f"; } >"$dir/seed-$(basename "$f").txt" ;;
            bmp) [ "${f##*.}" = bmp ] && tail -c +3 "$f" | head -c 4096 >"$dir/seed-$(basename "$f")" ;;
            *) cp "$f" "$dir/seed-$(basename "$f")" ;;
        esac
    done
    # BMP's only fixture is large: its first 4 KiB are seed enough for the header parser.
    [ "$target" = bmp ] && tail -c +3 fixtures/accepted.bmp | head -c 4096 >"$dir/seed-accepted.bmp"
    [ "$target" = fix ] && head -c 65536 fixtures/accepted.bmp >"$dir/seed-accepted-head.bmp"
    true
}

failed=0
summary=()
for target in "${targets[@]}"; do
    seed "$target"
    mkdir -p "$work/crashes"
    log="$work/$target.log"
    echo "fuzz: $target for ${seconds}s" >&2
    before="$(find "$work/crashes" -name "$target-*" | wc -l)"
    SWIFT_BACKTRACE=enable=no "$binary" "$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=20 \
        -print_final_stats=1 -artifact_prefix="$work/crashes/$target-" "$work/corpus/$target" >"$log" 2>&1
    status=$?
    runs="$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo '?')"
    crashes=$(( $(find "$work/crashes" -name "$target-*" | wc -l) - before ))
    # An abnormal end that left no file (a handler that could not run) is still a crash.
    if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
    if [ "$status" -gt 128 ]; then status="$status (signal $((status - 128)))"; fi
    summary+=("$target: ${seconds}s, ${runs} executions, ${crashes} crash(es), exit ${status}")
    if [ "$crashes" -ne 0 ]; then
        failed=1
        grep -E 'ERROR|SUMMARY|Fatal|crash-|timeout-|oom-' "$log" | head -20 >&2
    fi
done
printf 'fuzz: %s\n' "${summary[@]}"
[ "$failed" -eq 0 ] || { echo "fuzz: crashes or failures; inputs are in $work/crashes" >&2; exit 1; }
