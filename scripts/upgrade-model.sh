#!/usr/bin/env bash
# Publishes a new model version to the running local platform (./run.sh --detach) with zero downtime, as
# docs/operations.md describes: copies MODEL_DIR into the models root, waits until the embedding service serves it,
# starts the re-index job (POST /v1/reindex), follows its progress, and waits until search answers with the new
# version. The old version keeps answering every search until the new one has indexed every stored score.
#   scripts/upgrade-model.sh MODEL_DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/deploy/local/common.sh"
. "$root/deploy/local/platform.sh"
[ -f "$ENV_FILE" ] || die "$ENV_FILE is missing: start the platform with ./run.sh --detach first"
# shellcheck disable=SC1090
. "$ENV_FILE"   # the local platform's API key (an admin key: re-indexing needs one)
[ "$#" -eq 1 ] && [ -f "$1/manifest.json" ] || die "usage: scripts/upgrade-model.sh MODEL_DIR (a model directory with its manifest.json)"
command -v jq >/dev/null || apt_install jq

model_id=$(jq -r .modelId "$1/manifest.json")
version=$(jq -r .version "$1/manifest.json")
target="$CLAMP_MODELS_DIR/$model_id-$version"
ingest="http://127.0.0.1:5180/v1"
auth=(-H "X-Api-Key: $CLAMP_API_KEY")
serving() { clamp_cli search "a tune" --k 1 2>/dev/null | sed -n 's/.*(model \([^)]*\)).*/\1/p' | head -n 1; }

log "search answers with model $(serving) before the upgrade"
[ -e "$target" ] && die "$target already exists"
cp -r "$1" "$target.tmp" && mv "$target.tmp" "$target"
log "copied $model_id@$version to $target; waiting for the embedding service to serve it"
wait_for 120 grep -q "$model_id@$version from .* is served" "$RUN_DIR/embedding.log" \
  || die "the embedding service did not load $target (log: $RUN_DIR/embedding.log)"

job=$(curl -fsS "${auth[@]}" -H 'content-type: application/json' \
  -d "{\"modelId\": \"$model_id\", \"modelVersion\": \"$version\"}" "$ingest/reindex")
id=$(jq -r .id <<<"$job")
log "re-index job $id started: $(jq -c '{status, done, total}' <<<"$job")"
while :; do
  job=$(curl -fsS "${auth[@]}" "$ingest/reindex/$id")
  log "re-index $(jq -r '"\(.status): \(.done)/\(.total) scores announced"' <<<"$job"); search answers with model $(serving)"
  [ "$(jq -r .status <<<"$job")" = completed ] && break
  sleep 2
done

deadline=$((SECONDS + ${CLAMP_UPGRADE_TIMEOUT:-600}))
until [ "$(serving)" = "$version" ]; do
  [ "$SECONDS" -lt "$deadline" ] || die "search still answers with $(serving) after ${CLAMP_UPGRADE_TIMEOUT:-600} s"
  log "embedding the announced scores with $version; search answers with model $(serving)"
  sleep 2
done
log "search answers with model $version: the upgrade is complete (the old version stays queryable by name until its folder is removed)"
