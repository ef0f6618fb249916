#!/usr/bin/env bash
# Brings up Clamp.Platform on this machine: PostgreSQL (pgvector) and RabbitMQ, then every service with the
# bundled default model; uploads the bundled sample scores through the ingest API, waits until they are
# indexed, and prints a search and a classification obtained over gRPC. It also installs the clamp CLI as a .NET
# tool in $CLAMP_STATE_DIR/tools (deploy/local/cli.sh) and says how to put it on the PATH.
#   ./run.sh            run in the foreground; Ctrl-C stops everything this script started
#   ./run.sh --detach   leave the platform running (stop it with ./run.sh stop)
#   ./run.sh stop       stop what a detached run started (services, then PostgreSQL and RabbitMQ)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
. "$root/deploy/local/common.sh"
. "$root/deploy/local/platform.sh"

case "${1:-}" in
  stop) platform_stop; "$root/deploy/local/down.sh"; exit 0 ;;
  --detach|"") ;;
  *) echo "usage: ./run.sh [--detach | stop]" >&2; exit 2 ;;
esac

command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is required"
env_file=$("$root/deploy/local/up.sh")
# shellcheck disable=SC1090
. "$env_file"

log "building (Release)"
ensure_npm
dotnet build Clamp.Platform.sln -c Release -nologo -clp:ErrorsOnly >&2
tools=$("$root/deploy/local/cli.sh")

if [ "${1:-}" != "--detach" ]; then
  trap 'echo; platform_stop; "$root/deploy/local/down.sh"; exit 0' INT TERM
fi

platform_start
platform_demo
log "the clamp CLI is installed in $tools: export PATH=\"$tools:\$PATH\" and try clamp --help, or with no server: clamp search samples/abc \"a jig\""

if [ "${1:-}" = "--detach" ]; then
  log "the platform keeps running; stop it with ./run.sh stop (logs: $RUN_DIR/*.log)"
  exit 0
fi
log "running; Ctrl-C stops everything this script started (logs: $RUN_DIR/*.log)"
while true; do sleep 3600 & wait $!; done
