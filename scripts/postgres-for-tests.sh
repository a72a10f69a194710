#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the test suite; sourced by test.sh.
# Exports NATTER_TEST_POSTGRES (a connection URL) and what the outage test needs to stop and start it;
# natter_postgres_stop removes everything again.
set -euo pipefail

natter_postgres_start() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [[ -x "$bin/initdb" ]] || { echo "PostgreSQL server binaries not found" >&2; return 1; }
    NATTER_PG_DIR=$(mktemp -d /tmp/natter-pg.XXXXXX)
    # PostgreSQL refuses to run as root: run it as the postgres system user then.
    NATTER_PG_AS=()
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: "$NATTER_PG_DIR"
        NATTER_PG_AS=(runuser -u postgres --)
    fi
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "${NATTER_PG_AS[@]}" "$bin/initdb" -D "$NATTER_PG_DIR/data" -U natter --auth=trust -E UTF8 >/dev/null
    # In the configuration file, so a restart (the outage test stops and starts it) keeps them.
    printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\nfsync = off\n" \
        "$port" "$NATTER_PG_DIR" | "${NATTER_PG_AS[@]}" tee -a "$NATTER_PG_DIR/data/postgresql.conf" >/dev/null
    "${NATTER_PG_AS[@]}" "$bin/pg_ctl" -D "$NATTER_PG_DIR/data" -l "$NATTER_PG_DIR/log" -w start >/dev/null
    "${NATTER_PG_AS[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U natter natter_test
    export NATTER_TEST_POSTGRES="postgresql://natter@127.0.0.1:$port/natter_test"
    # For the outage test: how to stop and start this cluster.
    export NATTER_TEST_POSTGRES_CTL="${NATTER_PG_AS[*]} $bin/pg_ctl -D $NATTER_PG_DIR/data -l $NATTER_PG_DIR/log -w"
    echo "==> PostgreSQL for tests on 127.0.0.1:$port" >&2
}

natter_postgres_stop() {
    [[ -n "${NATTER_PG_DIR:-}" ]] || return 0
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    "${NATTER_PG_AS[@]}" "$bin/pg_ctl" -D "$NATTER_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$NATTER_PG_DIR"
    NATTER_PG_DIR=""
}
