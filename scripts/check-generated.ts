/**
 * Fails when a committed generated file is stale: regenerates each one in memory (or into a
 * temporary file) and compares it byte for byte with the committed file, printing every stale
 * file and the command that regenerates it. Nothing in the working tree is written, so the check
 * is safe beside uncommitted edits. `.ci/run` runs it before the tests.
 *
 * @example pnpm check:generated   # exit 1 and "stale: web/src/generated/graphql.ts (run: …)"
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One generated file (or folder of files) and how to make it again. */
interface Target {
  /** Paths relative to ROOT that the generator owns. */
  paths: string[];
  /** The command a developer runs to regenerate them. */
  command: string;
  /** The regenerated contents, by path relative to ROOT. */
  regenerate: () => Promise<Map<string, Buffer>>;
}

const TARGETS: Target[] = [
  {
    paths: ['server/src/generated/resolvers-types.ts'],
    command: 'pnpm --filter @nngp-nas/server codegen',
    regenerate: () => codegen('server', true),
  },
  {
    paths: ['web/src/generated'],
    command: 'pnpm --filter @nngp-nas/web codegen',
    regenerate: () => codegen('web', false),
  },
  {
    paths: ['compute/src/nngp/linalg/wasm/kernels.wasm'],
    command: 'sh compute/scripts/build-kernels-wasm.sh',
    regenerate: buildKernelsWasm,
  },
];

/**
 * Runs a package's codegen.ts through @graphql-codegen/cli without writing files. The server's
 * config formats its output with Biome in an after-write hook; the same formatting is applied
 * here through Biome's stdin mode so the bytes compare equal.
 */
async function codegen(pkg: string, biomeFormatted: boolean): Promise<Map<string, Buffer>> {
  const cwd = join(ROOT, pkg);
  // @graphql-codegen/cli is a devDependency of the package, not of the root.
  const cliPath = createRequire(join(cwd, 'package.json')).resolve('@graphql-codegen/cli');
  const cli = (await import(pathToFileURL(cliPath).href)) as {
    generate: (
      config: unknown,
      saveToFile: boolean,
    ) => Promise<{ filename: string; content: string }[]>;
  };
  const config = (
    (await import(pathToFileURL(join(cwd, 'codegen.ts')).href)) as { default: object }
  ).default;
  const outputs = await cli.generate({ ...config, cwd, silent: true, hooks: {} }, false);
  const files = new Map<string, Buffer>();
  for (const { filename, content } of outputs) {
    const path = relative(ROOT, join(cwd, filename));
    files.set(path, Buffer.from(biomeFormatted ? biomeFormat(path, content) : content));
  }
  return files;
}

function biomeFormat(path: string, content: string): string {
  const biome = join(ROOT, 'node_modules/.bin/biome');
  return execFileSync(biome, ['check', '--write', `--stdin-file-path=${path}`], {
    cwd: ROOT,
    input: content,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function buildKernelsWasm(): Promise<Map<string, Buffer>> {
  const dir = mkdtempSync(join(tmpdir(), 'nngp-wasm-'));
  try {
    const out = join(dir, 'kernels.wasm');
    execFileSync('sh', [join(ROOT, 'compute/scripts/build-kernels-wasm.sh'), out], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    return new Map([['compute/src/nngp/linalg/wasm/kernels.wasm', readFileSync(out)]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The committed files under a target's paths (a folder lists its files), relative to ROOT. */
function committedFiles(paths: string[]): string[] {
  return paths.flatMap((path) => {
    const full = join(ROOT, path);
    if (!existsSync(full) || !statSync(full).isDirectory()) return [path];
    return readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
  });
}

/**
 * The stale paths of one target: regenerated files that differ from (or are missing in) the
 * tree, and committed files the generator no longer writes.
 *
 * @example await staleFiles(TARGETS[0]) // [] when up to date
 */
export async function staleFiles(target: Target): Promise<string[]> {
  const fresh = await target.regenerate();
  const stale: string[] = [];
  for (const [path, content] of fresh) {
    const full = join(ROOT, path);
    if (!existsSync(full) || !readFileSync(full).equals(content)) stale.push(path);
  }
  for (const path of committedFiles(target.paths)) if (!fresh.has(path)) stale.push(path);
  return stale;
}

async function main(): Promise<void> {
  let failed = false;
  for (const target of TARGETS) {
    const stale = await staleFiles(target);
    for (const path of stale) console.error(`stale: ${path} (run: ${target.command})`);
    if (stale.length === 0) console.log(`up to date: ${target.paths.join(', ')}`);
    failed ||= stale.length > 0;
  }
  if (failed) process.exit(1);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1])
  await main();
