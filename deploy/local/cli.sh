#!/usr/bin/env bash
# Packs the clamp CLI as a .NET tool (artifacts/packages/clamp.<version>.nupkg) and installs it into a tool folder,
# replacing an earlier install there; prints the folder on stdout. ./run.sh runs it; on its own:
#   deploy/local/cli.sh                          installs into $CLAMP_STATE_DIR/tools (/tmp/clamp-platform/tools)
#   CLAMP_TOOLS_DIR=~/.local/clamp deploy/local/cli.sh
# then put the folder on the PATH and run it:
#   export PATH="$(deploy/local/cli.sh):$PATH"; clamp --help
# The package holds the CLI, the bundled model (local mode: clamp search DIR QUERY) and ONNX Runtime for the CPU; no
# training stack (TorchSharp, libtorch). It needs the .NET 10 runtime (ASP.NET Core included) where it runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/deploy/local/common.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null || die "the .NET 10 SDK (dotnet) is required"

project="$root/services/Clamp.Cli/Clamp.Cli.csproj"
packages="$root/artifacts/packages"
tools="${CLAMP_TOOLS_DIR:-$CLAMP_STATE_DIR/tools}"

log "packing the clamp CLI into $packages"
dotnet pack "$project" -c Release -o "$packages" -nologo -v quiet -clp:ErrorsOnly >&2
version=$(dotnet msbuild "$project" -getProperty:Version)
# Uninstalled first: a package of the same version would not replace the installed one.
if [ -e "$tools/clamp" ]; then dotnet tool uninstall clamp --tool-path "$tools" >/dev/null; fi
# The folder just packed is the only source: no other feed answers for the name clamp.
dotnet tool install clamp --version "$version" --source "$packages" --tool-path "$tools" >/dev/null
log "clamp $version installed in $tools; to run it as clamp: export PATH=\"$tools:\$PATH\""
echo "$tools"
