import { describe, expect, it, vi } from 'vitest';
import { ApiClient, etagOf, query, sameVersion, versionOf } from './client';
import { ApiError, NetworkError, problemMessage, humanField } from './problem';

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

function client(responses: Response[], csrfToken: string | null = 'tok-en') {
  const fetch = vi.fn<typeof globalThis.fetch>();
  for (const response of responses) {
    fetch.mockResolvedValueOnce(response);
  }
  const onUnauthorized = vi.fn();
  return { api: new ApiClient({ fetch, csrfToken: csrfToken ?? undefined, onUnauthorized }), fetch, onUnauthorized };
}

function sentHeaders(fetch: ReturnType<typeof vi.fn>, call = 0): Headers {
  const init = fetch.mock.calls[call]?.[1] as RequestInit;
  return init.headers as Headers;
}

describe('ApiClient', () => {
  it("sends the session's CSRF token as X-XSRF-TOKEN on unsafe methods only, read from the session first", async () => {
    const { api, fetch } = client(
      [
        jsonResponse(200, {}),
        jsonResponse(200, { authenticated: true, csrfToken: 'tok-en' }),
        jsonResponse(201, { id: '1' }),
      ],
      null,
    );

    await api.get('/api/content/books');
    await api.post('/api/content/books', { title: 'T' });

    expect(sentHeaders(fetch, 0).get('X-XSRF-TOKEN')).toBeNull();
    expect(fetch.mock.calls[1]?.[0]).toBe('/bff/session');
    expect(sentHeaders(fetch, 2).get('X-XSRF-TOKEN')).toBe('tok-en');
    expect((fetch.mock.calls[2]?.[1] as RequestInit).credentials).toBe('same-origin');
    expect((fetch.mock.calls[2]?.[1] as RequestInit).body).toBe('{"title":"T"}');
  });

  it('keeps the CSRF token of every session answer it reads', async () => {
    const { api, fetch } = client(
      [jsonResponse(200, { authenticated: true, csrfToken: 'from-session' }), jsonResponse(204, undefined)],
      null,
    );

    await api.get('/bff/session');
    await api.post('/api/users/me/sessions/revoke');

    expect(fetch).toHaveBeenCalledTimes(2);
    expect(sentHeaders(fetch, 1).get('X-XSRF-TOKEN')).toBe('from-session');
  });

  it('sends If-Match and returns the new ETag', async () => {
    const { api, fetch } = client([jsonResponse(200, { version: 4 }, { ETag: '"4"' })]);

    const response = await api.put('/api/content/books/b/chapters/c/content', { content: 'x' }, { ifMatch: '"3"' });

    expect(sentHeaders(fetch).get('If-Match')).toBe('"3"');
    expect(response.etag).toBe('"4"');
    expect(response.data).toEqual({ version: 4 });
  });

  it('sends an Idempotency-Key on POST when asked, keeping a given key for retries', async () => {
    const { api, fetch } = client([jsonResponse(201, {}), jsonResponse(201, {})]);

    await api.post('/api/content/books', {}, { idempotencyKey: 'key-1' });
    await api.post('/api/content/books', {}, { idempotencyKey: true });

    expect(sentHeaders(fetch, 0).get('Idempotency-Key')).toBe('key-1');
    expect(sentHeaders(fetch, 1).get('Idempotency-Key')).toMatch(/.{8,}/);
  });

  it('turns a problem into a readable error with field messages', async () => {
    const { api } = client([
      jsonResponse(422, {
        type: 'https://authorworks.dev/problems/validation-failed',
        title: 'The request is not valid',
        status: 422,
        violations: [
          { field: 'title', message: 'Give the book a title.' },
          { field: 'displayName', message: 'Too long.' },
        ],
      }),
    ]);

    const error = await api.post('/api/content/books', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.slug).toBe('validation-failed');
    expect(apiError.message).toBe('The request is not valid Title: Give the book a title. Display name: Too long.');
    expect(apiError.fieldErrors).toEqual({ title: 'Give the book a title.', displayName: 'Too long.' });
  });

  it('prefers the detail and falls back to a plain sentence per status', () => {
    expect(problemMessage(412, { title: 'Precondition failed', detail: 'The chapter changed.' })).toBe(
      'The chapter changed.',
    );
    expect(problemMessage(503, {})).toMatch(/not available right now/);
    expect(problemMessage(599, {})).toBe('The request failed (599).');
    expect(humanField('styleGuide.pointOfView')).toBe('Point of view');
  });

  it('tells the app about a 401 so it can offer to sign in again', async () => {
    const { api, onUnauthorized } = client([jsonResponse(401, { title: 'Unauthorized', status: 401 })]);

    const error = await api.get('/api/users/me').catch((e: unknown) => e);

    expect((error as ApiError).isUnauthorized).toBe(true);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('fetches a fresh CSRF token and retries once when the token is refused', async () => {
    const { api, fetch } = client([
      jsonResponse(403, { type: 'https://authorworks.dev/problems/csrf-token-invalid', status: 403 }),
      jsonResponse(200, { authenticated: true, csrfToken: 'fresh' }),
      jsonResponse(204, undefined),
    ]);

    const response = await api.post('/bff/logout');

    expect(response.status).toBe(204);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(fetch.mock.calls[1]?.[0]).toBe('/bff/session');
    expect(sentHeaders(fetch, 2).get('X-XSRF-TOKEN')).toBe('fresh');
  });

  it('reports an unreachable server as a network error', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockRejectedValue(new TypeError('Failed to fetch'));
    const api = new ApiClient({ fetch });

    await expect(api.get('/api/content/books')).rejects.toBeInstanceOf(NetworkError);
  });

  it('reads non-JSON error bodies by status alone', async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValue(new Response('<html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const api = new ApiClient({ fetch });

    await expect(api.get('/x')).rejects.toThrow(/not answering/);
  });
});

describe('helpers', () => {
  it('reads cookies, builds queries and parses ETags', () => {
    expect(query({ limit: 20, cursor: undefined, sort: '-updatedAt' })).toBe('?limit=20&sort=-updatedAt');
    expect(query({})).toBe('');
    expect(versionOf('"12"')).toBe(12);
    expect(versionOf('W/"3"')).toBe(3);
    expect(versionOf(undefined)).toBeUndefined();
    expect(versionOf('"7.912"')).toBe(7);
    expect(sameVersion('"7.912"', '"7.920"')).toBe(true);
    expect(sameVersion('"7.912"', '"7"')).toBe(true);
    expect(sameVersion('"7.912"', '"8.912"')).toBe(false);
    expect(sameVersion('"a"', '"a"')).toBe(true);
    expect(etagOf(5)).toBe('"5"');
  });
});
