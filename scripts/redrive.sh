#!/usr/bin/env bash
# Moves the messages of a MassTransit "_error" queue back to the queue they failed on, through the RabbitMQ
# management API, so they are consumed again (after the cause was fixed). See docs/operations.md.
#
#   scripts/redrive.sh [--vhost VHOST] [--count N] [--dry-run] ERROR_QUEUE [TARGET_QUEUE]
#
#   ERROR_QUEUE   e.g. patching-score-ingested_error
#   TARGET_QUEUE  default: ERROR_QUEUE without "_error" (patching-score-ingested)
#   --count N     move at most N messages (default: the messages in the queue when the script starts, so a
#                 message that fails again and comes back is not moved twice in one run)
#   --dry-run     list what would be moved and move nothing
#
# Where the broker is: RABBITMQ_MANAGEMENT_URL (default: CLAMP_TEST_RABBITMQ_MANAGEMENT from deploy/local/env.sh,
# else http://127.0.0.1:15672/), RABBITMQ_USER / RABBITMQ_PASSWORD (default RabbitMq__Username / RabbitMq__Password,
# else guest / guest).
#
# Each message is written to a backup file (one JSON line per message) before it is taken off the error queue
# and published to the target queue; if the broker does not route it, it is put back on the error queue and the
# script stops. The MassTransit fault headers (MT-Fault-*, MT-Reason) and the broker's stale delivery count
# (x-delivery-count) are dropped, the rest is kept as it was. A message the broker moved there (its delivery limit was
# reached: its consumer died holding it each time) carries x-death and x-first-death-reason "delivery_limit".
set -euo pipefail

vhost="/"
count=""
dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    --vhost) vhost="$2"; shift 2 ;;
    --count) count="$2"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    --*) echo "unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { sed -n '2,20p' "$0" >&2; exit 2; }
error_queue="$1"
target_queue="${2:-${error_queue%_error}}"
[ "$target_queue" != "$error_queue" ] || { echo "give the target queue: $error_queue does not end in _error" >&2; exit 2; }

# shellcheck source=scripts/lib/management-api.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/management-api.sh"

# Message counts straight from the queues (disable_stats + enable_queue_totals), not from the statistics database,
# which lags behind by its collection interval and, in RabbitMQ 3.10, fails while it catches up.
queues="$(call GET "queues/$vh?disable_stats=true&enable_queue_totals=true")"
waiting="$(jq -r --arg q "$error_queue" 'map(select(.name == $q)) | if length == 0 then "missing" else .[0].messages end' <<<"$queues")"
[ "$waiting" != missing ] || { echo "error queue $error_queue does not exist in vhost $vhost" >&2; exit 1; }
jq -e --arg q "$target_queue" 'any(.name == $q)' <<<"$queues" >/dev/null \
  || { echo "target queue $target_queue does not exist in vhost $vhost" >&2; exit 1; }
limit="${count:-$waiting}"
echo "$error_queue holds $waiting message(s); moving up to $limit to $target_queue (vhost $vhost)"

if [ "$dry_run" = 1 ]; then
  call POST "queues/$vh/$(jq -rn --arg q "$error_queue" '$q|@uri')/get" \
    "{\"count\":$limit,\"ackmode\":\"reject_requeue_true\",\"encoding\":\"auto\"}" \
    | jq -r '.[] | "\(.properties.message_id // "-")  \(.properties.headers["MT-Fault-ExceptionType"] // .properties.headers["x-first-death-reason"] // "-"): \(.properties.headers["MT-Fault-Message"] // "-")"'
  exit 0
fi

backup="$state_dir/redrive-$error_queue-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
mkdir -p "$state_dir"
moved=0
while [ "$moved" -lt "$limit" ]; do
  message="$(call POST "queues/$vh/$(jq -rn --arg q "$error_queue" '$q|@uri')/get" \
    '{"count":1,"ackmode":"ack_requeue_false","encoding":"auto"}' | jq -c '.[0] // empty')"
  [ -n "$message" ] || break
  echo "$message" >> "$backup"
  publish() { # QUEUE
    echo "$message" | jq -c --arg q "$1" '{
      routing_key: $q, payload: .payload, payload_encoding: .payload_encoding,
      properties: (.properties | .headers = ((.headers // {}) | with_entries(select(.key | test("^(MT-(Fault-|Reason)|x-delivery-count$)") | not))))
    }' | call POST "exchanges/$vh/amq.default/publish" @- | jq -r '.routed'
  }
  if [ "$(publish "$target_queue")" != "true" ]; then
    publish "$error_queue" >/dev/null || true
    echo "the broker did not route a message to $target_queue; it was put back on $error_queue (copy in $backup)" >&2
    exit 1
  fi
  moved=$((moved + 1))
done
echo "moved $moved message(s) from $error_queue to $target_queue (copies in $backup)"
