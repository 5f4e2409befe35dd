#!/usr/bin/env bash
# Whole-process comparison of Crossgate's endpoint with moto_server on loopback, with the same client: the AWS SDK
# for .NET's STS client (bench/endpoint/EndpointLoad), 8 concurrent workers sharing it, for sts:GetCallerIdentity
# and a cross-account sts:AssumeRole (an IAM user of one account, allowed by its identity policy, into a role of
# another account whose trust policy names the first). Crossgate runs as `crossgate serve` does by default (audit
# trail on, access log off).
#
#   bench/endpoint/compare-moto.sh [--postgres CONNSTRING-OF-AN-EMPTY-DATABASE] [--seconds 10] [--workers 8] [--bin DIR]
#
# --bin DIR keeps the Release builds in DIR (DIR/crossgate, DIR/load) and reuses them on the next run.
#
# Runs --rounds rounds (default 3), each measuring moto and Crossgate one after the other, so that a busy machine
# weighs on both alike; prints one JSON line per measurement and a summary: the median of each round's ratio of
# Crossgate's rate to moto's, and each server's CPU time per request (from /proc, after an untimed warm-up of each
# action; each run's own 2 s warm-up included), which other load on the machine disturbs far less than rates.
# The client warms up until its JIT has been quiet for a second (see EndpointLoad), and reports its own CPU per
# request: on a small machine client, server and kernel share the cores, so the client's cost bounds the rate.
# Needs the .NET SDK, python3 with moto[server] (moto_server) and the AWS CLI (for the setup calls).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
postgres=""
seconds=10
workers=8
rounds=3
bin=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --postgres) postgres="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v aws >/dev/null || { echo "compare-moto: the AWS CLI is needed for the setup calls" >&2; exit 1; }
python3 -c "import moto.server" 2>/dev/null || { echo "compare-moto: python3 -m moto.server is not available" >&2; exit 1; }

work="$(mktemp -d /tmp/crossgate-bench-endpoint.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

bin="${bin:-$work}"
if [[ ! -x "$bin/crossgate/crossgate" || ! -x "$bin/load/EndpointLoad" ]]; then
  echo "building (Release) ..." >&2
  dotnet publish "$repo/src/Crossgate.Cli" -c Release -o "$bin/crossgate" -v quiet -nologo >&2
  dotnet build "$here/EndpointLoad" -c Release -o "$bin/load" -v quiet -nologo >&2
fi
crossgate="$bin/crossgate/crossgate"
load="$bin/load/EndpointLoad"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_health() {
  for _ in $(seq 1 900); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "compare-moto: $1 did not answer" >&2; return 1
}

# --- Crossgate ---------------------------------------------------------------------------------------------
store=(--data "$work/data")
[[ -n "$postgres" ]] && store+=(--postgres "$postgres")
cg_port="$(free_port)"
"$crossgate" serve "${store[@]}" --port "$cg_port" >"$work/serve.log" 2>&1 &
cg_pid=$!
pids+=("$cg_pid")
cg="http://127.0.0.1:$cg_port"
wait_health "$cg/health"
"$crossgate" admin create-account "${store[@]}" --id 222222222222 --name Target >/dev/null
export AWS_SHARED_CREDENTIALS_FILE="$work/data/credentials" AWS_CONFIG_FILE=/dev/null AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
cg_aws() { aws --endpoint-url "$cg" --output text "$@"; }
cg_aws --profile crossgate-222222222222 iam create-role --role-name FromManagement \
  --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}' >/dev/null
role_arn="arn:aws:iam::222222222222:role/FromManagement"
cg_aws --profile crossgate iam create-user --user-name loader >/dev/null
cg_aws --profile crossgate iam put-user-policy --user-name loader --policy-name assume \
  --policy-document "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"$role_arn\"}]}"
read -r cg_key cg_secret <<<"$(cg_aws --profile crossgate iam create-access-key --user-name loader --query 'AccessKey.[AccessKeyId,SecretAccessKey]')"

# --- moto --------------------------------------------------------------------------------------------------
moto_port="$(free_port)"
python3 -m moto.server -H 127.0.0.1 -p "$moto_port" >"$work/moto.log" 2>&1 &
moto_pid=$!
pids+=("$moto_pid")
moto="http://127.0.0.1:$moto_port"
wait_health "$moto/moto-api/"
moto_version="$(python3 -c 'import moto; print(moto.__version__)')"

# --- measurements ------------------------------------------------------------------------------------------
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run() { # ROUND NAME PID URL KEY SECRET ACTION
  local before after
  before="$(cpu_ticks "$3")"
  AWS_ACCESS_KEY_ID="$5" AWS_SECRET_ACCESS_KEY="$6" "$load" --endpoint "$4" --action "$7" --role-arn "$role_arn" \
    --workers "$workers" --seconds "$seconds" --warmup 2 >"$work/one.json"
  after="$(cpu_ticks "$3")"
  sed "s/^{/{\"round\":$1,\"server\":\"$2\",\"server_cpu_ticks\":$((after - before)),\"ticks_per_second\":$(getconf CLK_TCK),/" "$work/one.json" \
    | tee -a "$work/results.jsonl"
}
# Untimed warm-up of both servers (JIT compilation, connection pools, the view's first reads), so that the CPU per
# request below is the steady state's.
for action in GetCallerIdentity AssumeRole; do
  AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing "$load" --endpoint "$moto" --action "$action" --role-arn "$role_arn" \
    --workers "$workers" --seconds 2 --warmup 1 --max-warmup 3 >/dev/null
  AWS_ACCESS_KEY_ID="$cg_key" AWS_SECRET_ACCESS_KEY="$cg_secret" "$load" --endpoint "$cg" --action "$action" --role-arn "$role_arn" \
    --workers "$workers" --seconds 2 --warmup 1 --max-warmup 3 >/dev/null
done
for round in $(seq 1 "$rounds"); do
  # Unauthenticated GET /health: the server's CPU per request with no signature, directory or engine.
  run "$round" crossgate "$cg_pid" "$cg" "$cg_key" "$cg_secret" Health
  for action in GetCallerIdentity AssumeRole; do
    run "$round" moto "$moto_pid" "$moto" testing testing "$action"
    run "$round" crossgate "$cg_pid" "$cg" "$cg_key" "$cg_secret" "$action"
  done
done

python3 - "$work/results.jsonl" "$moto_version" "${postgres:+postgres}" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
store = "PostgreSQL" if sys.argv[3] else "SQLite"
print(f"\nmoto {sys.argv[2]} vs Crossgate ({store} store), AWS SDK for .NET, {rows[0]['workers']} workers, loopback, "
      f"{max(r['round'] for r in rows)} rounds")
print(f"{'action':<18} {'moto req/s':>11} {'crossgate req/s':>16} {'ratio (median)':>15} {'server CPU us/req moto / crossgate':>36} {'crossgate p50/p95/p99 ms':>26}")
cpu = lambda rs: 1e6 * sum(r["server_cpu_ticks"] / r["ticks_per_second"] for r in rs) / sum(r["all_requests"] for r in rs)
for action in ("GetCallerIdentity", "AssumeRole"):
    pick = lambda server: [r for r in rows if r["server"] == server and r["action"] == action]
    moto, cg = pick("moto"), pick("crossgate")
    ratios = [c["rps"] / m["rps"] for m, c in zip(moto, cg)]
    print(f"{action:<18} {statistics.median(r['rps'] for r in moto):>11.0f} {statistics.median(r['rps'] for r in cg):>16.0f} "
          f"{statistics.median(ratios):>14.1f}x {cpu(moto):>20.0f} / {cpu(cg):<13.0f} "
          f"{statistics.median(r['p50_ms'] for r in cg):>10.2f}/{statistics.median(r['p95_ms'] for r in cg):.2f}/{statistics.median(r['p99_ms'] for r in cg):.2f}")
import os
cores = os.cpu_count()
print(f"\nThe client's own CPU per request against Crossgate (steady state, after its JIT has settled) and what it allows on {cores} cores:")
for action in ("GetCallerIdentity", "AssumeRole"):
    cg = [r for r in rows if r["server"] == "crossgate" and r["action"] == action]
    client = statistics.median(r["client_cpu_us"] for r in cg)
    server = cpu(cg)
    moto = statistics.median(r["rps"] for r in rows if r["server"] == "moto" and r["action"] == action)
    print(f"{action:<18} client {client:.0f} us; an infinitely fast server: at most {cores * 1e6 / client:,.0f} req/s "
          f"({cores * 1e6 / client / moto:.0f}x moto); with this server's {server:.0f} us: at most {cores * 1e6 / (client + server):,.0f} req/s "
          f"({cores * 1e6 / (client + server) / moto:.0f}x moto)")
health = cpu([r for r in rows if r["action"] == "Health"])
print(f"\nCrossgate server CPU per request: GET /health {health:.0f} us; "
      + "; ".join(f"{a} {cpu([r for r in rows if r['server'] == 'crossgate' and r['action'] == a]) / health:.1f}x /health"
                  for a in ("GetCallerIdentity", "AssumeRole")))
PY
