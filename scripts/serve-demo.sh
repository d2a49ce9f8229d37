#!/usr/bin/env bash
# Builds Archipel in release mode, fills the data folder with the demo content
# and serves it on http://127.0.0.1:3000 (override with ARCHIPEL_BIND,
# ARCHIPEL_PUBLIC_URL, ARCHIPEL_DATA_DIR). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh
TARGET_DIR=${CARGO_TARGET_DIR:-target}

scripts/build-site.sh --release
export ARCHIPEL_SITE_ROOT="${ARCHIPEL_SITE_ROOT:-target/site}"
# Course authors see their edits of content/ without restarting.
export ARCHIPEL_WATCH_CONTENT="${ARCHIPEL_WATCH_CONTENT:-true}"
BIN="$TARGET_DIR/release/archipel"

step "demo content"
"$BIN" demo
step "serving (Ctrl-C to stop)"
exec "$BIN" serve
