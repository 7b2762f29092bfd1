# Sourced by bench.sh (in its work dir, with SEEDANCE, TIME, run, stats, skip, RESULTS, STUB_PID):
# the batch row of issue 12. Frames prepared per second in a 100-frame batch, on this machine,
# against vipsthumbnail run two at a time over the same files, with peak memory.
#
# Ours: the real `seedance batch` (--workers 2, the reference's two at a time) over a 100-line
# manifest of small/ (first frames only; --resolution 720p --ratio 16:9, so most need a crop or a
# resize), sending to seedance-stub on loopback (tasks end in 0.2 s; --rpm and --max-in-flight so
# high the provider side never holds the preparers back). Frames/s is the batch's own figure for
# its prepare stage (frames_prepared / prepare_seconds in its --json document); the whole run's
# wall time and peak RSS come from /usr/bin/time. Ref: vipsthumbnail -s 1280x1280 over the same
# files with xargs -P2; frames/s = 100 / wall; its peak RSS is that of the largest single process
# (GNU time reports the biggest descendant's, not a sum).
#
# The batch prepares its frames in worker processes (contained: a crash of libvips fails one
# item, not the batch); the same run with SEEDANCE_FRAME_ISOLATION=in-process is measured beside
# it, so the row shows what containment costs. Its peak RSS is the largest of the batch process
# and its workers, each on its own (GNU time, as above).
BATCH_RUNS="${BENCH_BATCH_RUNS:-3}"
STUB="$(dirname "$SEEDANCE")/seedance-stub"
batch_label="batch: 100 frames prepared, 2 workers, vs vipsthumbnail -P2"
echo
echo "== $batch_label  ($BATCH_RUNS pairs, after 1 warm-up pair)"
if [ ! -x "$STUB" ]; then
    skip "$batch_label" "no seedance-stub next to $SEEDANCE (swift build builds it)"
    return 0
fi
"$STUB" --port 0 --task-seconds 0.2 --key bench-key >stub.out 2>stub.err &
STUB_PID=$!
for _ in $(seq 100); do grep -q "listening on" stub.out 2>/dev/null && break; sleep 0.1; done
stub_url=$(sed -n 's/^listening on //p' stub.out)
if [ -z "$stub_url" ]; then
    skip "$batch_label" "seedance-stub did not start: $(head -c 300 stub.err)"
    return 0
fi
ls small/* | awk '{ printf "{\"id\": \"f%03d\", \"first\": \"%s\", \"prompt\": \"bench frame %d\"}\n", NR, $0, NR }' >batch.jsonl
batch_options=(--resolution 720p --ratio 16:9 --workers 2 --rpm 100000 --max-in-flight 200 --json)
# check reports on stderr.
needs_fix=$("$SEEDANCE" check small/* --resolution 720p --ratio 16:9 2>&1 >/dev/null | grep -c "fix would:")
echo "   $(wc -l <batch.jsonl) lines; $needs_fix of them need a fix (crop to 16:9 or resize for 720p)"
echo "   ours: seedance batch batch.jsonl ${batch_options[*]}  (against $stub_url)"
echo "   ref:  ls small/* | xargs -P2 -n1 vipsthumbnail -s 1280x1280"
cat >vt-batch.sh <<'EOF'
ls small/* | xargs -P2 -n1 sh -c 'vipsthumbnail "$1" -s 1280x1280 -o "$0/%s.jpg"' "$1" 2>/dev/null
EOF
rm -f batch.samples inproc.samples vtb.samples
# One batch run in `mode` (contained or in-process); appends "frames/s wall kb frames seconds" to `samples`.
batch_run() {
    local mode="$1" samples="$2"
    rm -rf bstate bvideos
    if ! SEEDANCE_FRAME_ISOLATION="$mode" NOVITA_API_KEY=bench-key SEEDANCE_BASE_URL="$stub_url" XDG_STATE_HOME="$work/bstate" \
        "$TIME" -f '%e %M' -o batch.t "$SEEDANCE" batch batch.jsonl --output-dir bvideos "${batch_options[@]}" \
        >batch.json 2>batch.err; then
        echo "   batch ($mode) FAILED: $(tail -c 600 batch.err)" >&2
        RESULTS+=("$batch_label|FAILED ($mode): $(tail -n1 batch.err)")
        return 1
    fi
    local frames seconds
    frames=$(sed -n 's/.*"frames_prepared" *: *\([0-9]*\).*/\1/p' batch.json)
    seconds=$(sed -n 's/.*"prepare_seconds" *: *\([0-9.e+-]*\).*/\1/p' batch.json)
    echo "$(awk -v f="$frames" -v s="$seconds" 'BEGIN { printf "%.2f", (s > 0 ? f / s : 0) }') $(tail -n1 batch.t) $frames $seconds" >>"$samples"
}
for pass in $(seq 0 "$BATCH_RUNS"); do
    # A new store and output folder each time: every run prepares and sends all 100.
    rm -rf vtb && mkdir -p vtb
    batch_run contained batch.samples || return 0
    batch_run in-process inproc.samples || return 0
    run vtb bash vt-batch.sh "$work/vtb" || return 0
    [ "$pass" = 0 ] && { rm -f vtb.samples batch.samples inproc.samples; continue; }   # the warm-up
done
read -r ours_fps ours_fps_min ours_fps_max < <(stats batch.samples 1)
read -r ours_wall _ _ < <(stats batch.samples 2)
read -r ours_kb _ _ < <(stats batch.samples 3)
read -r inproc_fps inproc_fps_min inproc_fps_max < <(stats inproc.samples 1)
read -r inproc_kb _ _ < <(stats inproc.samples 3)
read -r ref_wall ref_wall_min ref_wall_max < <(stats vtb.samples 1)
read -r ref_kb _ _ < <(stats vtb.samples 2)
frames=$(awk 'NR == 1 { print $4 }' batch.samples)
ref_fps=$(awk -v w="$ref_wall" 'BEGIN { printf "%.2f", (w > 0 ? 100 / w : 0) }')
fps_ratio=$(awk -v a="$ours_fps" -v b="$ref_fps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
cost=$(awk -v a="$ours_fps" -v b="$inproc_fps" 'BEGIN { printf "%.0f", (b > 0 ? 100 * (1 - a / b) : 0) }')
inproc_mb=$(awk -v k="$inproc_kb" 'BEGIN { printf "%.0f", k / 1024 }')
mem_ratio=$(awk -v a="$ours_kb" -v b="$ref_kb" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
ours_mb=$(awk -v k="$ours_kb" 'BEGIN { printf "%.0f", k / 1024 }')
ref_mb=$(awk -v k="$ref_kb" 'BEGIN { printf "%.0f", k / 1024 }')
printf '   %-6s %7.2f frames/s (%.2f–%.2f) in the prepare stage (%s frames), contained in worker processes; whole run %.2f s; peak RSS %s MB (the largest of the process and its workers)\n' \
    ours "$ours_fps" "$ours_fps_min" "$ours_fps_max" "$frames" "$ours_wall" "$ours_mb"
printf '   %-6s %7.2f frames/s (%.2f–%.2f) prepared in the batch process itself (SEEDANCE_FRAME_ISOLATION=in-process); peak RSS %s MB; containment costs %s%%\n' \
    "" "$inproc_fps" "$inproc_fps_min" "$inproc_fps_max" "$inproc_mb" "$cost"
printf '   %-6s %7.2f frames/s (wall %.2f s, %.2f–%.2f); peak RSS %s MB (one vipsthumbnail process)\n' \
    ref "$ref_fps" "$ref_wall" "$ref_wall_min" "$ref_wall_max" "$ref_mb"
echo "   ours/ref: frames/s ${fps_ratio}× (higher is better), peak RSS ${mem_ratio}×"
RESULTS+=("$batch_label|ours ${ours_fps} frames/s contained (run ${ours_wall} s, ${ours_mb} MB; in-process ${inproc_fps} frames/s, containment ${cost}%), ref ${ref_fps} frames/s (${ref_mb} MB, one process); frames/s ${fps_ratio}×, peak RSS ${mem_ratio}×")
kill "$STUB_PID" 2>/dev/null; wait "$STUB_PID" 2>/dev/null; STUB_PID=""
