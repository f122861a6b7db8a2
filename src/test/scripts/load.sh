#!/usr/bin/env bash
# Load test of the packaged advisor: starts it on a fresh H2 file, waits until ready (default fit computed), then
# drives POST /api/v1/evaluate and POST /api/v1/plan with wrk and reports throughput, p50/p99 latency, errors and
# the JVM's peak resident memory (VmHWM). Only loopback traffic; every run is bounded by DURATION.
#   CONNECTIONS (64)  DURATION (60s)  THREADS (2)  PORT (18080)  HEAP (-Xmx768m)
set -euo pipefail
cd "$(dirname "$0")/../../.."
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-60s}
THREADS=${THREADS:-2}
PORT=${PORT:-18080}
HEAP=${HEAP:--Xmx768m}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

work=$(mktemp -d)
ADVISOR_DB_URL="jdbc:h2:file:$work/advisor" PORT=$PORT java $HEAP -jar target/quarkus-app/quarkus-run.jar \
  > "$work/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT

for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "not ready:"; tail -20 "$work/app.log"; exit 1; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, heap $HEAP"
for endpoint in evaluate plan; do
  echo "== POST /api/v1/$endpoint"
  BODY_FILE="src/test/scripts/$endpoint-body.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s \
    -s src/test/scripts/wrk-post.lua "http://127.0.0.1:$PORT/api/v1/$endpoint" | grep -E "RESULT|Socket errors|Non-2xx" || true
done
echo "peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$pid/status)"
grep -c " ERROR " "$work/app.log" | xargs echo "server ERROR log lines:"
