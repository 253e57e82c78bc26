import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PremiseFlow } from './PremiseFlow';
import { json, mockFetch, renderApp } from '../test/render';

afterEach(() => vi.unstubAllGlobals());

const quote = {
  kind: 'full-book',
  offline: true,
  total: {
    provider: 'offline',
    model: 'offline',
    inputTokens: 1000,
    outputTokens: 5000,
    costMicros: 0,
    currency: 'USD',
    display: '$0.00',
    priced: true,
  },
  steps: [
    {
      index: 0,
      name: 'bible',
      provider: 'offline',
      model: 'offline',
      inputTokens: 100,
      outputTokens: 500,
      costMicros: 0,
      currency: 'USD',
    },
    {
      index: 1,
      name: 'chapter-1-prose',
      chapter: 1,
      provider: 'offline',
      model: 'offline',
      inputTokens: 900,
      outputTokens: 4500,
      costMicros: 0,
      currency: 'USD',
    },
  ],
};

describe('start from a premise', () => {
  it('creates the book, shows the quote, and starts only when asked, with an idempotency key', async () => {
    const fetch = mockFetch((url, init) => {
      if (url === '/api/content/books' && init.method === 'POST') {
        return json(201, { id: 'b1', title: 'Gannet Rock', version: 0 });
      }
      if (url === '/api/content/books/b1/generation/quote') {
        return json(200, quote);
      }
      if (url === '/api/content/books/b1/generation/jobs' && init.method === 'POST') {
        return json(202, {
          id: 'j1',
          bookId: 'b1',
          kind: 'full-book',
          state: 'queued',
          progress: { done: 0, total: 2 },
        });
      }
      if (url === '/api/content/generation/jobs/j1') {
        return json(200, {
          id: 'j1',
          bookId: 'b1',
          kind: 'full-book',
          state: 'succeeded',
          progress: { done: 2, total: 2 },
        });
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderApp(<PremiseFlow />);

    await user.click(screen.getByRole('button', { name: 'See what it will cost' }));
    expect(screen.getByText(/working title/i, { selector: '.field-error' })).toBeInTheDocument();

    await user.type(screen.getByLabelText('Working title'), 'Gannet Rock');
    await user.type(
      screen.getByLabelText('Premise'),
      'A lighthouse keeper finds a ship from a year that has not happened yet.',
    );
    await user.click(screen.getByRole('button', { name: 'See what it will cost' }));

    expect(await screen.findByRole('heading', { name: 'Before anything runs' })).toBeInTheDocument();
    expect(screen.getByText('Free')).toBeInTheDocument();
    expect(fetch.mock.calls.some(([url]) => String(url).endsWith('/generation/jobs'))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Generate the book' }));
    expect(await screen.findByRole('heading', { name: 'Your book is ready' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the book' })).toHaveAttribute('href', '/books/b1');

    const startCall = fetch.mock.calls.find(([url]) => String(url).endsWith('/generation/jobs'));
    const init = startCall?.[1] as RequestInit;
    expect((init.headers as Headers).get('Idempotency-Key')).toBeTruthy();
    expect(JSON.parse(String(init.body))).toMatchObject({
      kind: 'full-book',
      params: { chapters: 5, targetWords: 1500 },
    });
  });

  it('deletes the book it created when the quote fails, and creates a fresh one on the next try', async () => {
    let quoteAnswer = 503;
    const created: string[] = [];
    const fetch = mockFetch((url, init) => {
      if (url === '/api/content/books' && init.method === 'POST') {
        const id = `b${created.length + 1}`;
        created.push((init.headers as Headers).get('Idempotency-Key') ?? '');
        return json(201, { id, title: 'Gannet Rock', version: 0 }, { ETag: '"0"' });
      }
      if (url === '/api/content/books/b1' && init.method === 'DELETE') {
        return new Response(null, { status: 204 });
      }
      if (url === '/api/content/books/b2/generation/quote') {
        return json(quoteAnswer, quote);
      }
      if (url === '/api/content/books/b1/generation/quote') {
        return json(quoteAnswer, {
          type: 'https://authorworks.dev/problems/service-unavailable',
          title: 'Unavailable',
          status: 503,
        });
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderApp(<PremiseFlow />);
    await user.type(screen.getByLabelText('Working title'), 'Gannet Rock');
    await user.type(
      screen.getByLabelText('Premise'),
      'A lighthouse keeper finds a ship from a year that has not happened yet.',
    );
    await user.click(screen.getByRole('button', { name: 'See what it will cost' }));

    expect(await screen.findByRole('alert')).toBeInTheDocument();
    const deleted = fetch.mock.calls.find(
      ([url, init]) => url === '/api/content/books/b1' && (init as RequestInit).method === 'DELETE',
    );
    expect(((deleted?.[1] as RequestInit).headers as Headers).get('If-Match')).toBe('"0"');

    quoteAnswer = 200;
    await user.click(screen.getByRole('button', { name: 'See what it will cost' }));
    expect(await screen.findByRole('heading', { name: 'Before anything runs' })).toBeInTheDocument();
    expect(created).toHaveLength(2);
    expect(created[1]).not.toBe(created[0]);
  });

  it('holds the limits the server validates', async () => {
    const fetch = mockFetch();
    const user = userEvent.setup();
    renderApp(<PremiseFlow />);
    expect(screen.getByLabelText('Working title')).toHaveAttribute('maxLength', '200');
    expect(screen.getByLabelText('Chapters')).toHaveAttribute('max', '50');

    await user.type(screen.getByLabelText('Working title'), 'Gannet Rock');
    await user.type(
      screen.getByLabelText('Premise'),
      'A lighthouse keeper finds a ship from a year that has not happened yet.',
    );
    await user.clear(screen.getByLabelText('Chapters'));
    await user.type(screen.getByLabelText('Chapters'), '60');
    await user.click(screen.getByRole('button', { name: 'See what it will cost' }));

    expect(screen.getByText('Choose 1 to 50 chapters.')).toBeInTheDocument();
    expect(fetch.mock.calls.some(([url]) => String(url).startsWith('/api/content/books'))).toBe(false);
  });

  it('says what is happening while a long book is quoted', async () => {
    let answer: (response: Response) => void = () => {};
    mockFetch((url, init) => {
      if (url === '/api/content/books' && init.method === 'POST') {
        return json(201, { id: 'b1', title: 'Gannet Rock', version: 0 });
      }
      if (url === '/api/content/books/b1/generation/quote') {
        return new Promise<Response>((resolve) => {
          answer = resolve;
        });
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderApp(<PremiseFlow />);
    await user.type(screen.getByLabelText('Working title'), 'Gannet Rock');
    await user.type(
      screen.getByLabelText('Premise'),
      'A lighthouse keeper finds a ship from a year that has not happened yet.',
    );
    await user.clear(screen.getByLabelText('Chapters'));
    await user.type(screen.getByLabelText('Chapters'), '50');
    await user.click(screen.getByRole('button', { name: 'See what it will cost' }));

    expect(await screen.findByRole('progressbar', { name: 'Working out the cost' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('planning all 154 steps');
    answer(json(200, quote));
    expect(await screen.findByRole('heading', { name: 'Before anything runs' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
