#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A flood of distinct symbols against a headless TickDesk: COUNT symbols, one bar each, posted by
# `tickdesk simulate`; then resident memory, how many symbols stay live, and how long /api/summary takes.
#   tests/bench/bench_flood.sh [BUILD_DIR] [COUNT] [MAX_SYMBOLS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
[[ -d "$build/app" ]] || build="$root/$1"
count=${2:-100000}
max=${3:-20000}
# shellcheck source=headless.sh
source "$here/headless.sh"
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
"$build/app/tickdesk" --headless --port 0 --ws-port 0 --db "$work/flood.sqlite" --max-symbols "$max" 2>"$work/log" &
pid=$!
port=$(headless_port "$work/log")
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
echo "symbol flood: $count distinct symbols, one bar each, --max-symbols $max"
echo "  resident memory at start: $(rss) MB"
"$build/app/tickdesk" simulate --to "http://127.0.0.1:$port/ingest" --symbols "$count" --count "$count" \
    --rate 100000 --batch 500 >"$work/sim.log" 2>&1
echo "  after the flood: $(rss) MB; $(grep -oE 'delivered [0-9]+' "$work/sim.log" | tail -1) records"
metrics=$(curl -s "http://127.0.0.1:$port/metrics")
echo "  live symbols: $(grep -E '^tickdesk_symbols_active ' <<<"$metrics" | cut -d' ' -f2)," \
    "evicted: $(grep -E '^tickdesk_symbols_evicted_total ' <<<"$metrics" | cut -d' ' -f2)"
start=$(date +%s%N)
bytes=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port/api/summary")
echo "  GET /api/summary (first page of 1,000): $bytes bytes in $((($(date +%s%N) - start) / 1000000)) ms," \
    "X-Total-Count $(curl -s -D - -o /dev/null "http://127.0.0.1:$port/api/summary?limit=1" | grep -i x-total-count | tr -d '\r' | cut -d' ' -f2)"
kill -TERM "$pid"
wait "$pid" || true
start=$(date +%s%N)
"$build/app/tickdesk" --headless --port 0 --ws-port 0 --db "$work/flood.sqlite" --max-symbols "$max" --duration 1 \
    2>"$work/restart.log" || true
echo "  restart with the flooded database: $(grep -oE 'warmed [0-9]+ symbols' "$work/restart.log")," \
    "$((($(date +%s%N) - start) / 1000000)) ms including 1 s of running"
