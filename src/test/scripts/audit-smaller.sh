#!/usr/bin/env bash
# Replays the "Smaller" findings of issue 8 as real requests against the packaged advisor (loopback, its own
# database in a temporary folder) and prints one line per request: what was sent, the status, the content type,
# and FAIL when the answer is a 5xx, is not problem+json, names a framework class, or echoes more than it should.
# Bounded: each request has a curl timeout; the server is stopped on exit.   PORT (18082)  HEAP (-Xmx768m)
set -euo pipefail
cd "$(dirname "$0")/../../.."
PORT=${PORT:-18082}
HEAP=${HEAP:--Xmx768m}
BASE=http://127.0.0.1:$PORT
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

work=$(mktemp -d)
(cd "$work" && PORT=$PORT exec java $HEAP -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > "$work/app.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 1200); do
  curl -fs "$BASE/q/health/ready" >/dev/null && break
  kill -0 $pid 2>/dev/null || { echo "the advisor exited:"; tail -20 "$work/app.log"; exit 1; }
  sleep 0.5
done
curl -fs "$BASE/q/health/ready" >/dev/null || { echo "not ready:"; tail -20 "$work/app.log"; exit 1; }

failures=0
FRAMEWORK='jakarta|javax|resteasy|RESTEASY|io\.quarkus|io\.vertx|Exception|@Produces|@Consumes|org\.hibernate|org\.h2'
# check LABEL EXPECTED_STATUS MAX_BODY_CHARS -- curl arguments...
check() {
  local label=$1 want=$2 max=$3; shift 4
  local out="$work/body" status type size verdict=ok
  read -r status type < <(curl -s -o "$out" -w '%{http_code} %{content_type}\n' --max-time 120 "$@" || echo "000 -")
  size=$(stat -c %s "$out" 2>/dev/null || echo 0)
  if [ "$status" != "$want" ]; then verdict="FAIL (wanted $want)"; fi
  if [ "${status:0:1}" = 5 ] && [ "$want" != "$status" ]; then verdict="FAIL (5xx)"; fi
  if [ "$want" -ge 400 ] && [[ "$type" != application/problem+json* ]]; then verdict="FAIL (not problem+json)"; fi
  if grep -qE "$FRAMEWORK" "$out" 2>/dev/null; then verdict="FAIL (names the framework)"; fi
  if [ "$size" -gt "$max" ]; then verdict="FAIL (answer of $size bytes)"; fi
  [ "$verdict" = ok ] || failures=$((failures + 1))
  printf '%-62s %s %-26s %6s B  %s\n' "$label" "$status" "$type" "$size" "$verdict"
}

csv='kind,n_layers,d_model,n_heads,d_ffn,tokens,unique_tokens,metric,value
dense,28,2176,17,8848,1.14e11,,val_bpc,0.4808
'
echo "-- same-name concurrent uploads (6 at once): one 201, the others 201 under another id or 409, no 5xx"
for i in 1 2 3 4 5 6; do
  curl -s -o /dev/null -w '%{http_code}\n' --max-time 60 -H 'content-type: text/csv' --data-binary "$csv" \
    "$BASE/api/v1/datasets?name=Raced+name" > "$work/race.$i" &
done
wait $(jobs -p | grep -v "^$pid$") 2>/dev/null || true
codes=$(cat "$work"/race.* | sort | uniq -c | tr -s ' ' | tr '\n' ';')
echo "   statuses: $codes"
if cat "$work"/race.* | grep -qvE '^(201|409)$'; then failures=$((failures + 1)); echo "   FAIL"; fi

check "description of 4,001 characters" 400 2000 -- -H 'content-type: text/csv' --data-binary "$csv" \
  "$BASE/api/v1/datasets?name=long&description=$(head -c 4001 /dev/zero | tr '\0' d)"
head -c 11000000 /dev/zero | tr '\0' ' ' > "$work/big"
check "chunked body of 11 MB (no Content-Length)" 413 2000 -- -H 'content-type: application/json' \
  -H 'Transfer-Encoding: chunked' --data-binary @"$work/big" "$BASE/api/v1/plan"
{ printf '{"computeFlops":1e21,"model":"'; head -c 11000000 /dev/zero | tr '\0' m; printf '"}'; } > "$work/model11"
check "unknown model id of 11 MB" 413 2000 -- -H 'content-type: application/json' --data-binary @"$work/model11" \
  "$BASE/api/v1/plan"
{ printf '{"computeFlops":1e21,"model":"'; head -c 9000000 /dev/zero | tr '\0' m; printf '"}'; } > "$work/model9"
check "unknown model id of 9 MB (under the body limit): echoed short" 400 1000 -- \
  -H 'content-type: application/json' --data-binary @"$work/model9" "$BASE/api/v1/plan"
check "?limit=abc" 400 1000 -- "$BASE/api/v1/plans?limit=abc"
check "request line of 9,000 characters" 414 1000 -- "$BASE/api/v1/plans?x=$(head -c 9000 /dev/zero | tr '\0' x)"
check "Content-Type text/plain on /api/v1/plan" 415 1000 -- -H 'content-type: text/plain' -d 'x' "$BASE/api/v1/plan"
check "Accept image/png on /api/v1/plans" 406 1000 -- -H 'accept: image/png' "$BASE/api/v1/plans"
check "the heap-exhausting plan of the issue (refused before searching)" 422 4000 -- \
  -H 'content-type: application/json' -d '{"computeFlops":1e32,"fixedTotalParams":1e9,"fixedTotalParamsTolerance":1e-9,
  "maxTopK":128,"maxExperts":65536,"minActivationRatio":1e-9,"maxDenseLayers":0,"minAspectRatio":1,
  "maxAspectRatio":100000,"minGranularity":0.01,"maxGranularity":1024,"model":"ling-2025"}' "$BASE/api/v1/plan"

echo "-- deleting a data set during its fit: 409 naming the fit, then a clean cancel and delete"
bundled=$(curl -fs "$BASE/api/v1/datasets/equal-resources-2025/runs.csv" | grep -E '^run_id,|,val_bpc,')
ds=$(curl -fs -H 'content-type: text/csv' --data-binary "$bundled" "$BASE/api/v1/datasets?name=busy+set" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
fit=$(curl -fs -H 'content-type: application/json' \
  -d "{\"dataset\":\"$ds\",\"metric\":\"val_bpc\",\"filter\":{\"tables\":[9,10,11,12,13]},\"bootstrap\":2000}" \
  "$BASE/api/v1/fits" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
check "DELETE the data set of running fit $fit" 409 1000 -- -X DELETE "$BASE/api/v1/datasets/$ds"
check "DELETE (cancel) the fit" 202 100000 -- -X DELETE "$BASE/api/v1/fits/$fit"
for _ in $(seq 1 240); do
  [ "$(curl -fs "$BASE/api/v1/fits/$fit" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')" \
    = RUNNING ] || break
  sleep 0.5
done
check "DELETE the data set once the fit stopped" 204 0 -- -X DELETE "$BASE/api/v1/datasets/$ds"

errors=$(grep -cE ' ERROR |NullPointerException' "$work/app.log" || true)
echo "server ERROR/NPE log lines: $errors"
grep -E -A2 ' ERROR |NullPointerException' "$work/app.log" | cut -c1-300 | head -20 || true
[ "$errors" = 0 ] || failures=$((failures + 1))
echo "failures: $failures"
[ "$failures" = 0 ]
