#!/usr/bin/env bash
# p50/p90 of POST /api/v1/explore on a running advisor: wall time per request (curl) and the server's computeMillis.
# Usage: src/test/scripts/explore-p50.sh [base-url] [requests] [computeFlops] [model]
set -euo pipefail
BASE=${1:-http://localhost:8080}
N=${2:-50}
C=${3:-1e21}
MODEL=${4:-default}
BODY="{\"computeFlops\":$C,\"model\":\"$MODEL\"}"
curl -s -o /dev/null -H 'Content-Type: application/json' -d "$BODY" "$BASE/api/v1/explore"   # warm-up
for i in $(seq 1 10); do curl -s -o /dev/null -H 'Content-Type: application/json' -d "$BODY" "$BASE/api/v1/explore"; done
WALL=(); SERVER=()
for i in $(seq 1 "$N"); do
  OUT=$(curl -s -w '\n%{time_total}' -H 'Content-Type: application/json' -d "$BODY" "$BASE/api/v1/explore")
  WALL+=("$(echo "$OUT" | tail -1)")
  SERVER+=("$(echo "$OUT" | head -n -1 | grep -o '"computeMillis":[0-9.]*' | cut -d: -f2)")
done
p() { printf '%s\n' "$@" | sort -g | awk -v q="$Q" '{a[NR]=$1} END {i=int(q*NR+0.999); if(i<1)i=1; print a[i]}'; }
Q=0.5; W50=$(p "${WALL[@]}"); S50=$(p "${SERVER[@]}")
Q=0.9; W90=$(p "${WALL[@]}"); S90=$(p "${SERVER[@]}")
echo "explore C=$C model=$MODEL n=$N: wall p50 $(awk -v x="$W50" 'BEGIN{print x*1000}') ms, p90 $(awk -v x="$W90" 'BEGIN{print x*1000}') ms; computeMillis p50 $S50 ms, p90 $S90 ms; load $(cut -d' ' -f1-3 /proc/loadavg)"
