-- One request budget (a token bucket) taken from or looked at in one atomic step.
--
-- KEYS[1]  the bucket
-- ARGV[1]  capacity: requests per window, the bucket's size
-- ARGV[2]  1 to take a request, 0 to look without taking
-- ARGV[3]  the window in microseconds: the bucket refills evenly, full in one window
-- ARGV[4]  now in microseconds, or empty for Redis's own clock (every gateway then
--          counts time alike); tests pass it to control time
--
-- The bucket is kept as "<debt> <updated> <capacity>": debt is the requests taken and
-- not yet refilled, times the window (an integer, so the sums stay exact in Lua's
-- doubles up to capacity x window < 2^53); updated is when debt was last right. A
-- request adds one window to the debt; every microsecond pays back capacity. A bucket
-- stored under another capacity keeps the share of it that was used. The key expires
-- 10 s after the bucket would be full again; an unreadable value is a full bucket.
--
-- Returns { allowed (1 or 0), requests left, microseconds until full, microseconds until
-- the next request would be allowed (after this one, when it was taken; 0 while one is
-- left) }.
local capacity = tonumber(ARGV[1])
local take = ARGV[2] == '1'
local window = tonumber(ARGV[3])
local now
if ARGV[4] ~= nil and ARGV[4] ~= '' then
  now = tonumber(ARGV[4])
else
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000000 + tonumber(time[2])
end
local full = capacity * window

local debt = 0
local stored = redis.call('GET', KEYS[1])
if stored then
  local d, updated, c = string.match(stored, '^(%d+) (%d+) (%d+)$')
  if d then
    d = tonumber(d)
    updated = tonumber(updated)
    c = tonumber(c)
    if c ~= capacity and c > 0 then
      d = math.floor(d / c * capacity)
    end
    local elapsed = now - updated
    if elapsed < 0 then
      -- Another clock ran ahead: count no time, never let it move backwards.
      elapsed = 0
      now = updated
    end
    if elapsed >= window then
      debt = 0
    else
      debt = math.max(d - elapsed * capacity, 0)
    end
    debt = math.min(debt, full)
  end
end

local allowed = debt + window <= full
if allowed and take then
  debt = debt + window
  local untilFull = math.ceil(debt / capacity)
  redis.call('SET', KEYS[1], string.format('%d %d %d', debt, now, capacity),
    'PX', math.ceil(untilFull / 1000) + 10000)
end
local remaining = math.floor((full - debt) / window)
local untilFull = math.ceil(debt / capacity)
local untilNext = math.max(math.ceil((debt + window - full) / capacity), 0)
return { allowed and 1 or 0, remaining, untilFull, untilNext }
