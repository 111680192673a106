-- POST a new version of one prompt per request; every body is different (thread id + counter), so no
-- request is a duplicate of another. BENCH_PATH is the versions URL; headers come from BENCH_HEADERS.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local counter = 0
local template = os.getenv("BENCH_VERSION_TEMPLATE")
  or '{"text":"You are a support assistant for Acme. Answer in {{language}}. Revision %s.","commitMessage":"bench %s"}'

function request()
  counter = counter + 1
  local tag = tostring(thread_id or 0) .. "-" .. tostring(counter) .. "-" .. tostring(os.time())
  local body = string.format(template, tag, tag)
  return wrk.format("POST", wrk.path, wrk.headers, body)
end

function init(args)
  counter = 0
end
