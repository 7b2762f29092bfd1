#!/usr/bin/env bash
# The measuring and reporting half of `make bench`, sourced by scripts/bench.sh (in its work dir,
# with TIME and the start-up baselines OURS_BASE_KB/REF_BASE_KB set) and by scripts/bench_selftest.sh,
# which checks that a reference that is missing or not run gives a "skipped" row, never 0.00×.

# run NAME CMD…: one timed run; appends "wall rss_kb" to NAME.samples. A failing command
# ends that comparison.
run() {
    local name="$1"; shift
    if ! "$TIME" -f '%e %M' -o "$name.t" "$@" >"$name.out" 2>"$name.err"; then
        echo "   $name FAILED: $(head -c 400 "$name.err")" >&2
        return 1
    fi
    tail -n1 "$name.t" >>"$name.samples"
}

# stats FILE COLUMN → "median min max"
stats() {
    awk -v c="$2" '{print $c}' "$1" | sort -g | awk '
        { a[NR] = $1 }
        END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; print m, a[1], a[NR] }'
}

RESULTS=()   # "label|ours wall|ref wall|wall ratio|ours MB|ref MB|mem ratio|wall target|mem target"
             # or "label|skipped: why" / "label|FAILED: why": a row without numbers
PIPELINE=()  # "label|wall ratio|pipeline memory ratio", pair by pair

# compare LABEL PAIRS WARMUP OURS_CMD -- REF_CMD  (commands as single strings, run with bash -c)
compare() {
    local label="$1" pairs="$2" warmup="$3" ours="$4" ref="$5"
    local wall_target="${6:-}" mem_target="${7:-}"
    rm -f A.samples B.samples
    # No pairs asked for (BENCH_MAGICK_PAIRS=0): a row that says so, never a ratio of nothing.
    if ! [ "$pairs" -ge 1 ] 2>/dev/null; then
        skip "$label" "not run ($pairs pairs asked for)"
        return 0
    fi
    echo
    echo "== $label  ($pairs pairs$([ "$warmup" = 1 ] && echo ', after 1 warm-up pair' || echo ', no warm-up'))"
    echo "   ours: $ours"
    echo "   ref:  $ref"
    if [ "$warmup" = 1 ]; then
        run A bash -c "$ours" || { failed "$label" A; return 1; }
        run B bash -c "$ref" || { failed "$label" B; return 1; }
        rm -f A.samples B.samples
    fi
    for _ in $(seq "$pairs"); do
        run A bash -c "$ours" || { failed "$label" A; return 1; }
        run B bash -c "$ref" || { failed "$label" B; return 1; }
    done
    # Pair by pair: each ours/ref ratio is taken from one interleaved pair, which cancels most
    # of the load other processes put on a shared machine; the median of those is reported.
    # Pipeline memory is each peak minus its program's start-up baseline (measured above).
    paste -d' ' A.samples B.samples | awk -v ab="$OURS_BASE_KB" -v bb="$REF_BASE_KB" '
        { w = ($3 > 0 ? $1 / $3 : 0); m = ($4 - bb > 0 ? ($2 - ab) / ($4 - bb) : 0); print w, m }' >pair.ratios
    read -r pwr _ _ < <(stats pair.ratios 1)
    read -r pmr _ _ < <(stats pair.ratios 2)
    read -r aw awmin awmax < <(stats A.samples 1)
    read -r bw bwmin bwmax < <(stats B.samples 1)
    read -r am ammin ammax < <(stats A.samples 2)
    read -r bm bmmin bmmax < <(stats B.samples 2)
    local wr mr
    wr=$(awk -v a="$aw" -v b="$bw" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    mr=$(awk -v a="$am" -v b="$bm" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
    printf '   %-6s wall %6.2f s (%.2f–%.2f)   peak RSS %7.1f MB (%.1f–%.1f)\n' ours "$aw" "$awmin" "$awmax" \
        "$(awk -v k="$am" 'BEGIN{print k/1024}')" "$(awk -v k="$ammin" 'BEGIN{print k/1024}')" "$(awk -v k="$ammax" 'BEGIN{print k/1024}')"
    printf '   %-6s wall %6.2f s (%.2f–%.2f)   peak RSS %7.1f MB (%.1f–%.1f)\n' ref "$bw" "$bwmin" "$bwmax" \
        "$(awk -v k="$bm" 'BEGIN{print k/1024}')" "$(awk -v k="$bmmin" 'BEGIN{print k/1024}')" "$(awk -v k="$bmmax" 'BEGIN{print k/1024}')"
    echo "   ours/ref: wall ${wr}×, peak RSS ${mr}×"
    if [[ "$label" == *vipsthumbnail* ]]; then
        printf '   pair by pair (median): wall %.3f×, pipeline memory (peak − start-up baseline) %.3f×\n' "$pwr" "$pmr"
    fi
    RESULTS+=("$label|$aw|$bw|$wr|$(awk -v k="$am" 'BEGIN{printf "%.0f", k/1024}')|$(awk -v k="$bm" 'BEGIN{printf "%.0f", k/1024}')|$mr|$wall_target|$mem_target")
    PIPELINE+=("$label|$(printf '%.3f' "$pwr")|$(printf '%.3f' "$pmr")")
}

skip() { # LABEL WHY
    echo
    echo "== $1: SKIPPED ($2)"
    RESULTS+=("$1|skipped: $2")
}

failed() { # LABEL SIDE: a comparison whose run failed (its error was printed by run)
    RESULTS+=("$1|FAILED: the $([ "$2" = A ] && echo seedance || echo reference) run failed: $(head -c 160 "$2.err" | tr '\n' ' ')")
}

# The references that may be absent: each is a comparison when installed, else a skipped row.
pillow_row() {
    if "$PYTHON" -c 'import PIL' 2>/dev/null; then
        cp "$repo/scripts/bench_pillow.py" .
        compare "fix JPEG 8000×6000 vs Pillow $("$PYTHON" -c 'import PIL; print(PIL.__version__)')" "$PAIRS" 1 \
            "'$SEEDANCE' fix photo.jpg --output-dir '$out/a'" \
            "'$PYTHON' bench_pillow.py photo.jpg pil.jpg 5999"
    else
        skip "fix JPEG 8000×6000 vs Pillow" "Pillow is not installed (pip install pillow)"
    fi
}

magick_row() {
    if [ -x "$MAGICK" ] && "$MAGICK" -version 2>/dev/null | grep -q ImageMagick; then
        echo; echo "== ImageMagick takes tens of seconds per run: $MAGICK_PAIRS pairs, no warm-up (BENCH_MAGICK_PAIRS)"
        compare "fix JPEG 8000×6000 vs ImageMagick $("$MAGICK" -version | head -n1 | awk '{print $3}')" "$MAGICK_PAIRS" 0 \
            "'$SEEDANCE' fix photo.jpg --output-dir '$out/a'" \
            "'$MAGICK' photo.jpg -auto-orient -resize '5999x5999>' -quality 90 im.jpg && base64 im.jpg >/dev/null"
    else
        skip "fix JPEG 8000×6000 vs ImageMagick" "ImageMagick is not installed ($MAGICK; apt-get install imagemagick)"
    fi
}

verdict() { # value target → PASS/MISS/—
    [ -z "$2" ] && { echo "—"; return; }
    awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "PASS" : "MISS") }'
}

# The table of every comparison, then the pipeline ratios (unless ONLY_BATCH=1).
print_summary() {
    echo
    echo "== summary: medians; ratio = ours/reference; targets from issue 5"
    printf '%-62s %8s %8s %7s %6s   %7s %7s %7s %6s\n' "comparison" "ours s" "ref s" "wall×" "" "ours MB" "ref MB" "mem×" ""
    for row in "${RESULTS[@]}"; do
        IFS='|' read -r label aw bw wr am bm mr wt mt <<<"$row"
        if [ -z "$bw" ]; then printf '%-62s %s\n' "$label" "$aw"; continue; fi
        wv=$(verdict "$wr" "$wt"); mv=$(verdict "$mr" "$mt")
        [ -n "$wt" ] && wv="$wv≤$wt"; [ -n "$mt" ] && mv="$mv≤$mt"
        printf '%-62s %8.2f %8.2f %6.2f× %-10s %7s %7s %6.2f× %-9s\n' "$label" "$aw" "$bw" "$wr" "$wv" "$am" "$bm" "$mr" "$mv"
    done
    if [ "$ONLY_BATCH" = 0 ]; then
    echo
    echo "== pipeline: ours/vipsthumbnail pair by pair (median); pipeline memory = peak − start-up baseline"
    printf '   start-up baseline: seedance --help %.1f MB, seedance check tiny.png %.1f MB; vipsthumbnail --help %.1f MB, vipsheader tiny.png %.1f MB\n' \
        "$(awk -v k="$OURS_HELP_KB" 'BEGIN{print k/1024}')" "$(awk -v k="$OURS_BASE_KB" 'BEGIN{print k/1024}')" \
        "$(awk -v k="$VT_HELP_KB" 'BEGIN{print k/1024}')" "$(awk -v k="$REF_BASE_KB" 'BEGIN{print k/1024}')"
    for row in "${PIPELINE[@]}"; do
        IFS='|' read -r label pw pm <<<"$row"
        case "$label" in *vipsthumbnail*) printf '   %-62s wall %s×  pipeline memory %s×\n' "$label" "$pw" "$pm" ;; esac
    done
    echo "   (the machine may be shared: ratios come from interleaved pairs, which absorbs most of the load)"
    fi
    echo
    echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'); libvips $(vips --version | sed 's/vips-//')"
}
