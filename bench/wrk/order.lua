-- POST /api/orders: 1-5 lines, the first on a hot product, random customer (see lib.order_body).
package.path = (os.getenv("BENCH_WRK_DIR") or ".") .. "/?.lua;" .. package.path
local lib = require("lib")
setup, done = lib.setup, lib.done
local products, hot, customers
function init(args)
    lib.seed()
    products = lib.env_int("BENCH_PRODUCTS")
    hot = lib.env_int("BENCH_HOT")
    customers = lib.env_int("BENCH_CUSTOMERS")
    lib.load_tokens()
end
local function order()
    local c = math.random(1, customers)
    return wrk.format("POST", "/api/orders", lib.customer_headers(c), lib.order_body(products, hot, c))
end
function request()
    return lib.windowed(order)
end
