#!/usr/bin/env bash
# Load test of the packaged advisor: starts it on a fresh H2 file (with the image's URL options and heap), waits until
# ready (default fit computed), then, in one run against the same server, drives GET /q/health/live (the trivial
# endpoint), POST /api/v1/evaluate and POST /api/v1/plan with wrk and reports throughput,
# p50/p99 latency, errors and the JVM's peak resident memory (VmHWM).
# Plans use a different budget on every request (wrk-plan-budgets.lua: 4,096 seeded budgets, default fit, each plan
# saved), so nothing remembered between requests can stand in for planning. Only loopback traffic; every run is
# bounded by DURATION. Prints the machine, the load average before and after, and the evaluate/health ratio.
# Each endpoint is warmed up until the JIT has done its work: in 10 s slices, at least WARMUP, until the compiler
# threads used less than JIT_QUIET seconds of CPU in a slice (or WARMUP_MAX). After a fixed 30 s the compiler was still
# taking a quarter of the CPU from plans (C2 used 12.6 s and 10.1 s of the next two 30 s windows, 0.3-0.9 s after), so
# the figure depended on when the window began; the warm-up each endpoint took is printed.
#   CONNECTIONS (64)  DURATION (60s)  THREADS (2)  PORT (18080)  HEAP (-Xms768m -Xmx768m: the image's heap, committed whole as the Dockerfile does)
#   WARMUP (30: seconds, the least per endpoint)  WARMUP_MAX (240)  JIT_QUIET (0.5: compiler CPU seconds in a 10 s slice)
set -euo pipefail
cd "$(dirname "$0")/../../.."
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-60s}
THREADS=${THREADS:-2}
PORT=${PORT:-18080}
HEAP=${HEAP:--Xms768m -Xmx768m}
WARMUP=${WARMUP:-30}
WARMUP_MAX=${WARMUP_MAX:-240}
JIT_QUIET=${JIT_QUIET:-0.5}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

work=$(mktemp -d)
ADVISOR_DB_URL="jdbc:h2:file:$work/advisor;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" PORT=$PORT java $HEAP -jar target/quarkus-app/quarkus-run.jar \
  > "$work/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT

for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "not ready:"; tail -20 "$work/app.log"; exit 1; }

base="http://127.0.0.1:$PORT"
run() { # name duration wrk-args...
  local name=$1 duration=$2; shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s "$@"
}
health() { run health "$1" -s src/test/scripts/wrk-post.lua "$base/q/health/live"; }
evaluate() { BODY_FILE=src/test/scripts/evaluate-body.json run evaluate "$1" -s src/test/scripts/wrk-post.lua "$base/api/v1/evaluate"; }
plan() { run plan "$1" -s src/test/scripts/wrk-plan-budgets.lua "$base/api/v1/plan"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION per endpoint after a warm-up each (${WARMUP}-${WARMUP_MAX} s, until the JIT compilers use < $JIT_QUIET s of CPU in 10 s), heap $HEAP"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# the server's own CPU time (user + system, from /proc), so a figure holds even when other processes share the cores
cpu() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / t }' /proc/$pid/stat; }
# the CPU time of the JIT compiler threads (C1 and C2)
jit() {
  for t in /proc/$pid/task/*; do
    if grep -q "CompilerThre" "$t/comm" 2>/dev/null; then awk '{ print $14 + $15 }' "$t/stat" 2>/dev/null || true; fi
  done | awk -v t="$(getconf CLK_TCK)" '{ s += $1 } END { printf "%.3f", s / t }'
}
for endpoint in health evaluate plan; do
  warmed=0
  while :; do
    before=$(jit)
    $endpoint 10s > /dev/null
    warmed=$((warmed + 10))
    used=$(awk -v a="$(jit)" -v b="$before" 'BEGIN { printf "%.1f", a - b }')
    if [ "$warmed" -ge "$WARMUP" ] && awk -v u="$used" -v q="$JIT_QUIET" 'BEGIN { exit !(u < q) }'; then break; fi
    [ "$warmed" -ge "$WARMUP_MAX" ] && { echo "warm-up of $endpoint: the JIT still used $used s in the last 10 s"; break; }
  done
  echo "warm-up of $endpoint: $warmed s"
done
declare -A rps
for endpoint in health evaluate plan; do
  echo "== $endpoint"
  before=$(cpu)
  jit_before=$(jit)
  out=$($endpoint "$DURATION" | grep -E "RESULT|STATUS|Socket errors|Non-2xx" || true)
  after=$(cpu)
  jit_after=$(jit)
  echo "$out"
  rps[$endpoint]=$(echo "$out" | sed -n 's/.*rps=\([0-9.]*\).*/\1/p')
  requests=$(echo "$out" | sed -n 's/.*requests=\([0-9]*\).*/\1/p')
  awk -v a="$after" -v b="$before" -v n="$requests" -v j="$(awk -v a="$jit_after" -v b="$jit_before" 'BEGIN { print a - b }')" \
    'BEGIN { printf "server CPU: %.1f s, %.3f ms per request (JIT compilers %.1f s)\n", a - b, 1000 * (a - b) / n, j }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v e="${rps[evaluate]}" -v h="${rps[health]}" 'BEGIN { printf "evaluate / health throughput: %.2f\n", e / h }'
echo "peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$pid/status)"
grep -c " ERROR " "$work/app.log" | xargs echo "server ERROR log lines:" || true
