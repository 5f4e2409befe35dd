#!/usr/bin/env bash
# Stops a server started by start-postgres.sh and removes its folder: stop-postgres.sh <DATADIR>
set -uo pipefail
DIR="$1"
case "$DIR" in /tmp/crossgate-pg.*) ;; *) echo "stop-postgres: refusing to touch $DIR" >&2; exit 2 ;; esac
BIN=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && BIN="$d"; done
[ -z "$BIN" ] && BIN="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
RUN=()
if [ "$(id -u)" = "0" ]; then RUN=(runuser -u "$(stat -c %U "$DIR")" --); fi
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
rm -rf "$DIR"
