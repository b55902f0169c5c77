#!/usr/bin/env bash
# build-aux/session.sh COMMAND…: run COMMAND inside a private desktop session:
# an X server (Xvfb), a D-Bus session bus, the accessibility bus and a real
# notification server, all torn down afterwards.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

if [ -z "${CARNET_IN_SESSION:-}" ]; then
  export CARNET_IN_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi

runtime=$(mktemp -d /tmp/carnet-session.XXXXXX)
chmod 0700 "$runtime"
export XDG_RUNTIME_DIR=$runtime

# Xvfb picks a free display itself and tells it on the file descriptor.
exec {displayfd}<> <(:)
Xvfb -displayfd "$displayfd" -screen 0 1280x1024x24 -nolisten tcp -noreset >"$runtime/xvfb.log" 2>&1 &
xvfb_pid=$!
read -r -t 20 display <&"$displayfd" || { echo "session: Xvfb did not start" >&2; cat "$runtime/xvfb.log" >&2; exit 1; }
export DISPLAY=":$display"

/usr/libexec/at-spi-bus-launcher --launch-immediately >"$runtime/at-spi.log" 2>&1 &
atspi_pid=$!
/usr/lib/notification-daemon/notification-daemon >"$runtime/notifications.log" 2>&1 &
notify_pid=$!

cleanup() {
  kill "$notify_pid" "$atspi_pid" "$xvfb_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$runtime"
}
trap cleanup EXIT

# Wait until both own their names: a test that asks for them earlier would
# make D-Bus activate a second accessibility bus or notification server.
for name in org.a11y.Bus org.freedesktop.Notifications; do
  for _ in $(seq 100); do
    owned=$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
              --method org.freedesktop.DBus.NameHasOwner "$name" 2>/dev/null || true)
    [ "$owned" = "(true,)" ] && break
    sleep 0.1
  done
done

export GTK_A11Y=atspi
export NO_AT_BRIDGE=0
export GSK_RENDERER=cairo
set +e
"$@"
rc=$?
set -e
exit $rc
