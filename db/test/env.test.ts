import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from '../src/index.ts';

describe('readEnv', () => {
  it('defaults NNGP_DATA_DIR to .data under the current directory', () => {
    expect(readEnv({})).toEqual({ NNGP_DATA_DIR: path.resolve(process.cwd(), '.data') });
  });

  it('resolves a relative NNGP_DATA_DIR and keeps valid URLs', () => {
    const env = readEnv({
      NNGP_DATA_DIR: 'var/db',
      DATABASE_URL: 'postgres://u:p@db.example:5433/nngp',
      NNGP_TEST_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    expect(env.NNGP_DATA_DIR).toBe(path.resolve(process.cwd(), 'var/db'));
    expect(env.DATABASE_URL).toBe('postgres://u:p@db.example:5433/nngp');
    expect(env.NNGP_TEST_DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/postgres');
  });

  it('treats empty variables as unset', () => {
    expect(readEnv({ DATABASE_URL: '', NNGP_DATA_DIR: '' })).toEqual({
      NNGP_DATA_DIR: path.resolve(process.cwd(), '.data'),
    });
  });

  it('rejects a malformed URL, naming the variable', () => {
    expect(() => readEnv({ DATABASE_URL: 'not a url' })).toThrow(EnvError);
    expect(() => readEnv({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});
