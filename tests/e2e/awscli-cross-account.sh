#!/usr/bin/env bash
# Walks the reference's cross-account setup with the real AWS CLI (Debian's `awscli` package, v2 on bookworm)
# against `crossgate serve` on a free loopback port:
#   identity account (management, 111111111111) with user alex and an inline sts:AssumeRole policy,
#   a target account created through Organizations, a role there trusting the identity account with an external id,
#   alex assuming it (and failing without the external id, with the wrong one, from an untrusted account, and without
#   sts:AssumeRole in his own policy), then using the session and being denied what the role does not grant.
#
# Usage: tests/e2e/awscli-cross-account.sh [PATH-TO-crossgate]   (built from src/Crossgate.Cli when left out)
# Environment: AWS_CLI (default /usr/bin/aws, installed with apt-get when missing).
# Exit codes: 0 passed, 1 a check failed, 77 the AWS CLI is missing and cannot be installed.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MANAGEMENT=111111111111
OUTSIDER=444444444444
EXTERNAL_ID=crossgate-e2e-external-id
failures=0

log() { printf '\n== %s\n' "$*"; }
pass() { printf '   ok: %s\n' "$*"; }
fail() { printf '   FAILED: %s\n' "$*"; failures=$((failures + 1)); }

# --- the AWS CLI ----------------------------------------------------------------------------------------------
source "$(dirname "${BASH_SOURCE[0]}")/install-awscli.sh"

# --- the server -----------------------------------------------------------------------------------------------
CROSSGATE="${1:-}"
if [[ -z "$CROSSGATE" ]]; then
  dotnet build "$repo_root/src/Crossgate.Cli" --nologo -v q -o "$repo_root/src/Crossgate.Cli/bin/e2e" >/dev/null
  CROSSGATE="$repo_root/src/Crossgate.Cli/bin/e2e/crossgate"
fi

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
endpoint="http://127.0.0.1:$port"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$CROSSGATE" serve --data "$work/data" --port "$port" --account-id "$MANAGEMENT" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fsS "$endpoint/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "$endpoint/health" >/dev/null || { cat "$work/serve.log"; echo "the server did not start" >&2; exit 1; }
grep -q "AWS_SHARED_CREDENTIALS_FILE=$work/data/credentials AWS_PROFILE=crossgate" "$work/serve.log" \
  && pass "serve printed the credentials lines" || fail "serve did not print the credentials lines: $(cat "$work/serve.log")"

export AWS_SHARED_CREDENTIALS_FILE="$work/data/credentials" AWS_CONFIG_FILE=/dev/null AWS_DEFAULT_REGION=us-east-1
export AWS_PAGER="" AWS_MAX_ATTEMPTS=1 AWS_RETRY_MODE=standard
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE

# aws PROFILE-or-"session:ID:SECRET:TOKEN" ARGS... → stdout; stderr to $work/err
aws_as() {
  local who="$1"; shift
  if [[ "$who" == session:* ]]; then
    local _ id secret token
    IFS=: read -r _ id secret token <<<"$who"
    if [[ -n "$token" ]]; then
      AWS_ACCESS_KEY_ID="$id" AWS_SECRET_ACCESS_KEY="$secret" AWS_SESSION_TOKEN="$token" \
        "$AWS_CLI" --endpoint-url "$endpoint" --output text "$@" 2>"$work/err"
    else
      AWS_ACCESS_KEY_ID="$id" AWS_SECRET_ACCESS_KEY="$secret" \
        "$AWS_CLI" --endpoint-url "$endpoint" --output text "$@" 2>"$work/err"
    fi
  else
    "$AWS_CLI" --endpoint-url "$endpoint" --profile "$who" --output text "$@" 2>"$work/err"
  fi
}

# expect_ok DESCRIPTION WHO ARGS... → stdout in $out
expect_ok() {
  local what="$1"; shift
  if out="$(aws_as "$@")"; then pass "$what"; else fail "$what: $(cat "$work/err")"; out=""; fi
}

# expect_error DESCRIPTION CODE MESSAGE-PREFIX WHO ARGS...
expect_error() {
  local what="$1" code="$2" message="$3"; shift 3
  if aws_as "$@" >/dev/null; then fail "$what: succeeded"; return; fi
  local expected="An error occurred ($code) when calling the"
  if grep -qF "$expected" "$work/err" && grep -qF "$message" "$work/err"; then pass "$what"
  else fail "$what: expected ($code) '$message', got: $(cat "$work/err")"; fi
}

session_of() { # the credentials of an assume-role / get-session-token text answer
  awk '$1 == "CREDENTIALS" { print "session:" $2 ":" $4 ":" $5 }' <<<"$1"
}

# --- STS alone ------------------------------------------------------------------------------------------------
log "STS: root of the management account"
expect_ok "get-caller-identity as root" crossgate sts get-caller-identity --query Arn
[[ "$out" == "arn:aws:iam::$MANAGEMENT:root" ]] && pass "root ARN" || fail "root ARN was '$out'"

"$CROSSGATE" admin create-account --data "$work/data" --id "$OUTSIDER" --name Outsider >/dev/null
expect_ok "get-caller-identity as the outsider's root" "crossgate-$OUTSIDER" sts get-caller-identity --query Account
[[ "$out" == "$OUTSIDER" ]] && pass "outsider account" || fail "outsider account was '$out'"
expect_error "root may not assume roles" AccessDenied "Roles may not be assumed by root accounts." \
  "crossgate-$OUTSIDER" sts assume-role --role-arn "arn:aws:iam::$MANAGEMENT:role/Anything" --role-session-name root
expect_error "session name pattern" ValidationError "Value 'bad name' at 'roleSessionName' failed to satisfy constraint" \
  crossgate sts assume-role --role-arn "arn:aws:iam::$MANAGEMENT:role/Anything" --role-session-name "bad name"

expect_ok "get-session-token as root" crossgate sts get-session-token --duration-seconds 900
root_session="$(session_of "$out")"
expect_ok "the session token works" "$root_session" sts get-caller-identity --query Arn
[[ "$out" == "arn:aws:iam::$MANAGEMENT:root" ]] && pass "root session ARN" || fail "root session ARN was '$out'"
expect_ok "get-access-key-info" crossgate sts get-access-key-info \
  --access-key-id "$(awk -v p="[crossgate-$OUTSIDER]" '$0 == p {f=1} f && $1 == "aws_access_key_id" {print $3; exit}' "$AWS_SHARED_CREDENTIALS_FILE")"
[[ "$out" == "$OUTSIDER" ]] && pass "key belongs to the outsider" || fail "get-access-key-info said '$out'"

# --- IAM and Organizations (served by their own handlers) -----------------------------------------------------
missing=()
"$AWS_CLI" --endpoint-url "$endpoint" --profile crossgate iam list-users >/dev/null 2>"$work/err" \
  || ! grep -q "InvalidAction" "$work/err" || missing+=("IAM")
"$AWS_CLI" --endpoint-url "$endpoint" --profile crossgate organizations describe-organization >/dev/null 2>"$work/err" \
  || ! grep -qi "UnknownOperation" "$work/err" || missing+=("Organizations")
if (( ${#missing[@]} > 0 )); then
  fail "this server does not answer ${missing[*]}; the cross-account walk needs them"
  echo "$failures check(s) FAILED"; exit 1
fi

log "Organizations: a target account"
expect_ok "create-organization" crossgate organizations create-organization --feature-set ALL
expect_ok "create-account" crossgate organizations create-account --email target@example.com --account-name Target \
  --query 'CreateAccountStatus.[Id,State]'
read -r request_id first_state <<<"$out"
[[ "$first_state" == "IN_PROGRESS" ]] && pass "create-account answers IN_PROGRESS" || fail "create-account answered $first_state, not IN_PROGRESS"
# Polled as scripts poll AWS, until the state is no longer IN_PROGRESS.
target=""
states=()
for _ in $(seq 1 60); do
  read -r state account_id < <(aws_as crossgate organizations describe-create-account-status --create-account-request-id "$request_id" \
    --query 'CreateAccountStatus.[State,AccountId]') || true
  states+=("$state")
  if [[ "$state" == "SUCCEEDED" ]]; then target="$account_id"; break; fi
  [[ "$state" == "IN_PROGRESS" ]] || break
  sleep 0.5
done
[[ "$target" =~ ^[0-9]{12}$ ]] && pass "target account $target (states: ${states[*]})" || fail "the target account was not created (states: ${states[*]})"
expect_ok "list-accounts shows it" crossgate organizations list-accounts --query "Accounts[?Id=='$target'].Id"
[[ "$out" == "$target" ]] && pass "list-accounts lists $target" || fail "list-accounts does not list $target"

log "IAM: the identity account"
expect_ok "create-user alex" crossgate iam create-user --user-name alex
expect_ok "create-access-key alex" crossgate iam create-access-key --user-name alex --query 'AccessKey.[AccessKeyId,SecretAccessKey]'
read -r alex_id alex_secret <<<"$out"
alex="session:$alex_id:$alex_secret:"
role_arn="arn:aws:iam::$target:role/CrossAccount"
expect_ok "put-user-policy alex" crossgate iam put-user-policy --user-name alex --policy-name AssumeCrossAccount \
  --policy-document "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"$role_arn\"}]}"
expect_ok "create-user admin" crossgate iam create-user --user-name admin
expect_ok "attach AdministratorAccess" crossgate iam attach-user-policy --user-name admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess
expect_ok "create-access-key admin" crossgate iam create-access-key --user-name admin --query 'AccessKey.[AccessKeyId,SecretAccessKey]'
read -r admin_id admin_secret <<<"$out"

log "IAM: the role in the target account"
expect_ok "admin assumes OrganizationAccountAccessRole" "session:$admin_id:$admin_secret:" sts assume-role \
  --role-arn "arn:aws:iam::$target:role/OrganizationAccountAccessRole" --role-session-name setup
setup="$(session_of "$out")"
expect_ok "create-role CrossAccount" "$setup" iam create-role --role-name CrossAccount --assume-role-policy-document \
  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::$MANAGEMENT:root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"$EXTERNAL_ID\"}}}]}"
expect_ok "put-role-policy ReadRoles" "$setup" iam put-role-policy --role-name CrossAccount --policy-name ReadRoles \
  --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}]}'

log "STS: alex assumes the role"
denied="User: arn:aws:iam::$MANAGEMENT:user/alex is not authorized to perform: sts:AssumeRole on resource: $role_arn"
expect_error "without the external id" AccessDenied "$denied" "$alex" sts assume-role --role-arn "$role_arn" --role-session-name alex
expect_error "with the wrong external id" AccessDenied "$denied" "$alex" sts assume-role --role-arn "$role_arn" --role-session-name alex --external-id wrong-id
expect_ok "with the external id" "$alex" sts assume-role --role-arn "$role_arn" --role-session-name alex --external-id "$EXTERNAL_ID"
alex_session="$(session_of "$out")"

log "STS: an untrusted account"
expect_ok "outsider root creates mallory" "crossgate-$OUTSIDER" iam create-user --user-name mallory
expect_ok "mallory may assume anything" "crossgate-$OUTSIDER" iam put-user-policy --user-name mallory --policy-name AssumeAnything \
  --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}'
expect_ok "create-access-key mallory" "crossgate-$OUTSIDER" iam create-access-key --user-name mallory --query 'AccessKey.[AccessKeyId,SecretAccessKey]'
read -r mallory_id mallory_secret <<<"$out"
expect_error "from the untrusted account" AccessDenied \
  "User: arn:aws:iam::$OUTSIDER:user/mallory is not authorized to perform: sts:AssumeRole on resource: $role_arn" \
  "session:$mallory_id:$mallory_secret:" sts assume-role --role-arn "$role_arn" --role-session-name mallory --external-id "$EXTERNAL_ID"

log "Using the session"
expect_ok "get-caller-identity in the session" "$alex_session" sts get-caller-identity --query Arn
[[ "$out" == "arn:aws:sts::$target:assumed-role/CrossAccount/alex" ]] && pass "session ARN" || fail "session ARN was '$out'"
expect_ok "get-role (granted)" "$alex_session" iam get-role --role-name CrossAccount --query Role.Arn
expect_error "list-users (not granted)" AccessDenied \
  "User: arn:aws:sts::$target:assumed-role/CrossAccount/alex is not authorized to perform: iam:ListUsers" "$alex_session" iam list-users

log "Without sts:AssumeRole in alex's own policy"
expect_ok "delete-user-policy" crossgate iam delete-user-policy --user-name alex --policy-name AssumeCrossAccount
expect_error "identity policy missing" AccessDenied "$denied" "$alex" sts assume-role --role-arn "$role_arn" --role-session-name alex --external-id "$EXTERNAL_ID"

log "The audit trail"
if trail="$("$CROSSGATE" trail --data "$work/data" --principal "arn:aws:iam::$OUTSIDER:user/mallory" --output json 2>&1)" \
  && grep -q '"eventName": *"AssumeRole"' <<<"$trail" && grep -q '"errorCode": *"AccessDenied"' <<<"$trail"; then
  pass "mallory's refused AssumeRole is in the trail"
else
  fail "mallory's refused AssumeRole is not in the trail: $trail"
fi

if (( failures == 0 )); then echo "PASSED"; exit 0; fi
echo "$failures check(s) FAILED"; exit 1
