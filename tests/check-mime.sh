#!/usr/bin/env bash
# The MIME type definition is well-formed and shared-mime-info accepts it: a
# private MIME database built from it recognises an exchange file by its name.
set -euo pipefail
xml=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xmllint --noout "$xml"
mkdir -p "$tmp/mime/packages"
cp "$xml" "$tmp/mime/packages/"
update-mime-database "$tmp/mime" 2>&1 | tee "$tmp/log"
if grep -qi 'error\|warning' "$tmp/log"; then echo "FAILED: update-mime-database complained"; exit 1; fi
grep -q 'application/x-wspolnie-packet:\*\.wspolnie\.json' "$tmp/mime/globs2" \
  || { echo "FAILED: the glob *.wspolnie.json is not registered"; exit 1; }
echo "mime type ok"
