# Shared shell functions of the benchmark suite; sourced by bench/run.sh (bash only).
# Everything started here is recorded in $WORK/pids and stopped by stop_all (trap on EXIT).

log() { printf '%s [bench] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

now_ms() { date +%s%3N; }

# ---- tools --------------------------------------------------------------------------------------
# Installs, with apt-get, only what is missing: wrk, Debian's matplotlib, PostgreSQL (server + pgbench),
# curl, jq and a JDK (javac is needed to launch the single-file driver).
ensure_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v curl >/dev/null || missing+=(curl)
    command -v jq >/dev/null || missing+=(jq)
    /usr/bin/python3 -c 'import matplotlib' 2>/dev/null || missing+=(python3-matplotlib)
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
    command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
    command -v openssl >/dev/null || missing+=(openssl)
    if ((${#missing[@]})); then
        log "installing with apt-get: ${missing[*]}"
        [[ $(id -u) == 0 ]] || die "need root to apt-get install ${missing[*]}"
        if [[ ! -f "$WORK/.apt-updated" ]]; then
            apt-get update -q >"$WORK/apt.log" 2>&1 || die "apt-get update failed (see $WORK/apt.log)"
            touch "$WORK/.apt-updated"
        fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >>"$WORK/apt.log" 2>&1 \
            || die "apt-get install failed (see $WORK/apt.log)"
    fi
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    PYTHON=/usr/bin/python3
    export PGBIN PYTHON
}

# ---- ports --------------------------------------------------------------------------------------
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { # first free port from $1 upwards
    local p=$1
    while ! port_free "$p"; do p=$((p + 1)); done
    echo "$p"
}

# ---- process bookkeeping ------------------------------------------------------------------------
remember_pid() { echo "$1 $2" >>"$WORK/pids"; }   # pid name

# Stops what this run started, newest first, each by its own pid.
stop_all() {
    if [[ -n "${APP_PID:-}" ]]; then app_stop; fi
    if [[ -n "${PG_STARTED:-}" ]]; then pg_stop; fi
    if [[ -f "$WORK/pids" ]]; then
        tac "$WORK/pids" | while read -r pid name; do
            if kill -0 "$pid" 2>/dev/null; then
                log "stopping $name (pid $pid)"
                kill "$pid" 2>/dev/null || true
            fi
        done
        rm -f "$WORK/pids"
    fi
}

# ---- PostgreSQL ---------------------------------------------------------------------------------
# A private cluster (initdb refuses root, so it belongs to the postgres user, or to a dedicated
# "shopbench" user where there is none), listening on 127.0.0.1:$PGPORT only.
pg_user() {
    if id postgres >/dev/null 2>&1; then echo postgres; else
        id shopbench >/dev/null 2>&1 || useradd --system --no-create-home shopbench
        echo shopbench
    fi
}

as_pg() { # runs a command as the cluster owner
    if [[ $(id -u) == 0 ]]; then runuser -u "$PGOWNER" -- "$@"; else "$@"; fi
}

pg_start() {
    PGOWNER=$(pg_user)
    PGPORT=$(free_port "${BENCH_PG_PORT:-55432}")
    PGDATA_DIR=${BENCH_PGDATA:-/tmp/shop-bench-pg}
    export PGPORT PGOWNER
    if [[ -f "$PGDATA_DIR/data/postmaster.pid" ]]; then # left over by an interrupted run of ours
        as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        PGPORT=$(free_port "${BENCH_PG_PORT:-55432}")
    fi
    rm -rf "$PGDATA_DIR"
    mkdir -p "$PGDATA_DIR"
    chown "$PGOWNER" "$PGDATA_DIR"
    log "initdb $PGDATA_DIR (owner $PGOWNER, PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'))"
    as_pg "$PGBIN/initdb" -D "$PGDATA_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$WORK/initdb.log" 2>&1 || as_pg "$PGBIN/initdb" -D "$PGDATA_DIR/data" -U postgres --auth=trust -E UTF8 \
        --locale=C >"$WORK/initdb.log" 2>&1 || die "initdb failed (see $WORK/initdb.log)"
    # A small, ordinary configuration for a 2-core machine shared with the service and the load tools.
    cat >>"$PGDATA_DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGDATA_DIR'
max_connections = 100
shared_buffers = 512MB
effective_cache_size = 2GB
work_mem = 16MB
maintenance_work_mem = 256MB
max_wal_size = 4GB
checkpoint_timeout = 15min
random_page_cost = 1.1
timezone = 'UTC'
log_destination = 'stderr'
logging_collector = off
log_min_duration_statement = -1
EOF
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR/data" -l "$PGDATA_DIR/postgres.log" -w -t 60 start >/dev/null \
        || die "PostgreSQL did not start (see $PGDATA_DIR/postgres.log)"
    PG_STARTED=1
    psql_admin -qc "CREATE ROLE shop LOGIN PASSWORD 'shop'" >/dev/null
    psql_admin -qc "CREATE DATABASE shop OWNER shop" >/dev/null
    log "PostgreSQL up on 127.0.0.1:$PGPORT"
}

pg_stop() {
    if [[ -n "${PG_STARTED:-}" ]]; then
        log "stopping PostgreSQL"
        as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        PG_STARTED=
    fi
}

# Turns statement logging on or off (used to record the SQL the service really sends).
pg_log_statements() {
    psql_admin -qc "ALTER SYSTEM SET log_statement = '$1'" -c "SELECT pg_reload_conf()" >/dev/null
}

psql_admin() { PGPASSWORD= "$PGBIN/psql" -X -h 127.0.0.1 -p "$PGPORT" -U postgres -d "${PGDB:-postgres}" -v ON_ERROR_STOP=1 "$@"; }
psql_shop() { PGPASSWORD=shop "$PGBIN/psql" -X -h 127.0.0.1 -p "$PGPORT" -U shop -d shop -v ON_ERROR_STOP=1 "$@"; }
sql_value() { psql_shop -Atqc "$1"; }

# ---- the service --------------------------------------------------------------------------------
ensure_jar() {
    if [[ -n "${SHOP_JAR:-}" ]]; then
        JAR=$SHOP_JAR
    else
        JAR="$REPO/target/quarkus-app/quarkus-run.jar"
        if [[ ! -f "$JAR" ]]; then
            log "building the service: ./mvnw -B -q package -DskipTests (in $REPO)"
            (cd "$REPO" && ./mvnw -B -q package -DskipTests) >"$WORK/build.log" 2>&1 \
                || die "build failed (see $WORK/build.log)"
        fi
    fi
    [[ -f "$JAR" ]] || die "no jar at $JAR"
    log "service jar: $JAR"
}

# Starts the packaged service; sets APP_PID, APP_URL and START_TO_READY_MS (process start until
# /q/health/ready answers 200, polled every 10 ms).
app_start() {
    local tag=$1
    APP_PORT=$(free_port "${BENCH_APP_PORT:-18080}")
    APP_URL="http://127.0.0.1:$APP_PORT"
    local t0
    t0=$(now_ms)
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PGPORT/shop" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/shop" \
    QUARKUS_DATASOURCE_USERNAME=shop QUARKUS_DATASOURCE_PASSWORD=shop \
    QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_HTTP_HOST=127.0.0.1 \
        java ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/app-$tag.log" 2>&1 &
    APP_PID=$!
    remember_pid "$APP_PID" "service"
    local deadline=$((t0 + 120000))
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "$APP_URL/q/health/ready" 2>/dev/null) == 200 ]]; do
        kill -0 "$APP_PID" 2>/dev/null || die "service exited during start (see $WORK/app-$tag.log)"
        (($(now_ms) > deadline)) && die "service not ready after 120 s (see $WORK/app-$tag.log)"
        sleep 0.01
    done
    START_TO_READY_MS=$(($(now_ms) - t0))
    log "service ($tag) ready at $APP_URL after $START_TO_READY_MS ms (pid $APP_PID)"
}

app_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$APP_PID/stat"; }

# CPU time used by the whole machine (all cores, ms) and by the PostgreSQL server processes of our cluster.
machine_busy_ms() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / {printf "%d", ($2 + $3 + $4 + $7 + $8) * 1000 / hz}' /proc/stat; }

app_rss_mb() { awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$APP_PID/status"; }

app_stop() {
    if [[ -n "${APP_PID:-}" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the service (pid $APP_PID)"
        kill -TERM "$APP_PID"
        local i
        for i in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$APP_PID" 2>/dev/null; then kill -KILL "$APP_PID"; fi
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=
}
