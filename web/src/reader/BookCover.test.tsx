import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { json, mockFetch, renderApp } from '../test/render';
import { BookCover } from './BookCover';
import { ChapterReader } from './ChapterReader';
import { Browse } from './Browse';

const book = {
  id: 'b1',
  authorId: 'u9',
  authorName: 'Ada Lovelace',
  title: 'The Analytical Engine',
  genres: ['history'],
  tags: [],
  language: 'en',
  publishedAt: '2026-11-26T21:35:00Z',
  contents: [{ number: 1, title: 'The Loom', wordCount: 1200, publishedAt: '2026-11-26T21:35:00Z' }],
};

const chapter = {
  bookId: 'b1',
  number: 1,
  title: 'The Loom',
  content: 'It weaves.',
  html: '<p>It weaves.</p>',
  wordCount: 2,
  publishedAt: '2026-11-26T21:35:00Z',
};

function serve(answer: typeof book | Omit<typeof book, 'authorName'>) {
  mockFetch((url) => {
    if (url === '/api/content/public/books/b1') {
      return json(200, answer);
    }
    if (url === '/api/content/public/books/b1/chapters/1') {
      return json(200, chapter);
    }
    if (url.startsWith('/api/content/public/books?')) {
      return json(200, { items: [{ ...answer, contents: undefined }] });
    }
    return undefined;
  });
}

function open(route: string) {
  renderApp(
    <Routes>
      <Route path="/read" element={<Browse />} />
      <Route path="/read/:bookId" element={<BookCover />} />
      <Route path="/read/:bookId/:number" element={<ChapterReader />} />
    </Routes>,
    { route },
  );
}

describe('the reader names the author', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('on the book cover', async () => {
    serve(book);
    open('/read/b1');
    expect(await screen.findByRole('heading', { level: 1, name: 'The Analytical Engine' })).toBeInTheDocument();
    expect(screen.getByText('by Ada Lovelace')).toBeInTheDocument();
  });

  it('above each chapter', async () => {
    serve(book);
    open('/read/b1/1');
    expect(await screen.findByRole('heading', { level: 1, name: 'The Loom' })).toBeInTheDocument();
    expect(await screen.findByText(/Ada Lovelace/)).toBeInTheDocument();
  });

  it('on the catalogue card', async () => {
    serve(book);
    open('/read');
    expect(await screen.findByText('by Ada Lovelace')).toBeInTheDocument();
  });

  it('shows no empty byline when the name is not known yet', async () => {
    const { authorName: _unknown, ...anonymous } = book;
    serve(anonymous);
    open('/read/b1');
    expect(await screen.findByRole('heading', { level: 1, name: 'The Analytical Engine' })).toBeInTheDocument();
    expect(screen.queryByText(/^by /)).not.toBeInTheDocument();
  });
});
