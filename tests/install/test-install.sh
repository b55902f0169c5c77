#!/usr/bin/env bash
# test-install.sh MESON BUILDDIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID:
# install into a temporary DESTDIR and check that everything lands where the
# desktop expects it, and that the installed programs run.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

meson=$1 builddir=$2 prefix=$3 bindir=$4 datadir=$5 localedir=$6 app_id=$7

# Relative option values are relative to the prefix.
case $bindir in /*) ;; *) bindir=$prefix/$bindir ;; esac
case $datadir in /*) ;; *) datadir=$prefix/$datadir ;; esac
case $localedir in /*) ;; *) localedir=$prefix/$localedir ;; esac

destdir=$(mktemp -d "${TMPDIR:-/tmp}/carnet-install.XXXXXX")
trap 'rm -rf "$destdir"' EXIT

"$meson" install -C "$builddir" --destdir "$destdir" --no-rebuild --quiet >"$destdir.log" 2>&1 || {
  cat "$destdir.log" >&2; rm -f "$destdir.log"; echo "meson install failed" >&2; exit 1; }
rm -f "$destdir.log"

root=$destdir
failed=0
check() {
  if [ -e "$root$1" ]; then
    echo "ok: $1"
  else
    echo "MISSING: $1" >&2
    failed=1
  fi
}

check "$bindir/carnet"
check "$bindir/carnet-cli"
check "$datadir/applications/$app_id.desktop"
check "$datadir/metainfo/$app_id.metainfo.xml"
check "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
check "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
check "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check "$localedir/fr/LC_MESSAGES/carnet.mo"
[ $failed -eq 0 ] || exit 1

# The programs are linked statically against our libraries: they run from anywhere.
version=$("$root$bindir/carnet-cli" --version)
echo "carnet-cli --version: $version"
case $version in *0.*) ;; *) echo "unexpected carnet-cli version: $version" >&2; exit 1 ;; esac
version=$("$root$bindir/carnet" --version)
echo "carnet --version: $version"
case $version in *0.*) ;; *) echo "unexpected carnet version: $version" >&2; exit 1 ;; esac

# The installed desktop file and metainfo are translated and valid.
grep -q '^Name\[fr\]=' "$root$datadir/applications/$app_id.desktop" || {
  echo "the desktop file has no French" >&2; exit 1; }
grep -q 'xml:lang="fr"' "$root$datadir/metainfo/$app_id.metainfo.xml" || {
  echo "the metainfo has no French" >&2; exit 1; }
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root$datadir/applications/$app_id.desktop"
fi

# The installed schema compiles, and the French catalogue is a valid .mo.
glib-compile-schemas --strict --dry-run "$root$datadir/glib-2.0/schemas"
if command -v msgunfmt >/dev/null; then
  # (Not piped into grep -q: msgunfmt would die of SIGPIPE under pipefail.)
  msgunfmt "$root$localedir/fr/LC_MESSAGES/carnet.mo" >"$destdir/carnet.po"
  grep -q 'msgstr "Carnet — ' "$destdir/carnet.po" || {
    echo "carnet.mo lacks the window title's translation" >&2; exit 1; }
fi

echo "install layout ok"
