#!/usr/bin/env bash
# Load test of Clamp.Platform on loopback; bounded in count and time. Method and numbers: docs/search.md.
#   bench/loadtest.sh [all|search|platform]
#   search    load synthetic embeddings (SIZES, default 10,000 and 100,000) into a vector store of its own
#             (database clamp_loadtest, RabbitMQ vhost clamp-loadtest) through its messages, as a re-index does,
#             then k-NN latency p50/p99 over gRPC and HNSW recall@10 against exact search. Needs only PostgreSQL
#             and RabbitMQ (deploy/local/up.sh).
#   platform  against the platform that `./run.sh --detach` runs: end-to-end ingest throughput (INGEST_COUNT, default
#             10,000 synthetic tunes uploaded until all are searchable) compared with the embedding service's raw rate,
#             then search latency through the public Query API over what is indexed, in each mode, on repeated and on
#             distinct query texts. Skipped when the platform is not up. Its last line is machine-readable:
#             ingest_vs_raw=… ingest_per_s=… raw_per_s=… search_p50_ms=… search_p99_ms=… search_per_s=… (hybrid, distinct texts)
# Environment: SIZES, DIM (256), QUERIES (2000), CONCURRENCY (4), RECALL_QUERIES (100), INGEST_COUNT (10000),
#   TIME_LIMIT (seconds per part, 1800), OUT_DIR (results as JSON; default $CLAMP_STATE_DIR/loadtest).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
. "$root/deploy/local/common.sh"

part="${1:-all}"
SIZES="${SIZES:-10000,100000}"
DIM="${DIM:-256}"
QUERIES="${QUERIES:-2000}"
CONCURRENCY="${CONCURRENCY:-4}"
RECALL_QUERIES="${RECALL_QUERIES:-100}"
INGEST_COUNT="${INGEST_COUNT:-10000}"
TIME_LIMIT="${TIME_LIMIT:-1800}"
OUT_DIR="${OUT_DIR:-$CLAMP_STATE_DIR/loadtest}"
LOADTEST_GRPC_PORT="${LOADTEST_GRPC_PORT:-5282}"
LOADTEST_HTTP_PORT="${LOADTEST_HTTP_PORT:-5292}"
mkdir -p "$OUT_DIR"

env_file=$("$root/deploy/local/up.sh")
# shellcheck disable=SC1090
. "$env_file"

log "building the load generator and the vector store (Release)"
dotnet build bench/Clamp.LoadTest/Clamp.LoadTest.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet build services/Clamp.VectorStore/Clamp.VectorStore.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
loadtest=(dotnet "$root/bench/Clamp.LoadTest/bin/Release/net10.0/Clamp.LoadTest.dll")

run_search() {
  local db=clamp_loadtest vhost=clamp-loadtest
  PGPASSWORD="$CLAMP_PG_PASSWORD" psql -h 127.0.0.1 -p "$CLAMP_PG_PORT" -U "$CLAMP_PG_USER" -d postgres -v ON_ERROR_STOP=1 -q >&2 <<SQL
SELECT 'CREATE DATABASE $db' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\gexec
SQL
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$CLAMP_PG_PASSWORD" psql -h 127.0.0.1 -p "$CLAMP_PG_PORT" \
    -U "$CLAMP_PG_USER" -d "$db" -q -c 'CREATE EXTENSION IF NOT EXISTS vector' >&2
  local mgmt="http://127.0.0.1:$CLAMP_RABBITMQ_MANAGEMENT_PORT/api"
  curl -fsS -u "$CLAMP_RABBITMQ_USER:$CLAMP_RABBITMQ_PASSWORD" -X PUT "$mgmt/vhosts/$vhost" >/dev/null
  curl -fsS -u "$CLAMP_RABBITMQ_USER:$CLAMP_RABBITMQ_PASSWORD" -X PUT -H 'content-type: application/json' \
    -d '{"configure":".*","write":".*","read":".*"}' "$mgmt/permissions/$vhost/$CLAMP_RABBITMQ_USER" >/dev/null

  local postgres="Host=127.0.0.1;Port=$CLAMP_PG_PORT;Username=$CLAMP_PG_USER;Password=$CLAMP_PG_PASSWORD;Database=$db"
  log "starting a vector store of its own on 127.0.0.1:$LOADTEST_GRPC_PORT (database $db, vhost $vhost)"
  (cd services/Clamp.VectorStore/bin/Release/net10.0 && exec env \
    ConnectionStrings__Postgres="$postgres" RabbitMq__VirtualHost="$vhost" Auth__ServiceKey="$CLAMP_SERVICE_KEY" \
    Kestrel__Endpoints__Grpc__Url="http://127.0.0.1:$LOADTEST_GRPC_PORT" Kestrel__Endpoints__Http__Url="http://127.0.0.1:$LOADTEST_HTTP_PORT" \
    Logging__LogLevel__Default=Warning DOTNET_ENVIRONMENT=Production dotnet Clamp.VectorStore.dll >"$OUT_DIR/vectorstore.log" 2>&1) &
  local pid=$!
  trap 'kill $pid 2>/dev/null || true' RETURN
  wait_for 60 curl -fsS "http://127.0.0.1:$LOADTEST_HTTP_PORT/health" || { tail -n 20 "$OUT_DIR/vectorstore.log" >&2; die "the load-test vector store did not start"; }

  log "search: sizes $SIZES, $DIM dimensions, $QUERIES queries × $CONCURRENCY concurrent, recall over $RECALL_QUERIES queries"
  timeout "$TIME_LIMIT" "${loadtest[@]}" search --vector-store "http://127.0.0.1:$LOADTEST_GRPC_PORT" --rabbitmq-vhost "$vhost" \
    --rabbitmq-port "$CLAMP_RABBITMQ_PORT" --rabbitmq-user "$CLAMP_RABBITMQ_USER" --rabbitmq-password "$CLAMP_RABBITMQ_PASSWORD" \
    --service-key "$CLAMP_SERVICE_KEY" \
    --sizes "$SIZES" --dim "$DIM" --queries "$QUERIES" --concurrency "$CONCURRENCY" --recall-queries "$RECALL_QUERIES" \
    --out "$OUT_DIR/search.json"
  log "search results: $OUT_DIR/search.json"
}

platform_up() {
  local port
  for port in 5180 5191 5192 5193 5194; do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 || return 1
  done
}

run_platform() {
  if ! platform_up; then
    log "the platform is not running (start it with ./run.sh --detach): end-to-end search and ingest throughput skipped"
    return 0
  fi
  log "ingest: $INGEST_COUNT synthetic tunes through the ingest API until searchable"
  timeout "$TIME_LIMIT" "${loadtest[@]}" ingest --ingest http://127.0.0.1:5180 --vector-store http://127.0.0.1:5182 \
    --embedder http://127.0.0.1:5181 --api-key "$CLAMP_API_KEY" --service-key "$CLAMP_SERVICE_KEY" --count "$INGEST_COUNT" --time-limit "$((TIME_LIMIT - 60))" --out "$OUT_DIR/ingest.json" \
    --rabbitmq-management "http://127.0.0.1:$CLAMP_RABBITMQ_MANAGEMENT_PORT/" --rabbitmq-user "$CLAMP_RABBITMQ_USER" \
    --rabbitmq-password "$CLAMP_RABBITMQ_PASSWORD" --plot "$OUT_DIR/ingest-timeline.png"
  log "search through the public API, over what is now indexed"
  timeout "$TIME_LIMIT" "${loadtest[@]}" query --query http://127.0.0.1:5183 --api-key "$CLAMP_API_KEY" --queries "$QUERIES" --concurrency "$CONCURRENCY" \
    --out "$OUT_DIR/query.json"
  log "platform results: $OUT_DIR/query.json, $OUT_DIR/ingest.json"
  "${loadtest[@]}" summary --ingest "$OUT_DIR/ingest.json" --query "$OUT_DIR/query.json"
}

case "$part" in
  search) run_search ;;
  platform) run_platform ;;
  all) run_search; run_platform ;;
  *) die "usage: bench/loadtest.sh [all|search|platform]" ;;
esac
