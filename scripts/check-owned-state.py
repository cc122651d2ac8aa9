#!/usr/bin/env python3
"""Checks the owned-state rule: no extension in another file reads or writes a type's stored properties.

For every class, struct, actor and enum declared in Sources/ and Plugins/, the stored properties of its
declaration body are collected (`let`/`var` members without an accessor block; `static` ones too), except
public ones: those are the type's API, which an extension in any file may build on. Every
`extension T` in a file other than T's declaration must not name one of them (as `x`, `self.x` or
`T.x`). Exit status 1 and one line per finding when it does. A heuristic over the source text (it does
not type-check): a local variable that shares a property's name is reported too; rename it.
"""
import os
import re
import sys

DECL = re.compile(r"^(?:[a-z@(), ]+ )?(class|struct|actor|enum) ([A-Z][A-Za-z0-9_]*)\b")
EXT = re.compile(r"^(?:[a-z@(), ]+ )?extension ([A-Z][A-Za-z0-9_.]*)\b")
MEMBER = re.compile(r"^    (?:(?:@[A-Za-z]+(?:\([^)]*\))? )|(?:[a-z]+(?:\([a-z]+\))? ))*(let|var) ([a-z_][A-Za-z0-9_]*)\b(.*)$")


def blocks(lines, start):
    """The lines of the top-level block opened at `start` (through its closing brace at column 0)."""
    depth, body = 0, []
    for line in lines[start:]:
        code = re.sub(r'"(?:\\.|[^"\\])*"', '""', line.split("//")[0])
        body.append(line)
        depth += code.count("{") - code.count("}")
        if depth <= 0 and "{" in "".join(body):
            break
    return body


def stored(body):
    names = set()
    for line in body[1:]:
        match = MEMBER.match(line)
        if not match:
            continue
        rest = match.group(3)
        # Public (and open) properties are the type's API, which an extension anywhere may build on.
        if re.match(r"^    (?:@\S+ )*(public|open)\b", line):
            continue
        # `var x: T {` (computed) and `var x: T { get }` are not storage; `= ...` or no brace is.
        if match.group(1) == "var" and "=" not in rest and rest.rstrip().endswith("{"):
            continue
        names.add(match.group(2))
    return names


def main(roots):
    types, extensions = {}, []
    for root in roots:
        for folder, _, files in os.walk(root):
            for name in sorted(files):
                if not name.endswith(".swift"):
                    continue
                path = os.path.join(folder, name)
                lines = open(path, encoding="utf-8").read().split("\n")
                for index, line in enumerate(lines):
                    if match := DECL.match(line):
                        types.setdefault(match.group(2), []).append((path, stored(blocks(lines, index))))
                    elif match := EXT.match(line):
                        extensions.append((match.group(1), path, index, blocks(lines, index)))
    findings = 0
    for type_name, path, start, body in extensions:
        for declared_in, names in types.get(type_name, []):
            if declared_in == path or not names:
                continue
            for offset, line in enumerate(body):
                code = re.sub(r'"(?:\\.|[^"\\])*"', '""', line.split("//")[0])
                used = sorted(n for n in names if re.search(r"(?<![A-Za-z0-9_.])" + n + r"\b(?!:)", code)
                              or re.search(r"\bself\." + n + r"\b", code))
                if used:
                    findings += 1
                    print(f"{path}:{start + offset + 1}: extension {type_name} uses stored "
                          f"{', '.join(used)} of {declared_in}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["Sources", "Plugins"]))
