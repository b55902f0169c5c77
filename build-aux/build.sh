#!/usr/bin/env bash
# build-aux/build.sh BUILDDIR [MESON OPTIONS…]: configure once, then build.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
builddir=$1
shift
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$@" >&2
elif [ $# -gt 0 ]; then
  meson configure "$builddir" "$@" >&2
fi
meson compile -C "$builddir" >&2
