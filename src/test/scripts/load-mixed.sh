#!/usr/bin/env bash
# Mixed load on the packaged advisor: evaluate, plan, permalink reads, uploads and fits together (wrk-mixed.lua),
# CONNECTIONS connections for DURATION, RUNS times in a row on one server, on loopback only. Reports per run the
# answers by status class (5xx must be 0), the JVM's resident memory before and after each run (flat across runs
# means no leak), and the H2 file's growth per saved plan. Every run is bounded by DURATION; the server is stopped
# on exit.
#   CONNECTIONS (64)  DURATION (60s)  RUNS (2)  THREADS (2)  PORT (18081)  HEAP (-Xms768m -Xmx768m: the image's heap, committed whole as the Dockerfile does)
set -euo pipefail
cd "$(dirname "$0")/../../.."
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-60s}
RUNS=${RUNS:-2}
THREADS=${THREADS:-2}
PORT=${PORT:-18081}
HEAP=${HEAP:--Xms768m -Xmx768m}
BASE=http://127.0.0.1:$PORT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

work=$(mktemp -d)
# the shipped default database URL (WRITE_DELAY=0), relative to the working folder
(cd "$work" && PORT=$PORT exec java $HEAP -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > "$work/app.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
  curl -fs "$BASE/q/health/ready" >/dev/null && break
  kill -0 $pid 2>/dev/null || { echo "the advisor exited:"; tail -20 "$work/app.log"; exit 1; }
  sleep 0.5
done
curl -fs "$BASE/q/health/ready" >/dev/null || { echo "not ready:"; tail -20 "$work/app.log"; exit 1; }
jpid=$(pgrep -P $pid java || echo $pid)   # the JVM (the subshell exec'd into it)

# plans saved: POST /api/v1/plan answered 201 (the server's own count; refused and stopped plans are not saved)
saved() { curl -fs "$BASE/q/metrics" | awk '/^http_server_requests_seconds_count\{/ && /uri="\/api\/v1\/plan"/ && /status="201"/ {s+=$2} END {print s+0}'; }
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$jpid/status; }
dbsize() { stat -c %s "$work/db/advisor.mv.db"; }

# 200 plans one after the other (the permalinks the load reads): the H2 file's growth over them is the storage a
# saved plan costs alone (under the mixed load, uploads and fits grow the file too, and most plans are refused 429)
ids=""
db0=$(dbsize)
for i in $(seq 1 200); do
  ids="$ids $(curl -fs "$BASE/api/v1/plan" -H 'content-type: application/json' \
    -d "{\"computeFlops\":$((i % 20 + 1))e21,\"uniqueTokens\":$((i / 20 + 1))e12}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
done
sleep 1
echo "200 plans saved alone (default fit): H2 file $((db0 / 1048576)) MB -> $(($(dbsize) / 1048576)) MB," \
  "$(awk -v d=$(($(dbsize) - db0)) 'BEGIN {printf "%.1f KB", d/200/1024}') per plan"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $RUNS runs, heap $HEAP, mix 40% evaluate / 20% plan / 25% permalink / 10% upload / 5% fit"
for run in $(seq 1 "$RUNS"); do
  before_rss=$(rss); before_db=$(dbsize); before_plans=$(saved)
  echo "== run $run"
  PLAN_IDS="$ids" SCRIPTS=src/test/scripts wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s \
    -s src/test/scripts/wrk-mixed.lua "$BASE" 2>&1 | grep -vE "^\s+(Latency|Req/Sec)|Thread Stats|^Running|connections$" || true
  sleep 2
  after_rss=$(rss); after_db=$(dbsize); after_plans=$(saved)
  new_plans=$(awk -v a="$after_plans" -v b="$before_plans" 'BEGIN {printf "%d", a-b}')
  echo "RSS ${before_rss} MB -> ${after_rss} MB; H2 file $((before_db / 1048576)) MB -> $((after_db / 1048576)) MB;" \
    "$new_plans plans saved: $(awk -v d=$((after_db - before_db)) -v n="$new_plans" 'BEGIN {if (n > 0) printf "%.1f KB", d/n/1024; else print "n/a"}') of file growth per plan (uploads and fits included)"
done
echo "peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$jpid/status)"
# which answers were 5xx (the server's own count, by status and route) and why searches stopped
curl -fs "$BASE/q/metrics" | awk '/^http_server_requests_seconds_count\{/ && /status="5/ {print "5xx:", $0}
  /^advisor_plans_stopped_total\{/ {print "stopped:", $0}' || true
echo "server ERROR log lines: $(grep -c ' ERROR ' "$work/app.log" || true)"
grep -A3 ' ERROR ' "$work/app.log" | cut -c1-300 | head -20 || true
