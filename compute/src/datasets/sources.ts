import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError } from './batch-file.ts';
import { DatasetError } from './errors.ts';

/**
 * The batch files a load reads: an explicit list as given, a single file as itself, or, in a
 * directory, those of `layout` that are present, in layout order (at least one must be).
 *
 * @example
 * await resolveBatchFiles('cifar-10-batches-bin', ['data_batch_1.bin', 'data_batch_2.bin'], 'training batch')
 * // ['cifar-10-batches-bin/data_batch_1.bin', 'cifar-10-batches-bin/data_batch_2.bin']
 */
export async function resolveBatchFiles(
  source: string | readonly string[],
  layout: readonly string[],
  what: string,
): Promise<string[]> {
  if (typeof source !== 'string') {
    if (source.length === 0) throw new RangeError(`no CIFAR-10 ${what} files given`);
    return [...source];
  }
  const info = await stat(source).catch((error: unknown) => {
    const reason = describeFsError(error).replace('file not found', 'no such file or directory');
    throw new DatasetError({ file: source, record: null }, reason, { cause: error });
  });
  if (!info.isDirectory()) return [source];

  const present: string[] = [];
  for (const name of layout) {
    const file = path.join(source, name);
    if (await isFile(file)) present.push(file);
  }
  if (present.length > 0) return present;
  throw new DatasetError(
    { file: source, record: null },
    `no CIFAR-10 ${what} found in this directory (looked for ${layout.join(', ')})${await hint(source)}`,
  );
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

// The usual mistakes: pointing at the folder the tarball was extracted into, or at the Python
// (pickled) version of the dataset, whose batches have the same names without ".bin".
async function hint(directory: string): Promise<string> {
  const names = await readdir(directory).catch(() => [] as string[]);
  if (names.includes('cifar-10-batches-bin')) {
    return `; did you mean ${path.join(directory, 'cifar-10-batches-bin')}?`;
  }
  if (names.includes('data_batch_1') || names.includes('test_batch')) {
    return '; this looks like the Python version of CIFAR-10, but the binary version is needed';
  }
  return '';
}
