#!/usr/bin/env bash
# Serving benchmark on the release build: page throughput against a static
# file of the same server, the bytes of a first visit, and memory after load.
#   scripts/build-site.sh --release && scripts/bench-http.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
TARGET_DIR=${CARGO_TARGET_DIR:-target}
BIN="$TARGET_DIR/release/archipel"
[ -x "$BIN" ] || { echo "build first: scripts/build-site.sh --release" >&2; exit 1; }
ensure_debian wrk:wrk curl:curl

DIR=$(mktemp -d /tmp/archipel-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export ARCHIPEL_DATA_DIR="$DIR/data" ARCHIPEL_BIND="127.0.0.1:$PORT" ARCHIPEL_PUBLIC_URL="http://127.0.0.1:$PORT"
export ARCHIPEL_SITE_ROOT="${ARCHIPEL_SITE_ROOT:-target/site}" ARCHIPEL_LOG=warn
"$BIN" demo >/dev/null
"$BIN" serve >"$DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DIR"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

BASE="http://127.0.0.1:$PORT"
CSS=$(curl -fsS "$BASE/en/register" | grep -o '/pkg/archipel[.a-z0-9]*\.css' | head -1)
JS=$(curl -fsS "$BASE/en/register" | grep -o '/pkg/archipel[.a-z0-9]*\.js' | head -1)
WASM=$(curl -fsS "$BASE/en/register" | grep -o '/pkg/archipel[.a-z0-9]*\.wasm' | head -1)

run() {
    local label=$1 path=$2 cookie=${3:-}
    local out
    out=$(wrk -t2 -c32 -d10s --latency -H 'Accept-Encoding: gzip, br' ${cookie:+-H "Cookie: $cookie"} "$BASE$path")
    printf '%-34s %10s req/s   p50 %8s   p99 %8s\n' "$label" \
        "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
        "$(awk '$1=="50%" {print $2}' <<<"$out")" \
        "$(awk '$1=="99%" {print $2}' <<<"$out")"
}
echo "wrk, 2 threads, 32 connections, 10 s each, compressed responses:"
run "static file ($CSS)" "$CSS"
run "home page /en/" "/en/"
run "partner list /en/partners (SQL)" "/en/partners"
run "search /en/search?q=civica" "/en/search?q=civica"
run "course catalogue /en/courses" "/en/courses"
run "lesson page (anonymous)" "/en/courses/mooc-chatons/internet/neutrality"
# A signed-in learner: every lesson view records the visit and reads progress.
JAR="$DIR/jar"
curl -fsS -c "$JAR" -b "$JAR" -o /dev/null "$BASE/en/login"
TOKEN=$(awk '$6=="archipel_csrf" {print $7}' "$JAR")
curl -fsS -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "email=learner@example.org" \
    --data-urlencode "password=demo-learner-password" --data-urlencode "_csrf=$TOKEN" "$BASE/en/login"
COOKIES=$(awk '(!/^#/ || /^#HttpOnly_/) && NF==7 {printf "%s=%s; ", $6, $7}' "$JAR")
run "lesson page (signed-in learner)" "/en/courses/mooc-chatons/internet/neutrality" "$COOKIES"

size() { curl -fsS -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$BASE$1"; }
html=$(size /en/register); css=$(size "$CSS"); js=$(size "$JS"); wasm=$(size "$WASM")
echo
echo "first visit of /en/register (compressed bytes): HTML $html + CSS $css + JS $js + wasm $wasm = $((html + css + js + wasm)) bytes"
echo "server memory after the runs: $(( $(ps -o rss= -p $SERVER) / 1024 )) MB resident"
