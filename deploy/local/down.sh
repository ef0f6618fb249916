#!/usr/bin/env bash
# Stops what deploy/local/up.sh started (and nothing else). Data stays under $CLAMP_STATE_DIR
# unless --purge is given.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/common.sh"

if [ "$(cat "$CLAMP_STATE_DIR/provider" 2>/dev/null)" = docker ]; then
  docker compose -f "$here/../../docker-compose.yml" down >&2
else
  "$here/rabbitmq.sh" down
  "$here/postgres.sh" down
fi
rm -f "$CLAMP_STATE_DIR/provider" "$ENV_FILE"
if [ "${1:-}" = "--purge" ]; then rm -rf "$CLAMP_STATE_DIR"; log "removed $CLAMP_STATE_DIR"; fi
