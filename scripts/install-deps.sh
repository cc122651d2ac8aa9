#!/usr/bin/env bash
# Installs what Boss-Bot needs on Debian/Ubuntu, and only what is missing: apt packages for libcurl,
# libwebsockets, SQLite, ffmpeg, python3 (gallery-dl, scripts/coverage.sh, the tests' TLS proxy), openssl
# (test certificates), chromium (the dashboard screenshot test), postgresql (the PostgreSQL queue's tests
# start a throwaway cluster of their own with its initdb and pg_ctl; `make run` never needs a server);
# gallery-dl and yt-dlp from PyPI.
# `--bench` also installs discord.py, `make bench`'s reference bot (the tests never need it).
# Safe to run again (it then does nothing). Installing Debian's postgresql also creates and starts its
# default cluster (port 5432); the tests never use it, and a second run leaves it as it is.
set -euo pipefail

APT_PACKAGES=(pkg-config libcurl4-openssl-dev libwebsockets-dev libsqlite3-dev ffmpeg python3 python3-pip openssl curl time bc chromium
    postgresql)

if ! command -v swift >/dev/null 2>&1; then
    echo "install-deps: no Swift toolchain on PATH; install Swift 6 from swift.org first" >&2
    exit 1
fi

missing=()
for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}"
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v gallery-dl >/dev/null 2>&1; then
    echo "install-deps: installing gallery-dl"
    python3 -m pip install --quiet gallery-dl 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages gallery-dl
fi

if ! command -v yt-dlp >/dev/null 2>&1; then
    echo "install-deps: installing yt-dlp"
    python3 -m pip install --quiet yt-dlp 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages yt-dlp
fi

if [ "${1:-}" = "--bench" ] && ! python3 -c 'import discord' >/dev/null 2>&1; then
    echo "install-deps: installing discord.py (make bench's reference bot)"
    python3 -m pip install --quiet 'discord.py==2.7.1' 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages 'discord.py==2.7.1'
fi
