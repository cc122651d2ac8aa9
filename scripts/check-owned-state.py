#!/usr/bin/env python3
"""Owned-state check (heuristic, for review; not wired into make).

Usage: scripts/check-owned-state.py [ROOTS...]   (default: Sources Plugins)
Finds the stored properties of every type, then reports (1) an extension of a type in another file that
mentions one of its non-private stored properties (a protocol conformance can be a false positive: read
it), and (2) a mutable stored property (var, or a let holding a Mutex/Atomic/lock) of a class or actor
that is not private or private(set)."""
import re, sys, pathlib
roots = sys.argv[1:] or ['Sources', 'Plugins']
files = [p for r in roots for p in pathlib.Path(r).rglob('*.swift')]
decl_re = re.compile(r'^(\s*)(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|internal|private|fileprivate|final|open|nonisolated|indirect)\s+)*(class|struct|enum|actor)\s+(\w+)')
prop_re = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*((?:(?:public|internal|private|fileprivate|open|nonisolated(?:\(unsafe\))?|weak|unowned|lazy|static|private\(set\)|fileprivate\(set\))\s+)*)(let|var)\s+(\w+)\s*(.*)$')
types = {}   # name -> (file, [(prop, modifiers, kind, rest)])
for f in files:
    lines = f.read_text().split('\n')
    for i, line in enumerate(lines):
        m = decl_re.match(line)
        if not m or '{' not in line: continue
        indent = len(m.group(1)); name = m.group(3)
        props = []
        depth = 0
        for j in range(i, len(lines)):
            l = lines[j]
            if j > i and depth == 1 and len(l) - len(l.lstrip()) == indent + 4:
                pm = prop_re.match(l)
                if pm and 'static' not in pm.group(1):
                    rest = pm.group(4)
                    computed = pm.group(2) == 'var' and rest.rstrip().endswith('{') and '=' not in rest
                    if not computed: props.append((pm.group(3), pm.group(1).strip(), pm.group(2), rest))
            depth += l.count('{') - l.count('}')
            if j > i and depth <= 0: break
        types.setdefault(name, (str(f), props, m.group(2), indent))
bad = 0
for f in files:
    text = f.read_text()
    for m in re.finditer(r'^extension (\w+)', text, re.M):
        name = m.group(1)
        if name not in types or types[name][0] == str(f): continue
        for prop, mods, kind, rest in types[name][1]:
            if 'private' in mods and 'private(set)' not in mods: continue
            if re.search(r'(?<![\w.])(self\.)?' + re.escape(prop) + r'\b', text):
                print(f'{f}: extension {name} may touch stored property {prop} ({types[name][0]})'); bad += 1
for name, (f, props, kind_, indent) in sorted(types.items()):
    if kind_ not in ('class', 'actor') or indent > 0: continue
    for prop, mods, kind, rest in props:
        if kind == 'var' and re.match(r'[^=]*\{', rest): continue  # computed
        mutable = kind == 'var' or re.search(r'\b(Mutex|Atomic|Lock)\b', rest)
        if mutable and 'private' not in mods:
            print(f'{f}: {name}.{prop} is mutable and not private ({mods or "internal"} {kind})'); bad += 1
print(f'{len(types)} types, {sum(len(t[1]) for t in types.values())} stored properties, {bad} findings')
