#!/usr/bin/env bash
# Builds the front end (islands WebAssembly, its JS loader, the stylesheet) into
# the site folder with content-hashed names, and the server binary with the
# matching hash.txt beside it. Same layout as cargo-leptos with hash-files.
#   scripts/build-site.sh [--release]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh

PROFILE=debug
CARGO_PROFILE=()
WASM_PROFILE=()
WASM_DIR=debug
if [ "${1:-}" = "--release" ]; then
    PROFILE=release
    CARGO_PROFILE=(--release)
    WASM_PROFILE=(--profile wasm-release)
    WASM_DIR=wasm-release
fi
TARGET_DIR=${CARGO_TARGET_DIR:-target}
SITE=${ARCHIPEL_SITE_ROOT:-target/site}

ensure_wasm_tools "$PROFILE"
ensure_native_build_tools

step "building the islands (WebAssembly, $PROFILE)"
cargo build -p frontend --lib --target wasm32-unknown-unknown "${WASM_PROFILE[@]}"

step "building the server ($PROFILE)"
cargo build -p server --bin archipel "${CARGO_PROFILE[@]}"

step "assembling $SITE"
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$STAGE" --out-name archipel \
    "$TARGET_DIR/wasm32-unknown-unknown/$WASM_DIR/frontend.wasm"
if [ "$PROFILE" = release ]; then
    "$WASM_OPT" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int -o "$STAGE/archipel_bg.opt.wasm" "$STAGE/archipel_bg.wasm"
    mv "$STAGE/archipel_bg.opt.wasm" "$STAGE/archipel_bg.wasm"
fi
cp style/main.css "$STAGE/archipel.css"

hash_of() { sha256sum "$1" | cut -c1-16; }
JS=$(hash_of "$STAGE/archipel.js")
WASM=$(hash_of "$STAGE/archipel_bg.wasm")
CSS=$(hash_of "$STAGE/archipel.css")
rm -rf "$SITE/pkg"
mkdir -p "$SITE/pkg"
cp "$STAGE/archipel.js" "$SITE/pkg/archipel.$JS.js"
cp "$STAGE/archipel_bg.wasm" "$SITE/pkg/archipel.$WASM.wasm"
cp "$STAGE/archipel.css" "$SITE/pkg/archipel.$CSS.css"
# Precompressed copies, served as they are to browsers that accept gzip.
gzip -9 -k "$SITE"/pkg/*
printf 'js: %s\nwasm: %s\ncss: %s\n' "$JS" "$WASM" "$CSS" > "$TARGET_DIR/$PROFILE/hash.txt"
cp "$TARGET_DIR/$PROFILE/hash.txt" "$SITE/hash.txt"
ls -l "$SITE/pkg" | tail -n +2 | awk '{print "  " $5 " bytes  " $9}'
