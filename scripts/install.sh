#!/usr/bin/env bash
# `make install` / `make uninstall`: the release executables, shell completions and the man page.
#
# Usage: scripts/install.sh install ROOT BINDIR    (ROOT = $(DESTDIR)$(PREFIX); BINDIR holds the
#                                                   release seedance and seedance-stub)
#        scripts/install.sh uninstall ROOT
#
# The list below is the one place that says what is installed: uninstall removes exactly these
# files, then the folders on their paths that are left empty (never ROOT itself, nothing above it).
set -euo pipefail

files=(
    bin/seedance
    bin/seedance-stub
    share/bash-completion/completions/seedance
    share/zsh/site-functions/_seedance
    share/fish/vendor_completions.d/seedance.fish
    share/man/man1/seedance.1
)

die() { echo "install: $*" >&2; exit 1; }

install_all() {
    local root="$1" bin="$2"
    for program in seedance seedance-stub; do
        [ -x "$bin/$program" ] || die "no $program in $bin (run 'make release' first)"
    done
    command -v python3 >/dev/null || die "python3 is needed to write the man page (apt-get install python3)"
    work="$(mktemp -d "${TMPDIR:-/tmp}/seedance-install.XXXXXX")"
    trap 'rm -rf "$work"' EXIT
    # Everything is generated before anything is installed: a failure installs nothing.
    "$bin/seedance" --generate-completion-script bash >"$work/seedance.bash"
    "$bin/seedance" --generate-completion-script zsh >"$work/_seedance"
    "$bin/seedance" --generate-completion-script fish >"$work/seedance.fish"
    # The man page from the binary's own help dump (scripts/make-manpage.py says why not the
    # argument parser's generate-manual plugin).
    python3 "$(dirname "$0")/make-manpage.py" "$bin/seedance" "$work/seedance.1"
    [ -s "$work/seedance.1" ] || die "make-manpage.py wrote no seedance.1"
    for generated in "$work/seedance.bash" "$work/_seedance" "$work/seedance.fish"; do
        [ -s "$generated" ] || die "an empty completion script: $generated"
    done

    install -d "$root/bin" "$root/share/bash-completion/completions" "$root/share/zsh/site-functions" \
        "$root/share/fish/vendor_completions.d" "$root/share/man/man1"
    install -m 755 "$bin/seedance" "$root/bin/seedance"
    install -m 755 "$bin/seedance-stub" "$root/bin/seedance-stub"
    install -m 644 "$work/seedance.bash" "$root/share/bash-completion/completions/seedance"
    install -m 644 "$work/_seedance" "$root/share/zsh/site-functions/_seedance"
    install -m 644 "$work/seedance.fish" "$root/share/fish/vendor_completions.d/seedance.fish"
    install -m 644 "$work/seedance.1" "$root/share/man/man1/seedance.1"
    for file in "${files[@]}"; do echo "installed $root/$file"; done
}

uninstall_all() {
    local root="$1"
    for file in "${files[@]}"; do
        if [ -e "$root/$file" ] || [ -L "$root/$file" ]; then
            rm -f "$root/$file"
            echo "removed $root/$file"
        fi
    done
    # Folders left empty, deepest first; a folder holding anything else stays.
    for file in "${files[@]}"; do
        local folder
        folder="$(dirname "$file")"
        while [ "$folder" != . ]; do
            rmdir "$root/$folder" 2>/dev/null || break
            folder="$(dirname "$folder")"
        done
    done
}

case "${1:-}" in
    install) [ $# = 3 ] || die "usage: $0 install ROOT BINDIR"; install_all "$2" "$3" ;;
    uninstall) [ $# = 2 ] || die "usage: $0 uninstall ROOT"; uninstall_all "$2" ;;
    *) die "usage: $0 install ROOT BINDIR | uninstall ROOT" ;;
esac
