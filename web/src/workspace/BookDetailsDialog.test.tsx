import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BookDetailsDialog } from './BookDetailsDialog';
import { json, mockFetch, renderApp } from '../test/render';
import type { Book } from '../api/types';

afterEach(() => vi.unstubAllGlobals());

const book: Book = {
  id: 'b1',
  ownerId: 'u1',
  title: 'Gannet Rock',
  description: 'A keeper and her sister.',
  genres: ['mystery'],
  tags: [],
  language: 'en',
  status: 'writing',
  visibility: 'private',
  wordCount: 100,
  role: 'owner',
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('book details', () => {
  it('saves the changed details against the version the writer saw', async () => {
    const fetch = mockFetch((url, init) =>
      url === '/api/content/books/b1' && init.method === 'PATCH'
        ? json(200, { ...book, title: 'The Lamp Room', version: 4 })
        : undefined,
    );
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderApp(<BookDetailsDialog book={book} open onClose={onClose} />);

    const title = screen.getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'The Lamp Room');
    await user.type(screen.getByLabelText('Genres'), ', gothic; Mystery');
    await user.click(screen.getByRole('button', { name: 'Save details' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const [, init] = fetch.mock.calls.find(([, i]) => i?.method === 'PATCH')!;
    expect(new Headers(init?.headers).get('If-Match')).toBe('"3"');
    expect(JSON.parse(String(init?.body))).toEqual({
      title: 'The Lamp Room',
      subtitle: '',
      description: 'A keeper and her sister.',
      genres: ['mystery', 'gothic'],
    });
  });

  it('says so when someone else changed the book meanwhile, and keeps the dialog open', async () => {
    mockFetch((url, init) =>
      url === '/api/content/books/b1' && init.method === 'PATCH'
        ? json(412, {
            type: 'https://authorworks.dev/problems/precondition-failed',
            status: 412,
            title: 'Changed meanwhile',
          })
        : undefined,
    );
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderApp(<BookDetailsDialog book={book} open onClose={onClose} />);
    await user.click(screen.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone changed these details');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('deletes the book only after a confirmation', async () => {
    const fetch = mockFetch((url, init) =>
      url === '/api/content/books/b1' && init.method === 'DELETE' ? new Response(null, { status: 204 }) : undefined,
    );
    const user = userEvent.setup();
    renderApp(<BookDetailsDialog book={book} open onClose={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Delete book…' }));
    expect(await screen.findByRole('alertdialog', { name: 'Delete “Gannet Rock”?' })).toBeInTheDocument();
    expect(fetch.mock.calls.some(([, i]) => i?.method === 'DELETE')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Delete book' }));
    await vi.waitFor(() => expect(fetch.mock.calls.some(([, i]) => i?.method === 'DELETE')).toBe(true));
    const [, init] = fetch.mock.calls.find(([, i]) => i?.method === 'DELETE')!;
    expect(new Headers(init?.headers).get('If-Match')).toBe('"3"');
  });
});
