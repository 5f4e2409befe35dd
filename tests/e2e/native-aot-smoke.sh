#!/usr/bin/env bash
# Publishes `crossgate` as a Native AOT executable (once) and drives the native binary through every part that
# depends on code generated at build time or on third-party libraries under AOT: System.CommandLine, the policy
# engine and catalog, the simulator, System.Text.Json (source-generated contracts), SQLite (its native library
# beside the binary), PostgreSQL (Npgsql), Kestrel, the AWS SDK's STS client, and the real AWS CLI against `serve`.
#
# Usage: tests/e2e/native-aot-smoke.sh [PATH-TO-NATIVE-crossgate]   (installed with ./install.sh when left out)
# Needs: the .NET 10 SDK, and for the publish a C toolchain and zlib (clang and zlib1g-dev, installed with apt-get
#   when missing), python3 and curl.
# Environment: AWS_CLI (default /usr/bin/aws, installed with apt-get when missing); CI=true makes a missing
#   PostgreSQL a failure instead of a skipped step.
# Exit codes: 0 passed, 1 a check failed, 77 the AWS CLI is missing and cannot be installed.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
examples="$repo_root/examples"
ACCOUNT=111111111111
failures=0
started=$SECONDS

log() { printf '\n== %s\n' "$*"; }
pass() { printf '   ok: %s\n' "$*"; }
fail() { printf '   FAILED: %s\n' "$*"; failures=$((failures + 1)); }

work="$(mktemp -d)"
server_pids=()
pg_dir=""
cleanup() {
  local pid
  for pid in "${server_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  if [[ -n "$pg_dir" ]]; then bash "$repo_root/tests/postgres/stop-postgres.sh" "$pg_dir" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# json_check FILE PYTHON-EXPRESSION: true when FILE is JSON and the expression over it (as `d`) holds.
json_check() {
  python3 - "$1" "$2" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    d = json.load(f)
sys.exit(0 if eval(sys.argv[2], {"d": d}) else 1)
PY
}

# run NAME EXPECTED-EXIT ARGS... → stdout in $work/NAME.out, stderr in $work/NAME.err
run() {
  local name="$1" expected="$2"; shift 2
  local code=0
  "$CROSSGATE" "$@" >"$work/$name.out" 2>"$work/$name.err" || code=$?
  if [[ "$code" == "$expected" ]]; then pass "crossgate ${*:1:2} exits $code"
  else fail "crossgate $* exited $code, expected $expected: $(head -c 2000 "$work/$name.err")"; fi
}

# expect_json NAME DESCRIPTION PYTHON-EXPRESSION
expect_json() {
  if json_check "$work/$1.out" "$3" 2>"$work/json.err"; then pass "$2"
  else fail "$2: $(head -c 2000 "$work/$1.out") $(cat "$work/json.err")"; fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_server LOG ARGS... → the endpoint URL in $endpoint once /health answers
start_server() {
  local log_file="$1"; shift
  local port; port="$(free_port)"
  endpoint="http://127.0.0.1:$port"
  "$CROSSGATE" serve --port "$port" "$@" >"$log_file" 2>&1 &
  server_pids+=("$!")
  for _ in $(seq 1 100); do
    curl -fsS "$endpoint/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  cat "$log_file"; fail "the server did not start ($*)"; return 1
}

# --- the AWS CLI ----------------------------------------------------------------------------------------------
source "$(dirname "${BASH_SOURCE[0]}")/install-awscli.sh"

# --- the native binary ----------------------------------------------------------------------------------------
CROSSGATE="${1:-}"
if [[ -z "$CROSSGATE" ]]; then
  # The AOT compiler links with the platform's C toolchain (clang, or gcc) and zlib.
  if ! { command -v clang >/dev/null || command -v gcc >/dev/null; } || [[ ! -e /usr/include/zlib.h ]]; then
    log "installing clang and zlib1g-dev from Debian"
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev) >/dev/null 2>&1 || true
    fi
  fi
  log "installing the Native AOT binary with ./install.sh"
  publish_started=$SECONDS
  prefix="$work/prefix"
  if ! bash "$repo_root/install.sh" --prefix "$prefix" >"$work/publish.log" 2>&1; then
    tail -50 "$work/publish.log"; echo "install.sh failed" >&2; exit 1
  fi
  echo "   published and installed in $((SECONDS - publish_started)) s"
  warnings="$(grep -Eo 'warning IL[0-9]{4}' "$work/publish.log" | sort -u || true)"
  [[ -z "$warnings" ]] && pass "no trim/AOT warnings" || fail "the publish warned: $warnings"
  [[ -L "$prefix/bin/crossgate" ]] && pass "install.sh linked PREFIX/bin/crossgate" || fail "no $prefix/bin/crossgate link"
  [[ -f "$prefix/lib/crossgate/libe_sqlite3.so" ]] && pass "SQLite's native library is beside the binary" \
    || fail "libe_sqlite3.so is not in $prefix/lib/crossgate"
  if on_path="$(PATH="$prefix/bin:$PATH" command -v crossgate)" && [[ "$on_path" == "$prefix/bin/crossgate" ]] \
      && PATH="$prefix/bin:$PATH" crossgate --version >/dev/null; then
    pass "crossgate runs from PATH"
  else
    fail "crossgate is not runnable from $prefix/bin"
  fi
  code=0; bash "$repo_root/install.sh" --prefx "$prefix" >/dev/null 2>"$work/install-usage.err" || code=$?
  [[ "$code" == 2 ]] && grep -q "unknown argument '--prefx'" "$work/install-usage.err" \
    && pass "install.sh refuses an unknown argument (exit 2)" || fail "install.sh --prefx exited $code: $(cat "$work/install-usage.err")"
  CROSSGATE="$prefix/bin/crossgate"
fi
[[ "$(head -c 4 "$CROSSGATE" | od -An -c | tr -d ' ')" == '177ELF' && ! -f "$(dirname "$CROSSGATE")/crossgate.dll" ]] \
  && pass "$CROSSGATE is a native executable" || fail "$CROSSGATE is not a native (AOT) executable"

# --- offline commands -----------------------------------------------------------------------------------------
log "help and policies"
run help 0 --help
grep -q "Usage:" "$work/help.out" && grep -q "simulate" "$work/help.out" && pass "help lists the commands" || fail "help: $(cat "$work/help.out")"
run validate 0 policy validate "$examples/policies/platform-permission-groups.json" --output json
expect_json validate "a valid policy is reported valid" 'd["valid"] is True and d["kind"] == "identity" and d["errors"] == []'
run validate-bad 1 policy validate "$examples/policies/bad-policy.json" --output json
run validate-text 1 policy validate "$examples/policies/bad-policy.json"
grep -q "invalid" "$work/validate-text.out" && pass "the text report (Spectre.Console markup)" || fail "text report: $(cat "$work/validate-text.out")"
expect_json validate-bad "an invalid policy is reported with its errors" 'd["valid"] is False and len(d["errors"]) + len(d["findings"]) > 0'
run expand 0 policy expand 's3:GetObject*' --output json
expect_json expand "an action pattern expands from the embedded catalog" 'd["count"] > 1 and all(a["action"].startswith("s3:GetObject") for a in d["actions"])'
run tighten 0 policy tighten "$examples/policies/platform-permission-groups.json" --kms-grants-only --tag-condition 'ec2:*=team:blue' --output json
expect_json tighten "tighten reports the rewritten policy" 'd["valid"] is True and d["policy"]["Version"] == "2012-10-17"'

log "simulate"
run simulate 0 simulate "$examples/scenarios/alex-assume-crossaccount-b.json" --output json
expect_json simulate "simulate writes JSON" 'isinstance(d, (list, dict))'

log "templates"
run template-yaml 0 template role --trusted-account "$ACCOUNT" --external-id smoke-external-id --policy "$examples/policies/platform-permission-groups.json"
grep -q "^AWSTemplateFormatVersion: '2010-09-09'" "$work/template-yaml.out" && pass "the role template as YAML" || fail "YAML template: $(head -5 "$work/template-yaml.out")"
run template-json 0 template role --trusted-account "$ACCOUNT" --policy "$examples/policies/platform-permission-groups.json" --format json
expect_json template-json "the role template as JSON" 'any(r["Type"] == "AWS::IAM::Role" for r in d["Resources"].values())'
run template-caller 0 template caller --role-name CrossgatePlatformRole
expect_json template-caller "the caller policy" 'd["Statement"][0]["Action"] == "sts:AssumeRole"'

# --- the SQLite store -----------------------------------------------------------------------------------------
log "init --example, export, import (SQLite)"
run init 0 init --data "$work/example" --example
run export 0 export --data "$work/example" --account "$ACCOUNT"
expect_json export "export writes the account's authorization details" \
  '{u["UserName"] for u in d["UserDetailList"]} >= {"alex", "bob"} and any(r["RoleName"] == "PlatformRole" for r in d["RoleDetailList"])'
run init-empty 0 init --data "$work/imported"
run import 0 import "$work/export.out" --data "$work/imported" --output json
expect_json import "the export imports back without problems" 'd["hasErrors"] is False and d["accounts"] == ["'"$ACCOUNT"'"] and d["counts"]["users"] >= 2'

# --- the endpoint with the real AWS CLI, and the platform through the AWS SDK ---------------------------------
log "serve, then the AWS CLI"
data="$work/served"
start_server "$work/serve.log" --data "$data" --account-id "$ACCOUNT"
export AWS_SHARED_CREDENTIALS_FILE="$data/credentials" AWS_CONFIG_FILE=/dev/null AWS_DEFAULT_REGION=us-east-1
export AWS_PAGER="" AWS_MAX_ATTEMPTS=1 AWS_RETRY_MODE=standard
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE

# aws_ok DESCRIPTION ARGS... → stdout in $out
aws_ok() {
  local what="$1"; shift
  if out="$("$AWS_CLI" --endpoint-url "$endpoint" --profile crossgate --output text "$@" 2>"$work/aws.err")"; then pass "$what"
  else fail "$what: $(cat "$work/aws.err")"; out=""; fi
}

aws_ok "sts get-caller-identity (signed)" sts get-caller-identity --query Arn
[[ "$out" == "arn:aws:iam::$ACCOUNT:root" ]] && pass "the caller is the account's root" || fail "caller was '$out'"
aws_ok "iam create-role" iam create-role --role-name SmokeTarget --query Role.Arn --assume-role-policy-document \
  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::$ACCOUNT:root\"},\"Action\":\"sts:AssumeRole\"}]}"
aws_ok "iam put-role-policy" iam put-role-policy --role-name SmokeTarget --policy-name Inventory --policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:SimulatePrincipalPolicy","iam:ListRoles","s3:ListAllMyBuckets","ec2:Describe*"],"Resource":"*"}]}'
aws_ok "iam list-roles" iam list-roles --query 'Roles[].Arn'
[[ "$out" == *"arn:aws:iam::$ACCOUNT:role/SmokeTarget"* ]] && pass "list-roles shows the new role" || fail "list-roles said '$out'"
aws_ok "iam create-user" iam create-user --user-name platform
aws_ok "iam put-user-policy" iam put-user-policy --user-name platform --policy-name AssumeTargets --policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}'
aws_ok "iam create-access-key" iam create-access-key --user-name platform --query 'AccessKey.[AccessKeyId,SecretAccessKey]'
read -r platform_id platform_secret <<<"$out"

log "the audit trail"
run trail 0 trail --data "$data" --output json
expect_json trail "the trail reads back what the calls wrote" \
  'any(r["eventName"] == "CreateUser" and r["requestParameters"]["userName"] == "platform" for r in d["Records"])'

log "accounts (STS through the platform's own signed client)"
platform() { AWS_ACCESS_KEY_ID="$platform_id" AWS_SECRET_ACCESS_KEY="$platform_secret" AWS_SHARED_CREDENTIALS_FILE=/dev/null "$@"; }
code=0
platform "$CROSSGATE" accounts add --data "$data" --endpoint-url "$endpoint" --alias smoke \
  --role-arn "arn:aws:iam::$ACCOUNT:role/SmokeTarget" --skip-account-check >"$work/add.out" 2>"$work/add.err" || code=$?
[[ "$code" == 0 ]] && grep -q "assumable" "$work/add.out" && pass "accounts add assumed the role" \
  || fail "accounts add exited $code: $(cat "$work/add.out" "$work/add.err")"
run accounts-table 0 accounts list --data "$data"
grep -q "smoke" "$work/accounts-table.out" && grep -q "SmokeTarget" "$work/accounts-table.out" \
  && pass "accounts list as a table (Spectre.Console)" || fail "accounts table: $(cat "$work/accounts-table.out")"
run accounts-list 0 accounts list --data "$data" --output json
expect_json accounts-list "accounts list shows the registration" \
  'len(d) == 1 and d[0]["alias"] == "smoke" and d[0]["roleArn"] == "arn:aws:iam::'"$ACCOUNT"':role/SmokeTarget" and d[0]["sessionDuration"] == 3600'
code=0
platform "$CROSSGATE" accounts check smoke --data "$data" --endpoint-url "$endpoint" \
  --permissions "$examples/policies/platform-permission-groups.json" --output json >"$work/check.out" 2>"$work/check.err" || code=$?
[[ "$code" == 0 || "$code" == 1 ]] && pass "accounts check ran (exit $code)" || fail "accounts check exited $code: $(cat "$work/check.err")"
expect_json check "accounts check writes one JSON row per account" \
  'len(d) == 1 and d[0]["alias"] == "smoke" and d[0]["assumable"] is True and len(d[0]["groups"]) > 0'

# --- the PostgreSQL store -------------------------------------------------------------------------------------
log "PostgreSQL (Npgsql)"
pg_code=0
pg_out="$(bash "$repo_root/tests/postgres/start-postgres.sh" 2>"$work/pg.err")" || pg_code=$?
if [[ "$pg_code" == 3 && "${CI:-}" != "true" ]]; then
  echo "   SKIP: no PostgreSQL server here ($(cat "$work/pg.err"))"
elif [[ "$pg_code" != 0 ]]; then
  fail "PostgreSQL did not start: $(cat "$work/pg.err")"
else
  pg_dir="$(sed -n 's/^DATADIR=//p' <<<"$pg_out")"
  connection="$(sed -n 's/^CONNECTION=//p' <<<"$pg_out")"
  run pg-init 0 init --postgres "$connection" --data "$work/pg" --example
  run pg-export 0 export --postgres "$connection" --account "$ACCOUNT"
  expect_json pg-export "export from PostgreSQL" '{u["UserName"] for u in d["UserDetailList"]} >= {"alex", "bob"}'
  run pg-account 0 admin create-account --postgres "$connection" --data "$work/pg" --id 555555555555 --name Smoke
  start_server "$work/pg-serve.log" --postgres "$connection" --data "$work/pg" --json-logs --access-log # request lines are off unless asked for
  if out="$(AWS_SHARED_CREDENTIALS_FILE="$work/pg/credentials" "$AWS_CLI" --endpoint-url "$endpoint" --profile crossgate-555555555555 \
      --output text sts get-caller-identity --query Arn 2>"$work/aws.err")" && [[ "$out" == "arn:aws:iam::555555555555:root" ]]; then
    pass "a signed call against the PostgreSQL store"
  else
    fail "get-caller-identity against PostgreSQL: '$out' $(cat "$work/aws.err")"
  fi
  json_logged=""
  for _ in $(seq 1 30); do # the console logger writes from its own queue
    if python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")] or sys.exit(1)' "$work/pg-serve.log" 2>/dev/null; then
      json_logged=yes; break
    fi
    sleep 0.1
  done
  [[ -n "$json_logged" ]] && pass "--json-logs --access-log writes JSON lines" || fail "no JSON log line: $(cat "$work/pg-serve.log")"
fi

echo
echo "ran in $((SECONDS - started)) s"
if (( failures == 0 )); then echo "PASSED"; exit 0; fi
echo "$failures check(s) FAILED"; exit 1
