#!/usr/bin/env bash
# Rehearses the publish workflow's content path (.github/workflows/publish.yml, jobs code, bucket and build) on this
# machine: their steps in order, from a fresh sparse clone and an empty folder per job, with a cache folder standing
# in for actions/cache, against a real CMS holding a generated corpus and a real S3-compatible bucket (s3rver on
# loopback). Prints each step's time for a cold run (empty caches) and a warm one (one post changed in the manager):
# the bucket job restores only the deployed build's manifest and build cache, the build job (GitHub Pages) the
# whole last output.
#   bench/publish-rehearsal.sh                  # 10,000 posts
#   COUNT=1000 bench/publish-rehearsal.sh
#   PAGES=0 bench/publish-rehearsal.sh          # the bucket path only
# The cache folder ($CACHE) survives between runs like CI's cache: the native executables are built only when
# none exist for this code (.ci/native-key); CI would run the whole test suite first, which this skips.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COUNT=${COUNT:-10000}
WORK=${WORK:-/tmp/cadence-publish-rehearsal}
CACHE=${CACHE:-$WORK/cache}
GEN=${GEN:-$ROOT/../shared/bench/ssg/gen-corpus.py}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
[[ -f "$GEN" ]] || { echo "error: no corpus generator at $GEN (set GEN=...)" >&2; exit 2; }
mkdir -p "$WORK" "$CACHE"

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

# ---- What a publish runs against: not timed as part of it.
python3 "$GEN" --count "$COUNT" --out "$WORK/corpus-$COUNT" --seed publish-rehearsal --reuse >/dev/null
dotnet build "$ROOT/cms/Cadence.Cms/Cadence.Cms.csproj" -c Release --nologo -v quiet >/dev/null
# The CMS's database is kept per corpus size (importing 10,000 posts takes minutes on a loaded machine) with the
# keys it was made with; FRESH_CMS=1 imports again.
DATA=$WORK/cms-data-$COUNT EMAIL=owner@clinic.test
[[ "${FRESH_CMS:-0}" == 1 ]] && rm -rf "$DATA"
[[ -f "$DATA/imported" ]] || { rm -rf "$DATA" && mkdir -p "$DATA" &&
  echo "rehearsal-content-key-$(date +%s%N) rehearsal-$RANDOM$RANDOM-Pw" >"$DATA/rehearsal-secrets"; }
read -r KEY PASSWORD <"$DATA/rehearsal-secrets"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
CMS="http://127.0.0.1:$PORT"
started=$(date +%s)
Cadence__DataPath="$DATA" Cadence__ContentPath="$WORK/corpus-$COUNT/content" Cadence__ContentKey="$KEY" \
  Cadence__Admin__Email="$EMAIL" Cadence__Admin__Password="$PASSWORD" Cadence__Accounts__AttemptsPerMinute=1000 \
  dotnet "$ROOT/cms/Cadence.Cms/bin/Release/net10.0/Cadence.Cms.dll" --urls "$CMS" >"$WORK/cms.log" 2>&1 &
PIDS+=($!)
until curl -fs "$CMS/healthz" >/dev/null; do
  (( $(date +%s) - started < 2400 )) || { echo "error: the CMS did not answer within 40 minutes; see $WORK/cms.log" >&2; exit 1; }
  sleep 0.5
done
touch "$DATA/imported"
printf 'CMS with %s posts ready in %d s\n' "$COUNT" "$(( $(date +%s) - started ))"

(cd "$ROOT/tests/s3rver" && { [[ -d node_modules/s3rver ]] || npm ci --silent --no-audit --no-fund; })
rm -rf "$WORK/bucket" && mkdir -p "$WORK/bucket"
# s3rver pages listings past 1,000 keys with a cipher that OpenSSL 3 keeps in its legacy provider.
coproc S3 { exec node --openssl-legacy-provider "$ROOT/tests/s3rver/start.mjs" "$WORK/bucket" site; }
PIDS+=($S3_PID)
read -r line <&"${S3[0]}"
export CADENCE_S3_BUCKET=site CADENCE_S3_ENDPOINT=${line#listening } AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER
export CADENCE_API=$CMS CADENCE_CONTENT_KEY=$KEY

# ---- The jobs' steps, timed.
step() {
  local name=$1; shift
  local t0 t1; t0=$(date +%s.%N)
  "$@" >"$WORK/step.log" 2>&1 || { cat "$WORK/step.log" >&2; echo "error: step '$name' failed" >&2; exit 1; }
  t1=$(date +%s.%N)
  local took; took=$(echo "$t1 - $t0" | bc)
  SUM=$(echo "$SUM + $took" | bc)
  printf '  %-46s %7.2f s   %s\n' "$name" "$took" "$(tail -n 1 "$WORK/step.log" | cut -c1-90)"
}
BRANCH=$(git -C "$ROOT" rev-parse --abbrev-ref HEAD)
# Each job starts in an empty folder of its own, as on its own runner ($JOB is the one running).
BUCKET_JOB=$WORK/job-bucket PAGES_JOB=$WORK/job-pages
# The code job: a sparse checkout (.ci only) and the key of the tested executables.
checkout() { rm -rf "$WORK/code" && git clone --quiet --depth 1 --sparse --branch "$BRANCH" "file://$ROOT" "$WORK/code" && git -C "$WORK/code" sparse-checkout set .ci; }
native_key() { NATIVE=$(cd "$WORK/code" && .ci/native-key); echo "$NATIVE"; }
restore_native() {
  mkdir -p "$JOB"
  if [[ ! -f "$CACHE/$NATIVE.tar.zst" ]]; then
    echo "cache miss: building the native executables (CI tests this code first)"
    rm -rf "$WORK/native-build" && git clone --quiet --depth 1 --branch "$BRANCH" "file://$ROOT" "$WORK/native-build"
    (cd "$WORK/native-build" && ./build.sh --target=native >/dev/null)
    tar --zstd -cf "$CACHE/$NATIVE.tar.zst" -C "$WORK/native-build" artifacts/bin
  fi
  tar --zstd -xf "$CACHE/$NATIVE.tar.zst" -C "$JOB" && echo "cache hit"
}
# A state cache holds the paths the workflow gives it; $1 names it.
restore() { if [[ -f "$CACHE/$1.tar.zst" ]]; then tar --zstd -xf "$CACHE/$1.tar.zst" -C "$JOB"; echo "restored"; else echo "no earlier build"; fi; }
keep() { local name=$1; shift; tar --zstd -cf "$CACHE/$name.tar.zst.tmp" -C "$JOB" "$@" && mv "$CACHE/$name.tar.zst.tmp" "$CACHE/$name.tar.zst"; }
build_site() { (cd "$JOB" && artifacts/bin/site/Cadence.Site build --out artifacts/site); }
written() { echo "$(find "$JOB/artifacts/site" -type f ! -name .cadence-manifest.json | wc -l) files in the folder"; }
deploy_bucket() { (cd "$JOB" && artifacts/bin/deploy/Cadence.Deploy --from artifacts/site); }
pages_artifact() { tar --exclude='.[^/]*' -cf "$WORK/pages.tar" -C "$JOB/artifacts/site" . && du -h "$WORK/pages.tar" | cut -f1; }

# A CI runner starts each job on a clean disk: the previous run's job folder (27,000 files at 10,000 posts for the
# pages job) is removed before the clock starts, and ext4 is given time to settle after so many deletes (creating
# files right after freeing many inodes is several times slower here, and no runner pays that).
new_job() { JOB=$1; rm -rf "$JOB" && sync && sleep "${SETTLE:-30}"; SUM=0; }

# The bucket job: the deployed build's manifest and build cache, not its output; the build writes only what changed.
BUCKET_STATE=(artifacts/site/.cadence-manifest.json artifacts/.site.cadence-cache)
bucket_job() {
  new_job "$BUCKET_JOB"
  step "restore the tested native executables" restore_native
  step "restore the state of the deployed build" restore bucket-state
  step "build what changed from the CMS" build_site
  DEPLOYABLE=$(echo "$CODE + $SUM" | bc)
  echo "    ($(written))"
  step "deploy to the bucket (changed files only)" deploy_bucket
  IN_BUCKET=$(echo "$CODE + $SUM" | bc)
  step "keep the state of the deployed build" keep bucket-state "${BUCKET_STATE[@]}"
}
# The build job for GitHub Pages and the branch: the whole last build, since they take a whole site.
pages_job() {
  new_job "$PAGES_JOB"
  step "restore the tested native executables" restore_native
  step "restore the last build (whole output)" restore site-state
  step "build the site from the CMS" build_site
  PAGES_BUILT=$(echo "$CODE + $SUM" | bc)
  step "keep this build for the next one" keep site-state artifacts/site artifacts/.site.cadence-cache
  step "pages artifact (tar; the upload is GitHub's)" pages_artifact
}

publish() {
  SUM=0
  echo " code job"
  step "code: sparse checkout of .ci" checkout
  step "code: native key (.ci/native-key)" native_key
  CODE=$SUM
  echo " bucket job"
  bucket_job
  printf '  %-46s %7.2f s\n' "code + bucket job to a deployable folder" "$DEPLOYABLE" "code + bucket job until the bucket holds it" "$IN_BUCKET"
  [[ "${PAGES:-1}" == 1 ]] || return 0
  echo " build job (GitHub Pages, the branch)"
  pages_job
  printf '  %-46s %7.2f s\n' "code + build job to a whole built site" "$PAGES_BUILT" "code + build job to the Pages artifact" "$(echo "$CODE + $SUM" | bc)"
}

echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== cold: empty caches, empty bucket"
rm -f "$CACHE/bucket-state.tar.zst" "$CACHE/site-state.tar.zst"
publish

echo "== warm: one post changed in the manager"
POST=$(sqlite3 "file:$DATA/cadence.db?mode=ro" "SELECT Id FROM Posts WHERE Status = 'Published' AND Kind = 'Post' AND DeletedAt IS NULL ORDER BY Id LIMIT 1;")
t0=$(date +%s.%N)
python3 "$ROOT/bench/publish-rehearsal/edit-post.py" "$CMS" "$EMAIL" "$PASSWORD" "$POST"
EDIT=$(echo "$(date +%s.%N) - $t0" | bc)
printf '  %-46s %7.2f s\n' "edit and publish post $POST (manager POST)" "$EDIT"
publish
printf '  %-46s %7.2f s\n' "content change to a deployable folder" "$(echo "$EDIT + $DEPLOYABLE" | bc)" \
  "content change to the bucket" "$(echo "$EDIT + $IN_BUCKET" | bc)"
[[ "${PAGES:-1}" == 1 ]] && printf '  %-46s %7.2f s\n' "content change to the Pages artifact" "$(echo "$EDIT + $CODE + $SUM" | bc)"
# The bucket job's folder holds only what changed: the edit must be among it, and (with the build job run) the
# bucket must hold exactly the whole site that job built from the same content.
changed=$(cd "$BUCKET_JOB/artifacts/site" && grep -l "keep the easy days easy" posts/*/index.html || true)
[[ -n "$changed" ]] || { echo "error: the edit is not in the bucket job's folder" >&2; exit 1; }
echo "  the edit is in $changed"
[[ "${PAGES:-1}" == 1 ]] && python3 "$ROOT/bench/publish-rehearsal/same-site.py" "$PAGES_JOB/artifacts/site" "$WORK/bucket/site"
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
