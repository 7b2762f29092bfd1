#!/usr/bin/env bash
# `make smoke` (and .ci/run): what users run, tried as they would.
#  1. The demo's whole flow (check, fix, preview, submit and wait, the duplicate refusal, a
#     four-shot batch with its report) on the RELEASE seedance and seedance-stub: the one crash of
#     an earlier round happened only in the release build.
#  2. `make install` into a scratch PREFIX, and again with DESTDIR: the binary runs from / with a
#     bare environment and links nothing from the checkout; the three completions and the man page
#     are there and well-formed (`man -l` renders it); `make uninstall` leaves the prefix empty.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
SWIFT="${SWIFT:-swift}"
RELEASE_FLAGS="${RELEASE_FLAGS:--c release --static-swift-stdlib}"
die() { echo "smoke: FAILED: $*" >&2; exit 1; }

# shellcheck disable=SC2086  # RELEASE_FLAGS is a list of flags
bin="$("$SWIFT" build $RELEASE_FLAGS --show-bin-path)" || die "swift build --show-bin-path"
[ -x "$bin/seedance" ] && [ -x "$bin/seedance-stub" ] || die "no release build in $bin (make release)"

echo "== smoke 1/2: the demo's flow on the release build ($bin)"
SEEDANCE_BIN_DIR="$bin" SEEDANCE_DEMO_OUT=out/smoke bash scripts/demo.sh || die "the demo's flow failed on the release build"

echo
echo "== smoke 2/2: make install, run from /, completions, man page, make uninstall"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/seedance-smoke.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
prefix="$scratch/prefix"
mkdir -p "$prefix"
make --no-print-directory install PREFIX="$prefix" RELEASE_FLAGS="$RELEASE_FLAGS" >"$scratch/install.log" 2>&1 ||
    { tail -20 "$scratch/install.log" >&2; die "make install PREFIX=$prefix"; }
expected="$("$bin/seedance" --version)"
version="$(cd / && env -i PATH=/usr/bin:/bin HOME="$scratch" "$prefix/bin/seedance" --version)" || die "the installed seedance does not run from /"
[ "$version" = "$expected" ] || die "installed seedance --version says '$version', expected '$expected'"
(cd / && env -i PATH=/usr/bin:/bin HOME="$scratch" "$prefix/bin/seedance-stub" --version >/dev/null) || die "the installed seedance-stub does not run from /"
(cd / && env -i PATH=/usr/bin:/bin HOME="$scratch" "$prefix/bin/seedance" check "$root/fixtures/good-first.jpg" >/dev/null 2>&1) ||
    die "the installed seedance cannot check a frame from /"
for program in seedance seedance-stub; do
    # Nothing from the checkout: no run path into it, no library resolved from it.
    if readelf -d "$prefix/bin/$program" | grep -E 'RPATH|RUNPATH' | grep -qF "$root"; then
        die "$program has a run path into the checkout: $(readelf -d "$prefix/bin/$program" | grep -E 'RPATH|RUNPATH')"
    fi
    if ldd "$prefix/bin/$program" | grep -qF "$root"; then die "$program loads a library from the checkout: $(ldd "$prefix/bin/$program" | grep -F "$root")"; fi
    if ldd "$prefix/bin/$program" | grep -q 'not found'; then die "$program misses a library: $(ldd "$prefix/bin/$program" | grep 'not found')"; fi
    if ldd "$prefix/bin/$program" | grep -qE 'libswiftCore|libFoundation'; then die "$program links the Swift runtime dynamically (want --static-swift-stdlib)"; fi
done
bash_completion="$prefix/share/bash-completion/completions/seedance"
zsh_completion="$prefix/share/zsh/site-functions/_seedance"
fish_completion="$prefix/share/fish/vendor_completions.d/seedance.fish"
manual="$prefix/share/man/man1/seedance.1"
for file in "$bash_completion" "$zsh_completion" "$fish_completion" "$manual"; do
    [ -s "$file" ] || die "missing or empty: $file"
done
bash -n "$bash_completion" || die "the bash completion does not parse"
grep -q 'complete .*seedance' "$bash_completion" || die "the bash completion registers nothing for seedance"
head -n1 "$zsh_completion" | grep -q '^#compdef seedance' || die "the zsh completion does not start with #compdef seedance"
grep -qE "^complete -c '?seedance'? " "$fish_completion" || die "the fish completion completes nothing for seedance"
# Bash completes a subcommand and an option with what was installed (no shell other than bash
# may be installed here, so zsh and fish get their syntax checked where they are).
complete_bash() { # WORDS… → the completions bash offers for the last word
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
             _seedance seedance "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$bash_completion" "$@"
}
[ "$(PATH="$prefix/bin:$PATH" complete_bash seedance ch)" = check ] || die "bash does not complete 'seedance ch' to 'check'"
[ "$(PATH="$prefix/bin:$PATH" complete_bash seedance submit --dur)" = --duration ] || die "bash does not complete 'seedance submit --dur'"
# The shells' own syntax checks where the shell is installed (bash always is).
if command -v zsh >/dev/null; then zsh -n "$zsh_completion" || die "the zsh completion does not parse"; fi
if command -v fish >/dev/null; then fish -n "$fish_completion" || die "the fish completion does not parse"; fi
# Every subcommand a user can call is in the completions and the manual.
for subcommand in check fix submit status wait tasks reconcile models batch preview; do
    grep -q "$subcommand" "$bash_completion" || die "the bash completion does not know '$subcommand'"
    grep -q "$subcommand" "$fish_completion" || die "the fish completion does not know '$subcommand'"
    grep -q "$subcommand" "$manual" || die "the man page does not mention '$subcommand'"
done
command -v man >/dev/null || die "man is not installed (apt-get install man-db) and the man page must be rendered"
rendered="$(MANWIDTH=100 man -l -P cat "$manual" 2>"$scratch/man.err")" || { cat "$scratch/man.err" >&2; die "man -l cannot render $manual"; }
[ ! -s "$scratch/man.err" ] || { cat "$scratch/man.err" >&2; die "man -l warned while rendering $manual"; }
echo "$rendered" | grep -q 'SYNOPSIS' || die "the rendered man page has no SYNOPSIS"
echo "$rendered" | grep -q 'seedance' || die "the rendered man page does not name seedance"
make --no-print-directory uninstall PREFIX="$prefix" >"$scratch/uninstall.log" 2>&1 || { cat "$scratch/uninstall.log" >&2; die "make uninstall"; }
[ -d "$prefix" ] || die "make uninstall removed the prefix itself"
[ -z "$(ls -A "$prefix")" ] || die "make uninstall left: $(cd "$prefix" && find . -mindepth 1 | head)"

# DESTDIR for packagers: the files land under DESTDIR/PREFIX, and nothing outside it.
destdir="$scratch/package"
make --no-print-directory install DESTDIR="$destdir" PREFIX=/opt/seedance RELEASE_FLAGS="$RELEASE_FLAGS" >"$scratch/install.log" 2>&1 ||
    { tail -20 "$scratch/install.log" >&2; die "make install DESTDIR=$destdir"; }
[ -x "$destdir/opt/seedance/bin/seedance" ] || die "DESTDIR: no $destdir/opt/seedance/bin/seedance"
[ "$(cd "$destdir" && find . -type f | wc -l)" = 6 ] || die "DESTDIR: expected 6 files, found $(cd "$destdir" && find . -type f)"
make --no-print-directory uninstall DESTDIR="$destdir" PREFIX=/opt/seedance >/dev/null 2>&1 || die "make uninstall DESTDIR=$destdir"
[ -z "$(cd "$destdir" && find . -type f)" ] || die "DESTDIR: uninstall left files"
echo "smoke: ok (release demo flow with a batch; install, run from /, completions, man page, DESTDIR, uninstall)"
