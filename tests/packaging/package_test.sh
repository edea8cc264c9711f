#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the .deb from a build directory, installs it, runs the installed
# program (its version, then a short headless simulation that must store
# signals), and removes the package again, leaving nothing behind.
#   package_test.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
if [[ $(id -u) -ne 0 ]]; then
    echo "skipped: installing a package needs root"
    exit 77
fi
if [[ "$(dpkg-query -W -f='${db:Status-Status}' tickdesk 2>/dev/null || true)" == "installed" ]]; then
    echo "skipped: a tickdesk package is installed on this machine; leaving it alone"
    exit 77
fi
work="$(mktemp -d)"
cleanup() {
    dpkg -r tickdesk >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

cpack --config "$build/CPackConfig.cmake" -B "$work/package" >"$work/cpack.log"
deb="$(ls "$work"/package/tickdesk_*.deb)"
echo "built $(basename "$deb")"
[[ "$(dpkg-deb -f "$deb" Package)" == "tickdesk" ]]
# Every dependency is on the machine already (the project's scripts installed them): no network needed.
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb" >"$work/apt.log"

test -x /usr/bin/tickdesk
[[ "$(/usr/bin/tickdesk --version)" =~ ^TickDesk\ [0-9.]+$ ]]
test -f /usr/share/applications/io.github.tickdesk.TickDesk.desktop
test -f /usr/share/metainfo/io.github.tickdesk.TickDesk.metainfo.xml
test -f /usr/share/icons/hicolor/scalable/apps/io.github.tickdesk.TickDesk.svg
test -f /usr/share/icons/hicolor/256x256/apps/io.github.tickdesk.TickDesk.png
test -f /usr/share/man/man1/tickdesk.1.gz
test -f /usr/share/doc/tickdesk/copyright
# The history refresh's user timer and service, as systemd reads them.
systemd-analyze verify /usr/lib/systemd/user/tickdesk-refresh.timer /usr/lib/systemd/user/tickdesk-refresh.service
# An ingest node of a desk (a template: verified as its instance 0), and the NATS server configuration it expects.
cp /usr/lib/systemd/user/tickdesk-node@.service "$work/tickdesk-node@0.service"
systemd-analyze verify "$work/tickdesk-node@0.service"
if command -v nats-server >/dev/null || test -x /usr/sbin/nats-server; then
    PATH="$PATH:/usr/sbin" nats-server -t -c /usr/share/doc/tickdesk/nats-desk.conf
fi

mkdir -p "$work/home"
env -u DISPLAY -u WAYLAND_DISPLAY HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
    /usr/bin/tickdesk --headless --simulate --rate 400 --duration 5 --port 0 --ws-port 0 --rules-timeframe record \
    --db "$work/installed.sqlite" 2>"$work/run.log" &
pid=$!
# The web monitor of the installed program serves Chart.js from Debian's libjs-chart.js, a dependency.
port=$(timeout 20 tail -n +1 -f "$work/run.log" | grep -m1 -oP 'listening on "?127\.0\.0\.1:\K[0-9]+' || true)
[[ -n "$port" ]]
curl -sf "http://127.0.0.1:$port/" -o "$work/page.html"
grep -q 'name="tickdesk-stream-port"' "$work/page.html"
curl -sf "http://127.0.0.1:$port/web/chart.min.js" -o "$work/chart.js"
head -c 200 "$work/chart.js" | grep -q 'Chart.js v3'
wait $pid
signals=$(sqlite3 "$work/installed.sqlite" "SELECT count(*) FROM signals")
test -f /usr/lib/tickdesk/libtickdesk_sqlite.so
# The sqlite3 shell reads the bar logs through the installed extension.
ticks=$(sqlite3 -cmd ".load /usr/lib/tickdesk/libtickdesk_sqlite" "$work/installed.sqlite" "SELECT count(*) FROM ticks")
echo "installed tickdesk stored $ticks ticks and $signals signals"
[[ $ticks -gt 100 && $signals -gt 0 ]]

dpkg -r tickdesk >"$work/remove.log"
test ! -e /usr/bin/tickdesk
test ! -e /usr/lib/tickdesk/libtickdesk_sqlite.so
test ! -e /usr/share/applications/io.github.tickdesk.TickDesk.desktop
[[ "$(dpkg-query -W -f='${db:Status-Status}' tickdesk 2>/dev/null || true)" != "installed" ]]
echo "package installed, ran and removed cleanly"
