#!/usr/bin/env bash
# Fails when the build log has compiler warnings in the project's own files (not in dependencies).
set -euo pipefail
log="$1"
if grep -E "^$(pwd)/(Sources|Plugins|Tests)/.*: warning:" "$log"; then
    echo "check-warnings: the build has warnings in project files (see above)" >&2
    exit 1
fi
