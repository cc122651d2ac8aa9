#!/usr/bin/env bash
# `make bench`: host figures against references measured in the same run, on loopback only.
#   1. throughput: `boss-host fetch` of a 50 MB file vs `curl -o` of the same file from the same server
#   2. memory: peak RSS of `boss-host fetch` with five concurrent 50 MB downloads (target <= 48 MiB, issue 14)
#   3. routing: 1,000 URLs across 20 plugins vs parsing the same URLs (boss-bench)
#   4. hot-add and cancel latency (boss-bench)
#   5. egress: gallery-dl of the 50 MB file through the host's egress proxy vs direct (boss-bench)
#      and the yt-dlp plugin vs yt-dlp alone on a local ~50 MB stream (boss-bench)
#   6. the fallback chain's unsupported verdict for a page without media (target under 3 s)
#   7. Discord: command-to-first-reply p50/p99 at 20 commands/s with 5 downloads running (boss-bench-discord)
#   8. scale-out: queue operations per second, PostgreSQL vs SQLite; jobs per second through 1, 2 and 3
#      worker processes on one PostgreSQL queue (target >= 2.5x from 1 to 3; boss-bench-queue)
#   9. start-up and memory: start -> IDENTIFY, start -> READY, idle RSS after READY with four plugins and
#      the metrics server, and its largest mappings, against a minimal discord.py bot and against the floor
#      of the libraries the design requires (boss-bench-floor); peak RSS of `run` during
#      five concurrent 50 MB downloads against curl --parallel (boss-bench-startup)
set -euo pipefail
cd "$(dirname "$0")/.."
host=.build/release/boss-host
bench=.build/release/boss-bench
work=$(mktemp -d /tmp/boss-bench.XXXXXX)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT

# A 50 MB MP4-typed file (ftyp header, then pseudo-random bytes) served by a separate process.
mkdir -p "$work/www"
python3 - "$work/www/clip.mp4" <<'PY'
import os, sys
with open(sys.argv[1], "wb") as f:
    f.write(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2")
    f.write(os.urandom(50 * 1024 * 1024 - 24))
PY
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/www" >/dev/null 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
url="http://127.0.0.1:$port/clip.mp4"
export BOSS_ALLOW_PRIVATE_NETWORKS=1 BOSS_PLUGINS_DIR="$PWD/plugins.d" BOSS_METRICS_ADDR=off

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc -l; }

curl_fetch() { rm -f "$work/curl.mp4"; curl -s -o "$work/curl.mp4" "$url"; }
host_fetch() { rm -rf "$work/out" "$work/data"; BOSS_DATA_DIR="$work/data" "$host" fetch "$url" -o "$work/out"; }
min_time() { local best=999999 t; for _ in $(seq 10); do t=$(seconds "$@"); if (( $(echo "$t < $best" | bc -l) )); then best=$t; fi; done; echo "$best"; }
min_of() { sort -g | head -1; }

# Transfer time alone: curl's own time_total, and the job's download time that `fetch` reports.
curl_transfer=$(for _ in $(seq 10); do curl -s -o "$work/curl.mp4" -w '%{time_total}\n' "$url"; done | min_of)
host_transfer=$(for _ in $(seq 10); do host_fetch | grep -oE 'downloaded in [0-9.]+' | grep -oE '[0-9.]+$'; done | min_of)
# Whole commands, process start-up included.
curl_s=$(min_time curl_fetch)
host_s=$(min_time host_fetch)
cmp -s "$work/www/clip.mp4" "$work/out/clip.mp4" || { echo "bench: boss-host delivered different bytes" >&2; exit 1; }
mb=$(echo "50 * 1.048576" | bc -l)

# Peak RSS of five concurrent 50 MB downloads (VmHWM via GNU time), with curl doing the same as reference.
rm -rf "$work/out" "$work/data"
rss_host=$(BOSS_DATA_DIR="$work/data" /usr/bin/time -f "%M" "$host" fetch "$url" "$url" "$url" "$url" "$url" -o "$work/out" 2>&1 >/dev/null | tail -1)
rss_curl=$(/usr/bin/time -f "%M" curl -s -o "$work/c1" "$url" -o "$work/c2" "$url" -o "$work/c3" "$url" -o "$work/c4" "$url" -o "$work/c5" "$url" --parallel 2>&1 | tail -1)
files=$(ls "$work/out" | wc -l)

printf '\n%-46s %14s %14s %8s\n' "benchmark" "boss-host" "reference" "ratio"
printf '%-46s %11.0f MB/s %11.0f MB/s %8.2f   (target >= 0.80; reference: curl -o, its time_total)\n' \
    "download 50 MB over loopback (best of 10)" "$(echo "$mb / $host_transfer" | bc -l)" "$(echo "$mb / $curl_transfer" | bc -l)" "$(echo "$curl_transfer / $host_transfer" | bc -l)"
printf '%-46s %11.0f MB/s %11.0f MB/s %8.2f   (whole command incl. process start-up; reference: curl -o)\n' \
    "fetch command, 50 MB (best of 10)" "$(echo "$mb / $host_s" | bc -l)" "$(echo "$mb / $curl_s" | bc -l)" "$(echo "$curl_s / $host_s" | bc -l)"
printf '%-46s %11.1f MB %11.1f MB %8.2f   (target <= 48 MiB; reference: curl --parallel; %s files)\n' \
    "peak RSS, 5 concurrent 50 MB downloads" "$(echo "$rss_host / 1024" | bc -l)" "$(echo "$rss_curl / 1024" | bc -l)" "$(echo "$rss_host / $rss_curl" | bc -l)" "$files"
# Routing: 20 C plugins built from the test fixture, each claiming its own site.
mkdir -p "$work/routing"
for i in $(seq 0 19); do
    cc -std=c11 -shared -fPIC -fvisibility=hidden -O2 -I Sources/PluginABI/include \
        -DFIXTURE_ID="\"site$i\"" -DFIXTURE_PATTERN="\"^https://site$i\\\\.example/post/[0-9]+\"" \
        -DFIXTURE_EXAMPLE="\"https://site$i.example/post/1\"" -DFIXTURE_PRIORITY="$i" \
        Tests/Fixtures/Plugins/fixture_plugin.c -o "$work/routing/libsite$i.so"
done
"$bench" routing "$work/routing" 1000
"$bench" hotadd "$work/routing/libsite0.so"
cc -std=c11 -shared -fPIC -fvisibility=hidden -O2 -I Sources/PluginABI/include \
    Tests/Fixtures/Plugins/behaviour_plugin.c -o "$work/libbehaviour.so"
"$bench" cancel "$work/libbehaviour.so"
# Children's network: gallery-dl through the host's egress proxy vs gallery-dl direct, same file.
"$bench" egress "$url"
# yt-dlp: the plugin (routed, confined, proxied, streamed into the sink) vs yt-dlp alone, on the same
# local HLS stream of a real ~50 MB H.264 video (yt-dlp checks what it downloads from a manifest).
ffmpeg -loglevel error -y -f lavfi -i testsrc2=size=1280x720:rate=25 -t 27 -c:v libx264 -preset ultrafast \
    -b:v 18M -maxrate 18M -bufsize 2M -pix_fmt yuv420p "$work/www/stream.mp4"
printf '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:27\n#EXTINF:27.0,\nstream.mp4\n#EXT-X-ENDLIST\n' \
    >"$work/www/stream.m3u8"
"$bench" ytdlp "$PWD/plugins.d/libYtDlpExtractor.so" "http://127.0.0.1:$port/stream.m3u8"
# The fallback chain's "not supported": a page without media (the server's folder listing, no
# extension) goes through the probe, gallery-dl and yt-dlp's generic extractor; whole command, best of 3.
verdict() { rm -rf "$work/data"; BOSS_DATA_DIR="$work/data" "$host" fetch "http://127.0.0.1:$port/" || true; }
verdict_s=$(for _ in 1 2 3; do seconds verdict; done | min_of)
printf '%-46s %12.2f s %12.2f s %8.2f   (target: under 3 s, the reference; whole command incl. start-up)\n' \
    "unsupported verdict, page without media" "$verdict_s" 3 "$(echo "$verdict_s / 3" | bc -l)"
# Discord: command-to-first-reply latency of the release host against the fake Discord (test support,
# built in debug: only the fake runs in it, on both ends of the measured path).
swift build --enable-code-coverage --product boss-bench-discord >"$work/bench-build.log" 2>&1 \
    || { cat "$work/bench-build.log" >&2; exit 1; }  # the same flags as `make build`: no rebuild
LLVM_PROFILE_FILE=/dev/null .build/debug/boss-bench-discord "$PWD/$host" "$PWD/plugins.d"

# --- scale-out (boss-bench-queue, on a throwaway PostgreSQL cluster it starts): queue operations per second
# of the PostgreSQL store against the embedded SQLite store (reference), and jobs per second through 1, 2
# and 3 worker processes behind one gateway process (reference: 1 worker) ---
swift build --enable-code-coverage --product boss-bench-queue >"$work/bench-build.log" 2>&1 \
    || { cat "$work/bench-build.log" >&2; exit 1; }
swift build -c release --product boss-bench-queue-ops >"$work/bench-build.log" 2>&1 \
    || { cat "$work/bench-build.log" >&2; exit 1; }
LLVM_PROFILE_FILE=/dev/null .build/debug/boss-bench-queue "$PWD/$host" "$PWD/plugins.d" \
    "$PWD/.build/release/boss-bench-queue-ops" >"$work/queue.txt"
read -r _ pg_ops sqlite_ops < <(grep '^queue-ops' "$work/queue.txt")
read -r _ one_worker two_workers three_workers < <(grep '^jobs-per-second' "$work/queue.txt")
printf '%-46s %9.0f op/s %9.0f op/s %8.2f   (PostgreSQL store; reference: SQLite store, in process)\n' \
    "queue operations: enqueue, claim, finish" "$pg_ops" "$sqlite_ops" "$(echo "$pg_ops / $sqlite_ops" | bc -l)"
printf '%-46s %7.2f jobs/s %7.2f jobs/s %8.2f   (reference: 1 worker)\n' \
    "jobs through 2 workers on one PostgreSQL" "$two_workers" "$one_worker" "$(echo "$two_workers / $one_worker" | bc -l)"
printf '%-46s %7.2f jobs/s %7.2f jobs/s %8.2f   (target >= 2.5; reference: 1 worker)\n' \
    "jobs through 3 workers on one PostgreSQL" "$three_workers" "$one_worker" "$(echo "$three_workers / $one_worker" | bc -l)"

# --- start-up and idle memory (boss-bench-startup; reference: discord.py, installed by install-deps --bench) ---
scripts/install-deps.sh --bench >&2
swift build --enable-code-coverage --product boss-bench-startup >"$work/bench-build.log" 2>&1 \
    || { cat "$work/bench-build.log" >&2; exit 1; }
swift build -c release --product boss-bench-floor >"$work/bench-build.log" 2>&1 \
    || { cat "$work/bench-build.log" >&2; exit 1; }
LLVM_PROFILE_FILE=/dev/null .build/debug/boss-bench-startup "$PWD/$host" "$PWD/plugins.d" \
    "$PWD/Benchmarks/Reference/discordpy_bot.py" "$PWD/.build/release/boss-bench-floor"
# --- end of start-up and idle memory ---
