#!/usr/bin/env bash
# Starting, stopping and demonstrating the platform's services on this machine (sourced by run.sh).
# Needs common.sh sourced first and env.sh (from up.sh, with the local keys CLAMP_API_KEY and CLAMP_SERVICE_KEY) in
# the environment.

RUN_DIR="$CLAMP_STATE_DIR/run"
CLAMP_MODELS_DIR="${CLAMP_MODELS_DIR:-$root/models}"

# name  project  gRPC port (HTTP/2)  HTTP port (HTTP/1.1: REST, /health, /metrics)
SERVICES=(
  "embedding   Clamp.Embedding   5181 5191"
  "vectorstore Clamp.VectorStore 5182 5192"
  "query       Clamp.Query       5183 5193"
  "patching    Clamp.Patching    -    5194"
  "ingest      Clamp.Ingest      -    5180"
  "web         Clamp.Web         -    5185"
)
WEB_URL="http://127.0.0.1:5185/"

# The keys each service takes (docs/security.md): API keys for the public APIs, the service key for the internal ones.
api_keys_env() { echo "Auth__ApiKeys__0__Key=$CLAMP_API_KEY Auth__ApiKeys__0__Tenant=default Auth__ApiKeys__0__Admin=true"; }

service_env() {
  local name=$1
  case "$name" in
    embedding) echo "Embedding__ModelsPath=$CLAMP_MODELS_DIR Auth__ServiceKey=$CLAMP_SERVICE_KEY" ;;
    vectorstore) echo "Auth__ServiceKey=$CLAMP_SERVICE_KEY" ;;
    query) echo "Query__EmbedderAddress=http://127.0.0.1:5181 Query__VectorStoreAddress=http://127.0.0.1:5182 Grpc__EnableReflection=true Auth__ServiceKey=$CLAMP_SERVICE_KEY $(api_keys_env)" ;;
    ingest) api_keys_env ;;
    web) echo "Web__IngestAddress=http://127.0.0.1:5180 Web__QueryAddress=http://127.0.0.1:5183" ;;
  esac
}

platform_start() {
  [ -n "${CLAMP_API_KEY:-}" ] && [ -n "${CLAMP_SERVICE_KEY:-}" ] \
    || die "CLAMP_API_KEY and CLAMP_SERVICE_KEY are not set: source the env.sh that deploy/local/up.sh writes"
  mkdir -p "$RUN_DIR"
  local line name project grpc http
  # Consumer queues left classic by an older version are in the way of the quorum queues the services declare
  # (RabbitMq:DeliveryLimit): the empty, unused ones are deleted and declared again by their service.
  "$root/scripts/migrate-queues.sh" --vhost "${RabbitMq__VirtualHost:-/}" >&2 \
    || die "RabbitMQ holds classic consumer queues that are not empty or still consumed (docs/operations.md: delivery limit)"
  for line in "${SERVICES[@]}"; do
    read -r name project grpc http <<<"$line"
    local dll="$root/services/$project/bin/Release/net10.0/$project.dll"
    [ -f "$dll" ] || die "$dll is missing: build first"
    if [ -f "$RUN_DIR/$name.pid" ] && kill -0 "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null; then
      log "$name already runs (pid $(cat "$RUN_DIR/$name.pid"))"; continue
    fi
    local endpoints=("Kestrel__Endpoints__Http__Url=http://127.0.0.1:$http" "Kestrel__Endpoints__Http__Protocols=Http1")
    if [ "$grpc" != "-" ]; then
      endpoints+=("Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$grpc" "Kestrel__Endpoints__Grpc__Protocols=Http2")
    fi
    log "starting $name (http :$http$([ "$grpc" != "-" ] && echo ", gRPC :$grpc"))"
    # shellcheck disable=SC2046
    (cd "$(dirname "$dll")" && exec env "${endpoints[@]}" $(service_env "$name") \
      DOTNET_ENVIRONMENT=Production dotnet "$dll" >"$RUN_DIR/$name.log" 2>&1) &
    echo $! > "$RUN_DIR/$name.pid"
  done
  for line in "${SERVICES[@]}"; do
    read -r name project grpc http <<<"$line"
    wait_for 120 curl -fsS "http://127.0.0.1:$http/health" \
      || { tail -n 30 "$RUN_DIR/$name.log" >&2; die "$name is not ready (log: $RUN_DIR/$name.log)"; }
    log "$name is ready"
  done
  log "the web page: $WEB_URL (API key: $CLAMP_API_KEY)"
}

platform_stop() {
  local line name pid
  for line in "${SERVICES[@]}"; do
    read -r name _ <<<"$line"
    [ -f "$RUN_DIR/$name.pid" ] || continue
    pid=$(cat "$RUN_DIR/$name.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait_for 20 bash -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
      log "stopped $name"
    fi
    rm -f "$RUN_DIR/$name.pid"
  done
}

clamp_cli() { CLAMP_API_KEY="$CLAMP_API_KEY" dotnet "$root/services/Clamp.Cli/bin/Release/net10.0/clamp.dll" "$@"; }

# The tune type of a bundled sample file, from its name (as in the Nottingham collection).
sample_type() {
  case "$(basename "$1" .abc)" in
    jigs) echo jig ;; reels) echo reel ;; hornpipes) echo hornpipe ;; waltzes) echo waltz ;; slip-jigs) echo "slip jig" ;; *) echo "" ;;
  esac
}

# Uploads the bundled samples through the ingest API, waits until every score is indexed (or failed with a
# reason), then asks the query service over gRPC for a search and a classification.
platform_demo() {
  command -v jq >/dev/null || apt_install jq
  local ingest="http://127.0.0.1:5180/v1" auth=(-H "X-Api-Key: $CLAMP_API_KEY")
  local ids=() file response first_reel=""
  for file in "$root"/samples/abc/*.abc; do
    response=$(curl -fsS "${auth[@]}" -F "file=@$file" -F "type=$(sample_type "$file")" -F "collection=nottingham" "$ingest/scores:batch") \
      || die "uploading $file failed"
    log "uploaded $(basename "$file"): $(jq -r '"\(.stored) new, \(.duplicates) already stored, \(.errors) refused"' <<<"$response")"
    mapfile -t -O "${#ids[@]}" ids < <(jq -r '.items[] | select(.id != null) | .id' <<<"$response")
    [ "$(basename "$file")" = reels.abc ] && first_reel=$(jq -r '.items[0].id' <<<"$response")
  done

  log "waiting until the ${#ids[@]} scores are indexed"
  local deadline=$((SECONDS + ${CLAMP_DEMO_TIMEOUT:-300})) pending=("${ids[@]}") still id status indexed=0 failed=0
  while [ "${#pending[@]}" -gt 0 ] && [ "$SECONDS" -lt "$deadline" ]; do
    still=()
    for id in "${pending[@]}"; do
      status=$(curl -fsS "${auth[@]}" "$ingest/scores/$id" | jq -r '.status')
      case "$status" in
        indexed) indexed=$((indexed + 1)) ;;
        failed) failed=$((failed + 1)); log "score $id failed: $(curl -fsS "${auth[@]}" "$ingest/scores/$id" | jq -c '.failure')" ;;
        *) still+=("$id") ;;
      esac
    done
    pending=("${still[@]}")
    [ "${#pending[@]}" -gt 0 ] && sleep 1
  done
  [ "${#pending[@]}" -eq 0 ] || die "${#pending[@]} scores are still not indexed after ${CLAMP_DEMO_TIMEOUT:-300} s"
  log "$indexed scores indexed, $failed failed"

  echo
  clamp_cli search "a lively jig in G major" --k 5
  echo
  clamp_cli classify --score-id "$first_reel" --labels "jig,reel,hornpipe,waltz,slip jig"
  echo
}
