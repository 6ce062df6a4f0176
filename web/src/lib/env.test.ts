import { describe, expect, it } from 'vitest';
import { apiErrorFrom } from './api/errors.ts';
import { readWebEnv } from './env.ts';

describe('readWebEnv', () => {
  it('defaults NNGP_API_URL to the local API and treats empty as unset', () => {
    expect(readWebEnv({}).apiUrl.href).toBe('http://localhost:4000/graphql');
    expect(readWebEnv({ NNGP_API_URL: '' }).apiUrl.href).toBe('http://localhost:4000/graphql');
    expect(readWebEnv({ NNGP_API_URL: 'http://api:4100/graphql' }).apiUrl.port).toBe('4100');
  });

  it('names the variable when it is not an http(s) URL', () => {
    expect(() => readWebEnv({ NNGP_API_URL: 'not a url' })).toThrow(/NNGP_API_URL: must be a URL/);
    expect(() => readWebEnv({ NNGP_API_URL: 'ftp://x/graphql' })).toThrow(
      /NNGP_API_URL: must be an http/,
    );
  });
});

describe('apiErrorFrom', () => {
  it('joins distinct messages and keeps the first code', () => {
    const error = apiErrorFrom([
      { message: 'no experiment 9', extensions: { code: 'NOT_FOUND' } },
      { message: 'no experiment 9' },
      { message: 'other', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    expect(error.message).toBe('no experiment 9; other');
    expect(error.code).toBe('NOT_FOUND');
  });
});
