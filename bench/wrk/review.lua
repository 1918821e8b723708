-- POST /api/products/{id}/reviews by a verified buyer who has not reviewed the product yet: the pairs come
-- from bench.review_pool (exported to $BENCH_POOL_FILE as "n,customer,product"). Thread t of T takes the
-- pairs n = from+t-1, from+t-1+T, ... so no pair is used twice; done() reports the highest n used.
package.path = (os.getenv("BENCH_WRK_DIR") or ".") .. "/?.lua;" .. package.path
local lib = require("lib")
setup, done = lib.setup, lib.done
local pairs_c, pairs_p, pairs_n, count, idx = {}, {}, {}, 0, 0
pool_used = 0
function init(args)
    lib.seed()
    local from = lib.env_int("BENCH_POOL_FROM")
    local nthreads = lib.env_int("BENCH_WRK_THREADS")
    local f = assert(io.open(os.getenv("BENCH_POOL_FILE"), "r"))
    for line in f:lines() do
        local n, c, p = line:match("^(%d+),(%d+),(%d+)")
        n = tonumber(n)
        if n and n >= from and (n - from) % nthreads == tid - 1 then
            count = count + 1
            pairs_c[count], pairs_p[count], pairs_n[count] = c, p, n
        end
    end
    f:close()
    if count == 0 then error("review pool exhausted") end
    lib.load_tokens()
end
local function review()
    idx = idx + 1
    local i = (idx - 1) % count + 1 -- wraps (then 409s show up as errors) only if the pool is too small
    if pairs_n[i] > pool_used then pool_used = pairs_n[i] end
    local body = string.format('{"customerId":%s,"rating":%d,"title":"Benchmark","body":"Written by the benchmark."}',
        pairs_c[i], math.random(1, 5))
    return wrk.format("POST", "/api/products/" .. pairs_p[i] .. "/reviews", lib.customer_headers(pairs_c[i]), body)
end
function request()
    return lib.windowed(review)
end
