import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dashboard } from './Dashboard';
import { json, mockFetch, renderApp, signedIn } from '../test/render';
import type { Book, GenerationJob } from '../api/types';

// Whole documents as the content service answers them, so a field the dashboard reads but the
// fixture leaves out cannot make a test pass by accident.
const book = (id: string, title: string, extra: Partial<Book> = {}): Book => ({
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

const job = (id: string, bookId: string, extra: Partial<GenerationJob> = {}): GenerationJob => ({
  id,
  bookId,
  kind: 'full-book',
  state: 'running',
  progress: { done: 2, total: 8, step: 'outline' },
  tokensSoFar: 900,
  cost: { micros: 41_000, currency: 'USD', display: '$0.04' },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...extra,
});

const isBooks = (url: string) => url.startsWith('/api/content/books?');
const isJobs = (url: string) => url === '/api/content/generation/jobs';

afterEach(() => vi.unstubAllGlobals());

describe('Dashboard', () => {
  it('invites an author with an empty shelf to start a book, and shows nothing else', async () => {
    mockFetch((url) => (isBooks(url) ? json(200, { items: [] }) : undefined));

    renderApp(<Dashboard />);

    expect(await screen.findByRole('heading', { name: 'No books yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start a book' })).toHaveAttribute('href', '/books/new');
    expect(screen.queryByRole('list', { name: 'Your books' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Running now' })).not.toBeInTheDocument();
    expect(screen.getByText('Welcome back, Iris Murdoch.')).toBeInTheDocument();
  });

  it('offers a reader-only account to become an author instead of starting a book', async () => {
    mockFetch((url) => {
      if (url === '/bff/session') {
        return json(200, { ...signedIn, roles: ['reader'] });
      }
      return isBooks(url) ? json(200, { items: [] }) : undefined;
    });

    renderApp(<Dashboard />);

    expect(await screen.findByRole('heading', { name: 'Nothing on your shelf yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Become an author' })).toHaveAttribute('href', '/settings#writing');
    expect(screen.getByRole('link', { name: 'find something to read' })).toHaveAttribute('href', '/read');
    expect(screen.queryByRole('link', { name: 'Start a book' })).not.toBeInTheDocument();
  });

  it('shows a reader the books shared with them, with their role, but no way to start one', async () => {
    mockFetch((url) => {
      if (url === '/bff/session') {
        return json(200, { ...signedIn, roles: ['reader'] });
      }
      return isBooks(url) ? json(200, { items: [book('b1', 'Shared with me', { role: 'editor' })] }) : undefined;
    });

    renderApp(<Dashboard />);

    const list = await screen.findByRole('list', { name: 'Your books' });
    const card = within(list).getByRole('listitem');
    expect(within(card).getByRole('link', { name: 'Shared with me' })).toHaveAttribute('href', '/books/b1');
    expect(within(card).getByText('Shared with you as editor')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Start a book' })).not.toBeInTheDocument();
  });

  it('lists each book with its word count, status and last change, totals them, and pages on', async () => {
    const fetch = mockFetch((url) => {
      if (isBooks(url) && url.includes('cursor=next')) {
        return json(200, { items: [book('b3', 'Third', { wordCount: 10 })] });
      }
      if (isBooks(url)) {
        return json(200, {
          items: [
            book('b1', 'The Sea, the Sea'),
            book('b2', 'Under the Net', {
              status: 'published',
              wordCount: 1,
              updatedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
            }),
          ],
          nextCursor: 'next',
        });
      }
      return undefined;
    });

    renderApp(<Dashboard />);

    const list = await screen.findByRole('list', { name: 'Your books' });
    const [first, second] = within(list).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('heading', { name: 'The Sea, the Sea' })).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'The Sea, the Sea' })).toHaveAttribute('href', '/books/b1');
    expect(within(first).getByText('12,345 words')).toBeInTheDocument();
    expect(within(first).getByText('Writing')).toBeInTheDocument();
    expect(within(first).getByText('3 minutes ago')).toBeInTheDocument();
    expect(within(first).queryByText(/Shared with you/)).not.toBeInTheDocument();
    expect(within(second).getByRole('link', { name: 'Under the Net' })).toHaveAttribute('href', '/books/b2');
    expect(within(second).getByText('1 word')).toBeInTheDocument();
    expect(within(second).getByText('Published')).toBeInTheDocument();
    expect(within(second).getByText('2 hours ago')).toBeInTheDocument();
    expect(screen.getByText('Welcome back, Iris Murdoch. 12,346 words across 2 books.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start a book' })).toHaveAttribute('href', '/books/new');
    // The first page asks for the newest changes first.
    expect(fetch.mock.calls.map(([url]) => String(url)).filter(isBooks)).toEqual([
      '/api/content/books?sort=-updatedAt&limit=20',
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Show more books' }));

    expect(await within(list).findByRole('link', { name: 'Third' })).toBeInTheDocument();
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['The Sea, the Sea', 'Under the Net', 'Third']);
    expect(screen.getByText('Welcome back, Iris Murdoch. 12,356 words across 3 books.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more books' })).not.toBeInTheDocument();
  });

  it('shows a readable error with a retry when the books cannot be loaded', async () => {
    let calls = 0;
    mockFetch((url) => {
      if (isBooks(url)) {
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
    expect(screen.queryByRole('heading', { name: 'No books yet' })).not.toBeInTheDocument();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Back again' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the AI jobs still running or waiting, with their progress', async () => {
    mockFetch((url) => {
      if (isBooks(url)) {
        return json(200, { items: [book('b1', 'Gannet Rock')] });
      }
      if (isJobs(url)) {
        return json(200, {
          items: [
            job('j1', 'b1'),
            job('j2', 'b9', { state: 'queued', progress: { done: 0, total: 5 } }),
            job('j3', 'b1', { kind: 'chapter', progress: { done: 3, total: 4, step: 'chapter-4-prose' } }),
          ],
        });
      }
      return undefined;
    });

    renderApp(<Dashboard />);

    const running = await screen.findByRole('region', { name: 'Running now' });
    const [outline, waiting, chapter] = within(running).getAllByRole('listitem') as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    expect(within(outline).getByRole('link', { name: 'Gannet Rock' })).toHaveAttribute('href', '/books/b1');
    expect(within(outline).getByRole('progressbar', { name: 'Gannet Rock: 25% done' })).toHaveAttribute('value', '25');
    expect(within(outline).getByText('Step 3 of 8: Outline')).toBeInTheDocument();
    expect(within(outline).getByRole('button', { name: 'Cancel the job for Gannet Rock' })).toBeEnabled();
    // A job for a book not on the loaded page still shows, under a neutral name.
    expect(within(waiting).getByRole('link', { name: 'A book' })).toHaveAttribute('href', '/books/b9');
    expect(within(waiting).getByText('Waiting to start')).toBeInTheDocument();
    expect(within(waiting).getByRole('progressbar', { name: 'A book: 0% done' })).toBeInTheDocument();
    expect(within(chapter).getByText('Step 4 of 4: Chapter 4: writing')).toBeInTheDocument();
    expect(within(chapter).getByRole('progressbar', { name: 'Gannet Rock: 75% done' })).toBeInTheDocument();
  });

  it('cancels a running job from the dashboard and drops it once the server has', async () => {
    let cancelled = false;
    const running = job('j1', 'b1');
    const fetch = mockFetch((url, init) => {
      if (isBooks(url)) {
        return json(200, { items: [book('b1', 'Gannet Rock')] });
      }
      if (url === '/api/content/generation/jobs/j1/cancel' && init.method === 'POST') {
        cancelled = true;
        return json(202, { ...running, state: 'cancelling' });
      }
      if (isJobs(url)) {
        return json(200, { items: cancelled ? [] : [running] });
      }
      return undefined;
    });

    renderApp(<Dashboard />);

    const region = await screen.findByRole('region', { name: 'Running now' });
    await userEvent.click(within(region).getByRole('button', { name: 'Cancel the job for Gannet Rock' }));
    // Gone because the cancel refreshed the list, well before the 4 s poll would have.
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Running now' })).not.toBeInTheDocument(), {
      timeout: 2500,
    });
    const cancel = fetch.mock.calls.filter(([url]) => url === '/api/content/generation/jobs/j1/cancel');
    expect(cancel).toHaveLength(1);
    expect(new Headers(cancel[0]?.[1]?.headers).get('X-XSRF-TOKEN')).toBe('csrf-1');
    expect(screen.getByRole('link', { name: 'Gannet Rock' })).toHaveAttribute('href', '/books/b1');
  });

  it('says why a job could not be cancelled and keeps it listed', async () => {
    mockFetch((url, init) => {
      if (isBooks(url)) {
        return json(200, { items: [book('b1', 'Gannet Rock')] });
      }
      if (url === '/api/content/generation/jobs/j1/cancel' && init.method === 'POST') {
        return json(409, {
          type: 'https://authorworks.io/problems/job-finished',
          title: 'Conflict',
          status: 409,
          detail: 'The job has already finished.',
        });
      }
      if (isJobs(url)) {
        return json(200, { items: [job('j1', 'b1')] });
      }
      return undefined;
    });

    renderApp(<Dashboard />);

    const region = await screen.findByRole('region', { name: 'Running now' });
    await userEvent.click(within(region).getByRole('button', { name: 'Cancel the job for Gannet Rock' }));
    expect(await within(region).findByRole('alert')).toHaveTextContent('The job has already finished.');
    expect(within(region).getByRole('button', { name: 'Cancel the job for Gannet Rock' })).toBeEnabled();
    expect(within(region).getByRole('progressbar', { name: 'Gannet Rock: 25% done' })).toBeInTheDocument();
  });
});
