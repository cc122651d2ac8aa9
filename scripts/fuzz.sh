#!/usr/bin/env bash
# Builds every fuzzer under Tests/Fuzz/<Target>/ with libFuzzer and AddressSanitizer, then runs each for
# SECONDS (default 20) over its committed seed corpus. Exit 1 when one finds a crash (the input is kept
# in .build-fuzz/crashes/, replay it with `.build-fuzz/<Target> FILE`).
#
# Each fuzzer is swiftc'ed straight from its entry file and the few sources its sources.txt names, not
# through SwiftPM: a build takes seconds and never rebuilds the package (CI builds that once).
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/.build-fuzz"
seconds=${1:-20}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for dir in "$root"/Tests/Fuzz/*/; do targets+=("$(basename "$dir")"); done
fi
mkdir -p "$out/crashes"

build() { # target -> .build-fuzz/<target>, rebuilt only when a source is newer
    local target=$1 dir="$root/Tests/Fuzz/$1" binary="$out/$1"
    local sources=("$dir"/*.swift)
    while read -r line; do
        [[ -z "$line" || "$line" == \#* ]] || sources+=("$root/$line")
    done <"$dir/sources.txt"
    local newest
    newest=$(ls -t "${sources[@]}" "$dir/sources.txt" | head -1)
    if [ -x "$binary" ] && [ "$binary" -nt "$newest" ]; then return 0; fi
    echo "fuzz: building $target"
    swiftc -swift-version 6 -O -parse-as-library -sanitize=fuzzer,address -use-ld=lld \
        -module-name "${target}Fuzz" "${sources[@]}" -o "$binary"
}

failed=0
for target in "${targets[@]}"; do
    build "$target"
    corpus="$out/corpus/$target"
    mkdir -p "$corpus"
    log="$out/$target.log"
    # New inputs go to the scratch corpus (first folder); the committed seeds are only read.
    if "$out/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$out/crashes/$target-" "$corpus" "$root/Tests/Fuzz/$target/corpus" >"$log" 2>&1; then
        echo "fuzz: $target: no crash in ${seconds}s ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs)"
    else
        failed=1
        echo "fuzz: $target FOUND A CRASH; log: $log" >&2
        grep -E 'ERROR|Fatal error|SUMMARY|Test unit written|artifact' "$log" | head -20 >&2 || tail -20 "$log" >&2
    fi
done
exit $failed
