#!/usr/bin/env bash
# Every .po file is valid and complete: merged against the strings the sources
# have now, nothing is untranslated or fuzzy.
set -euo pipefail
top=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# The application's catalogue, from po/POTFILES (the glib preset's keywords).
(cd "$top" && xgettext --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --keyword=g_dpgettext2:2c,3 --flag=g_strdup_printf:1:c-format --flag=g_set_error:4:c-format \
  --files-from=po/POTFILES -o "$tmp/app.pot" 2>"$tmp/xgettext.log") || { cat "$tmp/xgettext.log"; exit 1; }

# The help's catalogue.
itstool -o "$tmp/help.pot" "$top"/help/C/*.page

check () {
  local po=$1 pot=$2
  msgfmt --check -o /dev/null "$po" || { echo "FAILED: msgfmt --check $po"; fail=1; return; }
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/merged.po" "$po" "$pot"
  stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
  echo "$po: $stats"
  if echo "$stats" | grep -qE 'fuzzy|untranslated'; then
    echo "FAILED: $po is incomplete. Missing:"
    msgattrib --untranslated --only-fuzzy "$tmp/merged.po" 2>/dev/null | grep '^msgid' | head -20 || true
    msgattrib --untranslated "$tmp/merged.po" | grep '^msgid' | head -40
    fail=1
  fi
}

check "$top/po/pl.po" "$tmp/app.pot"
check "$top/help/pl/pl.po" "$tmp/help.pot"
exit $fail
