-- GET /api/reports/best-sellers (default limit 5, all time).
package.path = (os.getenv("BENCH_WRK_DIR") or ".") .. "/?.lua;" .. package.path
local lib = require("lib")
setup, done = lib.setup, lib.done
local headers
function init(args)
    lib.seed()
    headers = lib.staff_headers() -- reports are for staff once the service has accounts
end
function request()
    return wrk.format("GET", "/api/reports/best-sellers", headers)
end
