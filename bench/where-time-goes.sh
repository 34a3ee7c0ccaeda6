#!/usr/bin/env bash
# Where a clean build of the run-tip corpus spends its CPU, in CPU seconds: Markdig (the dialect's parse and
# render), Razor (HtmlRenderer), writing files (mostly kernel) and all kernel time, read from perf's call graph of
# the native executable. The output goes to memory (tmpfs), so the disk's state does not move the figures.
#
#   bench/where-time-goes.sh            # N = 10,000 posts
#   N=1000 bench/where-time-goes.sh
#
# Needs perf (Debian: linux-perf) and the shared harness's corpus generator (../shared/bench/ssg).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HARNESS=${HARNESS:-$ROOT/../shared/bench/ssg}
WORK=${WORK:-/tmp/cadence-ssg-bench}
N=${N:-10000}
HZ=2000

command -v perf >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf; }
mkdir -p "$WORK"
python3 "$HARNESS/gen-corpus.py" --count "$N" --out "$WORK/runs/corpus-$N" --seed ssg-bench-1 --reuse >&2
dotnet publish "$ROOT/site/Cadence.Site/Cadence.Site.csproj" -c Release -r linux-x64 -o "$WORK/site" --nologo -v quiet

OUT=$(mktemp -d /dev/shm/cadence-where.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
perf record -q -F "$HZ" -e cpu-clock -g -o "$WORK/where.perf" -- \
  "$WORK/site/Cadence.Site" build --from "$WORK/runs/corpus-$N/content" --out "$OUT/site" --base-url http://bench.example

perf report -i "$WORK/where.perf" --children --sort sym -g none --stdio 2>/dev/null |
  python3 -c '
import re, sys
hz, total, found, kernel = int(sys.argv[1]), 0.0, {}, 0.0
parts = {"Markdig (dialect parse + render)": "MarkdownDialect__Render",
         "Razor (HtmlRenderer)": "ComponentRenderer__Render",
         "writing files (incl. kernel)": "OutputWriter__WriteFile"}
for line in sys.stdin:
    m = re.match(r"# Event count \(approx.\): (\d+)", line)  # cpu-clock counts nanoseconds
    if m: total = int(m.group(1)) / 1e9
    m = re.match(r"\s+([\d.]+)%\s+([\d.]+)%\s+\[(.)\]\s+(\S+)", line)
    if not m: continue
    children, self_, kind, sym = float(m.group(1)), float(m.group(2)), m.group(3), m.group(4)
    if kind == "k": kernel += self_
    for name, pattern in parts.items():
        if pattern in sym: found[name] = max(found.get(name, 0.0), children)
cpu = total
print(f"total CPU {cpu:.2f} s (sampled at {hz} Hz)")
for name in parts: print(f"{name:34s} {cpu * found.get(name, 0) / 100:5.2f} CPU-s  ({found.get(name, 0):.1f}%)")
label = "kernel, all of it"
print(f"{label:34s} {cpu * kernel / 100:5.2f} CPU-s  ({kernel:.1f}%)")
' "$HZ"
