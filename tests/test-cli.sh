#!/usr/bin/env bash
# The command-line tasks: export, import (with trust, dry run and refusals),
# conflicts, check; --list and --document; and an import killed at random moments leaves the
# database whole, with all of the file or none of it.
set -uo pipefail
app=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
passed=0
failed=0

ok () { passed=$((passed + 1)); }
bad () { echo "FAILED: $*"; failed=$((failed + 1)); }
expect () { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }
revs () { sqlite3 "$1" "SELECT count(*) FROM changes"; }
state () { sqlite3 "$1" "SELECT count(*), coalesce(max(seq),0) FROM changes; SELECT count(*) FROM peers; SELECT count(*) FROM packets"; }

A="$tmp/a.sqlite3"
B="$tmp/b.sqlite3"

# A laptop with data.
"$app" --database "$A" --demo --check > "$tmp/out" 2>&1
expect "--demo --check" grep -q "sound" "$tmp/out"
n=$(revs "$A")
expect "demo data written" test "$n" -gt 100

expect "--fingerprint" bash -c "'$app' --database '$A' --fingerprint | grep -Eq 'Fingerprint: [0-9]{5}( [0-9]{5}){5}'"

# Export everything to a folder: a uniquely named file appears.
mkdir "$tmp/out-dir"
"$app" --database "$A" --export "$tmp/out-dir" > "$tmp/out" 2>&1
expect "export reports" grep -q "Exported $n changes" "$tmp/out"
packet=$(ls "$tmp"/out-dir/*.wspolnie.json | head -1)
expect "export file exists" test -s "$packet"
expect "export is lines of JSON" python3 -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$packet"
# The MIME database built from the app's definition knows the file by its
# name and, under any name, by its first bytes.
mkdir -p "$tmp/mime-home/mime/packages"
cp "$(dirname "$0")/../data/org.example.Wspolnie.mime.xml" "$tmp/mime-home/mime/packages/"
update-mime-database "$tmp/mime-home/mime" > /dev/null 2>&1
cp "$packet" "$tmp/renamed.json"
mime_of () { XDG_DATA_HOME="$tmp/mime-home" XDG_DATA_DIRS="$tmp/mime-home:/usr/share" gio info -a standard::content-type "$1" | sed -n 's/.*standard::content-type: //p'; }
expect "exchange file type by name" test "$(mime_of "$packet")" = application/x-wspolnie-packet
expect "exchange file type by content" test "$(mime_of "$tmp/renamed.json")" = application/x-wspolnie-packet

# B does not know A: refused, one line on stderr, nothing written.
"$app" --database "$B" --check > /dev/null 2>&1
before=$(state "$B")
"$app" --database "$B" --import "$packet" > "$tmp/out" 2> "$tmp/err"
expect "unknown laptop refused" test $? -ne 0
expect "one line on stderr" test "$(wc -l < "$tmp/err")" -eq 1
expect "fingerprint shown" grep -Eq '[0-9]{5} [0-9]{5}' "$tmp/err"
expect "nothing written" test "$(state "$B")" = "$before"

# A dry run says what would happen and changes nothing.
"$app" --database "$B" --import "$packet" --dry-run > "$tmp/out" 2>&1
expect "dry run works" grep -q "Would bring $n of its $n changes" "$tmp/out"
expect "dry run changes nothing" test "$(state "$B")" = "$before"

# Trusted after comparing the fingerprint.
"$app" --database "$B" --import "$packet" --trust > "$tmp/out" 2>&1
expect "import works" grep -q "Brought $n of its $n changes" "$tmp/out"
expect "all revisions arrived" test "$(revs "$B")" -eq "$n"
"$app" --database "$B" --import "$packet" > "$tmp/out" 2>&1
expect "re-import is a no-op" grep -q "imported before" "$tmp/out"
expect "--check after import" bash -c "'$app' --database '$B' --check | grep -q sound"
expect "no conflicts" bash -c "'$app' --database '$B' --conflicts | grep -q 'No conflicts'"

# Bad input of any kind: exit status ≠ 0, one line on stderr, database untouched.
before=$(state "$B")
printf '' > "$tmp/empty.json"
head -c 1000 "$packet" > "$tmp/truncated.json"
python3 -c "print('['*100000)" > "$tmp/deep.json"
printf '{"format":"wspolnie-packet","format_version":99}' > "$tmp/future.json"
printf '\xff\xfe\x00garbage' > "$tmp/binary.json"
for f in "$tmp/empty.json" "$tmp/truncated.json" "$tmp/deep.json" "$tmp/future.json" "$tmp/binary.json" "$tmp/missing.json"; do
  "$app" --database "$B" --import "$f" > /dev/null 2> "$tmp/err"
  status=$?
  expect "$(basename "$f") refused" test $status -ne 0
  expect "$(basename "$f"): one line on stderr" test "$(wc -l < "$tmp/err")" -eq 1
done
expect "refusals changed nothing" test "$(state "$B")" = "$before"

# Killed at random moments during an import: the database stays whole and
# holds all of the file or none of it.
for i in $(seq 1 12); do
  C="$tmp/c$i.sqlite3"
  "$app" --database "$C" --check > /dev/null 2>&1
  "$app" --database "$C" --import "$packet" --trust > /dev/null 2>&1 &
  pid=$!
  sleep "0.0$(( (RANDOM % 90) + 5 ))"
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  integrity=$(sqlite3 "$C" "PRAGMA integrity_check")
  count=$(revs "$C")
  expect "killed import $i: integrity ($integrity)" test "$integrity" = "ok"
  expect "killed import $i: all or nothing ($count of $n)" bash -c "test $count -eq 0 -o $count -eq $n"
  expect "killed import $i: --check" bash -c "'$app' --database '$C' --check > /dev/null"
done

# ---- sync as it happens to the secretaries -------------------------------
P="$tmp/p.sqlite3"   # the secretary's laptop
Q="$tmp/q.sqlite3"   # the other secretary's
"$app" --database "$P" --demo --check > /dev/null 2>&1
"$app" --database "$P" --export "$tmp/p1.wspolnie.json" --full > /dev/null
"$app" --database "$Q" --import "$tmp/p1.wspolnie.json" --trust > /dev/null
"$app" --database "$Q" --export "$tmp/q1.wspolnie.json" --full > /dev/null
"$app" --database "$P" --import "$tmp/q1.wspolnie.json" --trust > /dev/null

# Two laptops that each started from the demo hold one of each record.
"$app" --database "$tmp/demo2.sqlite3" --demo --check > /dev/null 2>&1
"$app" --database "$tmp/demo2.sqlite3" --import "$tmp/p1.wspolnie.json" --trust > "$tmp/out" 2>&1
expect "two demos: nothing new" grep -q "Brought 0 of" "$tmp/out"
expect "two demos: as many records" test "$(sqlite3 "$tmp/demo2.sqlite3" "SELECT count(*) FROM records WHERE deleted = 0")" = "$(sqlite3 "$P" "SELECT count(*) FROM records WHERE deleted = 0")"

# A backup restored: found out at once, nothing jams, nothing lost.
S="$tmp/s.sqlite3"
"$app" --database "$S" --check > /dev/null 2>&1
cp "$S" "$tmp/s-backup.sqlite3"
"$app" --database "$S" --demo --check > /dev/null 2>&1
"$app" --database "$S" --export "$tmp/s1.wspolnie.json" --full > /dev/null
"$app" --database "$Q" --import "$tmp/s1.wspolnie.json" --trust > /dev/null
cp "$tmp/s-backup.sqlite3" "$S"
rm -f "$S-wal" "$S-shm"
"$app" --database "$S" --check > "$tmp/out" 2>&1
expect "restored backup found out" grep -q "restored from a backup" "$tmp/out"
"$app" --database "$Q" --export "$tmp/q2.wspolnie.json" --full > /dev/null
"$app" --database "$S" --import "$tmp/q2.wspolnie.json" --trust > "$tmp/out" 2>&1
expect "restored laptop takes the other's file" test $? -eq 0
expect "restored laptop's own changes come back" grep -q "lost with a restored backup, came back" "$tmp/out"
"$app" --database "$S" --export "$tmp/s2.wspolnie.json" > /dev/null
expect "the other takes the restored laptop's file" "$app" --database "$Q" --import "$tmp/s2.wspolnie.json"
expect "restored laptop: --check" "$app" --database "$S" --check

# A known laptop's new key: refused with the way out, then accepted.
"$app" --database "$Q" --new-key > "$tmp/out" 2>&1
expect "--new-key shows the fingerprint" grep -Eq 'Fingerprint: [0-9]{5}' "$tmp/out"
"$app" --database "$Q" --export "$tmp/q3.wspolnie.json" > /dev/null
"$app" --database "$P" --import "$tmp/q3.wspolnie.json" > /dev/null 2> "$tmp/err"
expect "new key refused at first" test $? -ne 0
expect "new key: the way out" grep -q -- "--accept-new-key" "$tmp/err"
expect "new key accepted" "$app" --database "$P" --import "$tmp/q3.wspolnie.json" --accept-new-key

# A delta made for one laptop is refused by another, saying what to do.
R="$tmp/r.sqlite3"
"$app" --database "$R" --import "$tmp/p1.wspolnie.json" --trust > /dev/null
qid=$("$app" --database "$Q" --fingerprint | sed -n 's/^Id: //p')
"$app" --database "$P" --export "$tmp/for-q.wspolnie.json" --for "$qid" > /dev/null
"$app" --database "$R" --import "$tmp/for-q.wspolnie.json" > /dev/null 2> "$tmp/err"
expect "delta for another laptop refused" test $? -ne 0
expect "delta for another laptop: full export" grep -q "full export" "$tmp/err"

# The database is only its user's to read, wherever it is.
expect "database mode 0600" test "$(stat -c %a "$R")" = "600"

# A database copied to another computer goes on as a laptop of its own.
cp "$P" "$tmp/copy.sqlite3"
rm -f "$tmp/copy.sqlite3-wal" "$tmp/copy.sqlite3-shm"
WSPOLNIE_GUARD_DIR="$tmp/other-computer" "$app" --database "$tmp/copy.sqlite3" --check > "$tmp/out" 2>&1
expect "copy found out" grep -q "copied or moved here" "$tmp/out"

# Documents: --list, then --document in each format; refusals write nothing.
D="$tmp/docs"
mkdir "$D"
"$app" --database "$A" --list meetings > "$tmp/meetings" 2>&1
expect "--list meetings" test "$(wc -l < "$tmp/meetings")" -eq 13
expect "--list meetings has dates" grep -Eq '^[0-9a-f-]{36}  2026-12-03  .*meeting no. 9' "$tmp/meetings"
for kind in drafts ballots elections organisations people bodies terms; do
  "$app" --database "$A" --list $kind > "$tmp/list" 2>&1
  expect "--list $kind" test -s "$tmp/list"
done
expect "--list bodies: two" test "$("$app" --database "$A" --list bodies | wc -l)" -eq 2
m9=$(awk '/meeting no. 9,/{print $1}' "$tmp/meetings")
m64=$(awk '/meeting no. 64,/{print $1}' "$tmp/meetings")
b9=$("$app" --database "$A" --list ballots | awk '/na rok 2027: opinia/{print $1}')
secret=$("$app" --database "$A" --list ballots | awk '/\(secret\)$/{print $1; exit}')
person=$("$app" --database "$A" --list people | awk '/Małgorzata Nowak/{print $1}')
council=$("$app" --database "$A" --list bodies | awk '/Rada/{print $1}')

for f in agenda.pdf agenda.odt agenda.txt; do
  expect "agenda → $f" "$app" --database "$A" --document agenda --of "$m9" --output "$D/$f"
done
expect "agenda.pdf is a PDF" bash -c "head -c 5 '$D/agenda.pdf' | grep -q '%PDF-'"
expect "agenda.odt starts with mimetype" bash -c "head -c 38 '$D/agenda.odt' | tail -c 8 | grep -q mimetype"
expect "agenda.txt has the items" grep -q "1. Otwarcie posiedzenia" "$D/agenda.txt"
for f in list.pdf list.odt list.csv; do
  expect "attendance-list → $f" "$app" --database "$A" --document attendance-list --of "$m64" --output "$D/$f"
done
expect "attendance-list.csv has a BOM" bash -c "head -c 3 '$D/list.csv' | od -An -tx1 | grep -q 'ef bb bf'"
expect "vote-list → pdf" "$app" --database "$A" --document vote-list --of "$b9" --output "$D/votes.pdf"
expect "vote-list → csv" "$app" --database "$A" --document vote-list --of "$b9" --output "$D/votes.csv"
expect "vote-list.csv: ; separated" grep -q "No.;Member;For;Against;Abstained;Remarks" "$D/votes.csv"
election=$("$app" --database "$A" --list elections | awk '/komisji konkursowych/{print $1}')
expect "election-result → pdf" "$app" --database "$A" --document election-result --of "$election" --output "$D/election.pdf"
pdftotext -enc UTF-8 "$D/election.pdf" - | tr -s ' \n' '  ' > "$tmp/election.txt"
expect "election.pdf: the title" grep -q "Election result" "$tmp/election.txt"
expect "election.pdf: the first elected with her votes" grep -q "1. Karolina Wrona 15 elected" "$tmp/election.txt"
expect "election.pdf: the last not elected" grep -q "4. Dominika Lis 2 not elected" "$tmp/election.txt"
expect "election.pdf: the cards" grep -q "19 valid, 0 invalid, 19 in all" "$tmp/election.txt"
expect "election-result → csv" "$app" --database "$A" --document election-result --of "$election" --output "$D/election.csv"
expect "election.csv: the ranking" grep -q "^2.;Paweł Sikora;11;elected" "$D/election.csv"
m1=$(awk '/meeting no. 1,/{print $1}' "$tmp/meetings")
expect "meeting-vote-list → pdf" "$app" --database "$A" --document meeting-vote-list --of "$m1" --output "$D/meeting-votes.pdf"
pdftotext -enc UTF-8 "$D/meeting-votes.pdf" - | tr -s ' \n' '  ' > "$tmp/meeting-votes.txt"
expect "meeting-votes.pdf: the secret vote in totals" grep -q "Wybór Małgorzaty Nowak na Przewodniczącą Rady — 9 votes for, 0 votes against, 1 abstention (secret vote: totals only)" "$tmp/meeting-votes.txt"
expect "meeting-vote-list → csv" "$app" --database "$A" --document meeting-vote-list --of "$m1" --output "$D/meeting-votes.csv"
expect "meeting-votes.csv: a column per named vote" grep -q $'No.;Member;2\r$' "$D/meeting-votes.csv"
expect "meeting-votes.csv: the chair's vote" grep -q $'^6.;Małgorzata Nowak;for\r$' "$D/meeting-votes.csv"
circulation=$("$app" --database "$A" --list ballots | awk '/regulaminu pracy komisji konkursowych/{print $1; exit}')
expect "ballot-cards → pdf" "$app" --database "$A" --document ballot-cards --of "$circulation" --output "$D/cards.pdf"
pdftotext -enc UTF-8 "$D/cards.pdf" "$tmp/cards.txt"
"$app" --database "$A" --document vote-list --of "$circulation" --output "$D/circulation.csv"
members=$(($(wc -l < "$D/circulation.csv") - 1))
expect "ballot-cards.pdf: a card per member" test "$(grep -c "Ballot card of a vote by circulation" "$tmp/cards.txt")" -eq "$members"
expect "ballot-cards.pdf: a page per card" test "$(pdfinfo "$D/cards.pdf" | awk '/^Pages:/{print $2}')" -eq "$members"
expect "ballot-cards.pdf: the chair's card" grep -q "Member: Małgorzata Nowak" "$tmp/cards.txt"
expect "ballot-cards → odt" "$app" --database "$A" --document ballot-cards --of "$circulation" --output "$D/cards.odt"
expect "attendance-register → pdf" "$app" --database "$A" --document attendance-register --of "$council" --output "$D/register.pdf"
expect "invitation → ics" "$app" --database "$A" --document invitation --of "$m9" --output "$D/invitation.ics"
expect "invitation.ics: REQUEST" grep -q "^METHOD:REQUEST" "$D/invitation.ics"
expect "invitation.ics: UID from the id" grep -q "^UID:$m9@wspolnie" "$D/invitation.ics"
expect "invitation → txt" "$app" --database "$A" --document invitation --of "$m9" --output "$D/invitation.txt"
expect "invitation.txt: subject" grep -q "^Subject: Invitation: Council meeting no. 9" "$D/invitation.txt"
expect "cancellation → ics" "$app" --database "$A" --document cancellation --of "$m9" --output "$D/cancel.ics"
expect "cancellation.ics: CANCEL" grep -q "^METHOD:CANCEL" "$D/cancel.ics"
expect "Forum invitation with --organizer" "$app" --database "$A" --document invitation --of "$m64" \
  --organizer katarzyna.michalska@um.zaglebiowice.example --output "$D/forum.ics"
LANG=pl_PL.UTF-8 LC_ALL=pl_PL.UTF-8 "$app" --database "$A" --document agenda --of "$m9" --output "$D/porzadek.txt"
expect "agenda in Polish" grep -q "Porządek obrad" "$D/porzadek.txt"
expect "agenda in Polish: the date" grep -q "3 grudnia 2026 r." "$D/porzadek.txt"

# Wrong kind, id, extension, or a document that does not apply: status ≠ 0,
# one line on stderr, nothing written.
refuse () {
  local what=$1; shift
  rm -f "$D/refused"*
  "$app" --database "$A" "$@" > /dev/null 2> "$tmp/err"
  local status=$?
  expect "$what: refused" test $status -ne 0
  expect "$what: one line on stderr" test "$(wc -l < "$tmp/err")" -eq 1
  expect "$what: nothing written" bash -c "! ls '$D'/refused* > /dev/null 2>&1"
}
refuse "unknown list kind" --list minutes
refuse "unknown document" --document minutes --of "$m9" --output "$D/refused.pdf"
refuse "unknown id" --document agenda --of 00000000-0000-0000-0000-000000000000 --output "$D/refused.pdf"
refuse "unknown extension" --document agenda --of "$m9" --output "$D/refused.docx"
refuse "agenda of a person" --document agenda --of "$person" --output "$D/refused.pdf"
refuse "vote list of a meeting without votes" --document meeting-vote-list --of "$m9" --output "$D/refused.pdf"
refuse "ballot cards of a vote at a meeting" --document ballot-cards --of "$b9" --output "$D/refused.pdf"
refuse "election result of a ballot" --document election-result --of "$secret" --output "$D/refused.pdf"
refuse "vote list of a secret ballot" --document vote-list --of "$secret" --output "$D/refused.pdf"
refuse "agenda as ics" --document agenda --of "$m9" --output "$D/refused.ics"
refuse "agenda as csv (no table)" --document agenda --of "$m9" --output "$D/refused.csv"
refuse "invitation as pdf" --document invitation --of "$m9" --output "$D/refused.pdf"
refuse "Forum invitation without a sender" --document invitation --of "$m64" --output "$D/refused.ics"
refuse "no --of" --document agenda --output "$D/refused.pdf"
refuse "no such folder" --document agenda --of "$m9" --output "$D/missing/refused.pdf"
expect "sender hint" grep -q -- "--organizer" <("$app" --database "$A" --document invitation --of "$m64" --output "$D/x.ics" 2>&1)
# An existing file is replaced whole, or kept when the new one cannot be made.
printf 'old' > "$D/kept.csv"
"$app" --database "$A" --document agenda --of "$m9" --output "$D/kept.csv" 2> /dev/null
expect "a refused document keeps the old file" test "$(cat "$D/kept.csv")" = "old"

echo "$passed passed, $failed failed"
test $failed -eq 0
