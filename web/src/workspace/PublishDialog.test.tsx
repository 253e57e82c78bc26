import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PublishDialog } from './PublishDialog';
import { json, mockFetch, renderApp } from '../test/render';
import type { Book, ChapterSummary } from '../api/types';

afterEach(() => vi.unstubAllGlobals());

const book: Book = {
  id: 'b1',
  ownerId: 'u1',
  title: 'Five Bells',
  genres: [],
  tags: [],
  language: 'en',
  status: 'published',
  visibility: 'public',
  wordCount: 500,
  role: 'owner',
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

function chapter(n: number, status: string, publishedAt?: string): ChapterSummary {
  return {
    id: `c${n}`,
    position: n,
    title: `Bell ${n}`,
    wordCount: 100,
    status,
    publishedAt,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

/** Five chapters readers have, only the first of them marked final. */
const items = [
  chapter(1, 'final', '2026-01-02T00:00:00Z'),
  ...[2, 3, 4, 5].map((n) => chapter(n, 'draft', '2026-01-02T00:00:00Z')),
];

function publishRoutes() {
  return mockFetch((url, init) => {
    if (url.startsWith('/api/content/books/b1/chapters')) {
      return json(200, { items });
    }
    if (url === '/api/content/books/b1/publish' && init.method === 'POST') {
      const body = JSON.parse(String(init.body));
      return json(200, {
        bookId: 'b1',
        status: 'published',
        visibility: 'public',
        chapters: body.include === 'all' ? 5 : 1,
        wordCount: 100,
        version: 4,
      });
    }
    return undefined;
  });
}

function publishBody(fetch: ReturnType<typeof mockFetch>) {
  const call = fetch.mock.calls.find(([url]) => String(url).endsWith('/publish'));
  return JSON.parse(String((call?.[1] as RequestInit).body));
}

describe('publishing again', () => {
  it('keeps every chapter readers have by default', async () => {
    const fetch = publishRoutes();
    const user = userEvent.setup();
    renderApp(<PublishDialog book={book} open onClose={() => {}} />);

    expect(await screen.findByRole('radio', { name: /All chapters — 5/ })).toBeChecked();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Publish again' }));
    expect(await screen.findByText(/is published: 5 chapters/)).toBeInTheDocument();
    expect(publishBody(fetch)).toMatchObject({ include: 'all' });
  });

  it('warns and asks for confirmation before taking chapters away from readers', async () => {
    const fetch = publishRoutes();
    const user = userEvent.setup();
    renderApp(<PublishDialog book={book} open onClose={() => {}} />);

    await screen.findByRole('radio', { name: /All chapters — 5/ });
    await user.click(screen.getByRole('radio', { name: /Final chapters only/ }));
    expect(screen.getByRole('alert')).toHaveTextContent('Readers have 5 chapters now');
    expect(screen.getByRole('alert')).toHaveTextContent('“Bell 2”, “Bell 3”, “Bell 4”, “Bell 5”');
    const publish = screen.getByRole('button', { name: 'Publish again' });
    expect(publish).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: 'Take them away from readers' }));
    await user.click(publish);
    expect(await screen.findByText(/is published: 1 chapter,/)).toBeInTheDocument();
    expect(publishBody(fetch)).toMatchObject({ include: 'final', removeChapters: true });
  });
});
