import { type FileHandle, open, stat } from 'node:fs/promises';

/** What a file given as input is meant to be, as the messages name it. */
export type InputFileKind = 'record file' | 'proxy file';

/**
 * A file given as input cannot be used: missing, a directory, unreadable, or empty. The message
 * names the kind of file and its path as the caller gave it, e.g.
 * `record file is a directory: data/nasbench` — Node's own EISDIR names no path at all.
 */
export class InputFileError extends Error {
  override name = 'InputFileError';
  readonly path: string;
  /** The problem without the kind and path, e.g. `not found`. */
  readonly problem: string;

  constructor(kind: InputFileKind, path: string, problem: string, options?: { cause?: unknown }) {
    super(`${kind} ${problem}: ${path}`, options);
    this.path = path;
    this.problem = problem;
  }
}

export interface OpenInputFileOptions {
  /** Accept a 0-byte file (a TFRecord file may hold no records; an import must not). */
  allowEmpty?: boolean;
}

/**
 * Opens a regular file for reading, or throws InputFileError naming it. The stat comes first so
 * that a directory or a named pipe is refused before `open` (which accepts a directory and would
 * block on a pipe), and every later read of the handle cannot fail with a pathless EISDIR.
 *
 * @example
 * const { handle, size } = await openInputFile('nb101.tfrecord', 'record file');
 * try { await handle.read(Buffer.alloc(12), 0, 12, 0); } finally { await handle.close(); }
 */
export async function openInputFile(
  path: string,
  kind: InputFileKind,
  options: OpenInputFileOptions = {},
): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    const found = await stat(path);
    if (found.isDirectory()) throw new InputFileError(kind, path, 'is a directory');
    if (!found.isFile()) throw new InputFileError(kind, path, 'is not a regular file');
    handle = await open(path, 'r');
  } catch (error) {
    throw accessError(kind, path, error);
  }
  const { size } = await handle.stat();
  if (size === 0 && !options.allowEmpty) {
    await handle.close();
    throw new InputFileError(kind, path, 'is empty (0 bytes)');
  }
  return { handle, size };
}

/**
 * Checks that `path` would open as an input file (for a command to fail before it starts a
 * database); resolves to its size.
 *
 * @example const size = await checkInputFile('zen.csv', 'proxy file'); // or InputFileError
 */
export async function checkInputFile(
  path: string,
  kind: InputFileKind,
  options: OpenInputFileOptions = {},
): Promise<number> {
  const { handle, size } = await openInputFile(path, kind, options);
  await handle.close();
  return size;
}

/** Node's file-system error codes in words; anything else keeps its code and message. */
const PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'not found',
  ENOTDIR: 'not found (a component of the path is not a directory)',
  ELOOP: 'not found (too many levels of symbolic links)',
  ENAMETOOLONG: 'not found (the path is too long)',
  EACCES: 'not readable (permission denied)',
  EPERM: 'not readable (operation not permitted)',
  EISDIR: 'is a directory',
};

function accessError(kind: InputFileKind, path: string, error: unknown): InputFileError {
  if (error instanceof InputFileError) return error;
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  const problem =
    (code !== undefined ? PROBLEMS[code] : undefined) ??
    `cannot be opened (${error instanceof Error ? error.message : String(error)})`;
  return new InputFileError(kind, path, problem, { cause: error });
}
