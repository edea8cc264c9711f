#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The long run: the window open under Xvfb, `tickdesk simulate` posting RATE records/s over SYMBOLS symbols
# over HTTP, and a WebSocket client taking every tick and signal. Every 10 s one line: elapsed seconds,
# resident memory, WAL size, database size, the GUI thread's longest stall of the last 5 s, messages the
# client received. At the end: whether resident memory stayed flat after the warm-up (first quarter).
#   tests/bench/soak.sh [BUILD_DIR] [SECONDS] [RATE] [SYMBOLS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
[[ -d "$build/app" ]] || build="$root/$1"
seconds=${2:-3600}
rate=${3:-5000}
symbols=${4:-500}
work=$(mktemp -d)
export HOME="$work" XDG_CONFIG_HOME="$work/.config" XDG_DATA_HOME="$work/.local/share" QT_QPA_PLATFORM=xcb
mkdir -p "$XDG_CONFIG_HOME/TickDesk"
printf '[General]\nfirstRunDone=true\n' >"$XDG_CONFIG_HOME/TickDesk/TickDesk.conf" # no built-in simulator
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=$display
sleep 1

"$build/app/tickdesk" --db "$work/soak.sqlite" --port 0 --ws-port 0 --measure-ui 2>"$work/app.log" &
app=$!
pids+=($app)
port="" ws=""
for _ in $(seq 200); do
    port=$(grep -oE 'listening on "?127\.0\.0\.1:[0-9]+' "$work/app.log" | head -1 | grep -oE '[0-9]+$' || true)
    ws=$(grep -oE 'streaming on "?ws://127\.0\.0\.1:[0-9]+' "$work/app.log" | head -1 | grep -oE '[0-9]+$' || true)
    [[ -n "$port" && -n "$ws" ]] && break
    sleep 0.1
done
[[ -n "$port" && -n "$ws" ]] || { cat "$work/app.log"; echo "tickdesk did not start" >&2; exit 1; }

"$build/app/tickdesk" simulate --to "http://127.0.0.1:$port/ingest" --rate "$rate" --symbols "$symbols" \
    --duration "$seconds" >"$work/simulate.log" 2>&1 &
pids+=($!)
/usr/bin/python3 "$here/ws_counter.py" "$ws" "$work/ws.count" &
pids+=($!)

echo "soak: window + HTTP ingest at $rate records/s over $symbols symbols + a WebSocket client, ${seconds}s"
echo "seconds,rss_mb,wal_mb,db_mb,gui_stall_ms,ws_messages"
samples="$work/samples.csv"
start=$(date +%s)
while (($(date +%s) - start < seconds)); do
    sleep 10
    kill -0 "$app" 2>/dev/null || { echo "tickdesk exited"; tail -20 "$work/app.log"; exit 1; }
    rss=$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$app/status")
    wal=$(stat -c %s "$work/soak.sqlite-wal" 2>/dev/null || echo 0)
    db=$(stat -c %s "$work/soak.sqlite" 2>/dev/null || echo 0)
    stall=$(grep -oE 'longest event-loop stall [0-9.]+' "$work/app.log" | tail -1 | grep -oE '[0-9.]+$' || echo -)
    messages=$(cat "$work/ws.count" 2>/dev/null || echo 0)
    line="$(($(date +%s) - start)),$rss,$(awk -v b="$wal" 'BEGIN {printf "%.1f", b / 1048576}'),$(awk -v b="$db" 'BEGIN {printf "%.1f", b / 1048576}'),$stall,$messages"
    echo "$line" | tee -a "$samples"
done
awk -F, -v warm=$((seconds / 4)) '$1 > warm { if (min == "" || $2 < min) min = $2; if ($2 > max) max = $2; n++ }
    END { if (n) printf "resident memory after the warm-up: %.1f to %.1f MB (%.1f %% spread) over %d samples\n",
          min, max, (max - min) / min * 100, n }' "$samples"
awk -F, '$5 != "-" { if ($5 > worst) worst = $5 } END { printf "longest GUI stall in any 5 s: %.1f ms\n", worst }' "$samples"
grep -E 'delivered' "$work/simulate.log" | tail -1 | sed 's/^/simulate: /' || true
