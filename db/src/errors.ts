/**
 * Domain errors of @nngp-nas/db. Every error names what went wrong and, where it helps,
 * the directory or URL involved, so a CLI can print `error.message` as is.
 */
export class DatabaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The environment (DATABASE_URL, NNGP_DATA_DIR, ...) does not validate. */
export class EnvError extends DatabaseError {}

/**
 * The embedded data directory is held or shaped in a way openDatabase cannot handle
 * (a postmaster that does not answer, a lock that is never released, foreign files).
 */
export class DataDirError extends DatabaseError {
  constructor(
    readonly dataDir: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${message} (data directory: ${dataDir})`, options);
  }
}

/** initdb, pg_ctl or the embedded server itself failed. */
export class EmbeddedServerError extends DatabaseError {}

/** Applying the committed migrations failed. */
export class MigrationError extends DatabaseError {}
