#!/usr/bin/env bash
# Publish-to-live latency on the starter content and on a generated 1,000-post site.
#   bench/publish-latency.sh            # ROUNDS=5 per site
#   COUNTS="1000 5000" bench/publish-latency.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${ROUNDS:-5}
COUNTS=${COUNTS:-1000}
GEN=${GEN:-$ROOT/../shared/bench/ssg/gen-corpus.py}
export DOTNET_NOLOGO=1

dotnet build "$ROOT/site/Cadence.Site/Cadence.Site.csproj" -c Release --nologo -v quiet
dotnet build "$ROOT/bench/publish-latency/PublishLatency.csproj" -c Release --nologo -v quiet
SITE_DLL="$ROOT/site/Cadence.Site/bin/Release/net10.0/Cadence.Site.dll"
BENCH="$ROOT/bench/publish-latency/bin/Release/net10.0/PublishLatency.dll"

echo "== starter content"
dotnet "$BENCH" --content "$ROOT/content" --site-dll "$SITE_DLL" --rounds "$ROUNDS"
for N in $COUNTS; do
  [[ -f "$GEN" ]] || { echo "no corpus generator at $GEN (set GEN=...)" >&2; exit 2; }
  python3 "$GEN" --count "$N" --out "/tmp/cadence-c$N" --reuse >/dev/null
  echo "== $N generated posts"
  dotnet "$BENCH" --content "/tmp/cadence-c$N/content" --site-dll "$SITE_DLL" --rounds "$ROUNDS"
done
