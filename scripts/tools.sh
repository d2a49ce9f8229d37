# Shared by the scripts: installs what a fresh machine lacks, from the
# registries this project is allowed to use (crates.io, npm, Debian).
# shellcheck shell=bash

WASM_BINDGEN_VERSION=0.2.130   # must equal wasm-bindgen in Cargo.lock
BINARYEN_VERSION=132           # npm's binaryen; Debian's older wasm-opt breaks hydration
TOOLS_DIR=${ARCHIPEL_TOOLS_DIR:-$HOME/.cache/archipel/tools}

step() { printf '\n==> %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "need root to run: $*" >&2; return 1; fi
}

# Installs Debian packages that are missing (by command or by file).
ensure_debian() {
    local missing=()
    for spec in "$@"; do
        local pkg=${spec%%:*} probe=${spec#*:}
        if [[ "$probe" == /* ]]; then [ -e "$probe" ] || missing+=("$pkg");
        else command -v "$probe" >/dev/null 2>&1 || missing+=("$pkg"); fi
    done
    if [ ${#missing[@]} -gt 0 ]; then
        step "installing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

ensure_wasm_tools() {
    local profile=$1
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        step "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi
    if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
        step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
        cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
    fi
    WASM_OPT="$TOOLS_DIR/node_modules/.bin/wasm-opt"
    if [ "$profile" = release ] && [ ! -x "$WASM_OPT" ]; then
        step "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
        mkdir -p "$TOOLS_DIR"
        npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
    fi
    export WASM_OPT
}

# The embedded RDF store (RocksDB, C++) is compiled with bindgen, which needs
# libclang; g++ compiles it.
ensure_native_build_tools() {
    if ! compgen -G "/usr/lib/llvm-*/lib/libclang.so" >/dev/null; then
        ensure_debian libclang-dev:/usr/include/clang-c/Index.h
    fi
    ensure_debian g++:g++
}

# The Python tools the tests use, in one virtual environment under the tools
# folder, installed once from PyPI at pinned versions: the standalone Oxigraph
# server (scripts/with-oxigraph.sh), the SPARQL clients SPARQLWrapper and
# rdflib that the protocol tests drive against the real server, and pyshacl,
# which validates the dumps against the shapes in linked-data/shapes/.
# Prints the environment's python.
PYTHON_TOOLS="oxigraph==0.5.13 SPARQLWrapper==2.0.0 rdflib==7.6.0 pyshacl==0.40.1"
ensure_test_python() {
    local venv="$TOOLS_DIR/python-venv" stamp
    stamp="$venv/.installed"
    if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$PYTHON_TOOLS" ]; then
        step "installing the Python test tools from PyPI (once): $PYTHON_TOOLS"
        ensure_debian python3:python3
        mkdir -p "$TOOLS_DIR"
        # Debian's own python3 needs python3-venv for this.
        python3 -m venv "$venv" >/dev/null 2>&1 \
            || { rm -rf "$venv"; ensure_debian python3-venv:/usr/lib/python3/dist-packages/venv \
                 && python3 -m venv "$venv" >&2; }
        # shellcheck disable=SC2086
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check $PYTHON_TOOLS >&2
        echo "$PYTHON_TOOLS" >"$stamp"
    fi
    echo "$venv/bin/python"
}
