#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every libFuzzer target for a set time and prints how many inputs each executed.
#   tests/fuzz/run.sh [SECONDS_PER_TARGET] [BUILD_DIR]      default 120 s, build/fuzz
#   RUNS=10000000 tests/fuzz/run.sh  a number of inputs per target instead of a time
#   MERGE=1 tests/fuzz/run.sh ...    also adds the new inputs that reach new code to tests/fuzz/corpus/NAME
# Build the targets first: cmake --preset fuzz && cmake --build --preset fuzz
set -euo pipefail
seconds=${1:-120}
build=${2:-build/fuzz}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for target in decoder http csv stream bars alerts; do
    binary="$build/tests/fuzz/fuzz_$target"
    [[ -x "$binary" ]] || { echo "missing $binary: build the fuzz preset first" >&2; exit 2; }
    mkdir -p "$work/$target"
    cp "$here/corpus/$target"/* "$work/$target/"
    log="$work/$target.log"
    limit=(-max_total_time="$seconds")
    [[ -n "${RUNS:-}" ]] && limit=(-runs="$RUNS")
    if ! "$binary" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$work/$target-" "$work/$target" >"$log" 2>&1; then
        echo "fuzz_$target: FAILED, see the crash input below" >&2
        tail -40 "$log" >&2
        ls "$work/$target-"* >&2 2>/dev/null || true
        cp "$work/$target-"* "$here/" 2>/dev/null || true
        status=1
        continue
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    took=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || echo "$seconds")
    echo "fuzz_$target: $runs inputs in $took s, no finding"
    if [[ "${MERGE:-0}" == 1 ]]; then
        "$binary" -merge=1 "$here/corpus/$target" "$work/$target" >/dev/null 2>&1
    fi
done
exit $status
