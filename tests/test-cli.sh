#!/usr/bin/env bash
# The command-line tasks: export, import (with trust, dry run and refusals),
# conflicts, check; and an import killed at random moments leaves the
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
revs () { sqlite3 "$1" "SELECT count(*) FROM revisions"; }
state () { sqlite3 "$1" "SELECT count(*), coalesce(max(seq),0) FROM revisions; SELECT count(*) FROM peers; SELECT count(*) FROM packets"; }

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
expect "export parses as JSON" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$packet"

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

echo "$passed passed, $failed failed"
test $failed -eq 0
