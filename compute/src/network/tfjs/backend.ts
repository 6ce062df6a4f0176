import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

/** Backends by preference; `webgpu` is opt-in (Dawn through the `webgpu` npm package). */
export const BACKENDS = ['tensorflow', 'wasm', 'cpu', 'webgpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
const AUTOMATIC: BackendName[] = ['tensorflow', 'wasm', 'cpu'];

/** A backend could not be started; says why and what to do. */
export class BackendError extends Error {
  override name = 'BackendError';
}

const loaders: Record<BackendName, () => Promise<void>> = {
  async tensorflow() {
    // tfjs-node(-gpu) only works once its install script fetched libtensorflow and built the
    // binding; importing a package without it registers half its kernels and then throws.
    const installed = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'].find(hasNativeBinding);
    if (installed === undefined) {
      throw new Error('@tensorflow/tfjs-node(-gpu) is not installed with its native library');
    }
    await import(installed);
  },
  async wasm() {
    await import('@tensorflow/tfjs-backend-wasm');
  },
  async cpu() {
    await import('@tensorflow/tfjs-backend-cpu');
  },
  async webgpu() {
    const dawn = (await import('webgpu')) as unknown as {
      create: (flags: string[]) => unknown;
      globals: Record<string, unknown>;
    };
    Object.assign(globalThis, dawn.globals);
    const gpu = dawn.create([]) as { requestAdapter(): Promise<unknown> };
    if ((await gpu.requestAdapter()) === null) {
      throw new Error('no WebGPU adapter: needs a GPU with a Vulkan driver (and libvulkan1)');
    }
    Object.defineProperty(globalThis, 'navigator', {
      value: { ...((globalThis as { navigator?: object }).navigator ?? {}), gpu },
      configurable: true,
    });
    await import('@tensorflow/tfjs-backend-webgpu');
  },
};

/**
 * Starts `preferred`, or the first of tensorflow → wasm → cpu that works, and returns its name.
 *
 * @example const backend = await startBackend(); // 'wasm' where libtensorflow is not installed
 */
export async function startBackend(preferred?: BackendName): Promise<BackendName> {
  const candidates = preferred ? [preferred] : AUTOMATIC;
  const failures: string[] = [];
  for (const name of candidates) {
    try {
      await loaders[name]();
      if (await tf.setBackend(name)) {
        await tf.ready();
        return name;
      }
      failures.push(`${name}: did not initialise`);
    } catch (error) {
      failures.push(
        `${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
  }
  throw new BackendError(`no TensorFlow.js backend could start (${failures.join('; ')})`);
}

function hasNativeBinding(name: string): boolean {
  try {
    const root = dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
    const lib = join(root, 'lib');
    return (
      existsSync(lib) && readdirSync(lib).some((d) => existsSync(join(lib, d, 'tfjs_binding.node')))
    );
  } catch {
    return false;
  }
}
