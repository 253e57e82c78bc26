import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import { Home } from '../pages/Home';
import { NotFound } from '../pages/NotFound';
import { Browse } from '../reader/Browse';
import { json, mockFetch, renderApp } from '../test/render';

afterEach(() => vi.unstubAllGlobals());

describe('the browser title', () => {
  it('names each page', async () => {
    mockFetch((url) =>
      url.startsWith('/api/content/books?') || url.startsWith('/api/content/public/books')
        ? json(200, { items: [] })
        : undefined,
    );
    const home = renderApp(<Home />);
    await waitFor(() => expect(document.title).toBe('Your books · AuthorWorks'));
    home.unmount();

    const read = renderApp(<Browse />);
    await waitFor(() => expect(document.title).toBe('Read · AuthorWorks'));
    read.unmount();

    renderApp(<NotFound />);
    await waitFor(() => expect(document.title).toBe('Page not found · AuthorWorks'));
  });
});
