-- GET /api/products/{id}, id uniform over all products.
package.path = (os.getenv("BENCH_WRK_DIR") or ".") .. "/?.lua;" .. package.path
local lib = require("lib")
setup, done = lib.setup, lib.done
local n
function init(args)
    lib.seed()
    n = lib.env_int("BENCH_ALL_PRODUCTS")
end
function request()
    return wrk.format("GET", "/api/products/" .. math.random(1, n))
end
