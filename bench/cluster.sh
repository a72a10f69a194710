#!/usr/bin/env bash
# What a cluster costs and gives: one room of 1000 members spread over 1, 2 and 3 servers (`--cluster`) on one
# PostgreSQL database and one Redis, all on this machine. Prints one table and writes bench/results/cluster.json.
#   K0  one server without --cluster (PostgreSQL only): the reference
#   Kn  n servers with --cluster, the 1000 clients and the 10 senders spread evenly over them (client i on server
#       i mod n), measured twice:
#         paced at CLUSTER_RATE messages/s (default 100, so 100,000 deliveries/s): latency, split into receivers on
#         the sender's own server and on another one; the difference of the p99s is what the hop through Redis adds
#         saturation: each sender keeps CLUSTER_WINDOW (default 16) messages in flight: the most deliveries per second
# PostgreSQL and Redis are throwaway instances on loopback (the test suite's helpers, scripts/*-for-tests.sh).
# All servers share the machine's cores with the load generator, PostgreSQL and Redis: on a small machine more
# servers mean less CPU for each, so the figures show the overhead of the relay, not the gain from more machines.
# Environment: BENCH_QUICK=1 for a short smoke run; CLUSTER_RATE, CLUSTER_WINDOW; LOADGEN_THREADS as for run.sh.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$ROOT/scripts/postgres-for-tests.sh"
source "$ROOT/scripts/redis-for-tests.sh"

CLIENTS=1000
SENDERS=10
RATE="${CLUSTER_RATE:-100}"
WINDOW="${CLUSTER_WINDOW:-16}"
PIDS=()
PORTS=()

stop_servers() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    PIDS=()
    PORTS=()
}

cluster_cleanup() {
    local status=$?
    stop_servers
    natter_redis_stop
    natter_postgres_stop
    if [[ $status -ne 0 ]]; then
        log "kept logs and partial results in $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cluster_cleanup EXIT

# start_servers N [extra options...]: N servers on the shared database, waiting until each answers /health.
start_servers() {
    local count="$1" i port
    shift
    for ((i = 0; i < count; i++)); do
        port="$(free_port)"
        "$SERVER" --server --port "$port" --bind 127.0.0.1 --rate-limit 0 --no-announce --data-dir "$WORK/data$i" \
            --database "$NATTER_TEST_POSTGRES" "$@" >"$WORK/server-$count-$i.log" 2>&1 &
        PIDS+=($!)
        PORTS+=("$port")
    done
    for ((i = 0; i < count; i++)); do
        for _ in $(seq 150); do
            kill -0 "${PIDS[$i]}" 2>/dev/null || fail "server $i exited during startup ($WORK/server-$count-$i.log)"
            curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:${PORTS[$i]}/health" 2>/dev/null && break
            sleep 0.1
        done
    done
    if [[ $# -gt 0 ]]; then
        # With --cluster, wait until every server reaches Redis.
        for ((i = 0; i < count; i++)); do
            for _ in $(seq 100); do
                curl -fsS --max-time 1 "http://127.0.0.1:${PORTS[$i]}/health" | grep -q '"status":"ok"' && break
                sleep 0.1
            done
        done
    fi
}

# measure NAME ROOM RATE [WINDOW]: 1000 clients over the running servers.
measure() {
    local name="$1" room="$2" rate="$3" window="${4:-16}" urls=() port
    for port in "${PORTS[@]}"; do
        urls+=(--url "ws://127.0.0.1:$port/ws")
    done
    log "scenario $name: ${#PORTS[@]} server(s), rate $rate"
    "$LOADGEN" broadcast "${urls[@]}" --threads "$THREADS" --room "$room" --clients "$CLIENTS" --senders "$SENDERS" \
        --rate "$rate" --window "$window" --warmup "$WARMUP" --duration "$DURATION" --json "$WORK/$name.json"
    local pid
    for pid in "${PIDS[@]}"; do
        kill -0 "$pid" 2>/dev/null || fail "a server died during scenario $name"
    done
    sleep 1 # let the servers finish the close handshakes
}

build_if_missing
raise_fd_limit
mkdir -p "$RESULTS"
natter_postgres_start
natter_redis_start

run="$(date +%s)"
start_servers 1
measure K0-paced "k0-paced-$run" "$RATE"
measure K0-saturation "k0-sat-$run" 0 "$WINDOW"
stop_servers
for n in 1 2 3; do
    start_servers "$n" --cluster "$NATTER_TEST_REDIS"
    measure "K$n-paced" "k$n-paced-$run" "$RATE"
    measure "K$n-saturation" "k$n-sat-$run" 0 "$WINDOW"
    stop_servers
done

python3 - "$WORK" "$RESULTS/cluster.json" "$RATE" "$WINDOW" <<'PY'
import json, os, sys
work, out_path, rate, window = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
load = lambda name: json.load(open(os.path.join(work, name + ".json")))
rows = {}
for key, title in [("K0", "1 server, no --cluster"), ("K1", "1 server, --cluster"),
                   ("K2", "2 servers, --cluster"), ("K3", "3 servers, --cluster")]:
    paced, sat = load(key + "-paced")["broadcast"], load(key + "-saturation")["broadcast"]
    row = {
        "title": title,
        "saturation_messages_per_second": sat["messages_per_second"],
        "saturation_deliveries_per_second": sat["deliveries_per_second"],
        "paced_deliveries_per_second": paced["deliveries_per_second"],
        "paced_p50_ms": paced["latency_ms"]["p50"],
        "paced_p99_ms": paced["latency_ms"]["p99"],
        "loss_percent": max(paced["loss_percent"], sat["loss_percent"]),
    }
    if "latency_same_server_ms" in paced:
        row["paced_p99_same_server_ms"] = paced["latency_same_server_ms"]["p99"]
        row["paced_p99_other_server_ms"] = paced["latency_other_server_ms"]["p99"]
        row["cross_server_p99_added_ms"] = row["paced_p99_other_server_ms"] - row["paced_p99_same_server_ms"]
    rows[key] = row
print()
print(f"One room x 1000 members on PostgreSQL; paced at {rate} msg/s, saturation with window {window} per sender")
print(f"{'':24} {'sat. msg/s':>10} {'sat. deliv/s':>12} {'paced p50':>9} {'paced p99':>9}"
      f" {'p99 same':>9} {'p99 other':>9} {'hop adds':>9} {'loss %':>7}")
for key, r in rows.items():
    same = f"{r['paced_p99_same_server_ms']:7.2f}ms" if "paced_p99_same_server_ms" in r else f"{'-':>9}"
    other = f"{r['paced_p99_other_server_ms']:7.2f}ms" if "paced_p99_other_server_ms" in r else f"{'-':>9}"
    hop = f"{r['cross_server_p99_added_ms']:7.2f}ms" if "cross_server_p99_added_ms" in r else f"{'-':>9}"
    print(f"{r['title']:24} {r['saturation_messages_per_second']:10.0f} {r['saturation_deliveries_per_second']:12.0f}"
          f" {r['paced_p50_ms']:7.2f}ms {r['paced_p99_ms']:7.2f}ms {same} {other} {hop} {r['loss_percent']:7.3f}")
names = [f"{k}-{m}" for k in rows for m in ("paced", "saturation")]
with open(out_path, "w") as f:
    json.dump({"rows": rows, "scenarios": {n: load(n) for n in names}}, f, indent=2)
print(f"\nwrote {out_path}")
PY
