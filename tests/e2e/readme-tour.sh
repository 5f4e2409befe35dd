#!/usr/bin/env bash
# Runs README.md as a new user would: every runnable block, in order, in one shell, against a fresh store and
# `crossgate serve`, with the real AWS CLI. The README cannot drift from the product without this failing.
#
# What is runnable: a fenced block whose info string is `sh run` runs in the foreground; `sh run-background` (the
# server) is started in the background and waited for until /health answers. Other blocks are only read.
# Within a block, comment lines right after a command say what to expect of it:
#   # => exit N     its exit code (0 when not said)
#   # => TEXT       its output (standard output and error together) contains TEXT
# The README's port 8770 is replaced by a free one (and `crossgate serve` is given it), so that runs in parallel do
# not collide; everything else runs as written, in a fresh folder with `examples/` linked into it.
#
# Usage: tests/e2e/readme-tour.sh [PATH-TO-crossgate]   (built from src/Crossgate.Cli when left out)
# Environment: AWS_CLI (default /usr/bin/aws, installed with apt-get when missing).
# Exit codes: 0 passed, 1 a step failed, 77 the AWS CLI is missing and cannot be installed.
set -o pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readme="${README:-$repo_root/README.md}"
failures=0
steps=0

log() { printf '\n== %s\n' "$*"; }
fail() { printf '   FAILED: %s\n' "$*"; failures=$((failures + 1)); }

source "$(dirname "${BASH_SOURCE[0]}")/install-awscli.sh" || exit $?
command -v python3 >/dev/null || { echo "FAILED: python3 is needed to read the README" >&2; exit 1; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

CROSSGATE="${1:-}"
if [[ -z "$CROSSGATE" ]]; then
  dotnet build "$repo_root/src/Crossgate.Cli" --nologo -v q -o "$repo_root/src/Crossgate.Cli/bin/e2e-readme" >/dev/null || exit 1
  CROSSGATE="$repo_root/src/Crossgate.Cli/bin/e2e-readme/crossgate"
fi
mkdir -p "$work/bin" "$work/home" "$work/tour"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$CROSSGATE" >"$work/bin/crossgate"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$AWS_CLI" >"$work/bin/aws"
chmod +x "$work/bin/crossgate" "$work/bin/aws"
ln -s "$repo_root/examples" "$work/tour/examples"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"

# The README's runnable blocks as calls of `step` and `background` (below), one per command.
python3 - "$readme" "$port" >"$work/tour.sh" <<'PY' || { echo "FAILED: could not read $1" >&2; exit 1; }
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
port = sys.argv[2]
blocks = re.findall(r"^```sh (run|run-background)[ \t]*\n(.*?)^```[ \t]*$", text, re.S | re.M)
if not blocks:
    sys.exit("no runnable block")

def quote(s):
    return "'" + s.replace("'", "'\\''") + "'"

for kind, body in blocks:
    body = body.replace("127.0.0.1:8770", "127.0.0.1:" + port)
    commands = []  # [command, exit, [expected texts]]
    pending = ""
    for line in body.splitlines():
        stripped = line.strip()
        if pending:
            pending += "\n" + line
        elif stripped.startswith("# =>"):
            expected = stripped[4:].strip()
            m = re.fullmatch(r"exit (\d+)", expected)
            if m:
                commands[-1][1] = m.group(1)
            else:
                commands[-1][2].append(expected)
            continue
        elif not stripped or stripped.startswith("#"):
            continue
        else:
            pending = line
        if not pending.endswith("\\"):
            commands.append([pending, "0", []])
            pending = ""
    for command, code, expected in commands:
        if kind == "run-background":
            command = re.sub(r"\bcrossgate serve\b", "crossgate serve --port " + port, command)
            print("background " + quote(command))
        else:
            print("step " + quote(command) + " " + code + "".join(" " + quote(e) for e in expected))
PY

# step COMMAND EXPECTED-EXIT [EXPECTED-TEXT...]: runs the command in this shell (so that exports and variables
# carry on to the next, as in a terminal) and checks its exit code and output.
step() {
  local command="$1" expected_code="$2"; shift 2
  steps=$((steps + 1))
  printf '\n$ %s\n' "$command"
  local code=0
  eval "$command" </dev/null >"$work/out" 2>&1 || code=$?
  sed 's/^/  /' "$work/out" | head -c 4000
  [[ "$code" == "$expected_code" ]] || fail "'$command' exited $code, the README says $expected_code"
  local text
  for text in "$@"; do
    grep -qF -- "$text" "$work/out" || fail "'$command' did not print: $text"
  done
}

background() {
  steps=$((steps + 1))
  printf '\n$ %s &\n' "$1"
  eval "$1" </dev/null >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && { sed 's/^/  /' "$work/server.log"; return 0; }
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/server.log"; fail "the server did not answer on port $port"
  echo "$failures step(s) FAILED"; exit 1
}

log "README.md, block by block, in $work/tour"
cd "$work/tour"
export PATH="$work/bin:$PATH" HOME="$work/home"
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE
source "$work/tour.sh"

echo
if (( failures == 0 )); then echo "$steps steps: PASSED"; exit 0; fi
echo "$failures of $steps step(s) FAILED"; exit 1
