# Sourced by the e2e scripts: sets AWS_CLI to the AWS CLI v2, installing Debian's awscli when it is missing.
# Exits 77 (the scripts' "cannot run here") when it cannot be had. Expects log() from the sourcing script.
AWS_CLI="${AWS_CLI:-/usr/bin/aws}"
if [[ ! -x "$AWS_CLI" ]]; then
  log "installing awscli from Debian"
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq awscli) >/dev/null 2>&1 || true
  fi
  if [[ ! -x "$AWS_CLI" ]]; then
    echo "FAILED: the AWS CLI is not at $AWS_CLI and could not be installed (apt-get install awscli)." >&2
    exit 77
  fi
fi
echo "AWS CLI: $("$AWS_CLI" --version 2>&1)"
