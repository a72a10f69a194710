#!/usr/bin/env bash
# Many connections in one room, on one server and on a cluster on this machine. Prints one table and writes
# bench/results/connections.json.
#   F  18,000 clients on one server (SQLite in a temporary data directory, the default storage)
#   G  100,000 clients over 6 servers of a cluster (--cluster, on a throwaway PostgreSQL and Redis)
# In both, the clients connect (time to connect them all and to the 10,000th), the servers' RSS is read before and
# after (KB per connection), then one client posts CONN_RATE messages/s (default 2) for CONN_DURATION s (default 10,
# after CONN_WARMUP s, default 1) to the room, and every other client measures when each message reaches it (latency
# p50/p99/max over all deliveries, loss), while GET /health and GET /api/rooms/ROOM/messages are timed every
# CONN_REST_INTERVAL s (default 0.05). The receiving clients run in several load generator processes of at most
# CONN_PER_PROCESS clients (default 17000: a process here may hold 20,000 descriptors), which share one run id; the
# sender is a process of its own, started once they are all connected.
# A monitor samples every 0.25 s each server thread's CPU and run-queue wait, the accept queues, the machine's CPU and
# that of Redis, PostgreSQL and the load generators; the table reports them per phase. See bench/README.md.
# Usage: bench/connections.sh [F] [G]   (default both); BENCH_QUICK=1: 2,000 and 10,000 clients, 4 s of broadcast.
# Environment: CONN_F_CLIENTS, CONN_G_CLIENTS, CONN_G_SERVERS, CONN_RATE, CONN_WARMUP, CONN_DURATION, CONN_PER_PROCESS,
# CONN_CONNECT_CONCURRENCY (per process, default 256), CONN_CONNECT_TIMEOUT (default 60 s), CONN_SOURCE_IPS (G,
# default 127.0.0.1-4), CONN_REST_INTERVAL, CONN_REST_BASELINE (seconds of REST timing with the clients connected and
# idle, before the broadcast, default 3), CONN_READY_TIMEOUT (longest connect phase, default 900 s), CONN_SERVER_ARGS
# (added to every server's options), CONN_KEEP_WORK=1 (keep the logs of a successful run too); NATTER_SERVER,
# NATTER_LOADGEN as for run.sh.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
HELPER="$ROOT/bench/connections.py"

SCENARIOS=("$@")
[[ ${#SCENARIOS[@]} -gt 0 ]] || SCENARIOS=(F G)
for s in "${SCENARIOS[@]}"; do
    [[ "$s" == F || "$s" == G ]] || fail "unknown scenario '$s' (F or G)"
done

if [[ "$QUICK" == 1 ]]; then
    F_CLIENTS="${CONN_F_CLIENTS:-2000}" G_CLIENTS="${CONN_G_CLIENTS:-10000}" DURATION="${CONN_DURATION:-4}"
else
    F_CLIENTS="${CONN_F_CLIENTS:-18000}" G_CLIENTS="${CONN_G_CLIENTS:-100000}" DURATION="${CONN_DURATION:-10}"
fi
G_SERVERS="${CONN_G_SERVERS:-6}"
RATE="${CONN_RATE:-2}"
WARMUP="${CONN_WARMUP:-1}"
DRAIN=10
PER_PROCESS="${CONN_PER_PROCESS:-17000}"
CONNECT_CONCURRENCY="${CONN_CONNECT_CONCURRENCY:-256}"
CONNECT_TIMEOUT="${CONN_CONNECT_TIMEOUT:-60}"
SOURCE_IPS="${CONN_SOURCE_IPS:-127.0.0.1,127.0.0.2,127.0.0.3,127.0.0.4}"
REST_INTERVAL="${CONN_REST_INTERVAL:-0.05}"
REST_BASELINE="${CONN_REST_BASELINE:-3}"
READY_TIMEOUT="${CONN_READY_TIMEOUT:-900}"
read -r -a EXTRA_SERVER_ARGS <<<"${CONN_SERVER_ARGS:-}"

SERVER_PIDS=()
SERVER_PORTS=()
LOADGEN_PIDS=()
REST_PID=""
MONITOR_PID=""
SERVICES_STARTED=0

# wait_gone SECONDS PID...: true once none of the PIDs runs any more, false after SECONDS.
wait_gone() {
    local seconds="$1" pid alive
    shift
    for _ in $(seq $((seconds * 10))); do
        alive=0
        for pid in "$@"; do
            kill -0 "$pid" 2>/dev/null && alive=1
        done
        [[ $alive == 0 ]] && return 0
        sleep 0.1
    done
    return 1
}

# stop_pids SECONDS PID...: SIGTERM, up to SECONDS to exit, then SIGKILL; reaps them.
stop_pids() {
    local seconds="$1" pid
    shift
    [[ $# -gt 0 ]] || return 0
    for pid in "$@"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    if ! wait_gone "$seconds" "$@"; then
        log "killing $* after ${seconds} s"
        for pid in "$@"; do
            kill -KILL "$pid" 2>/dev/null || true
        done
    fi
    for pid in "$@"; do
        wait "$pid" 2>/dev/null || true
    done
}

stop_loadgens() {
    # A load generator stopped by SIGTERM closes its connections (up to 2 s) and still writes its report.
    stop_pids 15 "${LOADGEN_PIDS[@]}"
    LOADGEN_PIDS=()
}

stop_rest() {
    [[ -n "$REST_PID" ]] || return 0
    stop_pids 5 "$REST_PID"
    REST_PID=""
}

stop_monitor() {
    [[ -n "$MONITOR_PID" ]] || return 0
    stop_pids 10 "$MONITOR_PID"
    MONITOR_PID=""
}

# mark NAME: the monitor's figures are summed per phase, from one mark to the next.
mark() {
    echo "$(date +%s.%N) $*" >>"$DIR/marks"
}

stop_servers() {
    stop_pids 60 "${SERVER_PIDS[@]}"
    SERVER_PIDS=()
    SERVER_PORTS=()
}

conn_cleanup() {
    local status=$?
    stop_loadgens
    stop_rest
    stop_monitor
    stop_servers
    if [[ $SERVICES_STARTED == 1 ]]; then
        natter_redis_stop
        natter_postgres_stop
    fi
    if [[ $status -ne 0 || "${CONN_KEEP_WORK:-0}" == 1 ]]; then
        log "kept logs and partial results in $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap conn_cleanup EXIT

servers_alive() {
    local i
    for i in "${!SERVER_PIDS[@]}"; do
        kill -0 "${SERVER_PIDS[$i]}" 2>/dev/null || fail "server $i (port ${SERVER_PORTS[$i]}) died; see $DIR/server-$i.log"
    done
}

# start_servers COUNT [options...]: COUNT servers, waiting until each answers /health with status ok.
start_servers() {
    local count="$1" i port
    shift
    for ((i = 0; i < count; i++)); do
        port="$(free_port)"
        "$SERVER" --server --port "$port" --bind 127.0.0.1 --rate-limit 0 --no-announce --max-connections-per-ip 0 \
            --data-dir "$DIR/data$i" "$@" "${EXTRA_SERVER_ARGS[@]}" >"$DIR/server-$i.log" 2>&1 &
        SERVER_PIDS+=($!)
        SERVER_PORTS+=("$port")
    done
    for ((i = 0; i < count; i++)); do
        for _ in $(seq 300); do
            servers_alive
            curl -fsS --max-time 1 "http://127.0.0.1:${SERVER_PORTS[$i]}/health" 2>/dev/null | grep -q '"status":"ok"' &&
                continue 2
            sleep 0.1
        done
        fail "server $i did not report status ok within 30 s"
    done
}

sample() {
    local target=() i
    for i in "${!SERVER_PIDS[@]}"; do
        target+=("${SERVER_PORTS[$i]}:${SERVER_PIDS[$i]}")
    done
    python3 "$HELPER" sample "$DIR/sample-$1.json" "${target[@]}"
}

# scenario NAME TITLE SERVERS CLIENTS DATABASE SOURCE_IPS [server options...]
scenario() {
    local name="$1" title="$2" servers="$3" clients="$4" database="$5" source_ips="$6"
    shift 6
    DIR="$WORK/$name"
    mkdir -p "$DIR"
    log "scenario $name: $title, $clients clients"
    start_servers "$servers" "$@"
    local targets=() i
    for i in "${!SERVER_PIDS[@]}"; do
        targets+=("${SERVER_PORTS[$i]}:${SERVER_PIDS[$i]}")
    done
    # Other processes whose CPU the monitor follows; the load generators are added as they start.
    : >"$DIR/others"
    if [[ $SERVICES_STARTED == 1 ]]; then
        echo "redis $(cat "$NATTER_REDIS_DIR/redis.pid")" >>"$DIR/others"
        echo "postgresql $(head -n 1 "$NATTER_PG_DIR/data/postmaster.pid")" >>"$DIR/others"
    fi
    python3 "$HELPER" monitor "$DIR/monitor.json" 0.25 "$DIR/others" "${targets[@]}" &
    MONITOR_PID=$!
    sleep 1
    sample before

    local urls=() port
    for port in "${SERVER_PORTS[@]}"; do
        urls+=(--url "ws://127.0.0.1:$port/ws")
    done
    local room="conn-$name-$(date +%s)" run_id
    run_id="$(printf '%04x%04x' $RANDOM $RANDOM)"
    local receivers=$((clients - 1))
    local processes=$(((receivers + PER_PROCESS - 1) / PER_PROCESS))
    local per=$(((receivers + processes - 1) / processes))
    local sources=()
    [[ -n "$source_ips" ]] && sources=(--source-ips "$source_ips")
    # Receivers are clients 1..clients-1 (user u1, u2, ...; client i on server i mod servers); the sender is client 0.
    local p first=1 count started
    started="$(date +%s.%N)"
    mark connecting
    for ((p = 0; p < processes; p++)); do
        count=$((receivers - first + 1 < per ? receivers - first + 1 : per))
        "$LOADGEN" broadcast "${urls[@]}" --room "$room" --clients "$count" --first-client "$first" --senders 0 \
            --run-id "$run_id" --connect-concurrency "$CONNECT_CONCURRENCY" --connect-timeout "$CONNECT_TIMEOUT" \
            --listen $((READY_TIMEOUT + 120)) --drain "$DRAIN" --linger 300 "${sources[@]}" --ready-file "$DIR/ready-$p" \
            --json "$DIR/recv-$p.json" >"$DIR/recv-$p.log" 2>&1 &
        LOADGEN_PIDS+=($!)
        echo "loadgen $!" >>"$DIR/others"
        first=$((first + count))
    done
    log "$processes receiving load generator(s) connecting $receivers clients"

    local ready deadline=$((SECONDS + READY_TIMEOUT))
    while :; do
        ready=0
        for ((p = 0; p < processes; p++)); do
            [[ -f "$DIR/ready-$p" ]] && ready=$((ready + 1))
            [[ -f "$DIR/ready-$p" ]] || kill -0 "${LOADGEN_PIDS[$p]}" 2>/dev/null ||
                fail "load generator $p exited while connecting; see $DIR/recv-$p.log"
        done
        [[ $ready == "$processes" ]] && break
        servers_alive
        [[ $SECONDS -lt $deadline ]] || fail "the clients did not connect within $READY_TIMEOUT s"
        sleep 0.2
    done
    local connect_wall
    connect_wall="$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$started" "$(date +%s.%N)")"
    mark "connected, settling"
    log "connected: $(cat "$DIR"/ready-* | tr '\n' ' ')"
    sleep 2 # let the servers settle before reading their memory
    sample connected
    mark "REST without broadcast"
    # For comparison: the same requests while every client is connected and nothing is sent.
    python3 "$HELPER" rest "$DIR/rest-idle.json" "$REST_BASELINE" "$REST_INTERVAL" "$room" - "${SERVER_PORTS[@]}"

    # Over the sender's warmup and measured period (it starts a few ms after the timing), not its drain.
    python3 "$HELPER" rest "$DIR/rest.json" "$(python3 -c "print($WARMUP + $DURATION)")" "$REST_INTERVAL" "$room" \
        "$DIR/rest-started" "${SERVER_PORTS[@]}" &
    REST_PID=$!
    for _ in $(seq 100); do
        [[ -f "$DIR/rest-started" ]] && break
        sleep 0.05
    done
    [[ -f "$DIR/rest-started" ]] || fail "the REST timing did not start"
    mark broadcast
    log "sending $RATE msg/s for $WARMUP + $DURATION s to $receivers receivers, timing REST meanwhile"
    "$LOADGEN" broadcast "${urls[@]}" --room "$room" --clients 1 --first-client 0 --senders 1 --rate "$RATE" \
        --warmup "$WARMUP" --duration "$DURATION" --drain "$DRAIN" --run-id "$run_id" --server-pid "${SERVER_PIDS[0]}" \
        --json "$DIR/send.json" >"$DIR/send.log" 2>&1 || fail "the sender failed; see $DIR/send.log"
    mark "sender done, waiting for the receivers"
    # Each receiving process writes its report once its clients have everything the end markers announced, or DRAIN s
    # after the markers, and keeps its connections open (--linger) until all have, so that no process's closing
    # disturbs another's last deliveries.
    local reported deadline=$((SECONDS + DRAIN + 60))
    while :; do
        reported=0
        for ((p = 0; p < processes; p++)); do
            [[ -f "$DIR/recv-$p.json" ]] && reported=$((reported + 1))
        done
        [[ $reported == "$processes" ]] && break
        if [[ $SECONDS -ge $deadline ]]; then
            log "only $reported of $processes receiving load generators reported $((DRAIN + 60)) s after the sender"
            break
        fi
        sleep 0.2
    done
    mark "closing the connections"
    stop_loadgens
    mark "closed"
    # The REST timing ends by itself one second after the sender's measured period.
    wait_gone 30 "$REST_PID" || log "the REST timing did not end in time"
    stop_rest
    for ((p = 0; p < processes; p++)); do
        [[ -s "$DIR/recv-$p.json" ]] || fail "load generator $p wrote no report; see $DIR/recv-$p.log"
    done
    [[ -s "$DIR/rest.json" ]] || fail "the REST timing wrote no report"
    servers_alive
    sample after
    stop_monitor
    python3 -c 'import json, sys; json.dump(dict(zip(["title", "clients", "database", "connect_wall_seconds"],
        [sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])])), open(sys.argv[5], "w"))' \
        "$title" "$clients" "$database" "$connect_wall" "$DIR/meta.json"
    stop_servers
}

build_if_missing
raise_fd_limit
[[ "$(ulimit -n)" -ge $((PER_PROCESS + 100)) ]] ||
    fail "open file limit $(ulimit -n) is too low for $PER_PROCESS clients per process (set CONN_PER_PROCESS)"
mkdir -p "$RESULTS"

for s in "${SCENARIOS[@]}"; do
    case "$s" in
    F)
        [[ $((F_CLIENTS + 100)) -le "$(ulimit -n)" ]] || fail "F: $F_CLIENTS clients exceed one server's file limit"
        scenario F "1 server" 1 "$F_CLIENTS" "sqlite (default, synchronous=full)" ""
        ;;
    G)
        source "$ROOT/scripts/postgres-for-tests.sh"
        source "$ROOT/scripts/redis-for-tests.sh"
        SERVICES_STARTED=1
        natter_postgres_start
        natter_redis_start
        scenario G "$G_SERVERS servers" "$G_SERVERS" "$G_CLIENTS" "postgresql + redis cluster" "$SOURCE_IPS" \
            --database "$NATTER_TEST_POSTGRES" --cluster "$NATTER_TEST_REDIS"
        natter_redis_stop
        natter_postgres_stop
        SERVICES_STARTED=0
        ;;
    esac
done

python3 "$HELPER" summarize "$WORK" "$RESULTS/connections.json" "${SCENARIOS[@]}"
