#!/usr/bin/env bash
# Restores the pinned Cake tool, then runs build.cake: ./build.sh --target=test, ./build.sh --description
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"
