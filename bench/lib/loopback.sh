# Shared by the benchmarks that run servers on 127.0.0.1 and measure them with wrk; sourced, not run (so it sits
# outside bench/*.sh, which ./build.sh --target=bench runs).
# Gives: PIDS (processes to stop on exit), stop_all, free_port, warm, measure (wrk: "req/s p50 p99 non-2xx"),
# need_wrk_nginx, wait_healthy, cpu_seconds.

PIDS=()
stop_all() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done; PIDS=(); }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

need_wrk_nginx() {
  command -v wrk >/dev/null && command -v nginx >/dev/null && return
  # Debian starts an installed nginx as a service on port 80 of every interface; a policy that refuses service
  # starts (the one containers ship) keeps it stopped. Only the benchmarks' own processes, on loopback, serve.
  local guard=/usr/sbin/policy-rc.d added=
  [[ -e $guard ]] || { printf '#!/bin/sh\nexit 101\n' >$guard && chmod +x $guard && added=1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
  [[ -z "$added" ]] || rm -f $guard
}

# Loads a URL for WARMUP (3 s unless set) and forgets the figures: the CMS runs on the JIT, which compiles a path's code
# again, optimised, only after it has run a while, so a first measurement would time the compiler as well.
warm() { wrk -t1 -c"$CONNECTIONS" -d"${WARMUP:-3s}" "$@" >/dev/null; }

# wrk's summary as "req/s p50 p99 non-2xx", latencies in ms; needs DURATION and CONNECTIONS.
measure() {
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 }
    / Non-2xx or 3xx responses:/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }'
}

# Waits until a server answers 200 at URL; fails with the tail of LOG if PID exits first or 10 minutes pass.
wait_healthy() {
  local url=$1 pid=$2 log=$3 started=$SECONDS
  until curl -fs "$url" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$log" >&2; echo "error: the server stopped; see $log" >&2; return 1; }
    (( SECONDS - started < 600 )) || { echo "error: $url did not answer within 10 minutes" >&2; return 1; }
    sleep 0.2
  done
}

# CPU seconds (user + system) a process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }
