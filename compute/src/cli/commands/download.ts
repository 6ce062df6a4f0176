import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { extract } from 'tar';
import { downloadsDir } from '../../nasbench/data-files.ts';
import { DownloadError, UsageError } from '../errors.ts';
import { log, printJson, progressBar } from '../output.ts';

/** The official files; CIFAR-10 comes as a tarball of the binary batches. */
export const DOWNLOADS = {
  'nasbench-full': {
    url: 'https://storage.googleapis.com/nasbench/nasbench_full.tfrecord',
    file: 'nasbench_full.tfrecord',
  },
  'nasbench-only108': {
    url: 'https://storage.googleapis.com/nasbench/nasbench_only108.tfrecord',
    file: 'nasbench_only108.tfrecord',
  },
  cifar10: {
    url: 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz',
    file: 'cifar-10-binary.tar.gz',
  },
} as const;

type Dataset = keyof typeof DOWNLOADS;

export function registerDownload(program: Command): void {
  program
    .command('download')
    .description(`download official data: ${Object.keys(DOWNLOADS).join(', ')}`)
    .argument('<dataset>', 'which file')
    .option('--dir <dir>', 'where to put it (default: $NNGP_DATA_DIR/downloads)')
    .option('--url <url>', 'download from this address instead (a mirror)')
    .option('--json', 'print {"path"} on stdout')
    .action(async (name: string, options: { dir?: string; url?: string; json?: boolean }) => {
      if (!(name in DOWNLOADS)) {
        throw new UsageError(
          `unknown dataset '${name}': expected one of ${Object.keys(DOWNLOADS).join(', ')}`,
        );
      }
      const path = await download(name as Dataset, options.dir ?? downloadsDir(), options.url);
      if (options.json) printJson({ path });
      else log(`downloaded ${path}`);
    });
}

/** Downloads `dataset` into `dir` (atomically: a partial file never takes the final name). */
export async function download(dataset: Dataset, dir: string, url?: string): Promise<string> {
  const source = url ?? DOWNLOADS[dataset].url;
  const target = join(dir, DOWNLOADS[dataset].file);
  await mkdir(dir, { recursive: true });
  const partial = `${target}.part`;
  try {
    const response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok || response.body === null) {
      throw new Error(`HTTP ${response.status} ${response.statusText}`);
    }
    const total = Number(response.headers.get('content-length') ?? 0);
    const bar = progressBar(`downloading ${DOWNLOADS[dataset].file}`, total, 'bytes');
    let received = 0;
    const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      bar.update(received);
    });
    await pipeline(body, createWriteStream(partial));
    bar.stop();
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    throw new DownloadError(
      `could not download ${source} (${reason}). Without internet access, fetch it on another ` +
        `machine and place it at ${target}` +
        (dataset === 'cifar10'
          ? ', then extract it there (tar xzf)'
          : `, then run: pnpm nngp nasbench import ${target}`),
    );
  }
  if (dataset === 'cifar10') {
    await extract({ file: target, cwd: dir });
    return join(dir, 'cifar-10-batches-bin');
  }
  return target;
}
