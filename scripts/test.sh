#!/usr/bin/env bash
# Every test: formatting and lints, unit and integration tests (SQLite and a
# throwaway PostgreSQL server), then the end-to-end suite in Debian's Chromium
# against the real server on a free port with a fresh data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
START=$(date +%s)
TARGET_DIR=${CARGO_TARGET_DIR:-target}

ensure_debian chromium:/usr/bin/chromium postgresql:initdb curl:curl libxml2-utils:xmllint
if ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    ensure_debian postgresql:/usr/lib/postgresql
fi

# The front end's lints need the wasm target, on a fresh machine too.
ensure_wasm_tools debug
ensure_native_build_tools

step "formatting and lints"
cargo fmt --all -- --check
cargo clippy --workspace --exclude frontend --all-targets --locked -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown --locked -- -D warnings

step "front end and server"
scripts/build-site.sh

step "unit and integration tests (SQLite and PostgreSQL)"
# Third-party SPARQL clients and the SHACL validator run against the real server.
ARCHIPEL_TEST_PYTHON=$(ensure_test_python)
export ARCHIPEL_TEST_PYTHON
scripts/with-postgres.sh scripts/with-oxigraph.sh cargo test --workspace --exclude frontend --locked

step "end-to-end tests in Chromium"
(cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
E2E_DIR=$(mktemp -d /tmp/archipel-e2e.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export ARCHIPEL_DATA_DIR="$E2E_DIR/data" ARCHIPEL_BIND="127.0.0.1:$PORT" ARCHIPEL_PUBLIC_URL="http://127.0.0.1:$PORT"
# Messages are written to a folder the tests read (verification, resets, notifications).
export ARCHIPEL_MAIL__PICKUP_DIR="$E2E_DIR/mail" ARCHIPEL_E2E_MAIL_DIR="$E2E_DIR/mail"
export ARCHIPEL_SITE_ROOT="${ARCHIPEL_SITE_ROOT:-target/site}"
# The shipped courses plus a short course whose answers the tests know.
export ARCHIPEL_CONTENT_DIR="end2end/content"
BIN="$TARGET_DIR/debug/archipel"
"$BIN" demo >/dev/null
"$BIN" serve >"$E2E_DIR/server.log" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$E2E_DIR"; }
trap cleanup EXIT
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$E2E_DIR/server.log" >&2; exit 1; }
    sleep 0.1
done
status=0
(cd end2end && ARCHIPEL_E2E_BASE_URL="http://127.0.0.1:$PORT" npx playwright test) || status=$?
if [ $status -ne 0 ]; then
    echo "--- server log (last 50 lines) ---" >&2
    tail -n 50 "$E2E_DIR/server.log" >&2
    exit $status
fi
# Graceful shutdown: SIGTERM lets in-flight requests finish and the server exit 0.
kill -TERM "$SERVER"
wait "$SERVER" || { echo "the server did not shut down cleanly" >&2; exit 1; }

echo
echo "all tests passed in $(( $(date +%s) - START )) s"
