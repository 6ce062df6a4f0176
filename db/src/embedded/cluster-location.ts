import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DataDirError } from '../errors.ts';
import { accountCanEnter } from './account-access.ts';
import { writeJsonFileAtomically } from './json-file.ts';
import { type DataDirLayout, dataDirLayout } from './layout.ts';
import { chownToServer, type ServerAccount } from './server-account.ts';
import { stagingRoot } from './staging-root.ts';

const clusterRecordSchema = z.object({
  /** Holds the cluster (`postgres/`) and the server log; owned by the server account. */
  dir: z.string(),
  /** The data directory's real path when the cluster was staged (the key of `dir`). */
  dataDir: z.string(),
  stagedAt: z.string(),
});

/**
 * Where the cluster of the data directory `root` lives: inside it (`postgres/`), or, when
 * we are root and the server account cannot enter `root` (a project under /root), in a
 * directory of the staging root that the account owns, keyed by a hash of root's real
 * path and recorded in `<root>/cluster.json`, so every process and every later run finds
 * the same cluster. The lock, server.json and users/ always stay in `root`. Call it
 * holding the data directory's lock: it may stage and record.
 *
 * @example
 * const layout = resolveLayout('/root/project/.data', serverAccount(), log);
 * layout.cluster // '/var/lib/nngp-nas/clusters/3f9c0a…/postgres'
 */
export function resolveLayout(
  root: string,
  account: ServerAccount,
  log: (line: string) => void,
  stagingDir: () => string = () => stagingRoot(account),
): DataDirLayout {
  const inPlace = dataDirLayout(root);
  if (existsSync(inPlace.clusterRecordFile)) return stagedLayout(inPlace, readRecord(inPlace));
  // An existing cluster in place stays in place: moving data is not ours to decide.
  if (existsSync(path.join(inPlace.cluster, 'PG_VERSION'))) return inPlace;
  if (accountCanEnter(account, root)) return inPlace;

  const realRoot = realpathSync(root);
  const key = createHash('sha256').update(realRoot).digest('hex').slice(0, 16);
  const clustersDir = path.join(stagingDir(), 'clusters');
  if (mkdirSync(clustersDir, { recursive: true }) !== undefined) chmodSync(clustersDir, 0o755);
  const dir = unusedDir(clustersDir, key);
  // For whoever cleans up the staging root: which data directory this belongs to.
  writeFileSync(path.join(dir, 'DATA_DIR'), `${realRoot}\n`);
  chownToServer(dir, account);
  const record = { dir, dataDir: realRoot, stagedAt: new Date().toISOString() };
  writeJsonFileAtomically(inPlace.clusterRecordFile, record);
  log(
    `embedded PostgreSQL: the server account cannot enter ${root}; its cluster and log live ` +
      `in ${dir} (recorded in ${inPlace.clusterRecordFile})`,
  );
  return stagedLayout(inPlace, record);
}

/**
 * `<parent>/<key>`, or `<key>-2`, `-3`, … when that exists: left behind by a data directory
 * of the same path that was deleted. Its data is not ours to reuse (a new data directory
 * means a new, empty database) nor to delete.
 */
function unusedDir(parent: string, key: string): string {
  for (let n = 1; ; n++) {
    const dir = path.join(parent, n === 1 ? key : `${key}-${n}`);
    try {
      mkdirSync(dir, { mode: 0o700 });
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function readRecord(layout: DataDirLayout): z.infer<typeof clusterRecordSchema> {
  let parsed: ReturnType<typeof clusterRecordSchema.safeParse>;
  try {
    parsed = clusterRecordSchema.safeParse(
      JSON.parse(readFileSync(layout.clusterRecordFile, 'utf8')),
    );
  } catch (error) {
    throw new DataDirError(layout.root, `cannot read ${layout.clusterRecordFile}`, {
      cause: error,
    });
  }
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new DataDirError(
      layout.root,
      `${layout.clusterRecordFile} is invalid (${problems.join('; ')})`,
    );
  }
  if (!existsSync(parsed.data.dir)) {
    // Not made anew: the data this record points to is gone, and an empty cluster in its
    // place would hide that.
    throw new DataDirError(
      layout.root,
      `the cluster recorded in ${layout.clusterRecordFile} (${parsed.data.dir}) is gone; ` +
        'remove that file to start over with a new, empty cluster',
    );
  }
  return parsed.data;
}

function stagedLayout(
  inPlace: DataDirLayout,
  record: z.infer<typeof clusterRecordSchema>,
): DataDirLayout {
  return {
    ...inPlace,
    cluster: path.join(record.dir, 'postgres'),
    logFile: path.join(record.dir, 'postgres.log'),
    serverDir: record.dir,
  };
}
