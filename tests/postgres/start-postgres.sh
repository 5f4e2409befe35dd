#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the directory's contract tests, from Debian's `postgresql` package
# (installed with apt-get when missing and we are root), in a new temporary folder, on a free loopback port,
# running as a non-root user. Prints two lines on stdout:
#   CONNECTION=<Npgsql connection string>
#   DATADIR=<folder>            (stop with: tests/postgres/stop-postgres.sh <folder>)
# Exit status 3 means PostgreSQL cannot be had on this machine (no server binaries and no usable apt-get).
set -euo pipefail

find_bin() {
  local d best=""
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && best="$d"
  done
  if [ -z "$best" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    best="$(dirname "$(readlink -f "$(command -v initdb)")")"
  fi
  echo "$best"
}

BIN="$(find_bin)"
if [ -z "$BIN" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "start-postgres: installing Debian's postgresql package" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    BIN="$(find_bin)"
  fi
fi
if [ -z "$BIN" ]; then
  echo "start-postgres: no PostgreSQL server binaries and no usable apt-get" >&2
  exit 3
fi

# The server refuses to run as root: use the package's postgres user, or nobody.
RUN=()
if [ "$(id -u)" = "0" ]; then
  if id postgres >/dev/null 2>&1; then OWNER=postgres; else OWNER=nobody; fi
  RUN=(runuser -u "$OWNER" --)
fi

DIR="$(mktemp -d /tmp/crossgate-pg.XXXXXX)"
chmod 755 "$DIR"
[ "${#RUN[@]}" -gt 0 ] && chown "$OWNER" "$DIR"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 40000 ))
  if port_free "$candidate"; then PORT=$candidate; break; fi
done
[ -n "$PORT" ] || { echo "start-postgres: no free port found" >&2; exit 1; }

"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -A trust -U crossgate -E UTF8 --no-sync >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
# fsync off: the server is thrown away after the tests; durability is tested against SQLite.
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >&2 \
  || { cat "$DIR/server.log" >&2; exit 1; }

echo "CONNECTION=Host=127.0.0.1;Port=$PORT;Username=crossgate;Database=postgres"
echo "DATADIR=$DIR"
