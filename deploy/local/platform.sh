#!/usr/bin/env bash
# Starting, stopping and demonstrating the platform's services on this machine (sourced by run.sh).
# Needs common.sh sourced first and env.sh (from up.sh) in the environment.

RUN_DIR="$CLAMP_STATE_DIR/run"
CLAMP_API_KEY="${CLAMP_API_KEY:-local-dev-key}"
CLAMP_MODELS_DIR="${CLAMP_MODELS_DIR:-$root/models}"

# name  project  gRPC port (HTTP/2)  HTTP port (HTTP/1.1: REST, /health, /metrics)
SERVICES=(
  "embedding   Clamp.Embedding   5181 5191"
  "vectorstore Clamp.VectorStore 5182 5192"
  "query       Clamp.Query       5183 5193"
  "patching    Clamp.Patching    -    5194"
  "ingest      Clamp.Ingest      -    5180"
)

service_env() {
  local name=$1
  case "$name" in
    embedding) echo "Embedding__ModelsPath=$CLAMP_MODELS_DIR" ;;
    query) echo "Query__EmbedderAddress=http://127.0.0.1:5181 Query__VectorStoreAddress=http://127.0.0.1:5182" ;;
    ingest) echo "Ingest__ApiKeys__0=$CLAMP_API_KEY" ;;
  esac
}

platform_start() {
  mkdir -p "$RUN_DIR"
  local line name project grpc http
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
    log "starting $name (http :$http${grpc/#[0-9]/ grpc :$grpc})"
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

platform_demo() {
  log "demo: not wired yet"
}
