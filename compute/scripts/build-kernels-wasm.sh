#!/bin/sh
# Assembles the wasm SIMD linear-algebra kernels from their text source. kernels.wasm is
# committed, so only a change to kernels.wat needs this; tests and runtime never run it.
set -eu
dir="$(cd "$(dirname "$0")/../src/nngp/linalg/wasm" && pwd)"
npx --yes -p wabt@1.0.39 wat2wasm --enable-threads "$dir/kernels.wat" -o "$dir/kernels.wasm"
