#!/usr/bin/env bash
# Brings up PostgreSQL (pgvector) and RabbitMQ for Clamp.Platform on 127.0.0.1 and writes the connection
# settings and the local platform's keys to $CLAMP_STATE_DIR/env.sh (mode 600; source it: the services, the CLI and
# the tests read these variables).
# Natively on Debian/Ubuntu by default; with CLAMP_USE_DOCKER=1 (or when a Docker daemon answers and no
# native PostgreSQL is installed) through docker-compose.yml instead. Idempotent: what runs is reused.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/common.sh"
mkdir -p "$CLAMP_STATE_DIR"

use_docker() {
  [ "${CLAMP_USE_DOCKER:-auto}" = "1" ] && return 0
  [ "${CLAMP_USE_DOCKER:-auto}" = "auto" ] && ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 && docker_available
}

if use_docker; then
  log "starting PostgreSQL and RabbitMQ with docker compose"
  export CLAMP_PG_PORT CLAMP_PG_USER CLAMP_PG_PASSWORD CLAMP_PG_DATABASE \
    CLAMP_RABBITMQ_PORT CLAMP_RABBITMQ_MANAGEMENT_PORT CLAMP_RABBITMQ_USER CLAMP_RABBITMQ_PASSWORD
  docker compose -f "$here/../../docker-compose.yml" up -d --wait postgres rabbitmq >&2
  echo docker > "$CLAMP_STATE_DIR/provider"
else
  "$here/postgres.sh" up
  "$here/rabbitmq.sh" up
  echo native > "$CLAMP_STATE_DIR/provider"
fi

# The local platform's keys (docs/security.md): random, made once per state directory and kept in keys.sh (mode 600),
# so they are never a constant anyone knows. CLAMP_API_KEY and CLAMP_SERVICE_KEY given in the environment win.
if [ ! -s "$KEYS_FILE" ]; then
  write_private "$KEYS_FILE" <<KEYS
# Written once by deploy/local/up.sh: the random keys of the local platform.
CLAMP_LOCAL_API_KEY='$(random_secret)'
CLAMP_LOCAL_SERVICE_KEY='$(random_secret)'
KEYS
fi
# shellcheck disable=SC1090
. "$KEYS_FILE"

postgres="Host=127.0.0.1;Port=$CLAMP_PG_PORT;Username=$CLAMP_PG_USER;Password=$CLAMP_PG_PASSWORD;Database=$CLAMP_PG_DATABASE"
write_private "$ENV_FILE" <<ENV
# Written by deploy/local/up.sh: connection settings of the local PostgreSQL and RabbitMQ, and the local platform's keys.
export ConnectionStrings__Postgres='$postgres'
export RabbitMq__Host=127.0.0.1
export RabbitMq__Port=$CLAMP_RABBITMQ_PORT
export RabbitMq__Username='$CLAMP_RABBITMQ_USER'
export RabbitMq__Password='$CLAMP_RABBITMQ_PASSWORD'
# The API key (an admin key of tenant "default") and the service key ./run.sh starts the services with; the CLI reads
# CLAMP_API_KEY.
export CLAMP_API_KEY='${CLAMP_API_KEY:-$CLAMP_LOCAL_API_KEY}'
export CLAMP_SERVICE_KEY='${CLAMP_SERVICE_KEY:-$CLAMP_LOCAL_SERVICE_KEY}'
# Read by the integration tests (tests/Clamp.Testing).
export CLAMP_TEST_POSTGRES='$postgres'
export CLAMP_TEST_RABBITMQ='amqp://$CLAMP_RABBITMQ_USER:$CLAMP_RABBITMQ_PASSWORD@127.0.0.1:$CLAMP_RABBITMQ_PORT/'
export CLAMP_TEST_RABBITMQ_MANAGEMENT='http://127.0.0.1:$CLAMP_RABBITMQ_MANAGEMENT_PORT/'
export CLAMP_TEST_POSTGRES_RESTART='$here/postgres.sh restart'
export CLAMP_TEST_RABBITMQ_RESTART='$here/rabbitmq.sh restart'
ENV
log "connection settings written to $ENV_FILE"
echo "$ENV_FILE"
