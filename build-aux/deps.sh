#!/usr/bin/env bash
# build-aux/deps.sh: install the Debian 12 packages Carnet needs, once.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/deps.sh [build|test]
#   build  what it takes to build and run Carnet (default)
#   test   also what the test suite drives: X server, buses, notification server, AT-SPI…
#
# It is idempotent: when every package is already there it only runs dpkg-query.
set -euo pipefail

build_packages=(
  meson ninja-build pkg-config gcc gettext appstream
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsqlite3-dev libical-dev libjson-glib-dev libnotify-dev
  libpango1.0-dev libcairo2-dev
  desktop-file-utils appstream-util
)

test_packages=(
  xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0 python3-gi
  notification-daemon libatk-adaptor imagemagick poppler-utils python3-icalendar
  locales sqlite3 clang libclang-rt-14-dev strace valgrind
)

what=${1:-build}
packages=("${build_packages[@]}")
if [ "$what" = test ]; then
  packages+=("${test_packages[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# A French session needs the locale compiled; en_US for the English screenshots.
if [ "$what" = test ]; then
  for loc in fr_FR en_US; do
    if ! locale -a 2>/dev/null | grep -qi "^${loc}\.utf-\?8$"; then
      sudo=""
      [ "$(id -u)" -eq 0 ] || sudo=sudo
      $sudo localedef -i "$loc" -f UTF-8 "$loc.UTF-8"
    fi
  done
fi
