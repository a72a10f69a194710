# Shared by the benchmark scripts (run.sh, storage.sh, cluster.sh): paths, server start and stop, one scenario.
# Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVER="${NATTER_SERVER:-$ROOT/build/release/app/natter}"
LOADGEN="${NATTER_LOADGEN:-$ROOT/build/release/bench/natter-loadgen}"
RESULTS="$ROOT/bench/results"
THREADS="${LOADGEN_THREADS:-1}"
QUICK="${BENCH_QUICK:-0}"

if [[ "$QUICK" == 1 ]]; then
    DURATION=2 WARMUP=1 IDLE_CLIENTS=2000 HOLD=2
else
    DURATION=10 WARMUP=2 IDLE_CLIENTS=10000 HOLD=5
fi

WORK="$(mktemp -d /tmp/natter-bench.XXXXXX)"
SERVER_LOG="$WORK/server.log"
SERVER_PID=""
# The Node.js reference server (bench/reference/node), started by start_reference.
REFERENCE_DIR="$ROOT/bench/reference/node"
REFERENCE_LOG="$WORK/reference.log"

log() { printf '==> %s\n' "$*" >&2; }

fail() {
    log "error: $*"
    if [[ -s "$SERVER_LOG" ]]; then
        log "last lines of $SERVER_LOG:"
        tail -n 20 "$SERVER_LOG" >&2
    fi
    exit 1
}

# Sends SIGTERM and waits up to 10 s; returns non-zero if the server had to be killed.
stop_server() {
    [[ -n "$SERVER_PID" ]] || return 0
    local pid="$SERVER_PID" status=0
    SERVER_PID=""
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "server $pid ignored SIGTERM for 10 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        return 1
    fi
    wait "$pid" 2>/dev/null || status=$?
    log "server exited with status $status after SIGTERM"
}

cleanup() {
    local status=$?
    stop_server || status=1
    if [[ $status -ne 0 && -n "$(ls -A "$WORK")" ]]; then
        log "kept logs and partial results in $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_if_missing() {
    if [[ -n "${NATTER_SERVER:-}${NATTER_LOADGEN:-}" ]]; then
        [[ -x "$SERVER" && -x "$LOADGEN" ]] && return 0
        fail "NATTER_SERVER/NATTER_LOADGEN point to missing binaries"
    fi
    # Always let Ninja decide: a stale binary would measure old code.
    log "building the release preset"
    (cd "$ROOT" && cmake --preset release && cmake --build --preset release --target natter natter-loadgen)
    [[ -x "$SERVER" ]] || fail "build did not produce $SERVER"
    [[ -x "$LOADGEN" ]] || fail "build did not produce $LOADGEN"
}

# Raises the soft open file limit towards 20000 (never above the hard limit, never lowering it).
raise_fd_limit() {
    local hard soft want=20000
    hard="$(ulimit -Hn)"
    soft="$(ulimit -Sn)"
    if [[ "$hard" != unlimited && "$hard" -lt "$want" ]]; then
        want="$hard"
    fi
    if [[ "$soft" != unlimited && "$soft" -lt "$want" ]]; then
        ulimit -n "$want"
    fi
    log "open file limit: $(ulimit -n)"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits until the server SERVER_PID answers GET /health on PORT and has logged its 'listening on' line.
wait_for_health() {
    for _ in $(seq 150); do
        kill -0 "$SERVER_PID" 2>/dev/null || fail "server exited during startup"
        if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/health" 2>/dev/null; then
            grep -q 'listening on' "$SERVER_LOG" || log "warning: server answers /health but logged no 'listening on' line"
            return 0
        fi
        sleep 0.1
    done
    fail "server did not answer /health within 15 s"
}

start_server() {
    PORT="$(free_port)"
    SERVER_LOG="$WORK/server.log"
    log "starting $SERVER on port $PORT"
    # shellcheck disable=SC2086 # SERVER_ARGS is a list of options
    "$SERVER" --server --port "$PORT" --rate-limit 0 --no-announce ${SERVER_ARGS:---database memory} \
        >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    wait_for_health
}

# Makes sure node and npm are there (Debian's nodejs and npm when missing) and the reference server's
# dependencies are installed as pinned in its package-lock.json.
prepare_reference() {
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        source "$ROOT/scripts/dependencies.sh"
        natter_install_packages "${NATTER_BENCH_NODE_PACKAGES[@]}"
    fi
    local pinned installed
    pinned="$(node -p "require('$REFERENCE_DIR/package-lock.json').packages['node_modules/ws'].version")"
    installed="$(node -p "try { require('$REFERENCE_DIR/node_modules/ws/package.json').version } catch { '' }")"
    if [[ "$installed" != "$pinned" ]]; then
        log "installing the reference server's dependencies (npm ci in $REFERENCE_DIR)"
        (cd "$REFERENCE_DIR" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed in $REFERENCE_DIR"
    fi
    log "reference server: node $(node --version), ws $pinned"
}

# Starts the Node.js reference server on a free loopback port; stop_server stops it like the Natter server.
start_reference() {
    PORT="$(free_port)"
    SERVER_LOG="$REFERENCE_LOG"
    log "starting the reference server (node $REFERENCE_DIR/server.js) on port $PORT"
    node "$REFERENCE_DIR/server.js" --port "$PORT" --host 127.0.0.1 >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    wait_for_health
}

# run_loadgen NAME MODE [loadgen options...]: runs one scenario, keeps its JSON.
run_loadgen() {
    local name="$1" mode="$2"
    shift 2
    log "scenario $name"
    "$LOADGEN" "$mode" --url "ws://127.0.0.1:$PORT/ws" --threads "$THREADS" --server-pid "$SERVER_PID" \
        --json "$WORK/$name.json" "$@"
    kill -0 "$SERVER_PID" 2>/dev/null || fail "server died during scenario $name"
    sleep 1 # let the server finish the close handshakes before the next scenario
}

