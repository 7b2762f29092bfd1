#!/usr/bin/env bash
# Checks `make bench`'s reporting without a release build or a long run: a reference that is not
# installed (Pillow, ImageMagick), one asked for with 0 pairs (BENCH_MAGICK_PAIRS=0) and one whose
# run fails each give a row that says so, never a 0.00× ratio or an awk error. Seconds; run by .ci/run.
set -uo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/seedance-bench-selftest.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

# A stand-in for GNU time: runs the command and records a fixed "wall rss_kb", so ratios are known.
cat >fake-time <<'SH'
#!/usr/bin/env bash
shift 2; out="$2"; shift 2
"$@"; status=$?
echo "0.50 51200" >"$out"
exit $status
SH
cat >fake-magick <<'SH'
#!/usr/bin/env bash
echo "Version: ImageMagick 6.9.11-60 Q16 x86_64"
SH
chmod +x fake-time fake-magick

TIME="$work/fake-time" SEEDANCE=/bin/true PAIRS=1 MAGICK_PAIRS=2 PYTHON="$work/no-python3"
MAGICK="$work/no-convert" ONLY_BATCH=0 OURS_BASE_KB=0 REF_BASE_KB=0 OURS_HELP_KB=0 VT_HELP_KB=0 out="$work/out"
# shellcheck source=scripts/bench_lib.sh
. "$repo/scripts/bench_lib.sh"

{
    pillow_row                                   # python without PIL: not installed
    magick_row                                   # no convert at all: not installed
    MAGICK="$work/fake-magick" MAGICK_PAIRS=0
    magick_row                                   # installed, 0 pairs asked for
    compare "a reference that fails" 1 1 "true" "false"
    compare "both run" 1 1 "true" "true" 1.10
    print_summary
} >report.txt 2>&1

failures=0
expect() { # DESCRIPTION GREP-ARGS…: the report must match
    local what="$1"; shift
    grep -q "$@" report.txt || { echo "bench_selftest: FAILED: $what" >&2; failures=$((failures + 1)); }
}
refuse() {
    local what="$1"; shift
    ! grep -q "$@" report.txt || { echo "bench_selftest: FAILED: $what" >&2; grep "$@" report.txt >&2; failures=$((failures + 1)); }
}
expect "Pillow's row says it is not installed" -E '^fix JPEG 8000×6000 vs Pillow +skipped: Pillow is not installed'
expect "ImageMagick's row says it is not installed" -E '^fix JPEG 8000×6000 vs ImageMagick +skipped: ImageMagick is not installed'
expect "0 ImageMagick pairs give a skipped row" -E '^fix JPEG 8000×6000 vs ImageMagick 6.9.11-60 +skipped: not run \(0 pairs asked for\)'
expect "a failed reference gives a FAILED row" -E '^a reference that fails +FAILED: the reference run failed'
expect "a real comparison still gives its ratio" -E '^both run .* 1\.00× PASS≤1\.10'
refuse "no 0.00× ratio" -F '0.00×'
refuse "no awk error" -E 'awk:|division by zero|cannot open'
if [ "$failures" != 0 ]; then
    echo "---- the report:" >&2; cat report.txt >&2
    exit 1
fi
echo "bench_selftest: ok (skipped, not-run and failed references each reported; no 0.00× row, no awk error)"
