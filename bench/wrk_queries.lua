-- Cycles wrk through the queries of a podium-eval query file (one JSON object per line),
-- as GET /v1/search?q=...; set QUERIES=path and optionally PATH_PREFIX.
local queries = {}
local counter = 0

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local path = os.getenv("QUERIES")
  for line in io.lines(path) do
    local q = line:match('"query"%s*:%s*"(.-)"%s*,')
    if q then table.insert(queries, urlencode(q)) end
  end
  if #queries == 0 then error("no queries in " .. tostring(path)) end
end

function request()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", (os.getenv("PATH_PREFIX") or "/v1/search?k=10&q=") .. q)
end
