#!/usr/bin/env bash
# One benchmark of the release build on loopback, each figure beside its
# reference measured in the same run: nginx serving the same bytes, Oxigraph's
# own server on the same data. Prints one Markdown table.
#
#   scripts/bench.sh              # 100 000 extra library resources for search
#   BENCH_RESOURCES=20000 BENCH_SECONDS=5 scripts/bench.sh
#
# Two Archipel servers run: one on the demo content (pages, /healthz, SPARQL,
# OAI-PMH, first-visit bytes, cold start), one on the demo content plus
# BENCH_RESOURCES generated resources imported with `archipel import` (search
# at 1 and 32 connections, memory after load). The large data folder is kept
# under the build folder and reused while its generator is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh

RESOURCES=${BENCH_RESOURCES:-100000}
SECONDS_PER_RUN=${BENCH_SECONDS:-8}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
BIN="$TARGET_DIR/release/archipel"
export ARCHIPEL_SITE_ROOT="${ARCHIPEL_SITE_ROOT:-target/site}"

ensure_debian wrk:wrk nginx-light:/usr/sbin/nginx curl:curl python3:python3
if [ ! -x "$BIN" ] || [ ! -d "$ARCHIPEL_SITE_ROOT/pkg" ]; then
    step "building the release (once)"
    scripts/build-site.sh --release
fi
PYTHON=$(ensure_test_python)
OXIGRAPH="$(dirname "$PYTHON")/oxigraph"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/archipel-bench.XXXXXX")
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # URL: until it answers 200 (30 s at most)
    for _ in $(seq 1 300); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
        sleep 0.1
    done
    echo "no answer from $1" >&2
    return 1
}
millis() { date +%s%3N; }

# Starts `archipel serve` on data folder $1 (public URL $2, else its own
# address); sets PORT and PID.
serve() {
    local data=$1
    PORT=$(free_port)
    ARCHIPEL_DATA_DIR="$data" ARCHIPEL_BIND="127.0.0.1:$PORT" \
        ARCHIPEL_PUBLIC_URL="${2:-http://127.0.0.1:$PORT}" ARCHIPEL_LOG=warn \
        "$BIN" serve >>"$WORK/server.log" 2>&1 &
    PID=$!
    PIDS+=("$PID")
}

# --- the data ---------------------------------------------------------------
step "demo data"
DEMO="$WORK/demo"
ARCHIPEL_DATA_DIR="$DEMO" "$BIN" demo >/dev/null

LARGE="$TARGET_DIR/bench-data/resources-$RESOURCES"
# The server migrates the database and rebuilds an index of an older version
# at start, so the folder outlives builds; a new generator makes a new one.
STAMP="$(sha256sum scripts/bench/resources.py | cut -c1-16)"
if [ "$(cat "$LARGE/.stamp" 2>/dev/null)" != "$STAMP" ]; then
    step "demo data and $RESOURCES generated resources (once, a few minutes)"
    rm -rf "$LARGE" && mkdir -p "$LARGE"
    ARCHIPEL_DATA_DIR="$LARGE/data" "$BIN" demo >/dev/null
    python3 scripts/bench/resources.py "$RESOURCES" "$WORK/resources.json"
    started=$(millis)
    ARCHIPEL_DATA_DIR="$LARGE/data" "$BIN" import "$WORK/resources.json" \
        --partner burgerbildung-digital-e-v --topic digital-ethics >"$LARGE/import.log" 2>&1
    echo "imported in $(( ($(millis) - started) / 1000 )) s" >>"$LARGE/import.log"
    started=$(millis)
    ARCHIPEL_DATA_DIR="$LARGE/data" "$BIN" reindex >>"$LARGE/import.log" 2>&1
    echo "indexed in $(( ($(millis) - started) / 1000 )) s" >>"$LARGE/import.log"
    echo "$STAMP" >"$LARGE/.stamp"
fi

# --- the servers --------------------------------------------------------------
step "starting the servers"
started=$(millis)
serve "$DEMO"
wait_for "http://127.0.0.1:$PORT/fr/courses/mooc-chatons/internet/neutrality"
COLD_START=$(( $(millis) - started ))
A="http://127.0.0.1:$PORT"; A_PID=$PID
# The large folder keeps one public URL from run to run: its RDF (and so
# its dumps, rewritten when the RDF changes) names things under it.
serve "$LARGE/data" "http://archipel-bench.invalid"
wait_for "http://127.0.0.1:$PORT/healthz"
B="http://127.0.0.1:$PORT"; B_PID=$PID

# nginx serves files saved from Archipel's answers (gzip_static: the same
# compressed bytes, as a static site would).
STATIC="$WORK/static"; mkdir -p "$STATIC"
NGINX_PORT=$(free_port)
cat >"$WORK/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    gzip_static on;
    default_type text/html;
    types { text/html html; application/json json; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $STATIC;
        location / { try_files \$uri \$uri/index.html =404; }
    }
}
EOF
nginx -c "$WORK/nginx.conf" -p "$WORK"
trap 'nginx -c "$WORK/nginx.conf" -p "$WORK" -s stop 2>/dev/null || true; cleanup' EXIT
N="http://127.0.0.1:$NGINX_PORT"

# --- measuring -------------------------------------------------------------------
# wrk CONNECTIONS URL [extra wrk args]: "req/s|p50|p99|non-2xx"
measure() {
    local conns=$1 url=$2; shift 2
    local out
    out=$(wrk -t"$(( conns < 2 ? 1 : 2 ))" -c"$conns" -d"${SECONDS_PER_RUN}s" --latency \
        -H 'Accept-Encoding: gzip' "$@" "$url")
    local rps p50 p99 bad
    rps=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    echo "$rps|$p50|$p99|${bad:-0}"
}
field() { cut -d'|' -f"$2" <<<"$1"; }
ratio() { python3 -c "print(f'{$1 / max($2, 1):.2f}×')"; }

ROWS=()
row() {
    ROWS+=("| $1 | $2 | $3 | $4 |")
    echo "${ROWS[-1]}" >&2
}

# A signed-in learner's cookies.
JAR="$WORK/jar"
curl -fsS -c "$JAR" -b "$JAR" -o /dev/null "$A/en/login"
TOKEN=$(awk '$6=="archipel_csrf" {print $7}' "$JAR")
curl -fsS -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "email=learner@example.org" \
    --data-urlencode "password=demo-learner-password" --data-urlencode "_csrf=$TOKEN" "$A/en/login"
COOKIES=$(awk '(!/^#/ || /^#HttpOnly_/) && NF==7 {printf "%s=%s; ", $6, $7}' "$JAR")

RESOURCE=$(curl -fsS "$A/en/library" | grep -o '/en/library/resources/[a-z0-9-]*' | head -1)
PAGES=(
    "home|/fr/"
    "course|/fr/courses/mooc-chatons"
    "lesson|/fr/courses/mooc-chatons/internet/neutrality"
    "library|/fr/library"
    "resource|${RESOURCE/\/en\//\/fr\/}"
    "directory|/fr/directory"
)
step "pages, anonymous and signed in, beside nginx on the same bytes"
i=0
for entry in "${PAGES[@]}"; do
    name=${entry%%|*}; path=${entry#*|}
    for who in anonymous signed-in; do
        i=$((i + 1))
        file="$STATIC/p$i.html"
        if [ "$who" = anonymous ]; then
            curl -fsS -o "$file" "$A$path"
            ours=$(measure 64 "$A$path")
        else
            curl -fsS -H "Cookie: $COOKIES" -o "$file" "$A$path"
            ours=$(measure 64 "$A$path" -H "Cookie: $COOKIES")
        fi
        gzip -9 -k -f "$file"
        theirs=$(measure 64 "$N/p$i.html")
        row "$name page ($who), 64 conns" \
            "$(field "$ours" 1) req/s, p99 $(field "$ours" 3)" \
            "nginx $(field "$theirs" 1) req/s, p99 $(field "$theirs" 3)" \
            "$(ratio "$(field "$ours" 1)" "$(field "$theirs" 1)")"
    done
done

step "/healthz beside nginx"
curl -fsS -o "$STATIC/healthz.json" "$A/healthz"
ours=$(measure 64 "$A/healthz"); theirs=$(measure 64 "$N/healthz.json")
row "/healthz, 64 conns" "$(field "$ours" 1) req/s, p50 $(field "$ours" 2)" \
    "nginx $(field "$theirs" 1) req/s, p50 $(field "$theirs" 2)" \
    "$(ratio "$(field "$ours" 1)" "$(field "$theirs" 1)")"

step "search on $RESOURCES extra resources"
for conns in 1 32; do
    api=$(measure "$conns" "$B/api/v1/search?q=donn%C3%A9es")
    row "search API \`q=données\`, $conns conns" \
        "$(field "$api" 1) req/s, p50 $(field "$api" 2), p99 $(field "$api" 3)" "" ""
    page=$(measure "$conns" "$B/fr/search?q=logiciel%20libre")
    row "search page \`logiciel libre\`, $conns conns" \
        "$(field "$page" 1) req/s, p50 $(field "$page" 2), p99 $(field "$page" 3)" "" ""
done
RSS_LARGE=$(( $(ps -o rss= -p "$B_PID") / 1024 ))

step "SPARQL beside oxigraph serve on the same data"
curl -fsS -o "$WORK/all.nq.gz" "$A/data/dumps/archipel.nq.gz"
gunzip -f "$WORK/all.nq.gz"
"$OXIGRAPH" load --location "$WORK/oxigraph" --file "$WORK/all.nq" >/dev/null 2>&1
OXI_PORT=$(free_port)
"$OXIGRAPH" serve-read-only --location "$WORK/oxigraph" --bind "127.0.0.1:$OXI_PORT" \
    --union-default-graph >"$WORK/oxigraph.log" 2>&1 &
PIDS+=("$!")
O="http://127.0.0.1:$OXI_PORT"
wait_for "$O/query?query=ASK%7B%7D"
SUBJECT=$(curl -fsS -H 'Accept: text/csv' --data-urlencode \
    'query=SELECT ?r WHERE { ?r a <http://schema.org/LearningResource> } LIMIT 1' "$A/sparql" | sed -n 2p | tr -d '\r')
python3 - "$SUBJECT" >"$WORK/sparql.lua" <<'EOF'
import sys, urllib.parse
subject = sys.argv[1]
queries = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    f"SELECT ?p ?o WHERE {{ <{subject}> ?p ?o }}",
    "SELECT ?r ?name WHERE { ?r a <http://schema.org/LearningResource> ; <http://schema.org/name> ?name } LIMIT 20",
    f"ASK {{ <{subject}> ?p ?o }}",
]
paths = ", ".join('"' + urllib.parse.quote(q, safe="") + '"' for q in queries)
print(f"""
local queries = {{ {paths} }}
local prefix = os.getenv("SPARQL_PATH")
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", prefix .. "?query=" .. queries[(i % #queries) + 1],
    {{ ["Accept"] = "application/sparql-results+json" }})
end
""")
EOF
for conns in 1 32; do
    ours=$(SPARQL_PATH=/sparql measure "$conns" "$A" -s "$WORK/sparql.lua")
    theirs=$(SPARQL_PATH=/query measure "$conns" "$O" -s "$WORK/sparql.lua")
    row "\`/sparql\` mix (count, lookup, list, ask), $conns conns" \
        "$(field "$ours" 1) req/s, p99 $(field "$ours" 3), $(field "$ours" 4) not 2xx" \
        "oxigraph serve $(field "$theirs" 1) req/s, p99 $(field "$theirs" 3), $(field "$theirs" 4) not 2xx" \
        "$(ratio "$(field "$ours" 1)" "$(field "$theirs" 1)")"
done

step "OAI-PMH"
oai=$(measure 32 "$A/oai?verb=ListRecords&metadataPrefix=oai_dc")
row "OAI \`ListRecords\` oai_dc (100 records a page), 32 conns" \
    "$(field "$oai" 1) req/s, p50 $(field "$oai" 2), p99 $(field "$oai" 3)" "" ""

step "first-visit bytes"
size() { curl -fsS -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$1"; }
for entry in "${PAGES[@]}" "search|/fr/search?q=logiciel" "register|/fr/register"; do
    name=${entry%%|*}; path=${entry#*|}
    html=$(curl -fsS "$A$path")
    total=$(size "$A$path")
    # The stylesheet, and on a page with an island its loader and wasm.
    assets=$(grep -o '/pkg/[A-Za-z0-9_.-]*\.\(css\|js\|wasm\)' <<<"$html" | sort -u || true)
    for a in $assets; do total=$((total + $(size "$A$a"))); done
    row "first visit of the $name page (compressed)" "$((total / 1024)) KB" "" ""
done

row "cold start of \`archipel serve\` to the first lesson page" "$COLD_START ms" "" ""
row "memory after the search runs ($RESOURCES extra resources)" "$RSS_LARGE MB resident" "" ""
row "memory after the page runs (demo data)" "$(( $(ps -o rss= -p "$A_PID") / 1024 )) MB resident" "" ""

echo
echo "Release build, $(nproc) cores, wrk -t2, ${SECONDS_PER_RUN} s a run, gzip accepted, loopback:"
echo
echo "| what | Archipel | reference, same run | ratio |"
echo "|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
