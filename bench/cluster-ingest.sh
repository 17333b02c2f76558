#!/usr/bin/env bash
# Ingest throughput with W workers on one PostgreSQL: `bench serve` serves F feeds × I generated pages from its own
# process, W real workers (`run`, NewsDesk:Storage:Provider=postgres, clustered Quartz) share them, and the time is
# taken from the first worker's start until every item is stored. A throwaway PostgreSQL (.ci/postgres) is started and
# stopped by the script, with a fresh database per run. From the repository root:
#   bench/cluster-ingest.sh [WORKERS=1] [FEEDS=100] [ITEMS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
WORKERS="${1:-1}"
FEEDS="${2:-100}"
ITEMS="${3:-10}"
BASEPORT="${PORT:-18290}"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
export NEWSDESK_PG_STATE="$WORK/pg.state"
PIDS=()
trap 'kill ${PIDS[*]:-} 2>/dev/null || true; wait 2>/dev/null || true; .ci/postgres stop; rm -rf "$WORK"' EXIT

# APP=folder reuses a publish from an earlier run (the 1, 2 and 3 worker runs measure the same build).
APP="${APP:-$WORK/app}"
if [[ ! -f "$APP/NewsDesk.dll" ]]; then
  RID="linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
  dotnet publish src/NewsDesk -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true -o "$APP" -v quiet -nologo >/dev/null
fi

server=$(.ci/postgres start)
port=$(echo "$server" | sed -E 's/.*Port=([0-9]+).*/\1/')
psql -q -h 127.0.0.1 -p "$port" -U postgres -c "create database newsdesk_bench" >/dev/null
CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=newsdesk_bench"

dotnet "$APP/NewsDesk.dll" bench serve --feeds "$FEEDS" --items "$ITEMS" --feeds-file "$WORK/feeds.json" >"$WORK/serve.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do [[ -s "$WORK/feeds.json" ]] && break; sleep 0.5; done
[[ -s "$WORK/feeds.json" ]] || { cat "$WORK/serve.log"; echo "bench serve did not start" >&2; exit 1; }

dbstat() { psql -Atq -h 127.0.0.1 -p "$port" -U postgres -c "select xact_commit, tup_inserted + tup_updated + tup_deleted from pg_stat_database where datname = 'newsdesk_bench'"; }
started=$(date +%s.%N)
# `bench serve` is one host standing for a hundred sites: at the default of 2 requests per host (held for the whole
# cluster) every run would measure that politeness limit, whatever the number of workers. `bench ingest` and
# bench/peer.sh lift it the same way.
for w in $(seq 1 "$WORKERS"); do
  ASPNETCORE_URLS="http://127.0.0.1:$((BASEPORT + w))" dotnet "$APP/NewsDesk.dll" run \
    --NewsDesk:FeedsFile="$WORK/feeds.json" --NewsDesk:Storage:Path="$WORK/w$w.db" \
    --NewsDesk:Storage:Provider=postgres --NewsDesk:Storage:ConnectionString="$CONNECTION" \
    --NewsDesk:Cluster:InstanceId="w$w" --NewsDesk:Fetch:AllowPrivateNetworks=true \
    --NewsDesk:Fetch:MaxConnectionsPerHost=64 >"$WORK/w$w.log" 2>&1 &
  PIDS+=($!)
done

want=$((FEEDS * ITEMS))
stored=0
for _ in $(seq 1 1800); do
  sleep 1
  stored=$( (cat "$WORK"/w*.log | grep -oE 'Polled [^:]+: [0-9]+ new' || true) | awk '{s += $3} END {print s + 0}')
  [[ "$stored" -ge "$want" ]] && break
done
elapsed=$(echo "$(date +%s.%N) - $started" | bc)
sleep 1 # the statistics collector reports with a short delay
IFS='|' read -r commits rows < <(dbstat)
polls=$(cat "$WORK"/w*.log | grep -c 'Polled ' || true)
split=$(for w in $(seq 1 "$WORKERS"); do grep -c 'Polled ' "$WORK/w$w.log" || true; done | paste -sd/)
cpu=0
for pid in "${PIDS[@]:1}"; do cpu=$(echo "$cpu + $(awk '{print ($14 + $15) / 100}' "/proc/$pid/stat")" | bc); done
echo "cluster-ingest: $WORKERS workers, $FEEDS feeds × $ITEMS items; $stored of $want items stored in $(printf '%.1f' "$elapsed") s ($(echo "$stored / $elapsed" | bc) items/s, from the first worker's start)"
echo "polls $polls (per worker $split); workers' CPU $cpu s; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PostgreSQL: $commits transactions, $rows rows written ($(echo "$commits / $stored" | bc) transactions and $(echo "$rows / $stored" | bc) rows per stored item, schedule and request slots included)"
