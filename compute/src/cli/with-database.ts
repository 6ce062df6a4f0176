import { type Database, openDatabase } from '@nngp-nas/db';
import { log } from './output.ts';

/** Runs `work` with the project database open (embedded unless DATABASE_URL is set), then closes it. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ log });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
