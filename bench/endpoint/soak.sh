#!/usr/bin/env bash
# Soak: N minutes (10 by default) of mixed signed load against `crossgate serve` on the example organization:
# several boto3 worker processes repeating STS (GetCallerIdentity, AssumeRole, a session's GetCallerIdentity), IAM
# (ListUsers, GetUser, and a user created, given an inline policy and deleted) and Organizations (ListAccounts,
# DescribeOrganization, ListRoots, UpdatePolicy) calls as bob (bench/endpoint/soak_load.py). It reports the server's
# resident memory at the start, middle and end of the measured time (after a warm-up), the error count and the p50/p99
# latency, and fails (exit 1) unless there are no errors and memory stays within ±20% of the start.
#
#   bench/endpoint/soak.sh [--minutes 10] [--workers 4] [--warmup-seconds 20] [--bin DIR] [--json FILE]
#
# --bin DIR keeps the Release build in DIR/crossgate and reuses it on the next run; --json FILE keeps the full report
# (with the memory samples, one every 10 s). Needs the .NET SDK and python3 with boto3 (installed with pip if missing).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
minutes=10
workers=4
warmup=20
bin=""
json_out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --warmup-seconds) warmup="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --json) json_out="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "soak: unknown option $1" >&2; exit 2 ;;
  esac
done

python3 -c "import boto3" 2>/dev/null || python3 -m pip install --quiet boto3 >&2 \
  || { echo "soak: python3 with boto3 is needed" >&2; exit 1; }

work="$(mktemp -d /tmp/crossgate-soak.XXXXXX)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

bin="${bin:-$work/bin}"
if [[ ! -x "$bin/crossgate/crossgate" ]]; then
  echo "soak: building (Release) ..." >&2
  dotnet publish "$repo/src/Crossgate.Cli" -c Release -o "$bin/crossgate" -v quiet -nologo >&2
fi
crossgate="$bin/crossgate/crossgate"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
"$crossgate" init --example --data "$work/data" >/dev/null
"$crossgate" serve --data "$work/data" --port "$port" >"$work/serve.log" 2>&1 &
server_pid=$!
endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 600); do curl -fsS "$endpoint/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$endpoint/health" >/dev/null || { echo "soak: the server did not answer; its log:" >&2; cat "$work/serve.log" >&2; exit 1; }

echo "soak: $minutes min of mixed load, $workers workers, after ${warmup}s of warm-up, on $endpoint (server pid $server_pid)" >&2
python3 "$here/soak_load.py" --endpoint "$endpoint" --credentials "$work/data/credentials" --pid "$server_pid" \
  --minutes "$minutes" --workers "$workers" --warmup-seconds "$warmup" >"$work/report.json"
[[ -n "$json_out" ]] && cp "$work/report.json" "$json_out"

python3 - "$work/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
m = r["rss_mib"]
print(f"soak: {r['minutes']} min, {r['workers']} workers: {r['requests']} signed requests ({r['requests_per_second']}/s), "
      f"{r['errors']} errors, latency p50 {r['p50_ms']} ms, p99 {r['p99_ms']} ms")
print(f"soak: server resident memory start {m['start']} MiB, middle {m['middle']} MiB, end {m['end']} MiB "
      f"(min {m['min']}, max {m['max']}; drift {r['rss_drift_percent']}%, limit 20%)")
for name, p99 in r["p99_ms_by_call"].items():
    print(f"  p99 {p99:>8} ms  {name}")
for e in r["error_samples"]:
    print("  error: " + e)
ok = r["errors"] == 0 and r["memory_flat"]
print("soak: " + ("PASS" if ok else "FAIL"))
sys.exit(0 if ok else 1)
PY
