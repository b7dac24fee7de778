-- wrk script for benchmarks/run.sh: cycles through the signed interactions written by
-- SignedRequests.java (signature TAB timestamp TAB body per line).
--
--   wrk -t2 -c64 -d20s -s benchmarks/interactions.lua URL -- REQUESTS_FILE [RATE THREADS]
--
-- With RATE, each wrk thread sends RATE/THREADS requests per second on a fixed schedule (wrk2,
-- which does this natively, is not packaged in Debian). delay() hands out the next slot of the
-- thread's schedule; a connection that becomes free early waits for it, one that is late sends
-- at once and the schedule does not slip, so the average rate stays RATE as long as the server
-- keeps up. wrk's timers have millisecond resolution: single requests may go up to 1 ms early.
-- Latency is timed by wrk from the actual send, as in wrk, not from the scheduled slot as wrk2
-- does; a stall longer than a connection's spacing (THREADS*connections/RATE) would be
-- under-reported, which the p99.9 and max columns make visible.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local now_spec = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now_spec)
  return tonumber(now_spec.tv_sec) * 1000 + tonumber(now_spec.tv_nsec) / 1e6
end

local requests = {}
local next_request = 0
local interval_ms = nil
local next_slot = nil

-- Threads start at different points of the list, so they do not send the same bodies in step.
local threads_set_up = 0
function setup(thread)
  thread:set("start_at", threads_set_up * 997)
  threads_set_up = threads_set_up + 1
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read " .. tostring(args[1]))
  for line in file:lines() do
    local signature, timestamp, body = line:match("^(%x+)\t(%d+)\t(.*)$")
    if signature then
      requests[#requests + 1] = wrk.format("POST", "/interactions", {
        ["Content-Type"] = "application/json",
        ["X-Signature-Ed25519"] = signature,
        ["X-Signature-Timestamp"] = timestamp,
      }, body)
    end
  end
  file:close()
  assert(#requests > 0, "no requests in " .. args[1])
  local rate = tonumber(args[2] or "0")
  local threads = tonumber(args[3] or "1")
  if rate > 0 then
    interval_ms = 1000 * threads / rate
  end
  next_request = (start_at or 0) % #requests
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

if os.getenv("BENCH_PACED") == "1" then
  function delay()
    local now = now_ms()
    if next_slot == nil then
      next_slot = now
    end
    local wait = next_slot - now
    next_slot = next_slot + interval_ms
    if wait < 0 then
      return 0
    end
    return wait
  end
end

function done(summary, latency, _)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d seconds=%.2f rate=%.1f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000, e.connect + e.read + e.write + e.status + e.timeout))
end
