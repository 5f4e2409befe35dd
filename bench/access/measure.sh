#!/usr/bin/env bash
# Whole-process cost of the access graph on a generated organization: generates it, imports it through
# `crossgate import`, then times `crossgate access findings` (store read + graph build + findings + JSON) and
# `access reach` / `access who-can`, with wall clock, CPU and peak memory, for the native (AOT) crossgate that users
# run and for the JIT build (`dotnet build -c Release`). Phase costs come from CROSSGATE_TIMINGS=1 (CPU, allocation
# and collections per phase: the last two do not depend on what else the machine runs).
#   usage: bench/access/measure.sh [ACCOUNTS=1000] [ROLES=20] [USERS=10]    (REBUILD=1 publishes the native binary again)
set -euo pipefail
cd "$(dirname "$0")/../.."
ACCOUNTS=${1:-1000}; ROLES=${2:-20}; USERS=${3:-10}
WORK=$(mktemp -d /tmp/crossgate-access-XXXXXX)
NATIVE_DIR="${TMPDIR:-/tmp}/crossgate-access-bench-native"
trap 'rm -rf "$WORK"' EXIT
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
dotnet build src/Crossgate.Cli -c Release -v quiet -nologo >/dev/null
JIT=src/Crossgate.Cli/bin/Release/net10.0/crossgate
if [ ! -x "$NATIVE_DIR/crossgate" ] || [ -n "${REBUILD:-}" ]; then
  echo "publishing the native crossgate into $NATIVE_DIR ..." >&2
  dotnet publish src/Crossgate.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$NATIVE_DIR" >"$WORK/publish.log" 2>&1 \
    || { tail -20 "$WORK/publish.log" >&2; exit 1; }
fi
NATIVE="$NATIVE_DIR/crossgate"
python3 bench/access/generate-organization.py "$WORK/org" "$ACCOUNTS" "$ROLES" "$USERS"
"$NATIVE" init --data "$WORK/data" >/dev/null
echo "import:   $( { /usr/bin/time -f '%e s wall' "$NATIVE" import "$WORK"/org/*.json --data "$WORK/data" >/dev/null; } 2>&1 )"
measure() {
  local label=$1; shift
  local out; out=$( { CROSSGATE_TIMINGS=1 /usr/bin/time -f 'TOTAL %e s wall, %U s user, %S s sys, %M KB peak' "$@" --data "$WORK/data" -o json >/dev/null; } 2>&1 )
  echo "$label: $(echo "$out" | grep TOTAL | sed 's/TOTAL //')"
  echo "$out" | grep '^timing' | sed 's/^/    /'
}
for build in native jit; do
  CG=$NATIVE; [ "$build" = jit ] && CG=$JIT
  echo "== $build ($CG)"
  measure "findings" "$CG" access findings
  measure "reach   " "$CG" access reach arn:aws:iam::100000000001:user/dev2
  measure "who-can " "$CG" access who-can arn:aws:iam::100000000333:role/Shared
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
