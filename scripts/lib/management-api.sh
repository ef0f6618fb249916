# The RabbitMQ management API for the broker scripts (sourced by scripts/redrive.sh and scripts/migrate-queues.sh).
# Where the broker is: RABBITMQ_MANAGEMENT_URL (default: CLAMP_TEST_RABBITMQ_MANAGEMENT from deploy/local/env.sh,
# else http://127.0.0.1:15672/), RABBITMQ_USER / RABBITMQ_PASSWORD (default RabbitMq__Username / RabbitMq__Password,
# else guest / guest). Needs $vhost set; sets state_dir, vh (the vhost, URL-encoded) and defines call and uri.

state_dir="${CLAMP_STATE_DIR:-${TMPDIR:-/tmp}/clamp-platform}"
if [ -z "${RABBITMQ_MANAGEMENT_URL:-}" ] && [ -f "$state_dir/env.sh" ]; then
  # shellcheck disable=SC1091
  . "$state_dir/env.sh"
fi
api="${RABBITMQ_MANAGEMENT_URL:-${CLAMP_TEST_RABBITMQ_MANAGEMENT:-http://127.0.0.1:15672/}}"
api="${api%/}/api"
user="${RABBITMQ_USER:-${RabbitMq__Username:-guest}}"
password="${RABBITMQ_PASSWORD:-${RabbitMq__Password:-guest}}"
uri() { jq -rn --arg v "$1" '$v|@uri'; }
vh="$(uri "$vhost")"

call() { # METHOD PATH [JSON]
  # GETs are retried: RabbitMQ 3.10's management API answers 500 for a moment after queues are declared or its
  # statistics process restarts. Other calls (taking, publishing or deleting) are never repeated.
  local retry=()
  [ "$1" = GET ] && retry=(--retry 8 --retry-delay 1)
  curl -sS --fail-with-body "${retry[@]}" -u "$user:$password" -H 'content-type: application/json' -X "$1" "$api/$2" ${3:+--data "$3"}
}
