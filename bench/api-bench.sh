#!/usr/bin/env bash
# Measures the delivery API beside nginx serving the very same bytes as static files, in one run on this machine.
#   bench/api-bench.sh                                   # starter content, then 10,000 and 100,000 posts; 10 s per run
#   SIZES="starter 1000" DURATION=2s bench/api-bench.sh  # smoke run
# For each size the CMS (release build, SQLite) starts on a database that imported that corpus (kept per size in
# $WORK; FRESH_CMS=1 imports again). Each path's answer is fetched once and written to a folder that nginx serves;
# then wrk (one thread, $CONNECTIONS connections, --latency) loads the CMS on every path for $CMS_WARMUP (8 s) each,
# warms each server on the path for $WARMUP (3 s) and runs
# against the CMS and nginx in turn, $ROUNDS times.
# Also printed: the first (uncached) answer after a publish, the cached one after it, and a conditional GET (304).
# Everything listens on 127.0.0.1 and is stopped on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/cadence-api-bench}
SIZES=${SIZES:-"starter 10000 100000"}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-1}
CMS_WARMUP=${CMS_WARMUP:-8s}
GEN=${GEN:-$ROOT/../shared/bench/ssg/gen-corpus.py}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
source "$ROOT/bench/lib/loopback.sh"

need_wrk_nginx
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }
mkdir -p "$WORK"
dotnet build "$ROOT/cms/Cadence.Cms/Cadence.Cms.csproj" -c Release --nologo -v quiet >/dev/null
CMS_DLL=$ROOT/cms/Cadence.Cms/bin/Release/net10.0/Cadence.Cms.dll

trap stop_all EXIT

# ---- nginx: a minimal server for one folder, as a process of its own (no root, no system config).
NGINX=$WORK/nginx STATIC=$WORK/static
mkdir -p "$NGINX" "$STATIC"
NGINX_PORT=$(free_port)
cat >"$NGINX/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $NGINX/nginx.pid;
error_log $NGINX/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $NGINX/body; proxy_temp_path $NGINX/proxy; fastcgi_temp_path $NGINX/fastcgi;
  uwsgi_temp_path $NGINX/uwsgi; scgi_temp_path $NGINX/scgi;
  default_type application/json;
  server { listen 127.0.0.1:$NGINX_PORT; root $STATIC; }
}
EOF
nginx -p "$NGINX" -c "$NGINX/nginx.conf" -e "$NGINX/error.log" &
PIDS+=($!)
STATIC_URL="http://127.0.0.1:$NGINX_PORT"

seconds() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$@"; }

EMAIL=owner@clinic.test
for SIZE in $SIZES; do
  if [[ "$SIZE" == starter ]]; then CONTENT=$ROOT/content
  else
    [[ -f "$GEN" ]] || { echo "error: no corpus generator at $GEN (set GEN=...)" >&2; exit 2; }
    python3 "$GEN" --count "$SIZE" --out "$WORK/corpus-$SIZE" --seed api-bench --reuse >/dev/null
    CONTENT=$WORK/corpus-$SIZE/content
  fi
  DATA=$WORK/cms-data-$SIZE
  [[ "${FRESH_CMS:-0}" == 1 ]] && rm -rf "$DATA"
  [[ -f "$DATA/imported" ]] || { rm -rf "$DATA" && mkdir -p "$DATA" &&
    echo "api-bench-content-key-$(date +%s%N) api-bench-$RANDOM$RANDOM-Pw" >"$DATA/secrets"; }
  read -r KEY PASSWORD <"$DATA/secrets"
  PORT=$(free_port) CMS="http://127.0.0.1:$PORT"
  started=$(date +%s.%N)
  Cadence__DataPath="$DATA" Cadence__ContentPath="$CONTENT" Cadence__ContentKey="$KEY" Logging__LogLevel__Default=Warning \
    Cadence__Admin__Email="$EMAIL" Cadence__Admin__Password="$PASSWORD" Cadence__Accounts__AttemptsPerMinute=1000 \
    dotnet "$CMS_DLL" --urls "$CMS" >"$WORK/cms-$SIZE.log" 2>&1 &
  CMS_PID=$!
  PIDS+=("$CMS_PID")
  until curl -fs "$CMS/healthz" >/dev/null; do
    kill -0 "$CMS_PID" 2>/dev/null || { tail -n 20 "$WORK/cms-$SIZE.log" >&2; echo "error: the CMS stopped; see $WORK/cms-$SIZE.log" >&2; exit 1; }
    (( $(date +%s) - ${started%.*} < 1800 )) || { echo "error: the CMS did not answer within 30 minutes" >&2; exit 1; }
    sleep 0.2
  done
  fresh=$([[ -f "$DATA/imported" ]] && echo "database kept" || echo "imported at this start")
  touch "$DATA/imported"
  printf '== %s: CMS ready in %.1f s (%s); load average %s\n' "$SIZE" "$(echo "$(date +%s.%N) - $started" | bc)" "$fresh" "$(cut -d' ' -f1-3 /proc/loadavg)"

  AUTH=(-H "Authorization: Bearer $KEY")
  SLUG=$(curl -fs "${AUTH[@]}" "$CMS/api/v1/posts?limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["slug"])')
  PATHS=("/api/v1/posts?limit=10" "/api/v1/posts/$SLUG" "/api/v1/tags" "/api/v1/changes?limit=100" "/ghost/api/content/posts/?limit=10&key=$KEY")
  # The CMS runs on the JIT with tiered compilation: a path's code is compiled again, optimised and then with
  # profile data, over the first tens of seconds of load (on a busy two-core machine one path went from 5,800 req/s in
  # its first 10 s to 28,000 in its fourth). Every path is loaded first, so each is measured in that steady state.
  for path in "${PATHS[@]}"; do WARMUP=$CMS_WARMUP warm "${AUTH[@]}" "$CMS$path"; done
  printf '  %-40s %9s %8s %8s | %9s %8s %8s | %s\n' path "cms req/s" p50_ms p99_ms "nginx r/s" p50_ms p99_ms "cms/nginx req/s"
  for i in "${!PATHS[@]}"; do
    path=${PATHS[$i]}
    curl -fs "${AUTH[@]}" "$CMS$path" -o "$STATIC/$SIZE-$i.json"
    warm "${AUTH[@]}" "$CMS$path"
    warm "$STATIC_URL/$SIZE-$i.json"
    for _ in $(seq 1 "$ROUNDS"); do
      read -r crps cp50 cp99 cbad < <(measure "${AUTH[@]}" "$CMS$path")
      read -r nrps np50 np99 _ < <(measure "$STATIC_URL/$SIZE-$i.json")
      [[ "$cbad" == 0 ]] || echo "  warning: $cbad answers from the CMS were not 2xx/3xx" >&2
      printf '  %-40s %9s %8s %8s | %9s %8s %8s | %.2f\n' "${path%%&key=*}" "$crps" "$cp50" "$cp99" "$nrps" "$np50" "$np99" \
        "$(echo "$crps / $nrps" | bc -l)"
    done
  done

  # A publish moves the content version on: the next answer is computed again, the one after is cached.
  POST=$(sqlite3 "file:$DATA/cadence.db?mode=ro" "SELECT Id FROM Posts WHERE Status = 'Published' AND Kind = 'Post' AND DeletedAt IS NULL ORDER BY Id LIMIT 1;")
  python3 "$ROOT/bench/publish-rehearsal/edit-post.py" "$CMS" "$EMAIL" "$PASSWORD" "$POST" >/dev/null
  for path in "/api/v1/posts?limit=10" "/api/v1/tags" "/api/v1/changes?limit=100"; do
    read -r code first < <(seconds "${AUTH[@]}" "$CMS$path")
    read -r _ cached < <(seconds "${AUTH[@]}" "$CMS$path")
    printf '  after a publish, %-28s first %s in %.1f ms, then %.1f ms\n' "$path" "$code" "$(echo "$first * 1000" | bc)" "$(echo "$cached * 1000" | bc)"
  done
  ETAG=$(curl -fs -D - -o /dev/null "${AUTH[@]}" "$CMS/api/v1/posts?limit=10" | awk -F': ' 'tolower($1) == "etag" { sub(/\r$/, "", $2); print $2 }')
  read -r code took < <(seconds "${AUTH[@]}" -H "If-None-Match: $ETAG" "$CMS/api/v1/posts?limit=10")
  [[ "$code" == 304 ]] || echo "  warning: the conditional GET was answered $code, not 304" >&2
  printf '  conditional GET (If-None-Match) of /api/v1/posts?limit=10: %s in %.1f ms\n' "$code" "$(echo "$took * 1000" | bc)"
  read -r rps p50 p99 _ < <(measure "${AUTH[@]}" -H "If-None-Match: $ETAG" "$CMS/api/v1/posts?limit=10")
  printf '  conditional GETs under wrk: %s req/s, p50 %s ms, p99 %s ms\n' "$rps" "$p50" "$p99"
  kill "$CMS_PID"; wait "$CMS_PID" 2>/dev/null || true
done
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
