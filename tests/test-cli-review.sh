#!/usr/bin/env bash
# A draft sent for review to three Council members on laptops of their own
# (separate databases), on the command line: the secretary writes the review
# file, two members open it, comment (one on the first version after the
# second went out) and send their replies, the secretary imports both and
# the table of comments names each comment's author; a reply in a member's
# name from another laptop is refused.
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

S="$tmp/secretary.sqlite3"   # the Council's secretary
A="$tmp/anna.sqlite3"        # Anna Kowalczyk's laptop
P="$tmp/piotr.sqlite3"       # Piotr Lewandowski's laptop
X="$tmp/other.sqlite3"       # a laptop that is not Anna's
mkdir -p "$tmp/mail1" "$tmp/mail2" "$tmp/back"
"$app" --database "$S" --demo --check > /dev/null 2>&1
for db in "$A" "$P" "$X"; do "$app" --database "$db" --check > /dev/null 2>&1; done

person () { "$app" --database "$S" --list people | grep "  $1\$" | cut -d' ' -f1; }
anna=$(person "Anna Kowalczyk")
piotr=$(person "Piotr Lewandowski")
joanna=$(person "Joanna Wójcik")
expect "three members found" test -n "$anna" -a -n "$piotr" -a -n "$joanna"

# The secretary registers the draft and sends it to three members.
"$app" --database "$S" --add-draft "$fixtures/gui-programme.odt" --delivered "$(date +%F)" > /dev/null 2>&1
draft=$("$app" --database "$S" --list drafts | grep 'na rok 2028' | cut -d' ' -f1)
expect "draft registered" test -n "$draft"
"$app" --database "$S" --send-review "$tmp/mail1" --of "$draft" --to "$anna,$piotr,$joanna" > "$tmp/out" 2> "$tmp/err"
expect "--send-review works" test $? -eq 0
expect "--send-review says to how many" grep -q "to 3 members" "$tmp/out"
review1=$(ls "$tmp/mail1"/*)
expect "the file name says what it is" grep -q "Projekt uchwały w sprawie Programu współpracy .* — for review.wspolnie.json" <<< "$review1"
# Only the draft and what names the members: no meetings, votes, other drafts or the register.
expect "one draft in the file" test "$(grep -c '"entity":"draft"' "$review1")" -eq 1
expect "its version in the file" test "$(grep -c '"entity":"draft_version"' "$review1")" -eq 1
expect "no meetings, votes or applications" test "$(grep -c '"entity":"\(meeting\|ballot\|vote\|agenda_item\|attendance\|membership_application\|opinion\|room\)"' "$review1")" -eq 0
orgs_all=$("$app" --database "$S" --list organisations | wc -l)
orgs_file=$(grep -c '"entity":"organisation"' "$review1")
expect "not the organisations register ($orgs_file of $orgs_all)" test "$orgs_file" -lt "$((orgs_all / 2))"
expect "the three members named in its header" test "$(head -1 "$review1" | grep -o '"name":"\(Anna Kowalczyk\|Piotr Lewandowski\|Joanna Wójcik\)"' | wc -l)" -eq 3
expect "nobody else named in its header" test "$(head -1 "$review1" | grep -o '"members":\[[^]]*\]' | grep -o '"id"' | wc -l)" -eq 3

# Anna's laptop, never used before: who she is, then the secretary's fingerprint.
secretary_fp=$("$app" --database "$S" --fingerprint | sed -n 's/^Fingerprint: //p')
"$app" --database "$A" --review "$review1" > /dev/null 2> "$tmp/err"
expect "--review without --as: refused" test $? -ne 0
expect "--review without --as: names the members" grep -q "Anna Kowalczyk, .*Piotr Lewandowski" "$tmp/err"
"$app" --database "$A" --review "$review1" --as "anna kowalczyk" > /dev/null 2> "$tmp/err"
expect "--review of an unknown laptop: refused" test $? -ne 0
expect "--review: the secretary's fingerprint to compare" grep -qF "$secretary_fp" "$tmp/err"
"$app" --database "$A" --review "$review1" --as "Anna Kowalczyk" --trust > "$tmp/out" 2> "$tmp/err"
expect "--review --trust works" test $? -eq 0
expect "--review says who reviews what" grep -q "Anna Kowalczyk reviews “Projekt uchwały w sprawie Programu" "$tmp/out"
expect "--review: the deadline" grep -q "due by 20" "$tmp/out"
expect "Anna's laptop holds that draft only" test "$("$app" --database "$A" --list drafts | wc -l)" -eq 1
expect "Anna's laptop holds no meetings" test "$("$app" --database "$A" --list meetings | wc -l)" -eq 0

# Piotr's laptop takes the first version.
"$app" --database "$P" --review "$review1" --as "Piotr Lewandowski" --trust > /dev/null 2>&1
expect "Piotr's laptop opened the file" test $? -eq 0
"$app" --database "$P" --review "$review1" --as "Anna Kowalczyk" > /dev/null 2> "$tmp/err"
expect "Piotr's laptop is not Anna's" test $? -ne 0
expect "Piotr's laptop says whose it is" grep -q "Piotr Lewandowski" "$tmp/err"

# A second version goes out; Anna takes it, Piotr does not.
"$app" --database "$S" --add-version "$fixtures/gui-programme-v2.docx" --of "$draft" > "$tmp/out" 2> "$tmp/err"
expect "--add-version works" grep -q "Version 2 registered" "$tmp/out"
"$app" --database "$S" --send-review "$tmp/mail2" --of "$draft" --to "$anna,$piotr,$joanna" > /dev/null 2>&1
review2=$(ls "$tmp/mail2"/*)
"$app" --database "$A" --review "$review2" > "$tmp/out" 2> "$tmp/err"
expect "a second file on a tied laptop needs no --as" test $? -eq 0
expect "both versions on Anna's laptop" test "$(grep -c '"entity":"draft_version"' "$review2")" -eq 2

# Comments: Anna's on version 2, Piotr's on version 1.
"$app" --database "$A" --comment "§ 1" --of "$draft" --proposed "Anna proponuje brzmienie paragrafu pierwszego." \
  --justification "Jaśniej." > "$tmp/out" 2> "$tmp/err"
expect "Anna's comment saved as hers" grep -q "by Anna Kowalczyk" "$tmp/out"
"$app" --database "$A" --comment "§ 3 ust. 2 pkt 1" --of "$draft" --proposed "Anna proponuje nowy cel szczegółowy." > /dev/null 2>&1
expect "Anna's second comment" test $? -eq 0
"$app" --database "$A" --comment "§ 99" --of "$draft" --proposed "Nic." > /dev/null 2> "$tmp/err"
expect "a unit the draft lacks: refused" test $? -ne 0
# § 2 ust. 1 of the first version is § 3 ust. 1 of the second.
"$app" --database "$P" --comment "§ 2 ust. 1" --of "$draft" --proposed "Piotr proponuje nowy cel główny." > "$tmp/out" 2>&1
expect "Piotr's comment saved as his" grep -q "by Piotr Lewandowski" "$tmp/out"

"$app" --database "$A" --reply "$tmp/back" --of "$draft" > "$tmp/out" 2> "$tmp/err"
expect "Anna's reply written" grep -q "Reply with 2 comments" "$tmp/out"
reply_anna=$(ls "$tmp/back"/*Anna*)
"$app" --database "$P" --reply "$tmp/piotr-reply.wspolnie.json" --of "$draft" > "$tmp/out" 2> "$tmp/err"
expect "Piotr's reply written" grep -q "Reply with 1 comment " "$tmp/out"
expect "a reply carries only comments and the reply" test "$(grep -o '"entity":"[a-z_]*"' "$reply_anna" | sort -u | tr '\n' ' ')" = '"entity":"comment" "entity":"review_reply" '

# The secretary: a preview first, then the imports.
before=$("$app" --database "$S" --reviews --of "$draft")
expect "nobody replied yet" grep -q "0 of 3 members replied" <<< "$before"
"$app" --database "$S" --import "$reply_anna" --dry-run > "$tmp/out" 2> "$tmp/err"
expect "preview of Anna's reply" grep -q "^Anna Kowalczyk: 2 comments on § 1, § 3 ust. 2 pkt 1$" "$tmp/out"
"$app" --database "$S" --import "$reply_anna" --trust > "$tmp/out" 2> "$tmp/err"
expect "Anna's reply imported" test $? -eq 0
expect "Anna's reply said whose" grep -q "^Anna Kowalczyk: 2 comments" "$tmp/out"
expect "Anna's reply is on the latest version" test "$(grep -c "no longer the latest" "$tmp/out")" -eq 0
expect "Anna is on the Council" test "$(grep -c "not a member" "$tmp/out")" -eq 0
"$app" --database "$S" --import "$tmp/piotr-reply.wspolnie.json" --trust > "$tmp/out" 2> "$tmp/err"
expect "Piotr's reply imported" test $? -eq 0
expect "Piotr's reply said whose" grep -q "^Piotr Lewandowski: 1 comment on § 2 ust. 1$" "$tmp/out"
expect "Piotr's reply: an older version" grep -q "no longer the latest" "$tmp/out"

"$app" --database "$S" --reviews --of "$draft" > "$tmp/reviews"
expect "two of three replied" grep -q "2 of 3 members replied" "$tmp/reviews"
expect "Anna replied" grep -q "Anna Kowalczyk: replied .*, 2 comments$" "$tmp/reviews"
expect "Piotr replied on an older version" grep -q "Piotr Lewandowski: replied .*, 1 comment (on an older version)" "$tmp/reviews"
expect "Joanna has not" grep -q "Joanna Wójcik: not replied yet" "$tmp/reviews"

# The table of comments, as a person reads it.
"$app" --database "$S" --document comments-table --of "$draft" --output "$tmp/table.txt"
expect "table written" test -s "$tmp/table.txt"
expect "Anna's first comment is hers" grep -q "Anna proponuje brzmienie paragrafu pierwszego.*| Anna Kowalczyk" "$tmp/table.txt"
expect "Anna's second comment is hers" grep -q "Anna proponuje nowy cel szczegółowy.*| Anna Kowalczyk" "$tmp/table.txt"
expect "Piotr's comment is his" grep -q "Piotr proponuje nowy cel główny.*| Piotr Lewandowski" "$tmp/table.txt"
expect "Piotr's comment follows its unit into the latest version" grep -q "^[0-9]*\. | § 3 ust. 1[ |(].*Piotr proponuje" "$tmp/table.txt"
expect "no comment in the secretary's name" test "$(grep -c "proponuje.*| Rada\|proponuje.*secretary" "$tmp/table.txt")" -eq 0

# Sending again sends what is new only.
"$app" --database "$A" --comment "§ 4" --of "$draft" --proposed "Anna: wejście w życie od 1 lutego." > /dev/null 2>&1
"$app" --database "$A" --reply "$tmp/anna-again.wspolnie.json" --of "$draft" > "$tmp/out" 2>&1
expect "the second reply carries the new comment only" grep -q "Reply with 1 comment " "$tmp/out"
"$app" --database "$S" --import "$tmp/anna-again.wspolnie.json" > "$tmp/out" 2> "$tmp/err"
expect "Anna's second reply imported (her laptop known now)" grep -q "^Anna Kowalczyk: 1 comment on § 4$" "$tmp/out"
expect "Anna: three comments" grep -q "Anna Kowalczyk: replied .*, 3 comments$" <("$app" --database "$S" --reviews --of "$draft")

# Forged: Anna's name on another laptop, signed with that laptop's key.
"$app" --database "$X" --review "$review2" --as "Anna Kowalczyk" --trust > /dev/null 2>&1
"$app" --database "$X" --comment "§ 1" --of "$draft" --proposed "Podrobiona uwaga." > /dev/null 2>&1
"$app" --database "$X" --reply "$tmp/forged.wspolnie.json" --of "$draft" > /dev/null 2>&1
expect "the forged reply was written" test -s "$tmp/forged.wspolnie.json"
"$app" --database "$S" --import "$tmp/forged.wspolnie.json" --trust > "$tmp/out" 2> "$tmp/err"
expect "forged reply refused" test $? -ne 0
expect "forged reply: one line saying why" grep -q "in the name of Anna Kowalczyk.*another laptop" "$tmp/err"
"$app" --database "$S" --import "$tmp/forged.wspolnie.json" --trust --dry-run > /dev/null 2>&1
expect "forged reply refused in a preview too" test $? -ne 0
"$app" --database "$S" --document comments-table --of "$draft" --output "$tmp/table2.txt"
expect "nothing of the forged reply kept" test "$(grep -c "Podrobiona" "$tmp/table2.txt")" -eq 0

# Forged: Piotr's laptop (known to the secretary as his) in Anna's name.
if command -v sqlite3 > /dev/null; then
  sqlite3 "$P" "UPDATE meta SET value = '$anna' WHERE key = 'reviewer'"
  "$app" --database "$P" --comment "§ 1" --of "$draft" --proposed "Piotr jako Anna." > /dev/null 2>&1
  "$app" --database "$P" --reply "$tmp/forged2.wspolnie.json" --of "$draft" > /dev/null 2>&1
  "$app" --database "$S" --import "$tmp/forged2.wspolnie.json" > "$tmp/out" 2> "$tmp/err"
  expect "Anna's name from Piotr's laptop refused" test $? -ne 0
  expect "… says it is Piotr's laptop" grep -q "Piotr Lewandowski’s" "$tmp/err"
fi

# A reply changed by hand: the signature no longer matches.
sed 's/Anna: wejście w życie od 1 lutego./Anna: wejście w życie od 1 marca./' "$tmp/anna-again.wspolnie.json" > "$tmp/edited.wspolnie.json"
"$app" --database "$S" --import "$tmp/edited.wspolnie.json" > /dev/null 2> "$tmp/err"
expect "a reply changed by hand refused" test $? -ne 0

# A reply from someone not on the Council is said to be so.
N="$tmp/not-member.sqlite3"
"$app" --database "$N" --check > /dev/null 2>&1
outsider=$(person "Agnieszka Dąbrowska")
expect "someone off the Council found" test -n "$outsider"
expect "… who is not a member" test "$(head -1 "$review2" | grep -c "$outsider")" -eq 0
mkdir -p "$tmp/mail3"
"$app" --database "$S" --send-review "$tmp/mail3" --of "$draft" --to "$outsider" > /dev/null 2>&1
"$app" --database "$N" --review "$(ls "$tmp/mail3"/*)" --as "Agnieszka Dąbrowska" --trust > /dev/null 2>&1
"$app" --database "$N" --comment "§ 4" --of "$draft" --proposed "Uwaga spoza Rady." > /dev/null 2>&1
"$app" --database "$N" --reply "$tmp/outsider.wspolnie.json" --of "$draft" > /dev/null 2>&1
"$app" --database "$S" --import "$tmp/outsider.wspolnie.json" --trust > "$tmp/out" 2> "$tmp/err"
expect "a reply from off the Council imported" grep -q "^Agnieszka Dąbrowska: 1 comment on § 4$" "$tmp/out"
expect "… and said to be so" grep -q "not a member of the Council now" "$tmp/out"

# Anna's laptop kept its comments and the draft through the second file.
expect "Anna's laptop: still the one draft" test "$("$app" --database "$A" --list drafts | wc -l)" -eq 1
expect "Anna's laptop sound" "$app" --database "$A" --check
expect "secretary's database sound" "$app" --database "$S" --check

echo "$passed passed, $failed failed"
test $failed -eq 0
