# SPDX-License-Identifier: MIT
# Sourced by the benchmark scripts that start `tickdesk --headless --port 0`.

# The port the server listens on, once its log (stderr) says so; waits up to TENTHS tenths of a second
# (default 100). Prints the log and fails if it never does.
#   port=$(headless_port LOG [TENTHS])
headless_port() {
    local log=$1 tenths=${2:-100} port=""
    for _ in $(seq "$tenths"); do
        port=$(grep -oE 'listening on "?127\.0\.0\.1:[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
        [[ -n "$port" ]] && break
        sleep 0.1
    done
    if [[ -z "$port" ]]; then
        cat "$log" >&2
        echo "tickdesk did not start" >&2
        return 1
    fi
    echo "$port"
}
