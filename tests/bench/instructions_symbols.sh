#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Instructions a record costs the engine when 1,000-record requests spread over many symbols, counted by
# callgrind: bench_symbols over HTTP (4 connections), only the engine's threads counted (the HTTP I/O threads,
# the shards, the storage writer and the checkpointer; not the benchmark's clients or its set-up). Both runs,
# flat and noisy prices, each on a fresh database, so every symbol is new once in each. A figure this
# machine's spells do not move, for comparing builds; cache misses, which grow with the symbols, are not in it.
# Under callgrind the engine runs about fifty times slower, so timers (bars closed by the clock) fire more
# often than they would: compare builds with the same arguments only.
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

BENCH_HTTP=4 valgrind --tool=callgrind --callgrind-out-file="$out" \
    --toggle-collect='Http::IoWorker::run*' --toggle-collect='Pipeline::Shard::run*' \
    --toggle-collect='Storage::StorageWriter::run*' --toggle-collect='Storage::Checkpointer::run*' \
    "$build/tests/bench/bench_symbols" "$records" "$symbols" >/dev/null 2>&1

total=$(callgrind_annotate "$out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
echo "$records records over $symbols symbols, twice (flat and noisy prices), under callgrind"
echo "  instructions a record on the engine's threads: $((total / (2 * records)))   (profile: $out)"
