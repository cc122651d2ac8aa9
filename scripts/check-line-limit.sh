#!/usr/bin/env bash
# Every source file in Sources/ and Plugins/ stays under 120 lines: split by responsibility instead.
# With file arguments, checks just those (the pre-commit hook passes the staged files).
set -euo pipefail
limit=120
if [ "$#" -gt 0 ]; then files=("$@"); else mapfile -t files < <(git ls-files -co --exclude-standard Sources Plugins | grep -E '\.(swift|c|h)$'); fi
status=0
for file in "${files[@]}"; do
    case "$file" in Sources/*|Plugins/*) ;; *) continue ;; esac
    [ -f "$file" ] || continue
    lines=$(wc -l < "$file")
    if [ "$lines" -ge "$limit" ]; then
        echo "$file: $lines lines (limit: under $limit); split it by responsibility" >&2
        status=1
    fi
done
exit $status
