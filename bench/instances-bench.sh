#!/usr/bin/env bash
# Forms and delivery-API figures side by side, in one run on this machine: the CMS on SQLite, on PostgreSQL, and as
# two processes on one PostgreSQL database behind nginx (least_conn, as docs/operations.md shows).
#   bench/instances-bench.sh                               # 30,000 submissions from 64 clients; wrk 10 s per path
#   COUNT=2000 DURATION=2s SETUPS="sqlite pg2" bench/instances-bench.sh   # smoke run
# For each setup: bench/Cadence.FormsLoad posts COUNT submissions from CLIENTS clients, closed loop and then at RATE a
# second (open loop), and checks that the database holds exactly the acknowledged ones; then wrk (one thread,
# CONNECTIONS connections) reads /api/v1/posts?limit=10 and one post. "cms cpu" is the CMS processes' CPU time per
# submission, a figure that other load on the machine disturbs far less than the rates do.
# PostgreSQL is a cluster of its own in a temp folder on 127.0.0.1, with its default durability (fsync and
# synchronous_commit on): a figure for submissions that would survive a power cut. Everything is removed on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COUNT=${COUNT:-30000} CLIENTS=${CLIENTS:-64} RATE=${RATE:-1000}
DURATION=${DURATION:-10s} CONNECTIONS=${CONNECTIONS:-32}
SETUPS=${SETUPS:-"sqlite pg1 pg2"}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
source "$ROOT/bench/lib/loopback.sh"

need_wrk_nginx
dotnet build "$ROOT/bench/Cadence.FormsLoad" -c Release --nologo -v quiet >/dev/null
CMS_DLL=${CMS_DLL:-$ROOT/cms/Cadence.Cms/bin/Release/net10.0/Cadence.Cms.dll} # another build: CMS_DLL=path/Cadence.Cms.dll
LOAD=(dotnet "$ROOT/bench/Cadence.FormsLoad/bin/Release/net10.0/Cadence.FormsLoad.dll")
WORK=$(mktemp -d /tmp/cadence-instances-bench.XXXXXX)
PG=$(mktemp -d /tmp/cadence-instances-pg.XXXXXX)
cleanup() {
  stop_all
  [[ ! -f "$PG/data/postmaster.pid" ]] || runuser -u postgres -- pg_ctl -D "$PG/data" -m fast -w stop >/dev/null || true
  rm -rf "$WORK" "$PG"
}
trap cleanup EXIT

if [[ "$SETUPS" == *pg* ]]; then
  PG_PORT=$(free_port)
  chown postgres "$PG"
  runuser -u postgres -- initdb -D "$PG/data" -A trust -U postgres -E UTF8 >/dev/null
  runuser -u postgres -- pg_ctl -D "$PG/data" -l "$PG/log" -w start \
    -o "-p $PG_PORT -k $PG -c listen_addresses=127.0.0.1 -c max_connections=300" >/dev/null
fi
pg_database() { # a fresh database; its connection string
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE $1" >/dev/null
  echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$1;Maximum Pool Size=50"
}

KEY=instances-bench-key-$RANDOM$RANDOM
# Starts one CMS (settings as further arguments, NAME=value); sets STARTED (its process) and URL.
start_cms() {
  local name=$1 port; shift
  port=$(free_port)
  mkdir -p "$WORK/$name"
  env "$@" Cadence__DataPath="$WORK/$name" Cadence__ContentPath="$ROOT/content" Cadence__ContentKey="$KEY" \
    Cadence__Admin__Email=owner@clinic.test Cadence__Admin__Password="bench-$RANDOM$RANDOM-Pw" \
    Cadence__Forms__RateLimitPermits=2147483647 Logging__LogLevel__Default=Warning \
    dotnet "$CMS_DLL" --urls "http://127.0.0.1:$port" >"$WORK/$name.log" 2>&1 &
  STARTED=$! URL=http://127.0.0.1:$port
  PIDS+=("$STARTED")
}

# nginx in front of the given CMS addresses; sets STARTED and URL.
start_nginx() {
  local port conf=$WORK/nginx
  port=$(free_port)
  mkdir -p "$conf"
  cat >"$conf/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $conf/nginx.pid;
error_log $conf/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $conf/body; proxy_temp_path $conf/proxy; fastcgi_temp_path $conf/fastcgi;
  uwsgi_temp_path $conf/uwsgi; scgi_temp_path $conf/scgi;
  upstream cadence_cms {
    least_conn;
$(for url in "$@"; do echo "    server ${url#http://};"; done)
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://cadence_cms;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
EOF
  nginx -p "$conf" -c "$conf/nginx.conf" -e "$conf/error.log" &
  STARTED=$! URL=http://127.0.0.1:$port
  PIDS+=("$STARTED")
}

# FormsLoad's figures as "stored/s p50 p99 acknowledged stored"; its whole report goes to stderr when the check failed.
forms() {
  "${LOAD[@]}" --count "$COUNT" --clients "$CLIENTS" "$@" >"$WORK/forms.txt" || echo "  warning: FormsLoad failed (see below)" >&2
  awk '/^Submissions:/ { for (i = 2; i < NF; i++) if ($(i + 1) == "acknowledged") ack = $i } /^Throughput:/ { rate = $2 } /^Latency:/ { p50 = $3; p99 = $6 } /^Stored rows:/ { stored = $3 }
       /^p99 by 10 s:/ { by = $5; for (i = 6; i < NF; i++) by = by $i }
       END { printf "%s %s %s %s %s %s\n", rate, p50, p99, ack, stored, by }' "$WORK/forms.txt"
  grep -q "equal to the acknowledged count" "$WORK/forms.txt" || cat "$WORK/forms.txt" >&2
}

printf '%-24s %-9s %8s %7s %7s %8s %7s | %-20s %-20s\n' setup forms "stored/s" p50_ms p99_ms ack=stored "cpu ms" \
  "posts?limit=10 r/s p50 p99" "one post r/s p50 p99"
echo "(the open-loop row ends with the p99 of each 10 s of its submissions: the first include the JIT's tiering)"
for setup in $SETUPS; do
  case $setup in
    sqlite) label="SQLite, 1 CMS"; instances=1; settings=() ;;
    pg1) label="PostgreSQL, 1 CMS"; instances=1 ;;
    pg2) label="PostgreSQL, 2 CMS+nginx"; instances=2 ;;
    *) echo "error: unknown setup '$setup' (sqlite, pg1, pg2)" >&2; exit 2 ;;
  esac
  if [[ $setup == pg* ]]; then
    connection=$(pg_database "cadence_$setup")
    settings=(Cadence__Database__Provider=PostgreSQL "ConnectionStrings__Cadence=$connection")
    database=(--postgres "$connection")
  else
    database=(--sqlite "$WORK/$setup-1/cadence.db")
  fi
  cms_pids=() urls=()
  for i in $(seq 1 "$instances"); do
    start_cms "$setup-$i" "${settings[@]}"
    cms_pids+=("$STARTED") urls+=("$URL")
  done
  for i in "${!urls[@]}"; do wait_healthy "${urls[$i]}/healthz" "${cms_pids[$i]}" "$WORK/$setup-$((i + 1)).log"; done
  front=${urls[0]}
  if (( instances > 1 )); then start_nginx "${urls[@]}"; front=$URL; wait_healthy "$front/healthz" "$STARTED" "$WORK/nginx/error.log"; fi

  for mode in closed "$RATE/s"; do
    rate=(); [[ $mode == closed ]] || rate=(--rate "$RATE")
    before=0; for p in "${cms_pids[@]}"; do before=$(echo "$before + $(cpu_seconds "$p")" | bc); done
    read -r stored_rate p50 p99 ack stored by_window < <(forms --url "$front" "${database[@]}" "${rate[@]}")
    after=0; for p in "${cms_pids[@]}"; do after=$(echo "$after + $(cpu_seconds "$p")" | bc); done
    # FormsLoad's warm-up (500 submissions, or COUNT if fewer) is in the CPU time too, so it is counted.
    cpu=$(echo "($after - $before) * 1000 / ($COUNT + $(( COUNT < 500 ? COUNT : 500 )))" | bc -l)
    printf '%-24s %-9s %8s %7s %7s %8s %7.2f |' "$label" "$mode" "$stored_rate" "$p50" "$p99" \
      "$([[ "$ack" == "$stored" ]] && echo "$stored yes" || echo "NO $ack/$stored")" "$cpu"
    if [[ $mode == closed ]]; then
      AUTH=(-H "Authorization: Bearer $KEY")
      slug=$(curl -fs "${AUTH[@]}" "$front/api/v1/posts?limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["slug"])')
      for path in "/api/v1/posts?limit=10" "/api/v1/posts/$slug"; do
        warm "${AUTH[@]}" "$front$path"
        read -r rps a b bad < <(measure "${AUTH[@]}" "$front$path")
        [[ "$bad" == 0 ]] || echo "  warning: $bad answers to $path were not 2xx/3xx" >&2
        printf ' %6s %6s %6s  ' "$rps" "$a" "$b"
      done
    else
      printf ' p99 by 10 s: %s ms' "$by_window"
    fi
    echo
  done
  stop_all
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
