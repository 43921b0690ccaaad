#!/usr/bin/env bash
# po/POTFILES lists every file with translatable strings, and nothing that is gone.
set -euo pipefail
cd "$1"
fail=0
while read -r f; do
  [ -z "$f" ] && continue
  grep -qxF "$f" po/POTFILES || { echo "FAILED: $f has translatable strings but is not in po/POTFILES"; fail=1; }
done < <( { grep -rlE '(^|[^a-zA-Z_])(_|N_|C_|NC_|ngettext)\(' src --include='*.c';
            grep -rl 'translatable="yes"' src data --include='*.ui'; } | sort -u)
while read -r f; do
  [ -z "$f" ] && continue
  [ -e "$f" ] || { echo "FAILED: po/POTFILES lists $f, which does not exist"; fail=1; }
done < po/POTFILES
exit $fail
