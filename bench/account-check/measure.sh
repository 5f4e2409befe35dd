#!/usr/bin/env bash
# What an operator waits for: `crossgate accounts check` of ACCOUNTS accounts online against `crossgate serve`, whole
# process, start-up included; then AssumeRole's latency while 8 account checks run in parallel.
#
# Publishes the native (AOT) crossgate once (REBUILD=1 to redo it), starts `crossgate serve` on a free loopback
# port over a fresh store, creates ACCOUNTS standalone accounts, deploys the vendor profile's role in each (boto3,
# bench/account-check/setup.py), registers them, then runs the check RUNS times and prints each wall time, the fastest
# and the median. Then, RUNS times, 8 `crossgate accounts check` processes at once, each checking every account, and
# AssumeRole's p50/p95/max over all their calls: as the checks saw it (each account's assumeRoleMilliseconds) and
# inside the server (its --access-log); last, the same figure from a boto3 caller (assume-latency.py).
# Usage: bench/account-check/measure.sh [ACCOUNTS] [RUNS]      Needs python3 with boto3 (pip install boto3).
set -euo pipefail
cd "$(dirname "$0")/../.."
accounts="${1:-30}"
runs="${2:-10}"
work="${TMPDIR:-/tmp}/crossgate-account-check-bench"
mkdir -p "$work"
python3 -c 'import boto3' 2>/dev/null || { echo "measure.sh needs boto3: pip install boto3" >&2; exit 1; }

if [ ! -x "$work/bin/crossgate" ] || [ -n "${REBUILD:-}" ]; then
  echo "publishing the native crossgate into $work/bin ..." >&2
  dotnet publish src/Crossgate.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/bin" >"$work/publish.log" 2>&1 \
    || { tail -20 "$work/publish.log" >&2; exit 1; }
fi
crossgate="$work/bin/crossgate"

data="$work/data"
rm -rf "$data"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
endpoint="http://127.0.0.1:$port"
"$crossgate" serve --data "$data" --port "$port" --account-id 111111111111 >"$work/serve.log" 2>&1 &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS "$endpoint/health" >/dev/null 2>&1 && break; sleep 0.1; done

targets=()
for i in $(seq 1 "$accounts"); do
  id="$(printf '2%011d' "$i")"
  "$crossgate" admin create-account --data "$data" --id "$id" --name "Target $i" >/dev/null
  targets+=("$id")
done
export AWS_SHARED_CREDENTIALS_FILE="$data/credentials" AWS_CONFIG_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE
python3 bench/account-check/setup.py "$endpoint" "$data/credentials" 111111111111 examples/policies/vendor-cross-account-profile.json "${targets[@]}"
for id in "${targets[@]}"; do
  "$crossgate" accounts add --data "$data" --role-arn "arn:aws:iam::$id:role/PlatformResponseRole" --alias "t$id" --no-check >/dev/null
done

check=("$crossgate" accounts check --data "$data" --endpoint-url "$endpoint" --profile platform
       --permissions examples/policies/vendor-cross-account-profile.json --output json)
"${check[@]}" >"$work/check.json" || true   # warm-up
python3 -c "import json,sys; r=json.load(open('$work/check.json')); v=[a['verdict'] for a in r]; print(f'{len(v)} accounts checked: {v.count(\"ready\")} ready'); sys.exit(0 if v.count('ready')==len(v)==$accounts else 1)"
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "${check[@]}" >"$work/check.json" || true
  end=$(date +%s%N)
  times+=("$(( (end - start) / 1000000 ))")
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "accounts check of $accounts accounts, runs (ms): ${times[*]}"
echo "fastest: ${sorted[0]} ms, median: ${sorted[$(( ${#sorted[@]} / 2 ))]} ms"

# The parallel checks, against a server that logs each request's own time (restarted over the same store).
kill -TERM "$server"; wait "$server" || true
"$crossgate" serve --data "$data" --port "$port" --account-id 111111111111 --access-log >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fsS "$endpoint/health" >/dev/null 2>&1 && break; sleep 0.1; done
"${check[@]}" >"$work/check.json" || true   # warm-up of the new server
skip="$(wc -l <"$work/serve.log")"
rm -f "$work"/parallel.*.json
for run in $(seq "$runs"); do
  checks=()
  for n in $(seq 8); do
    "${check[@]}" >"$work/parallel.$run.$n.json" &
    checks+=($!)
  done
  wait "${checks[@]}" || true
done
echo "8 parallel accounts checks of $accounts accounts, $runs times:"
python3 bench/account-check/assume-percentiles.py checks "$work"/parallel.*.json
python3 bench/account-check/assume-percentiles.py log "$work/serve.log" "$skip"

python3 bench/account-check/assume-latency.py "$endpoint" 8 "$runs" "${targets[@]}"
