#!/usr/bin/env bash
# `make bench`: seedance side by side with vipsthumbnail, Pillow and ImageMagick (issue 5).
#
# Usage: scripts/bench.sh [SEEDANCE]    (or SEEDANCE=path; default .build/release/seedance)
# Env:   BENCH_PAIRS (default 5), BENCH_MAGICK_PAIRS (default 2), BENCH_KEEP=1 keeps the inputs,
#        BENCH_ONLY=pipeline runs only the start-up baselines and the 8000×6000 JPEG and PNG pairs;
#        BENCH_ONLY=batch runs only the batch row (100 frames through `seedance batch` against
#        seedance-stub, which must sit next to SEEDANCE); BENCH_BATCH_RUNS (default 3) its pairs.
#
# Inputs are generated at run time with the vips CLI into a temp dir. Each comparison runs
# ours and the reference interleaved (A B A B …) after one warm-up pair, and reports the
# median, the spread (min–max) and ours/reference for wall time and peak RSS, measured with
# /usr/bin/time -f '%e %M'. References that are not installed are skipped, and said so.
set -uo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

SEEDANCE="${1:-${SEEDANCE:-.build/release/seedance}}"
PAIRS="${BENCH_PAIRS:-5}"
MAGICK_PAIRS="${BENCH_MAGICK_PAIRS:-2}"
TIME=/usr/bin/time
MAGICK="${BENCH_MAGICK:-/usr/bin/convert}"   # ImageMagick's own: a `convert` earlier on PATH may be something else
PYTHON="${PYTHON:-python3}"

die() { echo "bench: $*" >&2; exit 1; }
[ -x "$SEEDANCE" ] || die "no seedance binary at $SEEDANCE (run 'make release' or pass its path)"
SEEDANCE="$(cd "$(dirname "$SEEDANCE")" && pwd)/$(basename "$SEEDANCE")"
for tool in vips vipsthumbnail vipsheader base64; do
    command -v "$tool" >/dev/null || die "$tool is missing (make deps installs libvips-tools)"
done
if [ ! -x "$TIME" ]; then
    echo "bench: $TIME is missing; installing the 'time' package" >&2
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y -qq time >/dev/null 2>&1 || die "install the 'time' package (GNU time) and rerun"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/seedance-bench.XXXXXX")"
STUB_PID=""   # the provider stand-in the batch row starts; stopped (by its pid) on any exit
cleanup() {
    if [ -n "$STUB_PID" ]; then kill "$STUB_PID" 2>/dev/null; wait "$STUB_PID" 2>/dev/null; fi
    [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || die "cannot enter $work"

# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------
echo "== generating inputs in $work"
gen_start=$(date +%s)
v() { vips "$@" || die "vips $* failed"; }
# A soft 2000×1500 picture: two noise bands and a gradient, around mid-grey.
v gaussnoise n1.v 2000 1500 --sigma 60 --mean 128
v gaussnoise n2.v 2000 1500 --sigma 60 --mean 128
v grey g.v 2000 1500 --uchar
v bandjoin "n1.v g.v n2.v" s.v
v linear --uchar -- s.v s8.v 0.1 115.2
v copy s8.v base.v --interpretation srgb
rm -f n1.v n2.v g.v s.v s8.v
ONLY_PIPELINE=0; [ "${BENCH_ONLY:-}" = pipeline ] && ONLY_PIPELINE=1
ONLY_BATCH=0; [ "${BENCH_ONLY:-}" = batch ] && ONLY_BATCH=1
if [ "$ONLY_BATCH" = 0 ]; then
# 8000×6000: the soft picture upsampled plus fine grain (sigma 1.2), like a photo's sensor noise.
v resize base.v big.v 4
v gaussnoise grain.v 8000 6000 --sigma 1.2 --mean 128
v cast grain.v grain8.v uchar
v add big.v grain8.v sum.v
v linear --uchar -- sum.v photo.v 1 -128
v copy photo.v photo.jpg[Q=90]
v copy photo.v photo.png
rm -f big.v grain.v grain8.v sum.v photo.v
fi
if [ "$ONLY_PIPELINE" = 0 ] && [ "$ONLY_BATCH" = 0 ]; then
# 20000×14000 JPEG (280 MP, under the 400 MP safety limit).
v resize base.v huge.jpg[Q=90] 10 --vscale 9.33334
fi
if [ "$ONLY_PIPELINE" = 0 ]; then
# 100 mixed small files, 400–2000 px, aspect within 1:2..2:1.
mkdir -p small
exts=(jpg png webp gif tif)
for i in $(seq 0 99); do
    w=$((400 + (i * 373) % 1601)); h=$((400 + (i * 541) % 1601))
    [ "$h" -gt $((w * 2)) ] && h=$((w * 2)); [ "$w" -gt $((h * 2)) ] && w=$((h * 2))
    hs=$(awk -v w="$w" 'BEGIN { printf "%.6f", (w + 0.1) / 2000 }')
    vs=$(awk -v h="$h" 'BEGIN { printf "%.6f", (h + 0.1) / 1500 }')
    v resize base.v "small/f$(printf %03d "$i").${exts[i % 5]}" "$hs" --vscale "$vs"
done
fi
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
[ "$ONLY_BATCH" = 1 ] || echo "   photo.jpg $(vipsheader photo.jpg | cut -d, -f1 | cut -d' ' -f2) $(mb photo.jpg)"
[ "$ONLY_BATCH" = 1 ] || echo "   photo.png $(vipsheader photo.png | cut -d, -f1 | cut -d' ' -f2) $(mb photo.png)"
[ "$ONLY_PIPELINE" = 1 ] || [ "$ONLY_BATCH" = 1 ] || echo "   huge.jpg  $(vipsheader huge.jpg | cut -d, -f1 | cut -d' ' -f2) $(mb huge.jpg)"
[ "$ONLY_PIPELINE" = 1 ] || echo "   small/    $(ls small | wc -l) files ($(ls small | sed 's/.*\.//' | sort | uniq -c | awk '{printf "%s %s ", $1, $2}'))"
echo "   ($(( $(date +%s) - gen_start )) s)"

# The 100-file loops, as scripts so /usr/bin/time measures the whole loop.
cat > check-loop.sh <<EOF
"$SEEDANCE" check "$work"/small/* >/dev/null 2>&1; exit 0
EOF
cat > header-loop.sh <<EOF
vipsheader "$work"/small/* >/dev/null 2>&1; exit 0
EOF
cat > vt.sh <<'EOF'
# vipsthumbnail + base64 of its output, as a data URI needs.
vipsthumbnail "$1" -s "$2" -o "$3[Q=90]" && base64 "$3" >/dev/null
EOF

# ---------------------------------------------------------------------------------------------
# Measurement
# ---------------------------------------------------------------------------------------------
# run, stats, compare, skip, print_summary (and RESULTS, the rows of the summary).
# shellcheck source=scripts/bench_lib.sh
. "$repo/scripts/bench_lib.sh"

# Start-up baselines: the peak of a program that starts libvips and reads one small header
# (`seedance check tiny.png`; `vipsheader tiny.png`, the same libvips start as vipsthumbnail's).
# Pipeline memory is a run's peak minus its program's baseline: the comparison is of the image
# work, not of what each program loads at start (printed too, with `--help` runs).
if [ "$ONLY_BATCH" = 0 ]; then
vips black tiny.png 400 400 >/dev/null 2>&1 || die "vips black failed"
baseline() { # NAME CMD… → median peak RSS in kB over PAIRS runs
    rm -f "$1.samples"
    for _ in $(seq "$PAIRS"); do run "$@" >/dev/null 2>&1 || true; done
    stats "$1.samples" 2 | awk '{print $1}'
}
echo
echo "== start-up baselines (median peak RSS of $PAIRS runs)"
OURS_HELP_KB=$(baseline base_help "$SEEDANCE" --help)
OURS_BASE_KB=$(baseline base_check "$SEEDANCE" check tiny.png)
VT_HELP_KB=$(baseline base_vt vipsthumbnail --help)
REF_BASE_KB=$(baseline base_header vipsheader tiny.png)
for row in "seedance --help|$OURS_HELP_KB" "seedance check tiny.png|$OURS_BASE_KB" \
           "vipsthumbnail --help|$VT_HELP_KB" "vipsheader tiny.png|$REF_BASE_KB"; do
    IFS='|' read -r name kb <<<"$row"
    printf '   %-28s %6.1f MB\n' "$name" "$(awk -v k="$kb" 'BEGIN{print k/1024}')"
done

out="$work/out"
# Every fix must succeed and write a verified frame; one checked run before timing anything.
"$SEEDANCE" fix photo.jpg --output-dir "$out/check" >/dev/null 2>&1 || die "seedance fix photo.jpg failed"

compare "fix JPEG 8000×6000 vs vipsthumbnail" "$PAIRS" 1 \
    "'$SEEDANCE' fix photo.jpg --output-dir '$out/a'" \
    "bash vt.sh photo.jpg 5999x5999 vt.jpg" 1.10 1.3
compare "fix PNG 8000×6000 vs vipsthumbnail" "$PAIRS" 1 \
    "'$SEEDANCE' fix photo.png --output-dir '$out/a'" \
    "bash vt.sh photo.png 5999x5999 vt.jpg" 1.10 1.3
if [ "$ONLY_PIPELINE" = 0 ]; then
# The same pixels with the output format pinned: vipsthumbnail writes JPEG, while fix first tries
# lossless PNG (kept when it fits the 30 MB budget) before it switches to JPEG.
compare "fix PNG --format jpeg vs vipsthumbnail (no target)" "$PAIRS" 1 \
    "'$SEEDANCE' fix photo.png --format jpeg --output-dir '$out/a'" \
    "bash vt.sh photo.png 5999x5999 vt.jpg"
compare "fix --resolution 720p vs vipsthumbnail -s 1280x1280" "$PAIRS" 1 \
    "'$SEEDANCE' fix photo.jpg --resolution 720p --output-dir '$out/a'" \
    "bash vt.sh photo.jpg 1280x1280 vt.jpg"
compare "fix JPEG 20000×14000 vs vipsthumbnail" "$PAIRS" 1 \
    "'$SEEDANCE' fix huge.jpg --output-dir '$out/a'" \
    "bash vt.sh huge.jpg 5999x5999 vt.jpg"
pillow_row
magick_row
# Both sides read the 100 headers in one process.
compare "check 100 files in one process vs vipsheader" "$PAIRS" 1 \
    "bash check-loop.sh" "bash header-loop.sh" 1.0

# Body building: two compliant ~20 MB JPEGs into the exact request body (--dry-run sends nothing).
echo
echo "== body building (two ~20 MB frames to a request body)"
v gaussnoise bodynoise.v 5200 3900 --sigma 45 --mean 128
v bandjoin "bodynoise.v bodynoise.v bodynoise.v" bodyrgb.v
v cast bodyrgb.v body1.jpg[Q=97] uchar
v flip body1.jpg body2.jpg[Q=97] horizontal
rm -f bodynoise.v bodyrgb.v body.samples
payload=$(( $(stat -c %s body1.jpg) + $(stat -c %s body2.jpg) ))
# The process's baseline: the same dry run with a tiny frame (start-up, libvips, no payload).
vips resize body1.jpg tiny.jpg 0.1 || die "vips resize failed"
rm -f base.samples
for _ in $(seq "$PAIRS"); do
    "$TIME" -f '%e %M' -o base.t "$SEEDANCE" submit tiny.jpg --prompt bench --no-fix --dry-run \
        --request-out "$work/tiny.json" 2>/dev/null >/dev/null && tail -n1 base.t >>base.samples
done
read -r base _ _ < <(stats base.samples 2)
for _ in $(seq "$PAIRS"); do
    "$TIME" -f '%e %M' -o body.t "$SEEDANCE" submit body1.jpg --last body2.jpg --prompt bench --no-fix \
        --dry-run --request-out "$work/body.json" 2>body.err >/dev/null || { cat body.err; break; }
    rate=$(sed -n 's/.*(\([0-9]*\) MB\/s.*/\1/p' body.err)
    echo "$rate $(tail -n1 body.t)" >>body.samples
done
read -r rate _ _ < <(stats body.samples 1)
read -r wall _ _ < <(stats body.samples 2)
read -r rss _ _ < <(stats body.samples 3)
bodybytes=$(stat -c %s "$work/body.json")
ratio=$(awk -v r="$rss" -v b="$base" -v n="$bodybytes" 'BEGIN { printf "%.2f", (r - b) * 1024 / n }')
rate_verdict=$(awk -v r="$rate" 'BEGIN { print (r >= 1500 ? "PASS" : "MISS") }')
mem_verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.5 ? "PASS" : "MISS") }')
echo "   files $((payload / 1000000)) MB, body $((bodybytes / 1000000)) MB; body produced at ${rate} MB/s (median; base64 included, as the POST streams it, no disk);"
echo "   dry run ${wall} s; peak RSS $((rss / 1024)) MB over a $((base / 1024)) MB baseline = ${ratio}× the body"
RESULTS+=("body building, 2 × ~20 MB frames|${rate} MB/s (${rate_verdict} ≥1500), peak RSS over baseline ${ratio}× the body (${mem_verdict} ≤1.5)")
fi
fi   # ONLY_BATCH

if [ "$ONLY_PIPELINE" = 0 ]; then
# shellcheck source=scripts/bench_batch.sh
. "$repo/scripts/bench_batch.sh"
fi


print_summary
