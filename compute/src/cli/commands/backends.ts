import type { Command } from 'commander';
import { checkProvider, ONNX_PROVIDERS } from '../../network/onnx/index.ts';
import { BACKENDS, startBackend } from '../../network/tfjs/index.ts';
import { EVALUATION_DEFAULTS } from '../../nngp/evaluation-defaults.ts';
import { log, printJson } from '../output.ts';

interface BackendStatus {
  engine: 'tfjs' | 'onnx';
  backend: string;
  loads: boolean;
  /** Why it does not load, and what to install. */
  reason?: string;
}

const FALLBACK = {
  tfjs: 'tensorflow (tfjs-node-gpu, then tfjs-node) → wasm → cpu; webgpu only with --backend webgpu',
  onnx: 'cpu; webgpu and cuda only with --backend (no automatic fallback: a missing provider is an error)',
};

/**
 * `nngp backends`: every engine's backends (tfjs) and execution providers (onnx), whether each
 * loads on this machine and why not, and the order each engine falls back in.
 *
 * @example pnpm nngp backends --json
 */
export function registerBackends(program: Command): void {
  program
    .command('backends')
    .description('engines and their backends/providers: which load here, and the fallback order')
    .option('--json', 'print {"defaultEngine","fallback","backends":[…]} on stdout')
    .action(async (options: { json?: boolean }) => {
      const backends: BackendStatus[] = [];
      // tfjs backends register globally; trying each in turn leaves the last that loaded active,
      // which is harmless in a command that runs nothing else.
      for (const backend of BACKENDS) {
        backends.push(await probe('tfjs', backend, () => startBackend(backend)));
      }
      for (const provider of ONNX_PROVIDERS) {
        backends.push(await probe('onnx', provider, () => checkProvider(provider)));
      }
      const report = { defaultEngine: EVALUATION_DEFAULTS.engine, fallback: FALLBACK, backends };
      if (options.json) {
        printJson(report);
        return;
      }
      for (const b of backends) {
        log(
          `${b.engine.padEnd(5)} ${b.backend.padEnd(11)} ${b.loads ? 'loads' : 'no   '}${b.reason ? `  ${b.reason}` : ''}`,
        );
      }
      log(`default engine: ${report.defaultEngine}`);
      log(`tfjs fallback: ${FALLBACK.tfjs}`);
      log(`onnx fallback: ${FALLBACK.onnx}`);
    });
}

async function probe(
  engine: BackendStatus['engine'],
  backend: string,
  load: () => Promise<unknown>,
): Promise<BackendStatus> {
  try {
    await load();
    return { engine, backend, loads: true };
  } catch (error) {
    return {
      engine,
      backend,
      loads: false,
      reason: error instanceof Error ? error.message.split('\n')[0] : String(error),
    };
  }
}
