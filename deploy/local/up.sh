#!/usr/bin/env bash
# Brings up PostgreSQL (pgvector) and RabbitMQ for Clamp.Platform on 127.0.0.1 and writes the connection
# settings to $CLAMP_STATE_DIR/env.sh (source it: the services and the tests read these variables).
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

postgres="Host=127.0.0.1;Port=$CLAMP_PG_PORT;Username=$CLAMP_PG_USER;Password=$CLAMP_PG_PASSWORD;Database=$CLAMP_PG_DATABASE"
cat > "$ENV_FILE" <<ENV
# Written by deploy/local/up.sh: connection settings of the local PostgreSQL and RabbitMQ.
export ConnectionStrings__Postgres='$postgres'
export RabbitMq__Host=127.0.0.1
export RabbitMq__Port=$CLAMP_RABBITMQ_PORT
export RabbitMq__Username='$CLAMP_RABBITMQ_USER'
export RabbitMq__Password='$CLAMP_RABBITMQ_PASSWORD'
# Read by the integration tests (tests/Clamp.Testing).
export CLAMP_TEST_POSTGRES='$postgres'
export CLAMP_TEST_RABBITMQ='amqp://$CLAMP_RABBITMQ_USER:$CLAMP_RABBITMQ_PASSWORD@127.0.0.1:$CLAMP_RABBITMQ_PORT/'
export CLAMP_TEST_RABBITMQ_MANAGEMENT='http://127.0.0.1:$CLAMP_RABBITMQ_MANAGEMENT_PORT/'
export CLAMP_TEST_POSTGRES_RESTART='$here/postgres.sh restart'
export CLAMP_TEST_RABBITMQ_RESTART='$here/rabbitmq.sh restart'
ENV
log "connection settings written to $ENV_FILE"
echo "$ENV_FILE"
