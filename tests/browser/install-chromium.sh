#!/usr/bin/env bash
# Finds Debian's chromium for the console's browser tests, installing the `chromium` package with apt-get when it is
# missing and we are root. Prints the executable's path on stdout. Exit status 3: no chromium can be had here.
set -euo pipefail

find_chromium() {
  local candidate
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/lib/chromium/chromium; do
    [ -x "$candidate" ] && { echo "$candidate"; return; }
  done
  command -v chromium 2>/dev/null || true
}

CHROMIUM="$(find_chromium)"
if [ -z "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "install-chromium: installing Debian's chromium package" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
    CHROMIUM="$(find_chromium)"
  fi
fi
if [ -z "$CHROMIUM" ]; then
  echo "install-chromium: no chromium and no usable apt-get" >&2
  exit 3
fi
echo "$CHROMIUM"
