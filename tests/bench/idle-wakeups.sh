#!/usr/bin/env bash
# tests/bench/idle-wakeups.sh BUILDDIR [SECONDS [NOTEBOOK]]: how often
# `carnet --background` wakes up while nothing is due, and how much memory it holds.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run inside build-aux/session.sh (it needs a display and a session bus). It
# plans one appointment hours away (or works on a copy of NOTEBOOK, e.g. one
# written by carnet-populate), starts carnet --background, waits for it to
# settle, then counts the context switches of all its threads over SECONDS
# (default 600), after 30 s of settling: each wake-up of a sleeping thread is one voluntary switch.
set -euo pipefail
build=$(cd "$1" && pwd)
seconds=${2:-600}
home=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$home"' EXIT

export XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$build/resources
# The notebook in a folder of its own: the file monitor watches the folder,
# and this script's own files must not wake it.
mkdir -m 0700 "$home/notebook"
notebook=$home/notebook/n.carnet
if [ -n "${3:-}" ]; then
  cp "$3" "$notebook"
else
  "$build/src/cli/carnet-cli" --notebook "$notebook" add appointment --title "Prise de sang" \
    --kind blood-test --at "$(date -d '+5 hours' +%Y-%m-%dT%H:%M)" --remind 1h >/dev/null
fi
"$build/src/app/carnet" --background --notebook "$notebook" >"$home/log" 2>&1 &
pid=$!
# Let start-up settle: GLib's worker threads leave after some idle seconds.
sleep 30

# Per thread: "tid switches". Threads that come and go between the two
# snapshots are counted too (a thread started to do work is a wake-up).
snapshot() {
  for status in /proc/"$pid"/task/*/status; do
    awk -v tid="$(basename "$(dirname "$status")")" \
      '/^voluntary_ctxt_switches|^nonvoluntary_ctxt_switches/ { s += $2 } END { print tid, s }' "$status"
  done
}

cpu_ticks() {
  awk '{ print $14 + $15 }' /proc/"$pid"/stat
}

snapshot >"$home/before"
ticks_before=$(cpu_ticks)
sleep "$seconds"
snapshot >"$home/after"
ticks_after=$(cpu_ticks)

wakeups=$(awk 'NR == FNR { before[$1] = $2; next }
               { if ($1 in before) total += $2 - before[$1]; else { total += $2; born++ } }
               END { for (t in before) seen++; print total + 0, born + 0 }' "$home/before" "$home/after")
set -- $wakeups
rss=$(awk '/^RssAnon/ { print $2, $3 }' /proc/"$pid"/status)
threads=$(wc -l <"$home/after")
echo "idle ${seconds} s: $1 context switches (${2} threads started meanwhile, ${threads} now);" \
     "CPU $(( (ticks_after - ticks_before) * 1000 / $(getconf CLK_TCK) )) ms; RssAnon ${rss}"
