#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages TickDesk needs, and only those missing.
#   packaging/install-deps.sh          build and run
#   packaging/install-deps.sh --test   also what the test suite uses (Chromium: the web monitor in a browser)
#   packaging/install-deps.sh --bench  also what the benchmarks use (wrk, nginx to compare with, valgrind)
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libqt6sql6-sqlite libqt6opengl6-dev libgl-dev
    libboost-dev libsimdjson-dev libsqlite3-dev libcurl4-openssl-dev qtkeychain-qt6-dev tzdata
    qt6-qpa-plugins qt6-translations-l10n libjs-chart.js libnats-dev
)
if [[ "${1:-}" == "--test" || "${1:-}" == "--bench" ]]; then
    packages+=(curl wrk sqlite3 xvfb xauth imagemagick clang-format python3-aiosmtpd openssl
        desktop-file-utils appstream chromium nats-server systemd)
fi
if [[ "${1:-}" == "--bench" ]]; then
    packages+=(nginx-light iproute2 valgrind)
fi

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
