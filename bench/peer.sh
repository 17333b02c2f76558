#!/usr/bin/env bash
# NewsDesk's `ingest --once` side by side with bench/peer/desk_script.py (what a desk might script instead), on the
# same site: `bench serve` serves F feeds × I article pages on loopback from its own process; each tool starts fresh
# against an empty store, runs alternated with the other, R rounds; wall time, CPU (user + system) and peak RSS of
# each run come from GNU time. Also times a CLI command that does no work (`config check`). From the repository root:
#   bench/peer.sh [FEEDS=100] [ITEMS=10] [ROUNDS=2]
set -euo pipefail
cd "$(dirname "$0")/.."
FEEDS="${1:-100}"
ITEMS="${2:-10}"
ROUNDS="${3:-2}"
WORK="$(mktemp -d)"
SERVE=""
trap 'kill $SERVE 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

RID="linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
# Published as the container and the .NET tool ship it: Release, ReadyToRun.
dotnet publish src/NewsDesk -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true -o "$WORK/app" -v quiet -nologo >/dev/null

dotnet "$WORK/app/NewsDesk.dll" bench serve --feeds "$FEEDS" --items "$ITEMS" --feeds-file "$WORK/feeds.json" >"$WORK/serve.log" 2>&1 &
SERVE=$!
for _ in $(seq 1 60); do [[ -s "$WORK/feeds.json" ]] && break; sleep 0.5; done
[[ -s "$WORK/feeds.json" ]] || { cat "$WORK/serve.log"; echo "bench serve did not start" >&2; exit 1; }

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >"$WORK/out" 2>&1 || { cat "$WORK/out"; echo "$label failed" >&2; exit 1; }
  read -r wall user sys kb <"$WORK/time"
  printf '%-22s wall %6.2f s  cpu %6.2f s  peak %4d MB  | %s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" $((kb / 1024)) "$(tail -1 "$WORK/out")"
}

echo "peer: $FEEDS feeds × $ITEMS items on loopback; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  rm -rf "$WORK/nd" "$WORK/script.db"; mkdir -p "$WORK/nd"
  measure "newsdesk ingest --once" dotnet "$WORK/app/NewsDesk.dll" ingest --once \
    --NewsDesk:FeedsFile="$WORK/feeds.json" --NewsDesk:Storage:Path="$WORK/nd/news.db" \
    --NewsDesk:Fetch:AllowPrivateNetworks=true --NewsDesk:Fetch:MaxConnectionsPerHost=64
  measure "python desk script" python3 bench/peer/desk_script.py "$WORK/feeds.json" "$WORK/script.db"
done
for round in $(seq 1 "$ROUNDS"); do
  measure "newsdesk config check" dotnet "$WORK/app/NewsDesk.dll" config check --NewsDesk:FeedsFile="$WORK/feeds.json"
  measure "newsdesk feeds list" dotnet "$WORK/app/NewsDesk.dll" feeds list --NewsDesk:FeedsFile="$WORK/feeds.json" --NewsDesk:Storage:Path="$WORK/nd/news.db"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
