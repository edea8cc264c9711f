#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Starts the real app in simulation mode under Xvfb, takes a screenshot after a
# few seconds and fails when it is blank or the charts show no candles.
#   tests/ui/screenshot_check.sh TICKDESK_BINARY OUTPUT.png
set -euo pipefail
bin=$1
out=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work" ASAN_OPTIONS=detect_leaks=0 QT_QPA_PLATFORM=xcb
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    "$0" --db "$1/shot.sqlite" --port 0 --ws-port 0 --simulate --rate 40 --seed 7 --duration 20 2>"$1/app.log" &
    pid=$!
    sleep 10
    import -window root "$2"
    kill -TERM $pid
    wait $pid' "$bin" "$work" "$out" || { cat "$work/app.log"; exit 1; }

deviation=$(convert "$out" -colorspace Gray -format "%[fx:standard_deviation]" info:)
# Candle bodies: the rising teal and the falling red of the charts.
count() { convert "$out" -fuzz 4% -fill white -opaque "$1" -fill black +opaque white -format "%[fx:mean*w*h]" info:; }
up=$(count "rgb(38,166,154)")
down=$(count "rgb(239,83,80)")
echo "screenshot $out: grey deviation $deviation, rising-candle pixels $up, falling-candle pixels $down"
awk -v d="$deviation" 'BEGIN { exit !(d > 0.05) }' || { echo "the screenshot is blank"; exit 1; }
awk -v u="$up" -v w="$down" 'BEGIN { exit !(u > 300 && w > 300) }' || { echo "the charts show no candles"; exit 1; }
