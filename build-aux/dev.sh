#!/usr/bin/env bash
# Sets up, builds, runs and tests Wspólnie on Debian 12 / Ubuntu.
#
#   build-aux/dev.sh run [ARGS…]   install what is missing, build, launch the app
#   build-aux/dev.sh test          install what is missing, build, run every test suite
#   build-aux/dev.sh sanitize      the same tests in a separate ASan+UBSan build
#   build-aux/dev.sh deps          only install the packages
#
# BUILD_DIR (default _build) chooses the build directory. With CI set, warnings are errors.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

packages=(
  build-essential meson ninja-build pkg-config
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev nettle-dev
  gettext itstool yelp-tools libxml2-utils desktop-file-utils appstream
  libglib2.0-bin libglib2.0-dev-bin libgtk-4-bin librsvg2-common shared-mime-info
  xvfb xauth libgl1-mesa-dri x11-utils dbus locales fonts-cantarell sqlite3 python3
  libx11-dev libxtst-dev
  libcairo2-dev libpango1.0-dev libgsf-1-dev libxml2-dev libical-dev fonts-dejavu-core
  poppler-utils libreoffice-writer-nogui python3-icalendar
  at-spi2-core python3-gi gir1.2-atspi-2.0 yelp
)

install_deps () {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  # The tests render the views in Polish as well.
  if ! locale -a 2>/dev/null | grep -qi '^pl_PL\.utf-\?8$'; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo sed -i 's/^# *\(pl_PL.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^pl_PL.UTF-8 UTF-8' /etc/locale.gen || echo 'pl_PL.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
    $sudo locale-gen >/dev/null
  fi
}

configure_and_build () {
  local dir=$1; shift
  local opts=("$@")
  [ -n "${CI:-}" ] && opts+=(-Dwerror=true)
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "${opts[@]}"
  fi
  meson compile -C "$dir"
}

# Runs a command on the real display if there is one, else in a private Xvfb;
# with a private session bus when there is none (GTK and GApplication use it).
with_display () {
  local bus=()
  [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || bus=(dbus-run-session --)
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    "${bus[@]}" "$@"
  else
    "${bus[@]}" xvfb-run -a -s '-screen 0 1600x1200x24 -nolisten tcp' "$@"
  fi
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
build=${BUILD_DIR:-_build}

case "$cmd" in
  deps)
    install_deps
    ;;
  run)
    install_deps
    configure_and_build "$build"
    with_display env GSETTINGS_SCHEMA_DIR="$top/$build/data" "$top/$build/src/wspolnie" "$@"
    ;;
  test)
    install_deps
    configure_and_build "$build"
    with_display meson test -C "$build" --print-errorlogs "$@"
    ;;
  sanitize)
    install_deps
    build=${BUILD_DIR:-_build-asan}
    configure_and_build "$build" -Db_sanitize=address,undefined -Dbuildtype=debug
    with_display meson test -C "$build" --print-errorlogs --timeout-multiplier 10 "$@"
    ;;
  *)
    echo "usage: $0 run|test|sanitize|deps" >&2
    exit 2
    ;;
esac
