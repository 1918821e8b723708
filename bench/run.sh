#!/usr/bin/env bash
# The benchmark suite, end to end:  bench/run.sh S | L | smoke
#
#   S      10k products, 10k customers, 100k orders (~300k lines); 20 s per measured phase
#   L      200k products, 100k customers, 1M orders (~3M lines); 20 s per measured phase
#   smoke  1k products, 1k customers, 5k orders; ~2 s per phase: checks that everything runs
#
# Installs what is missing (apt-get: wrk, postgresql, python3-matplotlib, curl, jq), builds the service
# jar if missing (./mvnw -B -q package -DskipTests), starts its own PostgreSQL on 127.0.0.1 (a free port
# from 55432), generates the data, starts the packaged service (java -jar target/quarkus-app/quarkus-run.jar),
# warms it up, runs every scenario (wrk closed loop, pgbench with the same SQL, fixed-rate driver at 50 %
# and 80 % of the wrk maximum), checks the invariants, stops everything it started, prints the table and
# writes bench/RESULTS.md with charts in bench/results/ (smoke: bench/.work/smoke/report/ instead).
#
# Knobs (environment): BENCH_DURATION (s per measured phase), BENCH_WARMUP (s per scenario),
# BENCH_CONNECTIONS (wrk connections = pgbench clients, default 16), BENCH_DRIVER_CONNECTIONS (connections of
# the fixed-rate driver, default 64), BENCH_SCENARIOS (subset, space
# separated), SHOP_JAR (use this jar, never build), JAVA_OPTS (service JVM options; default: what the
# container image sets, -XX:+UseSerialGC -Xmx128m), BENCH_RATE_LIMIT_ORDERS
# (the service's per-caller order limit during the run, default 10^9), BENCH_JWT_ISSUER, BENCH_PG_PORT,
# BENCH_APP_PORT, BENCH_PGDATA, BENCH_WORK.
set -euo pipefail

SIZE=${1:-}
case "$SIZE" in
    S) NP=10000; NC=10000; NO=100000; NR=20000; POOL=400000; DEF_DUR=20; DEF_WARM=20; DRIVER_WARM=5 ;;
    L) NP=200000; NC=100000; NO=1000000; NR=200000; POOL=600000; DEF_DUR=20; DEF_WARM=20; DRIVER_WARM=5 ;;
    smoke) NP=1000; NC=1000; NO=5000; NR=1000; POOL=100000; DEF_DUR=2; DEF_WARM=1; DRIVER_WARM=1 ;;
    *) echo "usage: $0 S|L|smoke" >&2; exit 2 ;;
esac
HOT=10                     # hot products: ids 1..HOT
NCAT=85                    # categories made by the generator
NPO=$((NP * 95 / 100))     # orderable products: ids 1..NPO (active, in stock)
NCL=$((NC < 20000 ? NC : 20000)) # customers the load acts as: ids 1..NCL (their tokens are minted)
DUR=${BENCH_DURATION:-$DEF_DUR}
WARM=${BENCH_WARMUP:-$DEF_WARM}
CONC=${BENCH_CONNECTIONS:-16}
THREADS=2
# The JVM options of the container image (src/main/docker/Dockerfile.jvm under the k8s/ memory limit).
export JAVA_OPTS=${JAVA_OPTS-"-XX:+UseSerialGC -Xmx128m"}
DRIVER_CONNS=${BENCH_DRIVER_CONNECTIONS:-64}
SCENARIOS=${BENCH_SCENARIOS:-product listing order review top_customers best_sellers}

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$BENCH")
WORK=${BENCH_WORK:-$BENCH/.work}/$SIZE
rm -rf "$WORK"
mkdir -p "$WORK/phases"
export BENCH_WRK_DIR="$BENCH/wrk"
# shellcheck source=lib/common.sh
source "$BENCH/lib/common.sh"
trap stop_all EXIT
trap 'exit 130' INT TERM

declare -A PGBENCH_SCRIPT=([product]=product_by_id [listing]=listing [order]=order [review]=review
                           [top_customers]=top_customers [best_sellers]=best_sellers)

RUN_STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
log "size $SIZE: $NP products, $NC customers, $NO orders, $NR reviews; $DUR s per phase, $CONC connections"

# ---- 1. tools, jar, driver ----------------------------------------------------------------------
ensure_tools
ensure_jar
log "compiling the fixed-rate driver"
javac -d "$WORK/driver" "$BENCH/driver/Driver.java"

# ---- 2. PostgreSQL, schema (the service migrates it), data -------------------------------------
# Accounts (when the service has them): a fresh RS256 key pair for the service's JWTs (verify + sign), a
# staff account, and an order rate limit high enough not to throttle a capacity test (the limiter itself
# stays on the request path). Variables the service does not know are ignored by it.
mkdir -p "$WORK/keys"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/keys/private.pem" 2>/dev/null
openssl pkey -in "$WORK/keys/private.pem" -pubout -out "$WORK/keys/public.pem"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$WORK/keys/public.pem"
export SMALLRYE_JWT_SIGN_KEY_LOCATION="file:$WORK/keys/private.pem"
export SHOP_STAFF_EMAIL=bench-staff@example.com
SHOP_STAFF_PASSWORD=$(openssl rand -hex 16)
export SHOP_STAFF_PASSWORD
export SHOP_RATE_LIMIT_ORDERS=${BENCH_RATE_LIMIT_ORDERS:-1000000000}
pg_start
app_start migrate
FIRST_START_MS=$START_TO_READY_MS
app_stop

log "generating data (size $SIZE)"
t0=$(now_ms)
psql_shop -q -v products="$NP" -v customers="$NC" -v orders="$NO" -v reviews="$NR" -v pool="$POOL" -v hot="$HOT" \
    -v pool_customers="$NCL" \
    -f "$BENCH/sql/generate.sql" 2>&1 | tee "$WORK/generate.log" | grep -E '^\[gen\]|^Time:|^ *[0-9]' >&2
GEN_MS=$(($(now_ms) - t0))
DATA_JSON=$(psql_shop -Atc "SELECT json_build_object('categories', (SELECT count(*) FROM category),
    'products', (SELECT count(*) FROM product), 'customers', (SELECT count(*) FROM customer),
    'orders', (SELECT count(*) FROM orders), 'order_items', (SELECT count(*) FROM order_item),
    'reviews', (SELECT count(*) FROM review), 'review_pool', (SELECT count(*) FROM bench.review_pool),
    'hot_line_pct', (SELECT round(100.0 * count(*) FILTER (WHERE product_id <= $HOT) / count(*), 1) FROM order_item),
    'db_size_mb', (SELECT pg_database_size('shop') / 1048576))")
log "data generated in $((GEN_MS / 1000)) s: $DATA_JSON"
POOL_FILE="$WORK/review_pool.csv"
psql_shop -qc "\copy (SELECT n, customer_id, product_id FROM bench.review_pool ORDER BY n) TO '$POOL_FILE' CSV"
POOL_MAX=$(sql_value "SELECT coalesce(max(n), 0) FROM bench.review_pool")
POOL_NEXT=1                # next unused pair of the review pool

# ---- 3. the service: start-to-ready (three restarts, median), the last one stays up --------------
STARTS=()
for i in 1 2 3; do
    app_start "run$i"
    STARTS+=("$START_TO_READY_MS")
    if ((i < 3)); then app_stop; fi
done
START_MEDIAN_MS=$(printf '%s\n' "${STARTS[@]}" | sort -n | sed -n 2p)
log "start to ready: ${STARTS[*]} ms (median $START_MEDIAN_MS ms; first start with migration $FIRST_START_MS ms)"

# ---- 3b. bearer tokens, if the service wants them (reports answer 401 without one) ----------------
AUTH=false
STAFF_TOKEN=
TOKENS_FILE=
if [[ $(curl -s -o /dev/null -w '%{http_code}' "$APP_URL/api/reports/top-customers") == 401 ]]; then
    AUTH=true
    ISSUER=$("$PYTHON" - "$(dirname "$JAR")/app" <<'PY' || true
import glob, sys, zipfile
for jar in glob.glob(sys.argv[1] + "/*.jar"):
    with zipfile.ZipFile(jar) as z:
        if "application.properties" in z.namelist():
            for line in z.read("application.properties").decode().splitlines():
                if line.startswith("mp.jwt.verify.issuer="):
                    print(line.split("=", 1)[1].strip())
PY
)
    ISSUER=${BENCH_JWT_ISSUER:-${ISSUER:-https://shop.example}}
    TOKENS_FILE="$WORK/keys/tokens.txt"
    log "the service requires bearer tokens: minting $NCL customer tokens and a staff token (issuer $ISSUER)"
    java -cp "$WORK/driver" Driver mint --key "$WORK/keys/private.pem" --issuer "$ISSUER" --customers "$NCL" \
        --out "$TOKENS_FILE" --staff-out "$WORK/keys/staff.token"
    STAFF_TOKEN=$(cat "$WORK/keys/staff.token")
    [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $STAFF_TOKEN" "$APP_URL/api/reports/top-customers") == 200 ]] \
        || die "the service refuses the minted staff token"
    [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(sed -n 1p "$TOKENS_FILE")" "$APP_URL/api/customers/1") == 200 ]] \
        || die "the service refuses the minted customer token"
fi
customer_auth() { if $AUTH; then echo "Authorization: Bearer $(sed -n "${1}p" "$TOKENS_FILE")"; else echo "X-Bench: none"; fi; }
staff_auth() { if $AUTH; then echo "Authorization: Bearer $STAFF_TOKEN"; else echo "X-Bench: none"; fi; }

# ---- 4. record the SQL the service sends (one request per scenario, log_statement=all) ----------
capture_sql() {
    local out="$WORK/captured-sql.log" pair c p mark
    local logf="$PGDATA_DIR/postgres.log"
    pair=$(sql_value "SELECT customer_id || ' ' || product_id FROM bench.review_pool WHERE n = $POOL_MAX")
    read -r c p <<<"$pair"
    POOL_MAX=$((POOL_MAX - 1))   # that pair is used here
    pg_log_statements all
    sleep 0.3
    mark=$(wc -l <"$logf")
    curl -s -o /dev/null "$APP_URL/api/products/1"
    curl -s -o /dev/null "$APP_URL/api/products?category=1&inStock=true&sort=price"
    curl -s -o /dev/null -H "$(customer_auth 1)" -H 'Content-Type: application/json' -d "{\"customerId\":1,\"items\":[{\"productId\":1,\"quantity\":1},{\"productId\":$((HOT + 1)),\"quantity\":2}]}" "$APP_URL/api/orders"
    curl -s -o /dev/null -H "$(customer_auth "$c")" -H 'Content-Type: application/json' -d "{\"customerId\":$c,\"rating\":5,\"title\":\"Benchmark\",\"body\":\"Written by the benchmark.\"}" "$APP_URL/api/products/$p/reviews"
    curl -s -o /dev/null -H "$(staff_auth)" "$APP_URL/api/reports/top-customers"
    curl -s -o /dev/null -H "$(staff_auth)" "$APP_URL/api/reports/best-sellers"
    sleep 0.3
    pg_log_statements none
    tail -n +"$((mark + 1))" "$logf" | grep -v -E 'ALTER SYSTEM|pg_reload_conf|received SIGHUP|parameter "log_statement"' >"$out" || true
    log "SQL sent by the service recorded in $out ($(grep -c -E 'LOG:  (statement|execute)' "$out" || true) statements)"
}
capture_sql

# ---- helpers for the phases ---------------------------------------------------------------------
scenario_env() { # exports what the wrk scripts and the driver read
    export BENCH_ALL_PRODUCTS=$NP BENCH_PRODUCTS=$NPO BENCH_HOT=$HOT BENCH_CUSTOMERS=$NCL BENCH_CATEGORIES=$NCAT
    export BENCH_WRK_THREADS=$THREADS BENCH_POOL_FILE=$POOL_FILE BENCH_POOL_FROM=$POOL_NEXT
    export BENCH_TOKENS_FILE=$TOKENS_FILE BENCH_STAFF_TOKEN=$STAFF_TOKEN
}

pool_advance() { # $1 = highest pair number used
    local used=${1%.*}
    if ((used >= POOL_NEXT)); then POOL_NEXT=$((used + 1)); fi
    if ((POOL_NEXT > POOL_MAX)); then log "WARNING: the review pool is exhausted: further reviews will be 409s"; fi
}

TAIL=3   # s of harmless GETs after the measured window of a POST scenario (see wrk/lib.lua)
run_wrk() { # scenario seconds outfile
    local s=$1 secs=$2 out=$3 total=$2
    scenario_env
    unset BENCH_WINDOW_S
    if [[ $s == order || $s == review ]]; then
        export BENCH_WINDOW_S=$secs
        total=$((secs + TAIL))
    fi
    BENCH_WRK_OUT=$out wrk -t"$THREADS" -c"$CONC" -d"${total}s" --timeout 10s -s "$BENCH/wrk/$s.lua" "$APP_URL" \
        >"${out%.json}.txt" 2>&1 || die "wrk failed for $s (see ${out%.json}.txt)"
    unset BENCH_WINDOW_S
    if [[ $s == review ]]; then pool_advance "$(jq -r .pool_used_upto "$out")"; fi
}

run_driver() { # scenario rate outfile
    local s=$1 rate=$2 out=$3
    scenario_env
    java -Xmx512m -cp "$WORK/driver" Driver --url "$APP_URL" --scenario "$s" --rate "$rate" --duration "$DUR" \
        --warmup "$DRIVER_WARM" --connections "$DRIVER_CONNS" \
        --out "$out" >"${out%.json}.txt" 2>&1 || die "driver failed for $s (see ${out%.json}.txt)"
    if [[ $s == review ]]; then pool_advance "$(jq -r .pool_used_upto "$out")"; fi
}

# The review script selects the customer as Hibernate does, with every mapped column; before accounts
# existed (no customer.password_hash) Hibernate did not select that column, and neither does the script then.
PGBENCH_REVIEW="$BENCH/pgbench/review.sql"
if [[ $(sql_value "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'password_hash'") == 0 ]]; then
    sed 's/,c1_0\.password_hash//' "$BENCH/pgbench/review.sql" >"$WORK/review-without-accounts.sql"
    PGBENCH_REVIEW="$WORK/review-without-accounts.sql"
fi

run_pgbench() { # scenario outfile
    local s=$1 out=$2 txt=${2%.json}.txt script="$BENCH/pgbench/${PGBENCH_SCRIPT[$1]}.sql"
    if [[ $s == review ]]; then
        sql_value "SELECT setval('bench.review_pool_seq', $POOL_NEXT, false)" >/dev/null
        script=$PGBENCH_REVIEW
    fi
    PGPASSWORD=shop "$PGBIN/pgbench" -n -h 127.0.0.1 -p "$PGPORT" -U shop -M prepared -c "$CONC" -j "$THREADS" \
        -T "$DUR" -D all_products="$NP" -D products="$NPO" -D hot="$HOT" -D customers="$NCL" \
        -D categories="$NCAT" -f "$script" shop >"$txt" 2>&1 || true
    local tps lat failed aborted=false
    tps=$(sed -n 's/^tps = \([0-9.]*\) (without.*/\1/p' "$txt")
    lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$txt")
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$txt")
    grep -q 'Run was aborted' "$txt" && aborted=true
    jq -n --arg tps "${tps:-0}" --arg lat "${lat:-0}" --arg failed "${failed:-0}" --argjson aborted $aborted \
        '{tps: ($tps|tonumber), latency_avg_ms: ($lat|tonumber), failed: ($failed|tonumber), aborted: $aborted}' >"$out"
    if [[ $s == review ]]; then
        pool_advance "$(sql_value "SELECT last_value FROM bench.review_pool_seq")"
    fi
    $aborted && log "WARNING: pgbench $s aborted (see $txt)"
    return 0
}

metrics() { curl -s "$APP_URL/q/metrics" | grep -E '^(http_server_requests_seconds_count|sql_pool_(active|idle))' >"$1" || true; }

# After each phase: is the service still ready? If not (e.g. its connection pool leaked), note it and
# restart it, so that one broken phase does not spoil the others.
RESTARTS=()
ensure_healthy() { # phase name
    local code
    code=$(curl -s -o /dev/null -m 8 -w '%{http_code}' "$APP_URL/q/health/ready" || true)
    if [[ $code != 200 ]]; then
        log "WARNING: service not ready after $1 (HTTP $code; $(curl -s -m 2 "$APP_URL/q/metrics" | grep -E '^sql_pool_(active|idle)' | tr '\n' ' ')) - restarting it"
        RESTARTS+=("$1")
        app_stop
        app_start "restart${#RESTARTS[@]}"
        for s2 in $SCENARIOS; do run_wrk "$s2" "$WARM" "$WORK/phases/$s2.rewarm${#RESTARTS[@]}.json"; done
    fi
}

# ---- 5. warm-up, RSS -----------------------------------------------------------------------------
psql_shop -q -v phase=before -f "$BENCH/sql/check.sql"
log "warm-up: $WARM s of each scenario"
for s in $SCENARIOS; do run_wrk "$s" "$WARM" "$WORK/phases/$s.warmup.json"; done
ensure_healthy warm-up
RSS_WARM_MB=$(app_rss_mb)
log "RSS after warm-up: $RSS_WARM_MB MB"

# ---- 6. the scenarios ----------------------------------------------------------------------------
for s in $SCENARIOS; do
    metrics "$WORK/phases/$s.metrics-before.txt"
    log "[$s] wrk closed loop, $DUR s, $CONC connections"
    cpu0=$(app_cpu_ms); busy0=$(machine_busy_ms); t0=$(now_ms)
    run_wrk "$s" "$DUR" "$WORK/phases/$s.max.json"
    cpu1=$(app_cpu_ms); busy1=$(machine_busy_ms); t1=$(now_ms)
    # service CPU per request and how busy the machine was (to read the figures on a shared machine)
    jq -n --argjson cpu $((cpu1 - cpu0)) --argjson busy $((busy1 - busy0)) --argjson wall $((t1 - t0)) \
        --argjson cores "$(nproc)" --arg load "$(cut -d' ' -f1 /proc/loadavg)" \
        '{service_cpu_ms: $cpu, machine_busy_ms: $busy, wall_ms: $wall, cores: $cores, loadavg1: ($load|tonumber)}' \
        >"$WORK/phases/$s.cpu.json"
    ensure_healthy "$s wrk"
    max_rps=$(jq -r 'if .windowed then .window_posts / .window_s else .requests / (.duration_us / 1e6) end' "$WORK/phases/$s.max.json")
    log "[$s] max $(printf '%.1f' "$max_rps") req/s; pgbench, $DUR s, $CONC clients"
    run_pgbench "$s" "$WORK/phases/$s.pgbench.json"
    log "[$s] pgbench $(jq -r .tps "$WORK/phases/$s.pgbench.json") tps"
    for pct in 50 80; do
        rate=$(awk -v r="$max_rps" -v p="$pct" 'BEGIN { x = r * p / 100; if (x < 1) x = 1; printf "%.2f", x }')
        log "[$s] fixed rate $rate req/s ($pct % of max), $DUR s"
        run_driver "$s" "$rate" "$WORK/phases/$s.rate$pct.json"
        ensure_healthy "$s $pct %"
        log "[$s]   $(jq -r '"p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, p99.9 \(.p999_ms) ms, errors \(.errors)"' "$WORK/phases/$s.rate$pct.json")"
    done
    metrics "$WORK/phases/$s.metrics-after.txt"
done
RSS_END_MB=$(app_rss_mb)

# ---- 7. invariants, stop ------------------------------------------------------------------------
CHECK_JSON=$(psql_shop -Atq -v phase=after -f "$BENCH/sql/check.sql")
log "invariants: $CHECK_JSON"
SERVICE_ERRORS_LOGGED=$(cat "$WORK"/app-run3.log "$WORK"/app-restart*.log 2>/dev/null | grep -c ' ERROR ' || true)
app_stop
pg_stop

CPU_MODEL=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
jq -n --arg size "$SIZE" --arg started "$RUN_STARTED" --arg finished "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    --argjson data "$DATA_JSON" --argjson check "$CHECK_JSON" --argjson gen_ms "$GEN_MS" \
    --argjson first_start_ms "$FIRST_START_MS" --argjson start_median_ms "$START_MEDIAN_MS" \
    --argjson starts "[$(IFS=,; echo "${STARTS[*]}")]" --argjson rss_warm "$RSS_WARM_MB" --argjson rss_end "$RSS_END_MB" \
    --argjson dur "$DUR" --argjson warm "$WARM" --argjson conc "$CONC" --argjson threads "$THREADS" \
    --arg scenarios "$SCENARIOS" --arg cpu "$CPU_MODEL" --argjson cores "$(nproc)" \
    --arg java "$(java -version 2>&1 | head -1)" --arg pg "$("$PGBIN/postgres" --version)" \
    --arg wrk "$(wrk -v 2>&1 | head -1)" --arg commit "$(git -C "$(dirname "$JAR")/../.." rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    --arg java_opts "${JAVA_OPTS:-}" --argjson service_errors_logged "${SERVICE_ERRORS_LOGGED:-0}" \
    --argjson auth "$AUTH" --arg rate_limit_orders "$SHOP_RATE_LIMIT_ORDERS" --argjson load_customers "$NCL" \
    --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" --arg restarts "$(IFS=';'; echo "${RESTARTS[*]:-}")" \
    '{size: $size, started: $started, finished: $finished, data: $data, generate_ms: $gen_ms, check: $check,
      first_start_ms: $first_start_ms, start_to_ready_ms: $start_median_ms, starts_ms: $starts,
      rss_after_warmup_mb: $rss_warm, rss_end_mb: $rss_end, duration_s: $dur, warmup_s: $warm,
      connections: $conc, threads: $threads, scenarios: ($scenarios | split(" ")),
      machine: {cpu: $cpu, cores: $cores, loadavg_at_end: $load}, versions: {java: $java, postgres: $pg, wrk: $wrk},
      commit: $commit, java_opts: $java_opts, service_error_log_lines: $service_errors_logged,
      service_restarts_after: ($restarts | if . == "" then [] else split(";") end),
      auth: $auth, rate_limit_orders: $rate_limit_orders, load_customers: $load_customers}' >"$WORK/meta.json"

# ---- 8. report ----------------------------------------------------------------------------------
if [[ $SIZE == smoke ]]; then
    REPORT_DIR="$WORK/report"
else
    REPORT_DIR="$BENCH"
fi
"$PYTHON" "$BENCH/report/report.py" --work "$WORK" --bench "$BENCH" --out "$REPORT_DIR" --size "$SIZE"
