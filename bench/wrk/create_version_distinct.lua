-- POST a new version per request, round robin over a pool of prompts (BENCH_WRITE_PATH_FMT with one %d,
-- BENCH_WRITE_PROMPTS of them): the requests in flight at once (at most one per connection) target different
-- prompts as long as the pool is larger than the connection count, so no two writers wait on one prompt's row
-- lock. Every body is different (thread id + counter).
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local counter = 0
local path_fmt = assert(os.getenv("BENCH_WRITE_PATH_FMT"), "BENCH_WRITE_PATH_FMT is required")
local pool = tonumber(os.getenv("BENCH_WRITE_PROMPTS") or "256")
local template = os.getenv("BENCH_VERSION_TEMPLATE")
  or '{"text":"You are a support assistant for Acme. Answer in {{language}}. Revision %s.","commitMessage":"bench %s"}'

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  -- Threads start at different offsets so that two wrk threads do not walk the pool in step.
  local index = ((thread_id or 1) - 1) * 7919 + counter
  local path = string.format(path_fmt, index % pool)
  local tag = tostring(thread_id or 0) .. "-" .. tostring(counter) .. "-" .. tostring(os.time())
  local body = string.format(template, tag, tag)
  return wrk.format("POST", path, wrk.headers, body)
end
