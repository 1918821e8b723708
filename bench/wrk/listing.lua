-- GET /api/products?category=<random category, subtree included>&inStock=true&sort=price (first page, 20).
package.path = (os.getenv("BENCH_WRK_DIR") or ".") .. "/?.lua;" .. package.path
local lib = require("lib")
setup, done = lib.setup, lib.done
local ncat
function init(args)
    lib.seed()
    ncat = lib.env_int("BENCH_CATEGORIES")
end
function request()
    return wrk.format("GET", "/api/products?category=" .. math.random(1, ncat) .. "&inStock=true&sort=price")
end
