#!/usr/bin/env python3
"""seedance.1 from the command's own help: `make install` runs SEEDANCE --experimental-dump-help
(swift-argument-parser's description of every command, option, default and value) and writes a
man(7) page. Python 3 standard library only.

Why not swift-argument-parser's generate-manual: it is only reachable through its package plugin,
which first rebuilds the whole package (without --static-swift-stdlib, so `make release` would
then rebuild it again), and its tool target cannot be linked on its own (`swift build --target`
compiles it without linking it).

Usage: scripts/make-manpage.py SEEDANCE OUTPUT.1
"""
import datetime
import json
import os
import subprocess
import sys

def roff(text):
    """Text safe for a roff line: backslashes, leading dots and quotes, hyphens as minus."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.split("\n"):
        line = line.strip()
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def flag_names(argument):
    names = []
    for name in argument.get("names", []):
        prefix = {"long": "--", "short": "-", "longWithSingleDash": "-"}[name["kind"]]
        names.append(prefix + name["name"])
    return names


def argument_label(argument):
    """`--last <last>`, `-h, --help`, `<first> ...` in roff."""
    value = argument.get("valueName", "")
    if argument["kind"] == "positional":
        label = "\\fI<" + roff(value) + ">\\fR"
    else:
        label = ", ".join("\\fB" + roff(name) + "\\fR" for name in flag_names(argument))
        if argument["kind"] == "option":
            label += " \\fI<" + roff(value) + ">\\fR"
    if argument.get("isRepeating"):
        label += " ..."
    return label


def argument_text(argument):
    text = argument.get("abstract", "")
    if argument.get("discussion"):
        text += "\n" + argument["discussion"]
    values = argument.get("allValues")
    if values:
        text += " (values: " + ", ".join(values) + ")"
    if argument.get("defaultValue") not in (None, ""):
        text += " (default: " + str(argument["defaultValue"]) + ")"
    return roff(text)


def synopsis(path, command):
    parts = ["\\fB" + roff(" ".join(path)) + "\\fR"]
    shown = [a for a in command.get("arguments", []) if a.get("shouldDisplay", True)]
    if any(a["kind"] != "positional" for a in shown):
        parts.append("[\\fIoptions\\fR]")
    for argument in shown:
        if argument["kind"] == "positional":
            label = argument_label(argument)
            parts.append("[" + label + "]" if argument.get("isOptional") else label)
    if command.get("subcommands"):
        parts.append("\\fIsubcommand\\fR")
    return " ".join(parts)


def options(command, out):
    """Every displayed argument, under its help section's title (as `--help` groups them)."""
    section = None
    for argument in command.get("arguments", []):
        if not argument.get("shouldDisplay", True):
            continue
        title = argument.get("sectionTitle")
        if title != section and title:
            out.append(".PP\n\\fI" + roff(title) + ":\\fR")
        section = title
        out.append(".TP\n" + argument_label(argument) + "\n" + argument_text(argument))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make-manpage.py SEEDANCE OUTPUT.1")
    seedance, output = sys.argv[1], sys.argv[2]
    dump = subprocess.run([seedance, "--experimental-dump-help"], check=True, capture_output=True, text=True).stdout
    info = json.loads(dump)
    if info.get("serializationVersion") != 0:
        sys.exit("make-manpage: unknown --experimental-dump-help version %r" % info.get("serializationVersion"))
    version = subprocess.run([seedance, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    root = info["command"]
    name = root["commandName"]
    # Reproducible: SOURCE_DATE_EPOCH when a packager sets it.
    when = datetime.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or datetime.datetime.now().timestamp(),
                                           tz=datetime.timezone.utc)
    out = [
        '.TH %s 1 "%s" "%s %s" "User Commands"' % (name.upper(), when.strftime("%Y-%m-%d"), name, roff(version)),
        ".SH NAME",
        "%s \\- %s" % (roff(name), roff(root.get("abstract", ""))),
        ".SH SYNOPSIS",
        synopsis([name], root),
        ".SH DESCRIPTION",
        roff(root.get("discussion") or root.get("abstract", "")),
        ".PP",
        "Each subcommand below lists its options; \\fB%s help\\fR \\fIsubcommand\\fR prints the same." % roff(name),
        "Exit codes, recipes and the manual: the README and docs/ of the source repository.",
        ".SH OPTIONS",
    ]
    options(root, out)
    out.append(".SH COMMANDS")
    for command in root.get("subcommands", []):
        if not command.get("shouldDisplay", True) or command["commandName"] == "help":
            continue
        out.append('.SS "%s"' % roff(name + " " + command["commandName"]))
        out.append(synopsis([name, command["commandName"]], command))
        out.append(".PP\n" + roff(command.get("abstract", "")))
        if command.get("discussion"):
            out.append(".PP\n" + roff(command["discussion"]))
        options(command, out)
    out.append(".SH SEE ALSO")
    out.append("\\fBseedance\\-stub \\-\\-help\\fR: the stand\\-in for the provider on loopback, to rehearse offline.")
    with open(output + ".tmp", "w", encoding="utf-8") as page:
        page.write("\n".join(out) + "\n")
    os.replace(output + ".tmp", output)


if __name__ == "__main__":
    main()
