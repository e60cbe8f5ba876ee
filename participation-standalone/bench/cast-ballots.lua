-- wrk script for bench/vote-intake.sh: every request casts a valid approval ballot for a new,
-- distinct participant (development sign-in headers of `polity serve --development`), and the
-- summary prints the latency percentiles and the count of answers other than 201 Created.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  prefix = (args[1] or "voter") .. "-" .. id .. "-"
  -- the ids of the projects on the ballot, from vote-intake.sh
  projects = {}
  for project in string.gmatch(os.getenv("POLITY_BENCH_PROJECTS") or "", "%S+") do
    table.insert(projects, project)
  end
  counter = 0
  refused = 0
end

function request()
  counter = counter + 1
  -- two distinct projects of the ballot
  local a = counter % #projects
  local b = (a + 1 + counter % (#projects - 1)) % #projects
  a = a + 1
  b = b + 1
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["X-Polity-Dev-User"] = prefix .. counter,
    ["X-Polity-Dev-Roles"] = "participant",
    -- evidence for the process's VOTE rules (aged 16 or more, living in municipality 21002)
    ["X-Polity-Dev-Birth-Date"] = "1980-05-17",
    ["X-Polity-Dev-Address"] = "municipality=21002",
  }, '{"kind":"approval","projects":["' .. projects[a] .. '","' .. projects[b] .. '"]}')
end

function response(status, headers, body)
  if status ~= 201 then
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local refusedTotal = 0
  for _, thread in ipairs(threads) do
    refusedTotal = refusedTotal + thread:get("refused")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "VOTE-INTAKE-HTTP requests=%d seconds=%.1f rate=%.0f/s p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms not-201=%d socket-errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, refusedTotal,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
