#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: a fresh cluster in a
# temporary folder on a free loopback port, removed afterwards whatever happens.
# The command sees ARCHIPEL_TEST_POSTGRES_URL (a superuser URL to the
# `postgres` database; tests create their own databases from it).
set -euo pipefail

find_pg_bin() {
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$d" ] && { echo "$d"; return; }
    echo "PostgreSQL server binaries not found (install Debian's postgresql package)" >&2
    exit 1
}
PG_BIN=$(find_pg_bin)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DIR=$(mktemp -d /tmp/archipel-pg.XXXXXX)
chmod 755 "$DIR"

# initdb refuses to run as root: use the postgres system account then.
as_pg() {
    if [ "$(id -u)" = 0 ]; then
        chown -R postgres "$DIR"
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}
cleanup() {
    as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
}
trap cleanup EXIT

as_pg "$PG_BIN/initdb" -D "$DIR/data" -A trust -U postgres --no-sync >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
    || { cat "$DIR/server.log" >&2; exit 1; }
echo "throwaway PostgreSQL server on 127.0.0.1:$PORT" >&2

export ARCHIPEL_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
"$@"
