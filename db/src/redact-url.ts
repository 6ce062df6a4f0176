/**
 * A connection URL fit for messages and logs: the password replaced by `***`.
 *
 * @example
 * redactUrl('postgres://nngp:secret@db:5432/nngp') // 'postgres://nngp:***@db:5432/nngp'
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
