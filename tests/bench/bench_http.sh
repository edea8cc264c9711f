#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Durable ingest over HTTP, measured with wrk against a real tickdesk process.
#   [ROUNDS=N] tests/bench/bench_http.sh [BUILD_DIR] [SECONDS]
# Prints requests/s and records/s for single-record requests over keep-alive
# from 32 connections, and for 1000-record batches; every 200 counted here was
# sent only after its records committed. Needs wrk (packaging/install-deps.sh --test).
# The single-record requests also go to nginx answering a constant 200, with one
# and two workers, for comparison; ROUNDS (default 1) repeats the three in turn, so
# that each round's ratio compares runs seconds apart on this machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
[[ -d "$build/app" ]] || build="$root/$1"
seconds=${2:-10}
lua="$here/ingest_post.lua"
# shellcheck source=headless.sh
source "$here/headless.sh"

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$build/app/tickdesk" --headless --port 0 --ws-port 0 --db "$work/bench.sqlite" 2>"$work/log" &
pid=$!
port=$(headless_port "$work/log")

# CPU time (user + system, clock ticks) of the processes listed in $server_pids.
server_ticks() {
    local total=0 p
    for p in $server_pids; do
        # Fields 14 and 15 of /proc/PID/stat, counted after the command name's closing parenthesis.
        total=$((total + $(sed -E 's/.*\) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
    done
    echo "$total"
}

# The machine's idle and I/O-wait clock ticks, then all its ticks, from the first line of /proc/stat.
idle_ticks() { awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }

# Runs wrk and prints its figures, with the CPU time a request cost the server ($server_pids) and wrk itself:
# both share this machine's cores, so a server's requests/s is bounded by what the two together spend, and by
# how much of the cores' time the two leave idle (a server that answers late keeps its clients waiting).
measure() {
    local label=$1 threads=$2 connections=$3 batch=$4 target=${5:-$port}
    local run out before after wrk_cpu hz
    hz=$(getconf CLK_TCK)
    local idle_before idle_after
    idle_before=$(idle_ticks)
    before=$(server_ticks)
    run=$( (TIMEFORMAT='wrk_cpu=%U+%S'
        time BATCH=$batch wrk -t"$threads" -c"$connections" -d"${seconds}s" -s "$lua" \
            "http://127.0.0.1:$target/ingest") 2>&1)
    after=$(server_ticks)
    idle_after=$(idle_ticks)
    out=$(grep '^BENCH' <<<"$run")
    wrk_cpu=$(sed -nE 's/^wrk_cpu=([0-9.]+)\+([0-9.]+)/\1 \2/p' <<<"$run" | awk '{print $1 + $2}')
    local requests non2xx secs p50 p99
    requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$out")
    non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$out")
    secs=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$out")
    p50=$(sed -E 's/.*p50_us=([0-9]+).*/\1/' <<<"$out")
    p99=$(sed -E 's/.*p99_us=([0-9]+).*/\1/' <<<"$out")
    local ok=$((requests - non2xx))
    awk -v l="$label" -v ok="$ok" -v bad="$non2xx" -v s="$secs" -v b="$batch" -v p50="$p50" -v p99="$p99" \
        -v server="$((after - before))" -v hz="$hz" -v wrk="$wrk_cpu" -v n="$requests" \
        -v idle="$idle_before $idle_after" 'BEGIN {
        split(idle, t, " ")
        printf "  %-46s %9.0f requests/s %11.0f durable records/s  p50 %6.2f ms  p99 %6.2f ms  (non-200: %d)\n",
            l, ok / s, ok * b / s, p50 / 1000, p99 / 1000, bad
        printf "  %-46s CPU a request: server %.1f µs, wrk %.1f µs; cores idle %.0f %%\n", "",
            server / hz / n * 1e6, wrk / n * 1e6, 100 * (t[3] - t[1]) / (t[4] - t[2]) }'
}

# nginx answering a constant 200 (nothing stored) with $1 workers on port $2, in the background; its master's
# pid goes to nginx_pids[$1] (packaging/install-deps.sh --bench installs it).
start_nginx() {
    local workers=$1 listen=$2 dir="$work/nginx$1"
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
    server { listen 127.0.0.1:$listen; location / { return 200; } }
}
CONF
    nginx -p "$dir" -c "$dir/nginx.conf" </dev/null >/dev/null 2>&1 &
    nginx_pids[workers]=$!
    for _ in $(seq 50); do
        curl -s -o /dev/null "http://127.0.0.1:$listen/" && break
        sleep 0.1
    done
}

# A port no socket uses, listening or not (wrk's own connections take ports too).
free_port() {
    local p=$1
    while [[ -n "$(ss -Htan "( sport = :$p )")" ]]; do
        p=$((p + 1))
    done
    echo "$p"
}

# Requests/s of the last measure (for the rounds' ratios).
last_rate() { sed -nE 's/.* ([0-9]+) requests\/s .*/\1/p' <<<"$1" | head -1; }

nginx_ports=()
nginx_pids=()
if command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]]; then
    PATH=$PATH:/usr/sbin
    for workers in 1 2; do
        nginx_ports[workers]=$(free_port $((port + workers)))
        start_nginx "$workers" "${nginx_ports[workers]}"
    done
    trap 'kill "$pid" 2>/dev/null || true; kill -QUIT ${nginx_pids[*]} 2>/dev/null || true; rm -rf "$work"' EXIT
fi

echo "HTTP ingest into $(nproc) cores, wrk on the same machine, ${seconds}s each"
rounds=${ROUNDS:-1}
ratios=""
for round in $(seq "$rounds"); do
    ((rounds > 1)) && echo " round $round of $rounds"
    server_pids=$pid
    line=$(measure "1 record/request, keep-alive, 32 connections" 2 32 1)
    echo "$line"
    ours=$(last_rate "$line")
    for workers in 1 2; do
        [[ -n "${nginx_pids[workers]:-}" ]] || continue
        server_pids="${nginx_pids[workers]} $(pgrep -P "${nginx_pids[workers]}" | tr '\n' ' ')"
        line=$(measure "nginx return 200, $workers worker(s), same requests" 2 32 1 "${nginx_ports[workers]}")
        echo "$line"
        ratios+="$workers $(awk -v a="$ours" -v b="$(last_rate "$line")" 'BEGIN { printf "%.2f", a / b }')"$'\n'
    done
done
[[ -n "${nginx_pids[1]:-}" ]] || echo "  (nginx not installed: packaging/install-deps.sh --bench adds it for the comparison)"
if [[ -n "$ratios" ]]; then
    for workers in 1 2; do
        echo "  TickDesk against nginx with $workers worker(s), each round: $(awk -v w="$workers" '$1 == w { printf "%s%s", sep, $2; sep = ", " }' <<<"$ratios")x"
    done
fi
server_pids=$pid
measure "1000 records/request, 4 connections" 1 4 1000
kill -TERM "$pid"
wait "$pid" || true
if ((${#nginx_pids[@]} > 0)); then
    kill -QUIT "${nginx_pids[@]}"
    wait "${nginx_pids[@]}" || true
fi
echo "  stored in SQLite: $(sqlite3 -cmd ".load $build/core/libtickdesk_sqlite" "$work/bench.sqlite" 'SELECT count(*) FROM ticks') ticks"
