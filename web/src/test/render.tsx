import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { SessionProvider } from '../session/session';
import { PreferencesProvider } from '../theme/preferences';

export type Route = (url: string, init: RequestInit) => Response | Promise<Response> | undefined;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

export const signedIn = {
  authenticated: true,
  userId: 'u1',
  username: 'iris',
  displayName: 'Iris Murdoch',
  roles: ['author'],
  csrfToken: 'csrf-1',
};

/**
 * Replaces fetch with a small router: each route may answer a request; anything unanswered
 * fails the test loudly. Returns the mock to inspect calls.
 */
export function mockFetch(...routes: Route[]) {
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input.toString();
    for (const route of routes) {
      const answer = await route(url, init);
      if (answer) {
        return answer;
      }
    }
    if (url === '/bff/session') {
      return json(200, signedIn);
    }
    if (url === '/api/users/me/preferences') {
      return json(200, {});
    }
    if (url === '/api/content/generation/jobs') {
      return json(200, { items: [] });
    }
    throw new Error(`Unexpected request ${init.method ?? 'GET'} ${url}`);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

export function renderApp(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[route]}>
        <SessionProvider>
          <PreferencesProvider>{ui}</PreferencesProvider>
        </SessionProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
