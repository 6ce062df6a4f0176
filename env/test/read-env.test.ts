import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvError, readEnv, unsetIfBlank, unsetIfEmpty } from '../src/index.ts';

const schema = z.object({
  PORT: z.preprocess(unsetIfBlank, z.coerce.number().int().min(1).default(80)),
  NAME: z.preprocess(unsetIfEmpty, z.string().optional()),
});

describe('readEnv', () => {
  it('returns the parsed variables, blank meaning unset', () => {
    expect(readEnv(schema, { PORT: '8080', NAME: 'x' })).toEqual({ PORT: 8080, NAME: 'x' });
    expect(readEnv(schema, { PORT: ' ', NAME: '' })).toEqual({ PORT: 80 });
    expect(readEnv(schema, { PORT: ' 81 ', NAME: ' ' })).toEqual({ PORT: 81, NAME: ' ' });
  });

  it('throws an EnvError naming each bad variable', () => {
    expect(() => readEnv(schema, { PORT: '0' })).toThrow(EnvError);
    expect(() => readEnv(schema, { PORT: 'abc' })).toThrow(/^invalid environment: PORT: /);
  });

  it('lets a package throw its own error class', () => {
    class MyError extends Error {}
    expect(() => readEnv(schema, { PORT: '0' }, (message) => new MyError(message))).toThrow(
      MyError,
    );
  });

  it('reads process.env by default', () => {
    expect(readEnv(z.object({ PATH: z.string() })).PATH).toBe(process.env.PATH);
  });
});
