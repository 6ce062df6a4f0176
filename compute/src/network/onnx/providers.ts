import { availableParallelism } from 'node:os';
import * as ort from 'onnxruntime-node';
import { readComputeEnv } from '../../env.ts';
import { ProtoBuilder } from './proto-builder.ts';

/** ONNX Runtime execution providers this project knows; `cpu` is the default. */
export const ONNX_PROVIDERS = ['cpu', 'webgpu', 'cuda'] as const;
export type OnnxProvider = (typeof ONNX_PROVIDERS)[number];

/** A provider could not be used; the message says what to install. */
export class ProviderError extends Error {
  override name = 'ProviderError';
}

const HOW_TO_INSTALL: Record<OnnxProvider, string> = {
  cpu: 'reinstall onnxruntime-node (its native CPU library ships in the npm package)',
  webgpu:
    'needs a GPU with a Vulkan driver and libvulkan1 (Linux), or D3D12/Metal; the provider ships in onnxruntime-node',
  cuda: "install ONNX Runtime's CUDA binaries: set onnxruntime-node to true under allowBuilds in pnpm-workspace.yaml, then `ONNXRUNTIME_NODE_INSTALL=cuda12 pnpm rebuild onnxruntime-node` (needs CUDA 12 and cuDNN 9, and internet access)",
};

/**
 * Session options every lowered model uses: the provider, and ORT's own thread pool over every
 * core (one process, one pool: evaluations must not also run one worker thread per core).
 *
 * @example const session = await ort.InferenceSession.create(bytes, sessionOptions('cpu'));
 */
export function sessionOptions(provider: OnnxProvider): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: [provider],
    intraOpNumThreads: readComputeEnv().NNGP_ONNX_THREADS ?? availableParallelism(),
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    // Idle pool threads sleep instead of spinning: on the shared 2-core machine (load 4) full-width
    // forward passes ran 618–688 ms per 50 images against 788–973 ms spinning, and the main
    // thread's NNGP solves between passes get the cores.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
}

// A one-op model proves a provider loads (creating a session is the only reliable test).
function probeModel(): Uint8Array {
  const b = new ProtoBuilder();
  b.input('x', [1]);
  b.output('y', [1]);
  b.node('Relu', ['x'], ['y']);
  return b.encode('probe');
}

/**
 * Resolves when `provider` can run here; otherwise throws a ProviderError naming what to install.
 * Checks ORT's list of providers built into this binary first, then opens a tiny session.
 *
 * @example await checkProvider('cuda'); // ProviderError on a machine without ORT's CUDA binaries
 */
export async function checkProvider(provider: OnnxProvider): Promise<void> {
  if (!ONNX_PROVIDERS.includes(provider)) {
    throw new ProviderError(
      `unknown ONNX Runtime provider '${provider}' (known: ${ONNX_PROVIDERS.join(', ')})`,
    );
  }
  const listed = ort.listSupportedBackends().find((b) => b.name === provider);
  if (listed === undefined) {
    throw new ProviderError(
      `this onnxruntime-node build has no '${provider}' provider: ${HOW_TO_INSTALL[provider]}`,
    );
  }
  let session: ort.InferenceSession | undefined;
  try {
    // Severity 4 (fatal only): the failure is reported below, not also logged in red by ORT.
    session = await ort.InferenceSession.create(probeModel(), {
      executionProviders: [provider],
      logSeverityLevel: 4,
    });
  } catch (error) {
    const first = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    // ORT prefixes a source location and the failed check; the last sentence is the cause.
    const reason = first.split(/(?<=\.) /).pop();
    throw new ProviderError(
      `ONNX Runtime's '${provider}' provider did not load (${reason}): ${HOW_TO_INSTALL[provider]}`,
    );
  } finally {
    await session?.release();
  }
}
