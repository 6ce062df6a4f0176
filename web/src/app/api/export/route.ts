import { readWebEnv } from '../../../lib/env.ts';

/**
 * GET /api/export?…: the CSV of the filtered architectures, streamed from the API's
 * `/export/architectures.csv` with the same query string.
 */
export async function GET(request: Request): Promise<Response> {
  const { apiUrl } = readWebEnv();
  const target = new URL('/export/architectures.csv', apiUrl);
  target.search = new URL(request.url).search;
  try {
    const upstream = await fetch(target, { cache: 'no-store' });
    const headers = new Headers();
    for (const name of ['content-type', 'content-disposition']) {
      const value = upstream.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    if (!headers.has('content-disposition') && upstream.ok) {
      headers.set('content-disposition', 'attachment; filename="architectures.csv"');
    }
    return new Response(upstream.body, { status: upstream.status, headers });
  } catch (error) {
    return new Response(
      `could not reach the API at ${target.origin}: ${(error as Error).message}\n`,
      {
        status: 502,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      },
    );
  }
}
