#!/usr/bin/env bash
# Builds the libFuzzer targets with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer and runs each for a bounded time (seconds, default
# 60 each), starting from a corpus made of real exchange files.
#
#   build-aux/fuzz.sh [SECONDS]
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
seconds=${1:-60}
build=${BUILD_DIR:-_build-fuzz}

build-aux/dev.sh deps
need=()
for p in clang-14 libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang-14 meson setup "$build" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false -Dbuildtype=debugoptimized
fi
meson compile -C "$build"

# Seeds: a full export of the demo data, and its body (the lines between
# its header and its end) for the target that signs what it is given.
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$corpus/import" "$corpus/import-check"
"$build/src/wspolnie" --database "$corpus/seed.sqlite3" --demo --export "$corpus/import/demo.wspolnie.json" > /dev/null
python3 - "$corpus" <<'PY'
import sys
d = sys.argv[1]
lines = open(f"{d}/import/demo.wspolnie.json", encoding="utf-8").read().splitlines()
body = lines[1:-1]
open(f"{d}/import-check/demo.lines", "w", encoding="utf-8").write("\n".join(body) + "\n")
heads = [l for l in body if l.startswith('{"author"') or l.startswith('{"head"')]
changes = [l for l in body if l.startswith('{"entity"')][:5]
open(f"{d}/import-check/small.lines", "w", encoding="utf-8").write("\n".join(heads + changes) + "\n")
PY

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp"
for target in import import-check; do
  echo "Fuzzing fuzz-$target for $seconds s"
  "$build/tests/fuzz/fuzz-$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 \
    -print_final_stats=1 "$corpus/$target" 2>&1 | tail -n 12
done
echo "fuzzing: 2 passed, 0 failed"
