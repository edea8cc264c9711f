#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Durable ingest over HTTP, measured with wrk against a real tickdesk process.
#   tests/bench/bench_http.sh [BUILD_DIR] [SECONDS]
# Prints requests/s and records/s for single-record requests over keep-alive
# from 32 connections, and for 1000-record batches; every 200 counted here was
# sent only after its records committed. Needs wrk (packaging/install-deps.sh --test).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
[[ -d "$build/app" ]] || build="$root/$1"
seconds=${2:-10}
lua="$here/ingest_post.lua"

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$build/app/tickdesk" --headless --port 0 --ws-port 0 --db "$work/bench.sqlite" 2>"$work/log" &
pid=$!
port=""
for _ in $(seq 100); do
    port=$(grep -oE 'listening on "?127\.0\.0\.1:[0-9]+' "$work/log" | grep -oE '[0-9]+$' || true)
    [[ -n "$port" ]] && break
    sleep 0.1
done
[[ -n "$port" ]] || { cat "$work/log"; echo "tickdesk did not start" >&2; exit 1; }

measure() {
    local label=$1 threads=$2 connections=$3 batch=$4 target=${5:-$port}
    local out
    out=$(BATCH=$batch wrk -t"$threads" -c"$connections" -d"${seconds}s" -s "$lua" "http://127.0.0.1:$target/ingest" \
        | grep '^BENCH')
    local requests non2xx secs p50 p99
    requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$out")
    non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$out")
    secs=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$out")
    p50=$(sed -E 's/.*p50_us=([0-9]+).*/\1/' <<<"$out")
    p99=$(sed -E 's/.*p99_us=([0-9]+).*/\1/' <<<"$out")
    local ok=$((requests - non2xx))
    awk -v l="$label" -v ok="$ok" -v bad="$non2xx" -v s="$secs" -v b="$batch" -v p50="$p50" -v p99="$p99" 'BEGIN {
        printf "  %-46s %9.0f requests/s %11.0f durable records/s  p50 %6.2f ms  p99 %6.2f ms  (non-200: %d)\n",
            l, ok / s, ok * b / s, p50 / 1000, p99 / 1000, bad }'
}

echo "HTTP ingest into $(nproc) cores, wrk on the same machine, ${seconds}s each"
measure "1 record/request, keep-alive, 32 connections" 2 32 1
measure "1000 records/request, 4 connections" 1 4 1000
kill -TERM "$pid"
wait "$pid" || true

# The same single-record requests against nginx answering a constant 200 (nothing stored), with one and two
# workers, for comparison on this machine in this run (packaging/install-deps.sh --bench installs it).
nginx_with() {
    local workers=$1 dir="$work/nginx$1"
    mkdir -p "$dir/logs"
    cat >"$dir/nginx.conf" <<CONF
worker_processes $workers;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/body;
    server { listen 127.0.0.1:$nginx_port; location / { return 200; } }
}
CONF
    nginx -p "$dir" -c "$dir/nginx.conf" &
    local nginx_pid=$!
    for _ in $(seq 50); do
        curl -s -o /dev/null "http://127.0.0.1:$nginx_port/" && break
        sleep 0.1
    done
    measure "nginx return 200, $workers worker(s), same requests" 2 32 1 "$nginx_port"
    kill -QUIT "$nginx_pid"
    wait "$nginx_pid" || true
}
if command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]]; then
    PATH=$PATH:/usr/sbin
    # A port no socket uses, listening or not: wrk's own connections to tickdesk took the one next to it.
    nginx_port=$((port + 1))
    while [[ -n "$(ss -Htan "( sport = :$nginx_port )")" ]]; do
        nginx_port=$((nginx_port + 1))
    done
    nginx_with 1
    nginx_with 2
else
    echo "  (nginx not installed: packaging/install-deps.sh --bench adds it for the comparison)"
fi
echo "  stored in SQLite: $(sqlite3 -cmd ".load $build/core/libtickdesk_sqlite" "$work/bench.sqlite" 'SELECT count(*) FROM ticks') ticks"
