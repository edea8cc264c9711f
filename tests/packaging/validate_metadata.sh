#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The desktop file and the AppStream metainfo pass their validators, and both
# use the one application id.
set -euo pipefail
dir="$(cd "$(dirname "$0")/../../packaging" && pwd)"
id=io.github.tickdesk.TickDesk
desktop-file-validate "$dir/$id.desktop"
appstreamcli validate --no-net "$dir/$id.metainfo.xml"
grep -q "^Icon=$id\$" "$dir/$id.desktop"
grep -q "<id>$id</id>" "$dir/$id.metainfo.xml"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$dir/$id.metainfo.xml"
grep -q "TICKDESK_APP_ID \"$id\"" "$dir/../core/Version.h.in"
# The history refresh timer's schedule is one systemd reads.
systemd-analyze calendar "$(sed -n 's/^OnCalendar=//p' "$dir/systemd/tickdesk-refresh.timer")" >/dev/null
grep -q '^ExecStart=/usr/bin/tickdesk refresh$' "$dir/systemd/tickdesk-refresh.service"
echo "metadata valid"
