#!/usr/bin/env bash
# Packs what the GPU check needs into .gpu/ (git-ignored) for a machine that has no Node, no npm
# and no network: a bundle of compute/bench/gpu-check.ts, the webgpu package's Linux x64 Dawn,
# Node itself, the CIFAR-10 subset and the Vulkan loader, and onnxruntime-node (its CPU and WebGPU
# providers; its CUDA provider too when it was installed here first with
# `ONNXRUNTIME_NODE_INSTALL=cuda12 pnpm rebuild onnxruntime-node`, see README "GPUs"). Then, on that
# machine, from the repo root (tfjs webgpu against ONNX Runtime cuda and webgpu, under five minutes):
#   bash .gpu/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=.gpu
rm -rf "$out" && mkdir -p "$out/node_modules/webgpu/dist/linux-x64"
webgpu=$(dirname "$(node -e "console.log(require.resolve('webgpu/package.json', {paths: ['compute']}))")")
cp "$webgpu/package.json" "$webgpu/index.js" "$out/node_modules/webgpu/"
xz -T0 -6 -c "$webgpu/dist/linux-x64/dawn.node" > "$out/dawn.node.xz"
npx esbuild compute/bench/gpu-check.ts --bundle --platform=node --format=esm --target=node20 \
  --external:webgpu --external:@tensorflow/tfjs-node --external:@tensorflow/tfjs-node-gpu \
  --external:@tensorflow/tfjs-backend-wasm --external:onnxruntime-node \
  --banner:js="import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" \
  --outfile="$out/gpu-check.mjs" --log-level=warning
# onnxruntime-node loads its native binding and libonnxruntime from its own bin/: ship the package.
ort=$(dirname "$(node -e "console.log(require.resolve('onnxruntime-node/package.json', {paths: ['compute']}))")")
common=$(node -e "const p = require.resolve('onnxruntime-common', {paths: ['$ort']}); console.log(p.slice(0, p.lastIndexOf('/dist/')))")
mkdir -p "$out/node_modules/onnxruntime-node/bin/napi-v6/linux" "$out/node_modules/onnxruntime-common"
cp -rL "$ort/package.json" "$ort/dist" "$out/node_modules/onnxruntime-node/"
cp -rL "$ort/bin/napi-v6/linux/x64" "$out/node_modules/onnxruntime-node/bin/napi-v6/linux/"
cp -rL "$common/package.json" "$common/dist" "$out/node_modules/onnxruntime-common/"
# The bundle resolves the linear-algebra kernels beside itself (new URL('./wasm/…', import.meta.url)).
mkdir -p "$out/wasm" && cp compute/src/nngp/linalg/wasm/kernels.wasm "$out/wasm/"
xz -T0 -6 -c "$(readlink -f "$(command -v node)")" > "$out/node.xz"
xz -T0 -6 -c ../shared/data/cifar10/data_batch_1_first4000.bin > "$out/cifar.bin.xz"
# Vulkan loader and the glvnd libraries the NVIDIA ICD (libGLX_nvidia) needs.
(cd "$out" && apt-get download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2 >/dev/null 2>&1 || true)
cat > "$out/run.sh" <<'RUN'
set -u
cd "$(dirname "$0")"
xz -d -k -f node.xz dawn.node.xz cifar.bin.xz && chmod +x node
mv -f dawn.node node_modules/webgpu/dist/linux-x64/dawn.node
for f in *.deb; do [ -f "$f" ] && dpkg -x "$f" /; done; ldconfig
export VK_DRIVER_FILES=${VK_DRIVER_FILES:-/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json}
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader
./node gpu-check.mjs --backend webgpu --onnx cuda,webgpu --dataset cifar.bin
RUN
du -sh "$out"; ls -la "$out"
