#!/usr/bin/env bash
# Line coverage per area, from the report of the last `swift test --enable-code-coverage` (llvm-cov
# export JSON; `swift test --show-codecov-path` says where it is). Exits 1 when an area is below its
# floor; prints the project's aim beside each. Usage: scripts/coverage.sh [REPORT.json]
set -euo pipefail
cd "$(dirname "$0")/.."
report="${1:-$(swift test --show-codecov-path)}"
if [ ! -f "$report" ]; then
    echo "coverage: no report at $report; run: swift test --enable-code-coverage (or make coverage)" >&2
    exit 1
fi
python3 - "$report" "$(pwd)" <<'PY'
import json, sys

report, root = sys.argv[1], sys.argv[2]
# area: (source folders, floor %). The aim is 80 % everywhere. Areas may share folders.
AREAS = [
    ("download core", ["Sources/BossCore/Queue", "Sources/BossCore/Storage", "Sources/BossCore/Plugins"], 30),
    ("command parsing", ["Sources/BossBot/Commands"], 25),
    ("Discord events", ["Sources/BossDiscord"], 20),
    ("file management", ["Sources/BossCore/Storage"], 20),
]
AIM = 80.0

lines = {}
for entry in json.load(open(report))["data"]:
    for file in entry["files"]:
        name = file["filename"]
        if name.startswith(root + "/"):
            summary = file["summary"]["lines"]
            lines[name[len(root) + 1:]] = (summary["count"], summary["covered"])

print(f"{'area':<16} {'files':>5} {'lines':>7} {'covered':>8} {'coverage':>9} {'floor':>6} {'aim':>5}")
failures = []
for area, folders, floor in AREAS:
    files = [path for path in lines if any(path.startswith(folder + "/") for folder in folders)]
    total = sum(lines[path][0] for path in files)
    covered = sum(lines[path][1] for path in files)
    percent = 100.0 * covered / total if total else 0.0
    mark = "" if total and percent >= floor else "  BELOW FLOOR"
    print(f"{area:<16} {len(files):>5} {total:>7} {covered:>8} {percent:>8.1f}% {floor:>5}% {AIM:>4.0f}%{mark}")
    if not total:
        failures.append(f"{area}: no measured lines in {', '.join(folders)}")
    elif percent < floor:
        failures.append(f"{area}: {percent:.1f}% is below the floor of {floor}%")
for failure in failures:
    print(f"coverage: {failure}", file=sys.stderr)
sys.exit(1 if failures else 0)
PY
