#!/usr/bin/env bash
# Runs every test of Clamp.Platform: provisions PostgreSQL (pgvector) and RabbitMQ when they are not given,
# builds the solution and runs `dotnet test` on it. Exits non-zero on any failure.
#   ./test.sh                 everything
#   ./test.sh --filter EXPR   only the tests matching a dotnet test filter (e.g. FullyQualifiedName~Music)
# Given CLAMP_TEST_POSTGRES and CLAMP_TEST_RABBITMQ, it uses those instead of provisioning.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }

if [ -z "${CLAMP_TEST_POSTGRES:-}" ] || [ -z "${CLAMP_TEST_RABBITMQ:-}" ]; then
  env_file=$("$root/deploy/local/up.sh")
  # shellcheck disable=SC1090
  . "$env_file"
fi

results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

# Chromium for the web page's browser tests (they skip, saying why, where it cannot be installed).
"$root/deploy/local/browser.sh"

echo "== build"
. "$root/deploy/local/common.sh" && ensure_npm
dotnet build Clamp.Platform.sln -c Release -nologo -clp:ErrorsOnly

# Tests that restart the shared PostgreSQL or RabbitMQ (trait Category=Disruptive) run after all others,
# one test project at a time, so they never pull the infrastructure away from another test.
run_tests() {
  dotnet test Clamp.Platform.sln -c Release --no-build -nologo \
    --logger "trx" --results-directory "$results" "$@" 2>&1 | tee -a "$results/dotnet-test.log"
  return "${PIPESTATUS[0]}"
}
status=0
if [ "$#" -gt 0 ]; then
  echo "== test ($*)"
  run_tests "$@" || status=$?
else
  echo "== test"
  run_tests --filter "Category!=Disruptive" || status=$?
  echo "== test (disruptive: restarts PostgreSQL and RabbitMQ)"
  run_tests --filter "Category=Disruptive" -m:1 || status=$?
fi

echo "== deployment files"
if ! deploy/check-manifests.sh; then status=1; echo "deployment files: FAILED" >&2; fi

# One closing line for the whole suite, summed over the test projects.
awk '/^(Passed|Failed)! +- Failed: / {
       gsub(/,/, ""); for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1) } }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$results/dotnet-test.log"
exit "$status"
