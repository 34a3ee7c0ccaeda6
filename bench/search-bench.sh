#!/usr/bin/env bash
# Search figures: Cadence's split index beside Pagefind over the same built site, on the shared run-tip corpus.
# Reports each index's size and file count, and the files and bytes a first query and follow-ups fetch in Chromium.
#
#   bench/search-bench.sh                    # 1,000 posts
#   SIZES="1000 10000" bench/search-bench.sh
#
# Uses the Release build of the site (dotnet build site/Cadence.Site -c Release) and Pagefind from bench/search
# (npm ci). Also times the site build, for comparing builds with and without the search index.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HARNESS=${HARNESS:-$ROOT/../shared/bench/ssg}
WORK=${WORK:-/tmp/cadence-search-bench}
SIZES=${SIZES:-1000}
QUERIES=${QUERIES:-"knee,knee pain,hamstring,recovery run,stretch"}
SITE_DLL=${SITE_DLL:-$ROOT/site/Cadence.Site/bin/Release/net10.0/Cadence.Site.dll}
(cd "$ROOT/bench/search" && npm ci --silent --no-audit --no-fund)
PAGEFIND="$ROOT/bench/search/node_modules/.bin/pagefind"

echo "| posts | engine | what | files | bytes | gzip |"
echo "|---:|---|---|---:|---:|---:|"
for N in $SIZES; do
  python3 "$HARNESS/gen-corpus.py" --count "$N" --out "$WORK/corpus-$N" --seed search-bench-1 --reuse >&2
  OUT="$WORK/site-$N"; rm -rf "$OUT" "$WORK/.site-$N.cadence-cache"
  /usr/bin/time -f "cadence build of $N posts: %e s" dotnet "$SITE_DLL" build --from "$WORK/corpus-$N/content" --out "$OUT" --base-url http://bench.example >&2
  /usr/bin/time -f "pagefind over $N posts: %e s" "$PAGEFIND" --site "$OUT" --output-subdir pagefind --quiet >&2
  cp "$ROOT/bench/search/queries.html" "$ROOT/bench/search/queries.js" "$OUT/"
  PORT=$((6100 + RANDOM % 500))
  python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$OUT" >/dev/null 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  sleep 1
  PROFILE=$(mktemp -d)
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --proxy-server=http://127.0.0.1:9 \
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1 , EXCLUDE [::1]" \
    --force-webrtc-ip-handling-policy=disable_non_proxied_udp --user-data-dir="$PROFILE" \
    --virtual-time-budget=60000 --dump-dom "http://127.0.0.1:$PORT/queries.html?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$QUERIES")" \
    > "$WORK/dump-$N.html" 2>/dev/null
  kill $SERVER; wait $SERVER 2>/dev/null || true; rm -rf "$PROFILE"
  python3 "$ROOT/bench/search/measure.py" "$OUT" "$N" "$WORK/dump-$N.html"
done
