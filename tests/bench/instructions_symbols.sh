#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Instructions a record costs the engine when 1,000-record requests spread over many symbols, counted by
# callgrind: bench_symbols over HTTP (4 connections), only the engine's threads counted (the HTTP I/O threads,
# the shards, the storage writer and the checkpointer; not the benchmark's clients or its set-up). Both runs,
# flat and noisy prices, each on a fresh database, so every symbol is new once in each. A figure this
# machine's spells do not move, for comparing builds; cache misses, which grow with the symbols, are not in it.
# Under callgrind the engine runs about fifty times slower, so timers (bars closed by the clock) fire more
# often than they would: compare builds with the same arguments only.
# CACHE=1 also simulates the caches (a 2 MiB last level, the size of this machine's L2, one for all threads)
# and prints first-level and last-level data misses a record: where a change moves cache lines rather than
# instructions, the misses show it.
#   tests/bench/instructions_symbols.sh [BUILD_DIR] [RECORDS] [SYMBOLS] [OUT_FILE]
# Needs valgrind (packaging/install-deps.sh --bench).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
[[ -d "$build/tests" ]] || build="$root/$1"
records=${2:-200000}
symbols=${3:-5000}
out=${4:-$(mktemp /tmp/tickdesk-callgrind.XXXXXX)}

cache=()
[[ "${CACHE:-0}" == 1 ]] && cache=(--cache-sim=yes --LL=2097152,16,64)
BENCH_HTTP=4 valgrind --tool=callgrind "${cache[@]}" --callgrind-out-file="$out" \
    --toggle-collect='Http::IoWorker::run*' --toggle-collect='Pipeline::Shard::run*' \
    --toggle-collect='Storage::StorageWriter::run*' --toggle-collect='Storage::Checkpointer::run*' \
    "$build/tests/bench/bench_symbols" "$records" "$symbols" >/dev/null 2>&1

echo "$records records over $symbols symbols, twice (flat and noisy prices), under callgrind"
# Columns of the totals: Ir, and with the caches simulated Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw.
callgrind_annotate "$out" 2>/dev/null | awk -v n=$((2 * records)) -v out="$out" '/PROGRAM TOTALS/ {
    gsub(",", ""); gsub(/\([0-9.]+%\)/, "")
    printf "  instructions a record on the engine'"'"'s threads: %d   (profile: %s)\n", $1 / n, out
    if (NF >= 9)
        printf "  data misses a record: first level %.1f, last level %.1f\n", ($5 + $6) / n, ($8 + $9) / n
}'
