#!/usr/bin/env bash
# Times Cadence beside Hugo and Eleventy on the shared run-tip corpus, in one run on this machine.
#
#   bench/ssg-bench.sh                     # N = 1,000 and 10,000, 3 rounds (about 15 minutes)
#   SIZES=1000 RUNS=1 bench/ssg-bench.sh   # smoke run
#   MODE=api bench/ssg-bench.sh            # Cadence over the delivery API of a CMS that imported the corpus
#
# MODE=from (default) builds with `build --from <corpus>`; MODE=api starts the CMS on a fresh SQLite file per
# corpus size, imports the corpus, and times `build --api`. The harness (../shared/bench/ssg) is copied to $WORK
# because it is read-only where it is laid out. Results: $WORK/harness/results/latest-summary.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HARNESS=${HARNESS:-$ROOT/../shared/bench/ssg}
WORK=${WORK:-/tmp/cadence-ssg-bench}
MODE=${MODE:-from}
SIZES=${SIZES:-"1000 10000"}
export RUNS=${RUNS:-3} SEED=${SEED:-ssg-bench-1} WORK_HARNESS="$WORK/harness"

[[ -d "$HARNESS" ]] || { echo "error: the benchmark harness is not at $HARNESS (set HARNESS=...)" >&2; exit 2; }
command -v hugo >/dev/null && [[ -x /usr/bin/time ]] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo time; }

# ext4 without a journal (as on this machine) will not reuse an inode freed less than 60 s ago, or less than 6
# minutes ago once its inode table block is dirty again (as creating files makes it), and checks every such free
# inode one by one whenever it creates a file (fs/ext4/ialloc.c, recently_deleted). Deletions 2 to 5 minutes before
# timing nearly doubled Cadence's kernel time in these runs (0.19-0.32 s a build without, 0.32-0.58 s with). So
# nothing is deleted before timing: the harness copy is updated in place, npm's packages are installed again only
# when the lockfile changed (npm ci empties node_modules first), and timing starts once the harness's own deletion
# of the previous run's outputs (at its end) is over 6 minutes old. Deletions by other work on the machine in those
# minutes still count.
mkdir -p "$WORK_HARNESS" && cp -rf "$HARNESS/." "$WORK_HARNESS/"
LOCK="$WORK_HARNESS/eleventy-peer/package-lock.json" INSTALLED="$WORK_HARNESS/eleventy-peer/node_modules/.installed-from-lock"
cmp -s "$LOCK" "$INSTALLED" || { (cd "$WORK_HARNESS/eleventy-peer" && npm ci --silent --no-audit --no-fund) && cp "$LOCK" "$INSTALLED"; }
DELETED="$WORK/outputs-deleted"
settle() {
  [[ -f "$DELETED" ]] || return 0
  local wait=$((370 - $(date +%s) + $(stat -c %Y "$DELETED")))
  if ((wait > 0)); then echo "waiting $wait s: the last run's outputs were deleted less than 6 minutes ago"; sleep "$wait"; fi
}
# Native (ahead-of-time) executable: a build lasts seconds, so JIT at start-up would be a large share of it
# (and nearly all of an incremental one). It links with the system C compiler (gcc or clang).
dotnet publish "$ROOT/site/Cadence.Site/Cadence.Site.csproj" -c Release -r linux-x64 -o "$WORK/site" --nologo -v quiet
SITE="$WORK/site/Cadence.Site"

if [[ "$MODE" == from ]]; then
  settle
  (cd "$WORK_HARNESS" && SIZES="$SIZES" WORK="$WORK/runs" OUR_NAME=cadence \
    OUR_VERSION_CMD="echo cadence $(git -C "$ROOT" rev-parse --short HEAD) on dotnet $(dotnet --version)" \
    OUR_CMD="'$SITE' build --from \"\$CORPUS_DIR\" --out \"\$OUT_DIR\" --base-url http://bench.example" \
    ./run-bench.sh)
  touch "$DELETED"
  exit 0
fi

# MODE=api: one CMS per corpus size, on loopback, with the corpus imported before the timed builds.
dotnet publish "$ROOT/cms/Cadence.Cms/Cadence.Cms.csproj" -c Release -o "$WORK/cms" --nologo -v quiet
KEY="bench-content-key-$(date +%s%N)"
for N in $SIZES; do
  python3 "$WORK_HARNESS/gen-corpus.py" --count "$N" --out "$WORK/runs/corpus-$N" --seed "$SEED" --reuse >&2
  DATA="$WORK/cms-data-$N"; rm -rf "$DATA"; PORT=$((5600 + RANDOM % 300))
  Cadence__DataPath="$DATA" Cadence__ContentPath="$WORK/runs/corpus-$N/content" Cadence__ContentKey="$KEY" \
    Cadence__Admin__Password="bench-admin-password-$RANDOM$RANDOM" \
    dotnet "$WORK/cms/Cadence.Cms.dll" --urls "http://127.0.0.1:$PORT" > "$WORK/cms-$N.log" 2>&1 &
  CMS_PID=$!
  trap 'kill $CMS_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
  settle
  (cd "$WORK_HARNESS" && SIZES="$N" WORK="$WORK/runs" OUR_NAME=cadence-api PEERS="hugo" \
    OUR_CMD="'$SITE' build --api http://127.0.0.1:$PORT --key $KEY --out \"\$OUT_DIR\"" \
    ./run-bench.sh)
  touch "$DELETED"
  kill $CMS_PID; wait $CMS_PID 2>/dev/null || true
done
