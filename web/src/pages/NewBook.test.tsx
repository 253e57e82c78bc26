import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { NewBookPage } from './NewBook';
import { json, mockFetch, renderApp } from '../test/render';

const created = { id: 'b7', title: 'The Sea', version: 0, genres: [], status: 'draft' };

const creates = (fetch: ReturnType<typeof mockFetch>) =>
  fetch.mock.calls.filter(([url, init]) => url === '/api/content/books' && init?.method === 'POST');

const keyOf = (call: Parameters<typeof fetch>) => new Headers(call[1]?.headers).get('Idempotency-Key');

function renderPage() {
  renderApp(
    <Routes>
      <Route path="/new" element={<NewBookPage />} />
      <Route path="/books/:bookId" element={<p>Workspace open</p>} />
    </Routes>,
    { route: '/new' },
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('NewBookPage', () => {
  it('asks for a title before it asks the server', async () => {
    const fetch = mockFetch(() => undefined);
    renderPage();

    await userEvent.click(await screen.findByRole('button', { name: 'Create book' }));

    expect(await screen.findByText('Give your book a title. You can change it later.')).toBeInTheDocument();
    expect(creates(fetch)).toHaveLength(0);
  });

  it('after a reused key, tries again with a new one and opens the new book', async () => {
    let attempts = 0;
    const fetch = mockFetch((url, init) => {
      if (url === '/api/content/books' && init.method === 'POST') {
        attempts += 1;
        return attempts === 1
          ? json(422, {
              type: 'https://authorworks.io/problems/idempotency-key-reused',
              status: 422,
              title: 'Idempotency key reused',
              detail: 'This key was used for a different request.',
            })
          : json(201, created);
      }
      return url.startsWith('/api/content/books?') ? json(200, { items: [] }) : undefined;
    });
    renderPage();

    await userEvent.type(await screen.findByRole('textbox', { name: 'Title' }), 'The Sea');
    await userEvent.click(screen.getByRole('button', { name: 'Create book' }));
    expect(await screen.findByText('This key was used for a different request.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create book' })).toBeEnabled();

    await userEvent.click(screen.getByRole('button', { name: 'Create book' }));

    expect(await screen.findByText('Workspace open')).toBeInTheDocument();
    const [first, second] = creates(fetch);
    expect(keyOf(first)).toBeTruthy();
    expect(keyOf(second)).toBeTruthy();
    expect(keyOf(second)).not.toBe(keyOf(first));
  });
});
