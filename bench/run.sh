#!/bin/sh
# bench/run.sh — generate a realistic database and measure the store on it.
#
# Usage: bench/run.sh [SCALE] [WSP-BENCH OPTIONS…]
#
#   SCALE        multiplies every count of wsp-bench-generate (default 1.0: ten years
#                of a large city, about 210 000 records); 0.1 is a quick run.
#   options      passed to wsp-bench, e.g. --runs 9 or --sample-ms 50.
#
# Environment:
#   BUILD_DIR       the meson build directory (default: _build at the top of the tree);
#                   it must exist (meson setup _build).
#   BENCH_NO_BUILD  set to 1 to skip `meson compile` (the meson benchmark does).
#   BENCH_KEEP      set to 1 to keep the generated database and print where it is.
#   TMPDIR          where the temporary database goes (mktemp -d).
#
# Examples:
#   bench/run.sh 0.1
#   BUILD_DIR=_build-release bench/run.sh 1.0 --runs 9
#
# Exit status: non-zero only when building, generating or reading fails; the figures
# themselves are not judged.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$top/_build}
scale=1.0
if [ $# -gt 0 ]; then
  scale=$1
  shift
fi

if [ ! -d "$build" ]; then
  echo "run.sh: the build directory $build does not exist; run: meson setup $build" >&2
  exit 1
fi

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  # Only the two programs, so a half-edited file elsewhere does not stop the run.
  if ! meson compile -C "$build" bench/wsp-bench-generate bench/wsp-bench; then
    # A build directory configured before bench/ had targets does not know
    # them yet: let ninja regenerate it, then try once more.
    echo "run.sh: regenerating $build and trying again" >&2
    ninja -C "$build" build.ninja >/dev/null
    meson compile -C "$build" bench/wsp-bench-generate bench/wsp-bench
  fi
fi

for program in wsp-bench-generate wsp-bench; do
  if [ ! -x "$build/bench/$program" ]; then
    echo "run.sh: $build/bench/$program is missing; build it with: meson compile -C $build" >&2
    exit 1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wsp-bench.XXXXXX")
if [ "${BENCH_KEEP:-0}" = 1 ]; then
  trap 'echo "run.sh: the database is kept in $tmp"' EXIT
else
  trap 'rm -rf "$tmp"' EXIT
fi
db=$tmp/bench.sqlite3

echo "== wsp-bench-generate $db --scale $scale"
"$build/bench/wsp-bench-generate" "$db" --scale "$scale"
echo
echo "== wsp-bench $db $*"
"$build/bench/wsp-bench" "$db" "$@"
