import { describe, expect, it } from 'vitest';
import { maskInternalErrors } from '../src/format-error.ts';

describe('maskInternalErrors', () => {
  it('replaces an internal error message and logs the detail', () => {
    const lines: string[] = [];
    const format = maskInternalErrors((line) => lines.push(line));
    const cause = new Error('Failed query: select * from architectures where hash = $1');
    const out = format(
      { message: cause.message, path: ['metrics'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      cause,
    );
    expect(out.message).not.toContain('select');
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(out.path).toEqual(['metrics']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('internal error at metrics');
    expect(lines[0]).toContain('Failed query');
  });

  it('passes domain errors through unchanged', () => {
    const lines: string[] = [];
    const format = maskInternalErrors((line) => lines.push(line));
    const formatted = {
      message: 'first must be at most 500',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
    };
    expect(format(formatted, new Error('x'))).toBe(formatted);
    expect(lines).toEqual([]);
  });
});
