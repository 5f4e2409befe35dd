#!/usr/bin/env bash
# Whole-process cost of the access graph on a generated organization: generates it, imports it through
# `crossgate import`, then times `crossgate access findings` (store read + graph build + findings + JSON) and
# `access reach` / `access who-can`, with wall clock, CPU and peak memory. Phase costs come from CROSSGATE_TIMINGS=1.
#   usage: bench/access/measure.sh [ACCOUNTS=1000] [ROLES=20] [USERS=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
ACCOUNTS=${1:-1000}; ROLES=${2:-20}; USERS=${3:-10}
WORK=$(mktemp -d /tmp/crossgate-access-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
dotnet build src/Crossgate.Cli -c Release -v quiet -nologo >/dev/null
CG=src/Crossgate.Cli/bin/Release/net10.0/crossgate
python3 bench/access/generate-organization.py "$WORK/org" "$ACCOUNTS" "$ROLES" "$USERS"
"$CG" init --data "$WORK/data" >/dev/null
echo "import:   $( { /usr/bin/time -f '%e s wall' "$CG" import "$WORK"/org/*.json --data "$WORK/data" >/dev/null; } 2>&1 )"
measure() {
  local label=$1; shift
  local out; out=$( { CROSSGATE_TIMINGS=1 /usr/bin/time -f 'TOTAL %e s wall, %U s user, %S s sys, %M KB peak' "$CG" "$@" --data "$WORK/data" -o json >/dev/null; } 2>&1 )
  echo "$label: $(echo "$out" | grep TOTAL | sed 's/TOTAL //')"
  echo "$out" | grep '^timing' | sed 's/^/    /'
}
measure "findings" access findings
measure "reach   " access reach arn:aws:iam::100000000001:user/dev2
measure "who-can " access who-can arn:aws:iam::100000000333:role/Shared
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
