#!/usr/bin/env bash
# Moves the messages of a MassTransit "_error" queue back to the consumer's queue, through the RabbitMQ management
# API (no plugin needed). Every Clamp.Platform consumer is idempotent, so redriving a message that was in fact
# processed changes nothing. A message that can never be read (bad JSON) fails again and returns to "_error".
#   redrive.sh QUEUE [COUNT]      e.g. redrive.sh vector-store-score-embedded 100
# Environment: RABBITMQ_API (http://127.0.0.1:15679/api), RABBITMQ_USER / RABBITMQ_PASSWORD (clamp), RABBITMQ_VHOST (/).
set -euo pipefail
queue="${1:?usage: redrive.sh QUEUE [COUNT]}"
count="${2:-1000}"
api="${RABBITMQ_API:-http://127.0.0.1:15679/api}"
auth="${RABBITMQ_USER:-clamp}:${RABBITMQ_PASSWORD:-clamp}"
vhost=$(jq -rn --arg v "${RABBITMQ_VHOST:-/}" '$v|@uri')

moved=0
while [ "$moved" -lt "$count" ]; do
  # Take one message off the error queue (acknowledged only once it has been republished below).
  message=$(curl -fsS -u "$auth" -H 'content-type: application/json' -X POST "$api/queues/$vhost/${queue}_error/get" \
    -d '{"count":1,"ackmode":"ack_requeue_false","encoding":"base64"}' | jq -c '.[0] // empty')
  [ -n "$message" ] || break
  # MassTransit's receive exchange has the queue's name; keep the body and properties, drop the fault headers.
  body=$(jq -c '{
      routing_key: "",
      payload: .payload,
      payload_encoding: "base64",
      properties: (.properties | .headers = ((.headers // {}) | with_entries(select(.key | startswith("MT-Fault") | not))))
    }' <<<"$message")
  routed=$(curl -fsS -u "$auth" -H 'content-type: application/json' -X POST "$api/exchanges/$vhost/$queue/publish" -d "$body" | jq -r '.routed')
  [ "$routed" = "true" ] || { echo "redrive: the message was not routed to $queue; it is printed here so it is not lost:" >&2; echo "$message" >&2; exit 1; }
  moved=$((moved + 1))
done
echo "redrive: moved $moved message(s) from ${queue}_error back to $queue"
