#!/usr/bin/env bash
# Starts a throwaway Redis on loopback for the cluster tests; sourced by test.sh (next to postgres-for-tests.sh).
# Exports NATTER_TEST_REDIS (a redis:// URL) and NATTER_TEST_REDIS_CTL (a command taking "stop" or "start", for the
# outage test); natter_redis_stop removes everything again. Redis runs as the calling user, without persistence.
set -euo pipefail

natter_redis_start() {
    command -v redis-server >/dev/null || { echo "redis-server not found" >&2; return 1; }
    NATTER_REDIS_DIR=$(mktemp -d /tmp/natter-redis.XXXXXX)
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    cat >"$NATTER_REDIS_DIR/redis.conf" <<CONF
bind 127.0.0.1
port $port
dir $NATTER_REDIS_DIR
daemonize yes
pidfile $NATTER_REDIS_DIR/redis.pid
logfile $NATTER_REDIS_DIR/redis.log
save ""
appendonly no
CONF
    # start: runs it and waits until it answers; stop: SIGTERM and waits until it is gone.
    cat >"$NATTER_REDIS_DIR/ctl" <<CTL
#!/bin/sh
case "\$1" in
start)
    redis-server "$NATTER_REDIS_DIR/redis.conf" || exit 1
    for i in \$(seq 100); do
        [ "\$(redis-cli -h 127.0.0.1 -p $port ping 2>/dev/null)" = PONG ] && exit 0
        sleep 0.1
    done
    exit 1 ;;
stop)
    [ -f "$NATTER_REDIS_DIR/redis.pid" ] || exit 0
    pid=\$(cat "$NATTER_REDIS_DIR/redis.pid")
    kill "\$pid" 2>/dev/null || exit 0
    while kill -0 "\$pid" 2>/dev/null; do sleep 0.05; done
    exit 0 ;;
esac
exit 2
CTL
    chmod +x "$NATTER_REDIS_DIR/ctl"
    "$NATTER_REDIS_DIR/ctl" start
    export NATTER_TEST_REDIS="redis://127.0.0.1:$port"
    export NATTER_TEST_REDIS_CTL="$NATTER_REDIS_DIR/ctl"
    echo "==> Redis for tests on 127.0.0.1:$port" >&2
}

natter_redis_stop() {
    [[ -n "${NATTER_REDIS_DIR:-}" ]] || return 0
    "$NATTER_REDIS_DIR/ctl" stop || true
    rm -rf "$NATTER_REDIS_DIR"
    NATTER_REDIS_DIR=""
}
