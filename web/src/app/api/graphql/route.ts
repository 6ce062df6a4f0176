import { readWebEnv } from '../../../lib/env.ts';

/**
 * POST /api/graphql: the browser's way to the API (the table's further pages); the body is
 * passed through to NNGP_API_URL unchanged and the answer streamed back.
 */
export async function POST(request: Request): Promise<Response> {
  const { apiUrl } = readWebEnv();
  const headers: Record<string, string> = {
    'content-type': request.headers.get('content-type') ?? 'application/json',
  };
  const authorization = request.headers.get('authorization');
  if (authorization !== null) headers.authorization = authorization;
  try {
    const upstream = await fetch(apiUrl, {
      method: 'POST',
      headers,
      body: await request.text(),
      cache: 'no-store',
    });
    return new Response(upstream.body, {
      status: upstream.status,
      headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' },
    });
  } catch (error) {
    return Response.json(
      {
        errors: [
          {
            message: `could not reach the API at ${apiUrl.href}: ${(error as Error).message}`,
            extensions: { code: 'API_UNREACHABLE' },
          },
        ],
      },
      { status: 502 },
    );
  }
}
