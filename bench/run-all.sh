#!/usr/bin/env bash
# Reruns every performance figure in docs/benchmarks/performance.md with one command, from the repository root:
#   bench/run-all.sh                 # everything (about an hour on a quiet 2-core machine; longer when loaded)
#   FEEDS="10 100" ITEMS=10 STAGES=0 bench/run-all.sh   # a subset
#   EXPORT_ARTICLES=200000 bench/run-all.sh             # also the export figure of issue #7 (seeding takes minutes)
# Output goes to stdout and to $OUT/run-all-<UTC time>.md (default /tmp/newsdesk-bench-results).
set -euo pipefail
cd "$(dirname "$0")/.."

FEEDS="${FEEDS:-10 100 1000}"
ITEMS="${ITEMS:-10}"
STORY_SIZES="${STORY_SIZES:-1000,10000,100000}"
DIGEST_ARTICLES="${DIGEST_ARTICLES:-5000}"
STAGES="${STAGES:-1}"
EXPORT_ARTICLES="${EXPORT_ARTICLES:-0}"   # issue #7: e.g. 200000 seeds a store that size and times `bench export` on it
OUT="${OUT:-${TMPDIR:-/tmp}/newsdesk-bench-results}"
mkdir -p "$OUT"
LOG="$OUT/run-all-$(date -u +%Y%m%dT%H%M%SZ).md"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

exec > >(tee "$LOG") 2>&1
echo "# NewsDesk performance run, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load before start: $(cut -d' ' -f1-3 /proc/loadavg); $(dotnet --version)"

# Published as the container ships it: Release, ReadyToRun for this platform (Dockerfile).
RID="linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
dotnet publish src/NewsDesk -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true -o "$WORK/app" -v quiet -nologo | tail -2
NEWSDESK="dotnet $WORK/app/NewsDesk.dll"

for f in $FEEDS; do
  echo; echo "## bench ingest --feeds $f --items $ITEMS"
  # A failed run (e.g. the LiteDB error seen at 1,000 feeds) is reported and the rest still runs.
  $NEWSDESK bench ingest --feeds "$f" --items "$ITEMS" || echo "bench ingest --feeds $f FAILED (exit $?)"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done

echo; echo "## bench digest --articles $DIGEST_ARTICLES"
$NEWSDESK bench digest --articles "$DIGEST_ARTICLES" --background 20000 --runs 3

echo; echo "## bench stories --sizes $STORY_SIZES (store kept for bench queries)"
$NEWSDESK bench stories --db "$WORK/stories.db" --sizes "$STORY_SIZES" --sample 100

echo; echo "## bench queries on that store"
$NEWSDESK bench queries --db "$WORK/stories.db"

if [ "$EXPORT_ARTICLES" -gt 0 ]; then
  echo; echo "## bench seed --articles $EXPORT_ARTICLES, then bench export"
  $NEWSDESK bench seed --db "$WORK/export.db" --articles "$EXPORT_ARTICLES"
  $NEWSDESK bench export --db "$WORK/export.db" --out-dir "$WORK"
fi

if [ "$STAGES" = "1" ]; then
  echo; echo "## BenchmarkDotNet per-stage micro-benchmarks (ShortRun, in process)"
  dotnet run -c Release --project tests/NewsDesk.Benchmarks -- stages --artifacts "$WORK/bdn" | grep -E '^\|| Method|Mean' || true
  cat "$WORK"/bdn/results/*-report-github.md 2>/dev/null || true
fi

echo; echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Written to $LOG"
