-- Shared by the wrk scenario scripts: per-thread ids and seeds, the order mix (the same as the fixed-rate
-- driver's and pgbench's), and a JSON summary written by done() to $BENCH_WRK_OUT.
local M = {}

local threads = {}

-- Wall clock with microseconds (LuaJIT FFI; os.time() has only seconds).
local ffi = require("ffi")
ffi.cdef [[
    typedef struct bench_timeval { long tv_sec; long tv_usec; } bench_timeval;
    int gettimeofday(struct bench_timeval *tv, void *tz);
]]
local tv = ffi.new("bench_timeval")
function M.now()
    ffi.C.gettimeofday(tv, nil)
    return tonumber(tv.tv_sec) + tonumber(tv.tv_usec) / 1e6
end

local function env_int(name, default)
    local v = os.getenv(name)
    if v == nil or v == "" then
        if default == nil then error("environment variable " .. name .. " is not set") end
        return default
    end
    return tonumber(v)
end
M.env_int = env_int

-- setup() runs in the main Lua state once per thread: number the threads.
function M.setup(thread)
    table.insert(threads, thread)
    thread:set("tid", #threads)
end

-- Graceful end for the transactional POST scenarios. wrk ends a run by closing its connections with
-- requests still in flight; the service, when a client disconnects during a @WithTransaction request,
-- never gives that request's pooled connection back (see bench/README.md), and after ~20 such aborts it
-- answers only 503. So with BENCH_WINDOW_S set, each thread sends the scenario's POSTs for that many seconds
-- and then only GET /q/health/live (no database, no transaction): run wrk for a couple of seconds longer
-- than the window, every POST completes before wrk closes the connections, and the throughput is
-- posts / window (done() reports both).
local window = tonumber(os.getenv("BENCH_WINDOW_S") or "")
posts, window_start, last_post = 0, nil, nil
function M.windowed(make)
    if window == nil then return make() end
    local t = M.now()
    if window_start == nil then window_start = t end
    if t - window_start < window then
        posts = posts + 1
        last_post = t
        return make()
    end
    return wrk.format("GET", "/q/health/live")
end

-- Seeds each thread differently (called from init()).
function M.seed()
    math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
    for _ = 1, 10 do math.random() end
end

-- Bearer tokens, when the service requires them (run.sh mints them): $BENCH_TOKENS_FILE has customer k's
-- token on line k, $BENCH_STAFF_TOKEN is a staff token. Without them no Authorization header is sent.
local tokens = nil
function M.load_tokens()
    local file = os.getenv("BENCH_TOKENS_FILE")
    if file == nil or file == "" then return end
    tokens = {}
    for line in io.lines(file) do tokens[#tokens + 1] = line end
end

-- Headers for a request made as customer c (a table, to which Content-Type is added).
function M.customer_headers(c)
    local h = { ["Content-Type"] = "application/json" }
    if tokens then h["Authorization"] = "Bearer " .. tokens[tonumber(c)] end
    return h
end

function M.staff_headers()
    local t = os.getenv("BENCH_STAFF_TOKEN")
    if t == nil or t == "" then return nil end
    return { ["Authorization"] = "Bearer " .. t }
end

-- The order mix: 1-5 lines (uniform); line 1 names a hot product (ids 1..hot); line k >= 2 a product
-- of slice k-1 of the other orderable ids (hot+1..products), so lines never repeat a product;
-- quantity 1-3; customer uniform (given by the caller, whose token goes with the request).
function M.order_body(products, hot, customer)
    local n = math.random(1, 5)
    local slice = math.floor((products - hot) / 4)
    local items = {}
    for k = 1, n do
        local id
        if k == 1 then id = math.random(1, hot) else id = hot + (k - 2) * slice + math.random(1, slice) end
        items[k] = string.format('{"productId":%d,"quantity":%d}', id, math.random(1, 3))
    end
    return string.format('{"customerId":%d,"items":[%s]}', customer, table.concat(items, ","))
end

function M.done(summary, latency, requests)
    local out = os.getenv("BENCH_WRK_OUT")
    local used, nposts, first, last = 0, 0, nil, nil
    for _, t in ipairs(threads) do
        local u = t:get("pool_used")
        if u and u > used then used = u end
        nposts = nposts + (t:get("posts") or 0)
        local ws, lp = t:get("window_start"), t:get("last_post")
        if ws and (first == nil or ws < first) then first = ws end
        if lp and (last == nil or lp > last) then last = lp end
    end
    local window_s = 0
    if window then window_s = window end
    local e = summary.errors
    local json = string.format(
        '{"requests":%d,"duration_us":%d,"bytes":%d,"errors_connect":%d,"errors_read":%d,' ..
        '"errors_write":%d,"errors_status":%d,"errors_timeout":%d,"lat_mean_us":%.1f,"lat_p50_us":%d,' ..
        '"lat_p90_us":%d,"lat_p99_us":%d,"lat_p999_us":%d,"lat_max_us":%d,"pool_used_upto":%d,' ..
        '"windowed":%s,"window_s":%.3f,"window_posts":%d}',
        summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
        latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99),
        latency:percentile(99.9), latency.max, used, tostring(window ~= nil), window_s, nposts)
    if out and out ~= "" then
        local f = assert(io.open(out, "w"))
        f:write(json, "\n")
        f:close()
    end
    io.write(json, "\n")
end

return M
