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

rm -rf "$WORK_HARNESS" && mkdir -p "$WORK" && cp -r "$HARNESS" "$WORK_HARNESS"
# ext4 without a journal (as on this machine) does not reuse an inode freed less than 60 s ago, or 6 minutes ago
# while its inode table block is not yet written back, and checks every such free inode one by one each time it
# creates a file (fs/ext4/ialloc.c, recently_deleted). After 100,000 inodes were deleted and written back, creating
# 2,000 folders with a file each took 1.6 times as long 30 s later and no longer after 60 s. The harness deletes the
# previous run's outputs when it has finished timing, and other work on the machine deletes files too, so before
# timing everything is written back and the script waits out the 60 s.
settle() {
  sync
  echo "waiting 65 s: inodes freed in the last minute would slow the builds' file creation"
  sleep 65
}
(cd "$WORK_HARNESS/eleventy-peer" && npm ci --silent --no-audit --no-fund)
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
  kill $CMS_PID; wait $CMS_PID 2>/dev/null || true
done
