import { describe, expect, it, afterEach, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { Dashboard } from './Dashboard';
import { json, mockFetch, renderApp, signedIn } from '../test/render';

const book = (id: string, title: string, extra = {}) => ({
  id,
  ownerId: 'u1',
  title,
  genres: [],
  tags: [],
  language: 'en',
  status: 'writing',
  visibility: 'private',
  wordCount: 12345,
  role: 'owner',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
  ...extra,
});

afterEach(() => vi.unstubAllGlobals());

describe('Dashboard', () => {
  it('invites to start a book when the shelf is empty', async () => {
    mockFetch((url) => (url.startsWith('/api/content/books?') ? json(200, { items: [] }) : undefined));

    renderApp(<Dashboard />);

    expect(await screen.findByRole('heading', { name: 'No books yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start a book' })).toHaveAttribute('href', '/books/new');
  });

  it('offers a reader-only account to become an author instead of starting a book', async () => {
    mockFetch((url) => {
      if (url === '/bff/session') {
        return json(200, { ...signedIn, roles: ['reader'] });
      }
      return url.startsWith('/api/content/books?') ? json(200, { items: [] }) : undefined;
    });

    renderApp(<Dashboard />);

    expect(await screen.findByRole('link', { name: 'Become an author' })).toHaveAttribute('href', '/settings#writing');
    expect(screen.queryByRole('link', { name: 'Start a book' })).not.toBeInTheDocument();
  });

  it('shows a reader the books shared with them but no way to start one', async () => {
    mockFetch((url) => {
      if (url === '/bff/session') {
        return json(200, { ...signedIn, roles: ['reader'] });
      }
      return url.startsWith('/api/content/books?')
        ? json(200, { items: [book('b1', 'Shared with me', { role: 'editor' })] })
        : undefined;
    });

    renderApp(<Dashboard />);

    expect(await screen.findByRole('link', { name: 'Shared with me' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Start a book' })).not.toBeInTheDocument();
  });

  it('lists books with word count, status and last change, and pages on', async () => {
    const fetch = mockFetch((url) => {
      if (url.startsWith('/api/content/books?') && url.includes('cursor=next')) {
        return json(200, { items: [book('b3', 'Third')] });
      }
      if (url.startsWith('/api/content/books?')) {
        return json(200, {
          items: [book('b1', 'The Sea, the Sea'), book('b2', 'Under the Net', { status: 'published', wordCount: 1 })],
          nextCursor: 'next',
        });
      }
      return undefined;
    });

    renderApp(<Dashboard />);

    const list = await screen.findByRole('list', { name: 'Your books' });
    const first = within(list).getAllByRole('listitem')[0] as HTMLElement;
    expect(within(first).getByRole('link', { name: 'The Sea, the Sea' })).toHaveAttribute('href', '/books/b1');
    expect(within(first).getByText('12,345 words')).toBeInTheDocument();
    expect(within(first).getByText('Writing')).toBeInTheDocument();
    expect(within(first).getByText('3 minutes ago')).toBeInTheDocument();
    expect(screen.getByText('1 word')).toBeInTheDocument();
    expect(fetch.mock.calls[1]?.[0] ?? fetch.mock.calls[0]?.[0]).toBeDefined();

    screen.getByRole('button', { name: 'Show more books' }).click();
    expect(await screen.findByRole('link', { name: 'Third' })).toBeInTheDocument();
  });

  it('shows a readable error with a retry when the books cannot be loaded', async () => {
    let calls = 0;
    mockFetch((url) => {
      if (url.startsWith('/api/content/books?')) {
        calls += 1;
        return calls === 1
          ? json(503, { title: 'Service Unavailable', status: 503, detail: 'The content service is not answering.' })
          : json(200, { items: [book('b1', 'Back again')] });
      }
      return undefined;
    });

    renderApp(<Dashboard />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your books could not be loaded');
    expect(alert).toHaveTextContent('The content service is not answering.');
    within(alert).getByRole('button', { name: 'Try again' }).click();
    expect(await screen.findByRole('link', { name: 'Back again' })).toBeInTheDocument();
  });

  it('shows the AI jobs still running, with their progress', async () => {
    mockFetch((url) => {
      if (url.startsWith('/api/content/books?')) {
        return json(200, { items: [book('b1', 'Gannet Rock')] });
      }
      if (url === '/api/content/generation/jobs') {
        return json(200, {
          items: [
            {
              id: 'j1',
              bookId: 'b1',
              kind: 'full-book',
              state: 'running',
              progress: { done: 2, total: 8, step: 'outline' },
              tokensSoFar: 900,
              cost: { micros: 0, currency: 'USD', display: '$0.00' },
              createdAt: '2026-01-01T00:00:00Z',
              updatedAt: '2026-01-01T00:00:00Z',
            },
          ],
        });
      }
      return undefined;
    });

    renderApp(<Dashboard />);

    const running = await screen.findByRole('region', { name: 'Running now' });
    expect(within(running).getByRole('link', { name: 'Gannet Rock' })).toHaveAttribute('href', '/books/b1');
    expect(within(running).getByRole('progressbar', { name: 'Gannet Rock: 25% done' })).toBeInTheDocument();
    expect(within(running).getByText(/Step 3 of 8/)).toBeInTheDocument();
  });

  it('cancels a running job from the dashboard', async () => {
    let cancelled = false;
    const running = {
      id: 'j1',
      bookId: 'b1',
      kind: 'full-book',
      state: 'running',
      progress: { done: 2, total: 8, step: 'outline' },
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const fetch = mockFetch((url, init) => {
      if (url.startsWith('/api/content/books?')) {
        return json(200, { items: [book('b1', 'Gannet Rock')] });
      }
      if (url === '/api/content/generation/jobs/j1/cancel' && init.method === 'POST') {
        cancelled = true;
        return json(202, { ...running, state: 'running' });
      }
      if (url === '/api/content/generation/jobs') {
        return json(200, { items: cancelled ? [] : [running] });
      }
      return undefined;
    });

    renderApp(<Dashboard />);

    const region = await screen.findByRole('region', { name: 'Running now' });
    within(region).getByRole('button', { name: 'Cancel the job for Gannet Rock' }).click();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Running now' })).not.toBeInTheDocument());
    expect(fetch.mock.calls.some(([url]) => url === '/api/content/generation/jobs/j1/cancel')).toBe(true);
  });
});
