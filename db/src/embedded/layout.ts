import path from 'node:path';

/**
 * Where everything of the embedded server lives for one data directory. One place, so
 * every process (and every version of this code) agrees on the names.
 */
export interface DataDirLayout {
  root: string;
  /** The PostgreSQL cluster (initdb's PGDATA), owned by the user the server runs as. */
  cluster: string;
  /** Where the running server listens: written by the process that started it. */
  serverFile: string;
  /** Guards start/stop decisions across processes. */
  lockFile: string;
  /** One file per process using the server, named by pid. */
  usersDir: string;
  /** The server's own log (pg_ctl -l), owned by the user the server runs as. */
  logFile: string;
  /**
   * A directory the server account can enter: the working directory of its programs and
   * the place of files handed to them. The data directory itself, unless it is staged.
   */
  serverDir: string;
  /** Says where the cluster lives when it is staged outside the data directory. */
  clusterRecordFile: string;
}

/**
 * The layout with everything inside the data directory (the cluster in `postgres/`).
 *
 * @example
 * dataDirLayout('/srv/nngp/.data').serverFile // '/srv/nngp/.data/server.json'
 */
export function dataDirLayout(root: string): DataDirLayout {
  return {
    root,
    cluster: path.join(root, 'postgres'),
    serverFile: path.join(root, 'server.json'),
    lockFile: path.join(root, 'server.lock'),
    usersDir: path.join(root, 'users'),
    logFile: path.join(root, 'postgres.log'),
    serverDir: root,
    clusterRecordFile: path.join(root, 'cluster.json'),
  };
}
