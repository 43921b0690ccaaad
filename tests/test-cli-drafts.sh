#!/usr/bin/env bash
# The drafts on the command line: --add-draft registers a draft from a file
# and prints its units; --document comments-table and opinion write their
# documents; what cannot be read or made is refused in one line.
set -uo pipefail
app=$1
fixtures=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
passed=0
failed=0

ok () { passed=$((passed + 1)); }
bad () { echo "FAILED: $*"; failed=$((failed + 1)); }
expect () { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

A="$tmp/a.sqlite3"
"$app" --database "$A" --demo --check > /dev/null 2>&1

# From an .odt made by LibreOffice: one line per unit, its key and first words.
"$app" --database "$A" --add-draft "$fixtures/odf-source.odt" --delivered 2026-11-30 > "$tmp/units" 2> "$tmp/err"
expect "--add-draft works" test $? -eq 0
expect "units printed" test "$(wc -l < "$tmp/units")" -eq 14
expect "a unit's key and words" grep -qx '§ 2 pkt 2 lit. b tiret 1  w dni robocze,' "$tmp/units"
expect "the table is a unit" grep -q '^§ 3 tabela 1  Zadanie | Kwota' "$tmp/units"
expect "the deadline is said" grep -q 'opinion due by 2026-12-14' "$tmp/err"
expect "listed with its title" grep -q 'w sprawie zasad współpracy z organizacjami pozarządowymi' <("$app" --database "$A" --list drafts)

# A title and a day given; a text file with Windows line ends.
"$app" --database "$A" --add-draft "$fixtures/14-windows-line-ends.txt" --title "Projekt uchwały w sprawie dotacji" \
  --delivered 2026-10-28 > "$tmp/units" 2> "$tmp/err"
expect "--title" grep -q '“Projekt uchwały w sprawie dotacji”' "$tmp/err"
expect "text file split" test "$(sed 's/  .*//' "$tmp/units" | tr '\n' '|')" = "Preambuła|§ 1|§ 2|§ 2 ust. 1|§ 2 ust. 2|"

# Refusals: one line on stderr, no draft registered.
before=$("$app" --database "$A" --list drafts | wc -l)
printf '%%PDF-1.7\n' > "$tmp/draft.pdf"
refuse () {
  local what=$1; shift
  "$app" --database "$A" "$@" > /dev/null 2> "$tmp/err"
  expect "$what: refused" test $? -ne 0
  expect "$what: one line" test "$(wc -l < "$tmp/err")" -eq 1
}
refuse "a PDF" --add-draft "$tmp/draft.pdf"
expect "a PDF: says to paste" grep -q "paste" "$tmp/err"
refuse "no such file" --add-draft "$tmp/missing.odt"
refuse "a wrong day" --add-draft "$fixtures/02-flat-paragraphs.txt" --delivered 28.10.2026
expect "nothing registered" test "$("$app" --database "$A" --list drafts | wc -l)" -eq "$before"

# The documents of the demo's programme.
programme=$("$app" --database "$A" --list drafts | grep 'Programu współpracy' | cut -d' ' -f1)
rooms=$("$app" --database "$A" --list drafts | grep 'regulaminu korzystania' | cut -d' ' -f1)
for ext in pdf odt csv txt; do
  "$app" --database "$A" --document comments-table --of "$programme" --output "$tmp/table.$ext"
  expect "comments-table .$ext" test -s "$tmp/table.$ext"
done
for ext in pdf odt; do
  "$app" --database "$A" --document opinion --of "$programme" --output "$tmp/opinion.$ext"
  expect "opinion .$ext" test -s "$tmp/opinion.$ext"
done
expect "table text" grep -q "Table of comments" "$tmp/table.txt"
refuse "opinion not recorded" --document opinion --of "$rooms" --output "$tmp/refused.pdf"
expect "opinion not recorded: nothing written" test ! -e "$tmp/refused.pdf"
refuse "comments-table of a meeting" --document comments-table \
  --of "$("$app" --database "$A" --list meetings | head -1 | cut -d' ' -f1)" --output "$tmp/refused.pdf"

echo "$passed passed, $failed failed"
test $failed -eq 0
