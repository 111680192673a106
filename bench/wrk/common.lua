-- Shared by every wrk run of the harness. The request comes from the environment (static requests use
-- wrk's precomputed fast path), non-2xx responses are counted per thread, and `done` prints one JSON line
-- (prefixed BENCH_JSON) that bench/infra.py parses. Scenario scripts `dofile` this and may add request().
--
--   BENCH_METHOD   GET (default), POST, ...
--   BENCH_PATH     request path with query (default: the path of the URL given to wrk)
--   BENCH_HEADERS  "Name: value" pairs separated by "\n"
--   BENCH_BODY     path of a file holding the request body

local method = os.getenv("BENCH_METHOD")
if method and method ~= "" then wrk.method = method end
local path = os.getenv("BENCH_PATH")
if path and path ~= "" then wrk.path = path end
local header_spec = os.getenv("BENCH_HEADERS")
if header_spec and header_spec ~= "" then
  for line in string.gmatch(header_spec, "[^\n]+") do
    local name, value = string.match(line, "^([^:]+):%s*(.*)$")
    if name then wrk.headers[name] = value end
  end
end
local body_file = os.getenv("BENCH_BODY")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
end

local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

non2xx = 0
first_bad_status = 0

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first_bad_status == 0 then first_bad_status = status end
  end
end

function done(summary, latency, requests)
  local bad, first = 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non2xx")
    local s = t:get("first_bad_status")
    if first == 0 and s ~= 0 then first = s end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,' ..
    '"status":%d,"timeout":%d},"non2xx":%d,"first_bad_status":%d,"latency_us":{"p50":%d,"p90":%d,"p99":%d,' ..
    '"max":%d,"mean":%.1f}}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout, bad, first,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
