#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fails when a .ts file is stale against the sources (a string added, changed or
# removed without running lupdate) or when a user-visible string is untranslated;
# then checks that the built program speaks the languages.
#   check_translations.sh SOURCE_DIR LUPDATE TICKDESK
set -euo pipefail
src="$(cd "$1" && pwd)"
lupdate="$2"
tickdesk="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
update=(-silent -no-obsolete -locations none core ui app -ts)

cp "$src"/translations/tickdesk_*.ts "$work/"
(cd "$src" && "$lupdate" "${update[@]}" "$work"/tickdesk_*.ts 2>/dev/null)
status=0
for ts in "$src"/translations/tickdesk_*.ts; do
    name="$(basename "$ts")"
    if ! diff -u "$ts" "$work/$name" >"$work/$name.diff"; then
        echo "STALE: translations/$name does not match the sources:"
        head -40 "$work/$name.diff"
        status=1
    fi
    untranslated=$(grep -c -E 'type="(unfinished|vanished|obsolete)"|<translation></translation>' "$work/$name" || true)
    if [[ $untranslated -gt 0 ]]; then
        echo "UNTRANSLATED: $untranslated strings in translations/$name:"
        grep -B3 -E 'type="unfinished"|<translation></translation>' "$work/$name" | grep "<source>" | head -20
        status=1
    fi
done
if [[ $status -ne 0 ]]; then
    echo "Update with: (cd $src && $lupdate ${update[*]} translations/tickdesk_*.ts), then translate what is new."
    exit 1
fi

# The program follows the system's language, and the settings' choice over it.
home="$work/home"
mkdir -p "$home/.config/TickDesk"
grep -q "Handelsterminal" <<<"$(env -u LANGUAGE HOME="$home" XDG_CONFIG_HOME="$home/.config" LC_ALL=de_DE.UTF-8 "$tickdesk" --help)" # read whole: grep -q stopping early would break the pipe
grep -q "terminal de trading" <<<"$(env -u LANGUAGE HOME="$home" XDG_CONFIG_HOME="$home/.config" LC_ALL=fr_FR.UTF-8 "$tickdesk" --help)" # read whole: grep -q stopping early would break the pipe
printf '[display]\nlanguage=fr\n' >"$home/.config/TickDesk/TickDesk.conf"
grep -q "terminal de trading" <<<"$(env -u LANGUAGE HOME="$home" XDG_CONFIG_HOME="$home/.config" LC_ALL=de_DE.UTF-8 "$tickdesk" --help)" # read whole: grep -q stopping early would break the pipe
echo "translations complete and current; German and French in use"
