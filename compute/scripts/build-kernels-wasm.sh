#!/bin/sh
# Assembles the wasm SIMD linear-algebra kernels from their text source. kernels.wasm is
# committed, so only a change to kernels.wat needs this; tests and runtime never run it.
# wat2wasm comes from the `wabt` npm package (a pinned devDependency), so a fresh machine needs
# nothing beyond `pnpm install`. An optional argument writes elsewhere (`pnpm check:generated`
# compares that output with the committed file).
#
# Usage: compute/scripts/build-kernels-wasm.sh [output.wasm]
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"
dir="$here/src/nngp/linalg/wasm"
out="${1:-$dir/kernels.wasm}"
"$here/node_modules/.bin/wat2wasm" --enable-threads "$dir/kernels.wat" -o "$out"
