-- Cycles wrk through the queries of a podium-eval query file (one JSON object per line).
-- Environment: QUERIES=path (required); PATH_PREFIX (default "/v1/search?k=10&q=") for GET,
-- the query URL-encoded after it; or BODY, a JSON template in which %s stands for the query
-- (already JSON-escaped, as the file has it), which sends POST to PATH_PREFIX instead.
local queries = {}  -- {raw = the JSON-escaped text, text = the decoded text}
local counter = 0
local body_template = os.getenv("BODY")

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function utf8_char(cp)
  if cp < 0x80 then return string.char(cp) end
  if cp < 0x800 then return string.char(0xC0 + math.floor(cp / 0x40), 0x80 + cp % 0x40) end
  if cp < 0x10000 then
    return string.char(0xE0 + math.floor(cp / 0x1000), 0x80 + math.floor(cp / 0x40) % 0x40,
                       0x80 + cp % 0x40)
  end
  return string.char(0xF0 + math.floor(cp / 0x40000), 0x80 + math.floor(cp / 0x1000) % 0x40,
                     0x80 + math.floor(cp / 0x40) % 0x40, 0x80 + cp % 0x40)
end

local simple_escapes = {['"'] = '"', ['\\'] = '\\', ['/'] = '/', b = '\b', f = '\f', n = '\n',
                        r = '\r', t = '\t'}

-- The JSON string whose text starts at `start` (just after its opening quote): its raw text and
-- its decoded text. A pattern match would stop at an escaped quote ("Say \"hi\", then").
local function json_string(line, start)
  local out = {}
  local i = start
  while i <= #line do
    local c = line:sub(i, i)
    if c == '"' then return line:sub(start, i - 1), table.concat(out) end
    if c == '\\' then
      local e = line:sub(i + 1, i + 1)
      if e == 'u' then
        local cp = tonumber(line:sub(i + 2, i + 5), 16)
        i = i + 6
        if cp >= 0xD800 and cp <= 0xDBFF and line:sub(i, i + 1) == '\\u' then
          cp = 0x10000 + (cp - 0xD800) * 0x400 + (tonumber(line:sub(i + 2, i + 5), 16) - 0xDC00)
          i = i + 6
        end
        table.insert(out, utf8_char(cp))
      else
        table.insert(out, simple_escapes[e] or e)
        i = i + 2
      end
    else
      table.insert(out, c)
      i = i + 1
    end
  end
  return nil
end

function init(args)
  local path = os.getenv("QUERIES")
  for line in io.lines(path) do
    local _, value_start = line:find('"query"%s*:%s*"')
    if value_start then
      local raw, text = json_string(line, value_start + 1)
      if raw then table.insert(queries, {raw = raw, text = text}) end
    end
  end
  if #queries == 0 then error("no queries in " .. tostring(path)) end
  -- Each thread starts at its own place, so the two threads do not send the same query.
  counter = math.random(#queries)
end

function request()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  if body_template then
    local body = body_template:gsub("%%s", function() return q.raw end)
    return wrk.format("POST", os.getenv("PATH_PREFIX") or "/v1/search",
                      {["Content-Type"] = "application/json"}, body)
  end
  return wrk.format("GET", (os.getenv("PATH_PREFIX") or "/v1/search?k=10&q=") .. urlencode(q.text))
end
