-- wrk script: a mix of the advisor's endpoints, per request chosen by a seeded draw:
--   40% POST /api/v1/evaluate   20% POST /api/v1/plan (saved)   25% GET /api/v1/plans/{id} (permalink reads)
--   10% POST /api/v1/datasets (a 2-run CSV upload, unique name)
--   5% POST /api/v1/fits (20 runs of Tables 11-13, d pinned, 10 resamples: about 1,200 local fits; a new seed each)
-- Permalink ids come from $PLAN_IDS (space-separated; made by load-mixed.sh before the run).
-- Reports the requests sent per kind and the answers per status class (wrk does not pair an answer with its
-- request); a fit refused for capacity is a 429, not an error.
local function read(path)
  local f = assert(io.open(path, "r")); local s = f:read("*a"); f:close(); return s
end
local dir = os.getenv("SCRIPTS") or "src/test/scripts"
local evaluate = read(dir .. "/evaluate-body.json")
local plan = read(dir .. "/plan-body.json")
local csv = "run_id,kind,n_layers,d_model,n_heads,d_ffn,tokens,unique_tokens,metric,value\n"
  .. "d1,dense,28,2176,17,8848,6.5e10,,val_bpc,0.4921\n"
  .. "d2,dense,28,2176,17,8848,1.14e11,,val_bpc,0.4808\n"
local ids = {}
for id in string.gmatch(os.getenv("PLAN_IDS") or "", "%S+") do ids[#ids + 1] = id end
local kinds = {"evaluate", "plan", "permalink", "upload", "fit"}

local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(1000 + tid)
  -- plain numbers (thread:get copies only those between Lua states safely)
  for _, k in ipairs(kinds) do _G["n_" .. k] = 0 end
  n, s2, s4, s5, s429 = 0, 0, 0, 0, 0
end

local json = {["Content-Type"] = "application/json"}
function request()
  n = n + 1
  local r = math.random(100)
  local kind
  if r <= 40 then kind = "evaluate" elseif r <= 60 then kind = "plan" elseif r <= 85 then kind = "permalink"
  elseif r <= 95 then kind = "upload" else kind = "fit" end
  _G["n_" .. kind] = _G["n_" .. kind] + 1
  if kind == "evaluate" then return wrk.format("POST", "/api/v1/evaluate", json, evaluate) end
  if kind == "plan" then return wrk.format("POST", "/api/v1/plan", json, plan) end
  if kind == "permalink" then return wrk.format("GET", "/api/v1/plans/" .. ids[math.random(#ids)], nil, nil) end
  if kind == "upload" then
    return wrk.format("POST", "/api/v1/datasets?name=load-" .. tid .. "-" .. n .. "-" .. math.random(1e9),
      {["Content-Type"] = "text/csv"}, csv)
  end
  return wrk.format("POST", "/api/v1/fits", json, string.format(
    '{"dataset":"equal-resources-2025","metric":"val_bpc","filter":{"tables":[11,12,13]},"pinned":{"d":0},'
      .. '"bootstrap":10,"seed":%d}',
    tid * 1000000 + n))
end

function response(status, headers, body)
  if status >= 500 then s5 = s5 + 1 elseif status >= 400 then s4 = s4 + 1 else s2 = s2 + 1 end
  if status == 429 then s429 = s429 + 1 end
end

function done(summary, latency, requests)
  local t = {s2 = 0, s4 = 0, s5 = 0, s429 = 0}
  local k = {}
  for _, th in ipairs(threads) do
    for key, _ in pairs(t) do t[key] = t[key] + (th:get(key) or 0) end
    for _, kind in ipairs(kinds) do k[kind] = (k[kind] or 0) + (th:get("n_" .. kind) or 0) end
  end
  io.write(string.format("RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f "
    .. "2xx=%d 4xx=%d (429=%d) 5xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    t.s2, t.s4, t.s429, t.s5,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("SENT evaluate=%d plan=%d permalink=%d upload=%d fit=%d\n",
    k.evaluate, k.plan, k.permalink, k.upload, k.fit))
end
