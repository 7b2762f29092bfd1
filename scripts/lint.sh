#!/usr/bin/env bash
# `make lint`: (1) swift-format's lint, strict, with the committed .swift-format over every Swift
# file of ours; (2) zero compiler warnings in our own targets: their objects are removed so that
# only they are compiled again, and the build log is searched for warnings in Sources/ and Tests/.
# Exit 0 only when both are clean; each failure says how many findings and how to see them.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
SWIFT="${SWIFT:-swift}"
failed=0

# ---- 1. swift format lint --strict ------------------------------------------------------------
mapfile -t files < <(find Sources Tests Fuzz -name .build -prune -o -name .work -prune -o -name '*.swift' -print | sort)
files+=(Package.swift)
[ -f .swift-format ] || { echo "lint: .swift-format is missing" >&2; exit 1; }
mkdir -p .build
echo "lint: swift format lint --strict on ${#files[@]} files" >&2
"$SWIFT" format lint --strict --parallel --configuration .swift-format "${files[@]}" >.build/lint-format.log 2>&1
status=$?
findings=$(grep -c ': \(warning\|error\): ' .build/lint-format.log)
if [ "$status" != 0 ] || [ "$findings" != 0 ]; then
    in_files=$(grep ': \(warning\|error\): ' .build/lint-format.log | cut -d: -f1 | sort -u | wc -l)
    grep ': \(warning\|error\): ' .build/lint-format.log | head -20 >&2
    echo "lint: FAILED: swift format lint found $findings finding(s) in $in_files file(s) (all of them: .build/lint-format.log)." >&2
    echo "lint: most are fixed by: swift format format -i --parallel --configuration .swift-format -r Sources Tests Fuzz/Sources Package.swift Fuzz/Package.swift" >&2
    failed=1
else
    echo "lint: swift format: 0 findings" >&2
    rm -f .build/lint-format.log
fi

# ---- 2. zero warnings in our targets ----------------------------------------------------------
# LINT_BUILD_LOG: the log of a build that compiled every target from scratch (.ci/run passes the
# log of `make test` on a fresh clone), read instead of compiling our targets again.
if [ -n "${LINT_BUILD_LOG:-}" ]; then
    log="$LINT_BUILD_LOG"
    [ -s "$log" ] || { echo "lint: FAILED: LINT_BUILD_LOG=$log is missing or empty" >&2; exit 1; }
    echo "lint: reading the compiler's warnings from $log (a build from scratch)" >&2
else
    bin="$("$SWIFT" build --show-bin-path)" || { echo "lint: FAILED: swift build --show-bin-path" >&2; exit 1; }
    ours=()
    if [ -d "$bin" ]; then
        # A module folder is ours when its sources are: Swift modules name them in output-file-map.json,
        # C modules in their dependency (.d) files.
        for module in "$bin"/*.build; do
            if grep -qsE "\"$root/(Sources|Tests)/" "$module/output-file-map.json" ||
                grep -qsE "^$root/(Sources|Tests)/|: $root/(Sources|Tests)/" "$module"/*.d; then
                ours+=("$module")
            fi
        done
    fi
    echo "lint: compiling our ${#ours[@]} built module(s) again to see every warning" >&2
    [ "${#ours[@]}" = 0 ] || rm -rf "${ours[@]}"
    log=.build/lint-warnings.log
    if ! "$SWIFT" build --build-tests -j "${LINT_JOBS:-2}" >"$log" 2>&1; then
        tail -30 "$log" >&2
        echo "lint: FAILED: the build failed (log: $log)" >&2
        exit 1
    fi
fi
warnings=$(grep -E "(^|/)(Sources|Tests)/[^:]+:[0-9]+(:[0-9]+)?: warning:" "$log" | grep -F "$root/" | sort -u)
if [ -n "$warnings" ]; then
    echo "$warnings" | head -40 >&2
    echo "lint: FAILED: $(echo "$warnings" | wc -l) compiler warning(s) in our targets (log: $log)" >&2
    failed=1
else
    echo "lint: compiler: 0 warnings in our targets ($(grep -c 'Compiling' "$log") compile steps checked)" >&2
    [ -n "${LINT_BUILD_LOG:-}" ] || rm -f "$log"
fi
exit "$failed"
