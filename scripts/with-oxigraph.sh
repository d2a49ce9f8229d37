#!/usr/bin/env bash
# Runs a command with a throwaway standalone Oxigraph SPARQL server: a fresh
# store in a temporary folder on a free loopback port, removed afterwards
# whatever happens. The command sees ARCHIPEL_TEST_OXIGRAPH_URL (the base
# URL; the server answers SPARQL at /query and /update), which the remote RDF
# store tests use. The server presents the union of its graphs as the default
# graph, as Archipel requires of a remote store.
# The `oxigraph` command is taken from PATH, or from the Python test tools'
# virtual environment (tools.sh, ensure_test_python; the server release
# matching the oxigraph crate in Cargo.lock).
set -euo pipefail
source "$(dirname "$0")/tools.sh"

find_oxigraph() {
    if command -v oxigraph >/dev/null 2>&1; then command -v oxigraph; return; fi
    local python
    python=$(ensure_test_python)
    echo "$(dirname "$python")/oxigraph"
}
OXIGRAPH=$(find_oxigraph)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DIR=$(mktemp -d "${TMPDIR:-/tmp}/archipel-oxigraph.XXXXXX")
URL="http://127.0.0.1:$PORT"

# --timeout-s stops a runaway query on the server's side too.
"$OXIGRAPH" serve --location "$DIR/data" --bind "127.0.0.1:$PORT" \
    --union-default-graph --timeout-s 60 >"$DIR/server.log" 2>&1 &
SERVER=$!
cleanup() {
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    rm -rf "$DIR"
}
trap cleanup EXIT

ready() {
    python3 - "$URL/query" <<'EOF' >/dev/null 2>&1
import sys, urllib.parse, urllib.request
query = urllib.parse.urlencode({"query": "ASK {}"}).encode()
request = urllib.request.Request(sys.argv[1], data=query,
                                 headers={"Accept": "application/sparql-results+json"})
urllib.request.urlopen(request, timeout=2).read()
EOF
}
for _ in $(seq 1 100); do
    ready && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
    sleep 0.1
done
ready || { echo "the Oxigraph server did not answer on $URL" >&2; cat "$DIR/server.log" >&2; exit 1; }
echo "throwaway Oxigraph server on 127.0.0.1:$PORT" >&2

export ARCHIPEL_TEST_OXIGRAPH_URL="$URL"
"$@"
