#!/usr/bin/env bash
# check-translations.sh SOURCE_ROOT: fail when a translation is missing.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Extracts the template afresh from the sources, as `meson compile carnet-pot`
# does (the glib preset), merges each language of po/LINGUAS into it and fails
# on any untranslated or fuzzy message: a string added to the code without its
# translation fails here, not only a po file left incomplete. Also fails when
# a source file with translatable strings is missing from po/POTFILES.in.
set -euo pipefail

src=$(cd "$1" && pwd)
podir=$src/po
tmp=$(mktemp -d "${TMPDIR:-/tmp}/carnet-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8
status=0

sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$podir/POTFILES.in" >"$tmp/POTFILES"

# Every file that marks strings for translation is listed.
cd "$src"
{
  grep -lE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext)[[:space:]]*\(' src/*/*.c || true
  grep -l 'translatable="yes"' ui/*.ui || true
} | sort -u >"$tmp/marked"
while read -r file; do
  if ! grep -qxF "$file" "$tmp/POTFILES"; then
    echo "po/POTFILES.in does not list $file, which has translatable strings" >&2
    status=1
  fi
done <"$tmp/marked"

# The same extraction as meson's glib preset.
xgettext --package-name=carnet -D "$src" -k_ --files-from="$tmp/POTFILES" \
  --output="$tmp/carnet.pot" \
  --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format

echo "$(( $(grep -c '^msgid ' "$tmp/carnet.pot") - 1 )) messages in the template"

for lang in $(sed -e 's/#.*//' "$podir/LINGUAS"); do
  msgmerge --quiet --previous "$podir/$lang.po" "$tmp/carnet.pot" -o "$tmp/$lang.po"
  if ! msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>"$tmp/$lang.stats"; then
    cat "$tmp/$lang.stats" >&2
    status=1
    continue
  fi
  echo "$lang: $(cat "$tmp/$lang.stats")"
  if grep -qE 'untranslated|fuzzy' "$tmp/$lang.stats"; then
    echo "$lang: untranslated or fuzzy messages:" >&2
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | sed -n '/^#:/,$p' >&2 || true
    msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | sed -n '/^#:/,$p' >&2 || true
    status=1
  fi
done

exit $status
