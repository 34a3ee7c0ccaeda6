#!/usr/bin/env bash
# Two site generators, alternated on the same corpus with their outputs in memory: the wall and CPU seconds of each
# clean build, their means, and in how many rounds the second was faster. For changes smaller than the host's swing
# between runs of bench/ssg-bench.sh, which times each generator once per round on ext4.
#
#   BEFORE=d0a6e05 bench/build-ab.sh                  # that commit against the working tree, 10,000 posts, 6 rounds
#   N=1000 ROUNDS=10 BEFORE=d0a6e05 bench/build-ab.sh
#   AFTER_ENV="DOTNET_GCgen0size=2000000" bench/build-ab.sh   # HEAD against the working tree with a runtime setting
#
# Both are native executables (`dotnet publish -r linux-x64`); BEFORE is checked out in a worktree under $WORK.
# Needs the shared harness's corpus generator (../shared/bench/ssg).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HARNESS=${HARNESS:-$ROOT/../shared/bench/ssg}
WORK=${WORK:-/tmp/cadence-build-ab}
N=${N:-10000} ROUNDS=${ROUNDS:-6} BEFORE=${BEFORE:-HEAD} BEFORE_ENV=${BEFORE_ENV:-} AFTER_ENV=${AFTER_ENV:-}
OUT=/dev/shm/cadence-build-ab CACHE=/dev/shm/.cadence-build-ab.cadence-cache # the build cache sits beside the output

[[ -x /usr/bin/time ]] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
mkdir -p "$WORK"
cleanup() { rm -rf "$OUT" "$CACHE"; git -C "$ROOT" worktree remove --force "$WORK/before-src" 2>/dev/null || true; }
trap cleanup EXIT
python3 "$HARNESS/gen-corpus.py" --count "$N" --out "$WORK/corpus-$N" --seed ssg-bench-1 --reuse >&2
git -C "$ROOT" worktree remove --force "$WORK/before-src" 2>/dev/null || true
git -C "$ROOT" worktree add --detach "$WORK/before-src" "$BEFORE" >/dev/null
dotnet publish "$WORK/before-src/site/Cadence.Site/Cadence.Site.csproj" -c Release -r linux-x64 -o "$WORK/before" --nologo -v quiet
dotnet publish "$ROOT/site/Cadence.Site/Cadence.Site.csproj" -c Release -r linux-x64 -o "$WORK/after" --nologo -v quiet

echo "N=$N, $ROUNDS rounds: before = $BEFORE${BEFORE_ENV:+ ($BEFORE_ENV)}, after = the working tree${AFTER_ENV:+ ($AFTER_ENV)}"
for round in $(seq 1 "$ROUNDS"); do
  for side in before after; do
    settings=$BEFORE_ENV; [[ $side == after ]] && settings=$AFTER_ENV
    rm -rf "$OUT" "$CACHE"
    # shellcheck disable=SC2086 # the settings are NAME=value words for env
    figures=$( { env $settings /usr/bin/time -f "%e %U %S %M" "$WORK/$side/Cadence.Site" build \
      --from "$WORK/corpus-$N/content" --out "$OUT" --base-url http://bench.example >/dev/null; } 2>&1 | tail -1)
    echo "$round $side $figures"
  done
done | awk '
  { print "round " $1 " " $2 ": " $3 " s wall, " $4 + $5 " s CPU, " int($6 / 1024) " MiB peak"
    wall[$2] += $3; cpu[$2] += $4 + $5; if ($2 == "before") w = $3; else if ($3 < w) faster++ }
  END { n = NR / 2
        printf "mean: before %.3f s wall, %.3f s CPU; after %.3f s wall, %.3f s CPU (%+.1f%% wall); after faster in %d of %d rounds\n",
          wall["before"] / n, cpu["before"] / n, wall["after"] / n, cpu["after"] / n,
          100 * (wall["after"] - wall["before"]) / wall["before"], faster, n }'
