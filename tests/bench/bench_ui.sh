#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The window under load: the simulator at RATE records/s over 50 symbols with
# the 3x3 chart grid visible, under Xvfb. The app measures its own GUI thread
# (busy share, longest event-loop stall) and logs it every 5 s. TIMEFRAMES gives the
# nine cells' timeframes (e.g. record,1s,5s,15s,1m,5m,15m,1h,1D; default one minute each).
#   tests/bench/bench_ui.sh [BUILD_DIR] [RATE] [SECONDS] [TIMEFRAMES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
[[ -d "$build/app" ]] || build="$root/$1"
rate=${2:-20000}
seconds=${3:-30}
timeframes=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/.config" QT_QPA_PLATFORM=xcb
if [[ -n "$timeframes" ]]; then
    mkdir -p "$work/.config/TickDesk"
    printf '[charts]\ngridTimeframes=%s\n' "${timeframes//,/, }" >"$work/.config/TickDesk/TickDesk.conf"
fi
xvfb-run -a -s "-screen 0 1920x1080x24" "$build/app/tickdesk" --db "$work/ui.sqlite" --port 0 --ws-port 0 --simulate \
    --rate "$rate" --symbols 50 --measure-ui --duration "$seconds" 2>"$work/log" || true
echo "window under load: simulator $rate records/s over 50 symbols, 3x3 grid visible (${timeframes:-1m each}), ${seconds}s"
grep -E "ui: GUI thread" "$work/log" | sed 's/^.* ui: /  /'
grep -E "records/s" "$work/log" | tail -1 | sed 's/^[0-9-]* [0-9:.]* /  last status: /'
