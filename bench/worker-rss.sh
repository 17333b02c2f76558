#!/usr/bin/env bash
# Worker memory at F feeds, the worker measured alone: `bench serve` serves F feeds × I generated pages from its own
# process, the real worker (`run`, published as the container ships it) polls them on its Quartz schedule, and the
# worker's peak RSS (VmHWM) is read once every feed has been polled. From the repository root:
#   bench/worker-rss.sh [FEEDS=1000] [ITEMS=1]
set -euo pipefail
cd "$(dirname "$0")/.."
FEEDS="${1:-1000}"
ITEMS="${2:-1}"
PORT="${PORT:-18190}"
WORK="$(mktemp -d)"
SERVE=""
WORKER=""
trap 'kill $SERVE $WORKER 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

RID="linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
dotnet publish src/NewsDesk -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true -o "$WORK/app" -v quiet -nologo >/dev/null

dotnet "$WORK/app/NewsDesk.dll" bench serve --feeds "$FEEDS" --items "$ITEMS" --feeds-file "$WORK/feeds.json" >"$WORK/serve.log" 2>&1 &
SERVE=$!
for _ in $(seq 1 60); do [[ -s "$WORK/feeds.json" ]] && break; sleep 0.5; done
[[ -s "$WORK/feeds.json" ]] || { cat "$WORK/serve.log"; echo "bench serve did not start" >&2; exit 1; }

started=$(date +%s.%N)
ASPNETCORE_URLS="http://127.0.0.1:$PORT" dotnet "$WORK/app/NewsDesk.dll" run \
  --NewsDesk:FeedsFile="$WORK/feeds.json" --NewsDesk:Storage:Path="$WORK/news.db" \
  --NewsDesk:Fetch:AllowPrivateNetworks=true --NewsDesk:Fetch:MaxConnectionsPerHost=64 >"$WORK/worker.log" 2>&1 &
WORKER=$!

polled=0
for _ in $(seq 1 1800); do
  sleep 1
  kill -0 "$WORKER" 2>/dev/null || { tail -20 "$WORK/worker.log"; echo "the worker exited" >&2; exit 1; }
  polled=$(curl -fsS "http://127.0.0.1:$PORT/api/feeds" 2>/dev/null | grep -o '"lastSuccess":"' | wc -l || true)
  [[ "$polled" -ge "$FEEDS" ]] && break
done
elapsed=$(echo "$(date +%s.%N) - $started" | bc)
articles=$(grep -oE 'Polled [^:]+: [0-9]+ new' "$WORK/worker.log" | awk '{s += $3} END {print s + 0}')
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$WORKER/status")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$WORKER/status")
anon=$(awk '/RssAnon/ {print $2}' "/proc/$WORKER/status")
file=$(awk '/RssFile/ {print $2}' "/proc/$WORKER/status")
cpu=$(awk '{print ($14 + $15) / 100}' "/proc/$WORKER/stat")
echo "worker-rss: $FEEDS feeds × $ITEMS items; $polled feeds polled, $articles articles stored in ${elapsed%.*} s (from process start); worker CPU ${cpu} s"
echo "worker peak RSS (VmHWM) $((hwm / 1024)) MB; RSS now $((rss / 1024)) MB ($((anon / 1024)) MB anonymous, $((file / 1024)) MB mapped files); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
