#!/usr/bin/env bash
# Bootstraps Cake from the tool manifest and runs build.cake with the given arguments.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"
