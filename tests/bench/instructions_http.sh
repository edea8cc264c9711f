#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Instructions a single-record POST /ingest costs in user space, counted by callgrind: a figure this machine's
# spells do not move, for comparing builds. wrk sends single records from 2 threads over 32 connections for
# SECONDS (callgrind runs the server about fifty times slower, so far fewer requests are answered than usual);
# only those requests are counted (instrumentation is switched on after the start-up and a warm-up).
#   tests/bench/instructions_http.sh [BUILD_DIR] [SECONDS] [OUT_FILE]
# Prints requests, commits and instructions per request; OUT_FILE (kept) is for callgrind_annotate.
# Needs valgrind and wrk (packaging/install-deps.sh --bench).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
[[ -d "$build/app" ]] || build="$root/$1"
seconds=${2:-10}
out=${3:-$(mktemp /tmp/tickdesk-callgrind.XXXXXX)}
lua="$here/ingest_post.lua"
# shellcheck source=headless.sh
source "$here/headless.sh"

work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out" \
    "$build/app/tickdesk" --headless --port 0 --ws-port 0 --db "$work/bench.sqlite" 2>"$work/log" &
pid=$!
port=$(headless_port "$work/log" 600) # callgrind starts it slowly

# Requests and commits so far, from /metrics.
counters() {
    curl -s "http://127.0.0.1:$port/metrics" |
        awk '/^tickdesk_ingest_requests_total / { r = $2 } /^tickdesk_commits_total\{result="ok"\}/ { c = $2 }
             END { print r + 0, c + 0 }'
}

BATCH=1 wrk -t1 -c4 -d2s -s "$lua" "http://127.0.0.1:$port/ingest" >/dev/null
read -r requests0 commits0 < <(counters)
callgrind_control -i on "$pid" >/dev/null 2>&1
BATCH=1 wrk -t2 -c32 -d"${seconds}s" -s "$lua" "http://127.0.0.1:$port/ingest" >/dev/null
callgrind_control -i off "$pid" >/dev/null 2>&1
read -r requests1 commits1 < <(counters)
kill -TERM "$pid"
wait "$pid" || true

total=$(callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
requests=$((requests1 - requests0))
commits=$((commits1 - commits0))
echo "single-record requests under callgrind: $requests answered, $commits commits ($((requests / (commits > 0 ? commits : 1))) a commit)"
echo "  user-space instructions a request: $((total / requests))   (profile: $out)"
