-- Cycles wrk through the queries of a podium-eval query file (one JSON object per line).
-- Environment: QUERIES=path (required); PATH_PREFIX (default "/v1/search?k=10&q=") for GET,
-- the query URL-encoded after it; or BODY, a JSON template in which %s stands for the query
-- (already JSON-escaped, as the file has it), which sends POST to PATH_PREFIX instead.
local queries = {}
local counter = 0
local body_template = os.getenv("BODY")

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local path = os.getenv("QUERIES")
  for line in io.lines(path) do
    local q = line:match('"query"%s*:%s*"(.-)"%s*,')
    if q then table.insert(queries, q) end
  end
  if #queries == 0 then error("no queries in " .. tostring(path)) end
  -- Each thread starts at its own place, so the two threads do not send the same query.
  counter = math.random(#queries)
end

function request()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  if body_template then
    local body = body_template:gsub("%%s", function() return q end)
    return wrk.format("POST", os.getenv("PATH_PREFIX") or "/v1/search",
                      {["Content-Type"] = "application/json"}, body)
  end
  return wrk.format("GET", (os.getenv("PATH_PREFIX") or "/v1/search?k=10&q=") .. urlencode(q))
end
