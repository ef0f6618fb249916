#!/usr/bin/env bash
# Readies a RabbitMQ virtual host for RabbitMq:DeliveryLimit: the services declare their consumer queues as quorum
# queues (x-delivery-limit, dead-lettered to "<queue>_error"), and RabbitMQ refuses to declare a queue that already
# exists as a classic queue (PRECONDITION_FAILED - inequivalent arg 'x-queue-type'). A queue's type cannot be
# changed in place, so this script deletes each classic consumer queue that is empty and unused; the service that
# owns it declares it again, as a quorum queue with its bindings, when it starts. See docs/operations.md.
#
#   scripts/migrate-queues.sh [--vhost VHOST] [--dry-run]
#
# Consumer queues are the durable, non-exclusive, non-auto-delete queues whose names do not end in "_error" or
# "_skipped" ("_error" queues stay classic). A queue that still has consumers (a service of the old version runs) or
# holds messages is left as it is and reported, and the script exits 1: stop the publishers, let the old consumers
# drain it, stop them, and run the script again. Broker settings: scripts/lib/management-api.sh.
set -euo pipefail

vhost="/"
dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    --vhost) vhost="$2"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=scripts/lib/management-api.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/management-api.sh"

blocked=0
while IFS=$'\t' read -r name messages consumers; do
  [ -n "$name" ] || continue
  if [ "$consumers" != 0 ] || [ "$messages" != 0 ]; then
    echo "$name: classic, $messages message(s), $consumers consumer(s): left as it is (drain it and stop its consumers first)" >&2
    blocked=1
  elif [ "$dry_run" = 1 ]; then
    echo "$name: classic and empty: would be deleted"
  else
    call DELETE "queues/$vh/$(uri "$name")?if-empty=true&if-unused=true" >/dev/null
    echo "$name: classic and empty: deleted (its service declares it again as a quorum queue)"
  fi
done < <(call GET "queues/$vh?disable_stats=true&enable_queue_totals=true" | jq -r '.[]
  | select((.type // "classic") == "classic" and .durable and (.exclusive | not) and (.auto_delete | not)
           and (.name | test("_(error|skipped)$") | not))
  | [.name, (.messages // 0), (.consumers // 0)] | @tsv')
exit "$blocked"
