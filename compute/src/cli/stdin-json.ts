import { text } from 'node:stream/consumers';
import { UsageError } from './errors.ts';

/**
 * The JSON document on stdin; invalid JSON is a usage error (exit 2). JSON has no NaN or
 * Infinity, so a NaN written by a notebook lands here too.
 *
 * @example const input = await readStdinJson();
 */
export async function readStdinJson(): Promise<unknown> {
  const input = await text(process.stdin);
  try {
    return JSON.parse(input);
  } catch (error) {
    throw new UsageError(
      `stdin is not valid JSON (NaN and Infinity are not JSON numbers): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
