#!/usr/bin/env bash
# RabbitMQ (with the management plugin), run natively for development, CI and ./run.sh.
#   rabbitmq.sh up       install what is missing, start (or reuse) a node whose data lives under $CLAMP_STATE_DIR/rabbitmq
#   rabbitmq.sh down     stop the node this script started (nothing else)
#   rabbitmq.sh restart  stop then start it (used by the reliability tests)
#   rabbitmq.sh status   exit 0 when it accepts AMQP connections
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/common.sh"

RABBIT_BIN=/usr/lib/rabbitmq/bin
NODE="clamp-${CLAMP_RABBITMQ_PORT}@localhost"

node_env() {
  export HOME="$RABBIT_STATE"   # the Erlang cookie lives here, not in the user's home
  export RABBITMQ_NODENAME="$NODE"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$CLAMP_RABBITMQ_PORT"
  export RABBITMQ_DIST_PORT="$CLAMP_RABBITMQ_DIST_PORT"
  # Erlang distribution (the node's port $CLAMP_RABBITMQ_DIST_PORT, and the CLI tools' own) on loopback only: whoever
  # reaches it with the cookie controls the node. epmd, below, also listens on loopback only.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_MNESIA_BASE="$RABBIT_STATE/mnesia"
  export RABBITMQ_LOG_BASE="$RABBIT_STATE/log"
  export RABBITMQ_PID_FILE="$RABBIT_STATE/rabbitmq.pid"
  export RABBITMQ_CONFIG_FILE="$RABBIT_STATE/rabbitmq"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RABBIT_STATE/enabled_plugins"
  export ERL_EPMD_ADDRESS=127.0.0.1
}

accepts_amqp() {
  # The AMQP listener accepts TCP connections (it opens only once the broker has booted).
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$CLAMP_RABBITMQ_PORT" 2>/dev/null
}

# The node's Erlang distribution port listens on loopback only (true when ss is not there to ask).
distribution_on_loopback() {
  command -v ss >/dev/null || return 0
  ! ss -Hltn "sport = :$CLAMP_RABBITMQ_DIST_PORT" | awk '{ print $4 }' | grep -qv '^127\.0\.0\.1:'
}

management_answers() {
  curl -fsS -u "$CLAMP_RABBITMQ_USER:$CLAMP_RABBITMQ_PASSWORD" "http://127.0.0.1:$CLAMP_RABBITMQ_MANAGEMENT_PORT/api/overview" >/dev/null
}

write_config() {
  mkdir -p "$RABBIT_STATE/mnesia" "$RABBIT_STATE/log"
  write_private "$RABBIT_STATE/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$CLAMP_RABBITMQ_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $CLAMP_RABBITMQ_MANAGEMENT_PORT
default_user = $CLAMP_RABBITMQ_USER
default_pass = $CLAMP_RABBITMQ_PASSWORD
loopback_users = none
disk_free_limit.absolute = 50MB
log.console = false
log.file.level = warning
CONF
  echo '[rabbitmq_management].' > "$RABBIT_STATE/enabled_plugins"
}

up() {
  command -v curl >/dev/null || apt_install curl
  if accepts_amqp && management_answers; then
    log "RabbitMQ already answers on 127.0.0.1:$CLAMP_RABBITMQ_PORT: reusing it"
    distribution_on_loopback || log "warning: its Erlang distribution port $CLAMP_RABBITMQ_DIST_PORT listens beyond 127.0.0.1 (started by an older script): run $0 restart"
    return
  fi
  [ -x "$RABBIT_BIN/rabbitmq-server" ] || apt_install rabbitmq-server
  # The package may start a system node of its own; it is not ours to use or stop, and it does not clash (other ports).
  write_config
  node_env
  log "starting RabbitMQ on 127.0.0.1:$CLAMP_RABBITMQ_PORT (management on $CLAMP_RABBITMQ_MANAGEMENT_PORT)"
  # A session of its own: the node must outlive whatever started it (a test host's process tree is killed
  # when the test run ends).
  setsid nohup "$RABBIT_BIN/rabbitmq-server" >"$RABBIT_STATE/log/console.log" 2>&1 </dev/null &
  echo $! > "$RABBIT_STATE/launcher.pid"
  touch "$RABBIT_STATE/started-by-clamp"
  wait_for 90 accepts_amqp || { tail -n 30 "$RABBIT_STATE/log/console.log" >&2; die "RabbitMQ did not start"; }
  wait_for 60 management_answers || die "RabbitMQ's management API does not answer on $CLAMP_RABBITMQ_MANAGEMENT_PORT"
  distribution_on_loopback || die "RabbitMQ's Erlang distribution port $CLAMP_RABBITMQ_DIST_PORT listens beyond 127.0.0.1"
  log "RabbitMQ is up"
}

down() {
  if [ ! -f "$RABBIT_STATE/started-by-clamp" ]; then log "no RabbitMQ started by these scripts is running"; return 0; fi
  node_env
  "$RABBIT_BIN/rabbitmqctl" -n "$NODE" stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1 || true
  if [ -f "$RABBIT_STATE/launcher.pid" ]; then
    local pid; pid=$(cat "$RABBIT_STATE/launcher.pid")
    wait_for 30 bash -c "! kill -0 $pid" || kill "$pid" 2>/dev/null || true
    rm -f "$RABBIT_STATE/launcher.pid"
  fi
  rm -f "$RABBIT_STATE/started-by-clamp"
  log "RabbitMQ stopped"
}

case "${1:-up}" in
  up) up ;;
  down) down ;;
  restart) down; up ;;
  status) accepts_amqp ;;
  *) die "usage: $0 up|down|restart|status" ;;
esac
