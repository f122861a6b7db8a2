-- wrk script: POST /api/v1/plan with a different budget on every request, from a seeded list, so that nothing a
-- server might remember between requests can stand in for planning: 4,096 budgets (C log-uniform in 1e20..1e23
-- FLOPs, unique tokens log-uniform in 1e11..1e13), the same list in every run (seed $SEED, default 11); each wrk
-- thread starts at its own place in it. Counts answers by status class.
local n = 4096
local budgets = {}
-- Park and Miller's minimal standard generator (x ← 48271·x mod 2^31 − 1: exact in a Lua double), so that the list
-- does not depend on the Lua build's math.random
local state = tonumber(os.getenv("SEED") or "11")
local function uniform()
  state = (state * 48271) % 2147483647
  return state / 2147483647
end
for i = 1, n do
  local c = 10 ^ (20 + 3 * uniform())
  local u = 10 ^ (11 + 2 * uniform())
  budgets[i] = string.format('{"computeFlops":%.4e,"uniqueTokens":%.4e}', c, u)
end

local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 997)
  table.insert(threads, thread)
end

local i = 0
ok, refused, server, other = 0, 0, 0, 0
function init(args)
  i = offset or 0
end

request = function()
  i = i + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, budgets[(i % n) + 1])
end

response = function(status, headers, body)
  if status < 300 then ok = ok + 1
  elseif status == 429 then refused = refused + 1
  elseif status >= 500 then server = server + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t = {0, 0, 0, 0}
  for _, thread in ipairs(threads) do
    t[1] = t[1] + thread:get("ok"); t[2] = t[2] + thread:get("refused")
    t[3] = t[3] + thread:get("server"); t[4] = t[4] + thread:get("other")
  end
  io.write(string.format("STATUS 2xx=%d 429=%d 5xx=%d other=%d\n", t[1], t[2], t[3], t[4]))
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
