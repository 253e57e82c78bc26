import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Moderation } from './Moderation';
import { json, mockFetch, renderApp, signedIn } from '../test/render';

const admin = { ...signedIn, roles: ['reader', 'author', 'admin'] };

const adminBook = (id: string, title: string, extra = {}) => ({
  id,
  ownerId: 'u2',
  title,
  status: 'published',
  visibility: 'public',
  publishedAt: '2026-11-26T21:35:00Z',
  updatedAt: '2026-11-26T21:35:00Z',
  ...extra,
});

afterEach(() => vi.unstubAllGlobals());

describe('Moderation', () => {
  it('takes a published book down with a reason and restores a taken-down one', async () => {
    let down = [adminBook('b1', 'Old Trouble', { takenDownAt: '2026-11-27T09:00:00Z', takedownReason: 'Spam' })];
    let live = [adminBook('b2', 'Borrowed Feathers')];
    const fetch = mockFetch((url, init) => {
      if (url === '/bff/session') {
        return json(200, admin);
      }
      if (url.startsWith('/api/content/admin/books?') && url.includes('takenDown=true')) {
        return json(200, { items: down });
      }
      if (url.startsWith('/api/content/admin/books?')) {
        return json(200, { items: live });
      }
      if (url === '/api/content/admin/books/b2/takedown' && init.method === 'POST') {
        const taken = { ...live[0], takenDownAt: '2026-11-28T10:00:00Z', takedownReason: 'Copied' };
        live = [];
        down = [taken, ...down];
        return json(200, taken);
      }
      if (url === '/api/content/admin/books/b1/restore' && init.method === 'POST') {
        down = down.filter((b) => b.id !== 'b1');
        return json(200, adminBook('b1', 'Old Trouble'));
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp(<Moderation />);

    await user.click(await screen.findByRole('button', { name: 'Take down “Borrowed Feathers”…' }));
    await user.click(screen.getByRole('button', { name: 'Take down' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Say why');
    await user.type(screen.getByLabelText('Reason, shown to the author'), 'Copied');
    await user.click(screen.getByRole('button', { name: 'Take down' }));

    const takenDown = await screen.findByRole('list', { name: 'Taken down books' });
    expect(await within(takenDown).findByText('Borrowed Feathers')).toBeInTheDocument();
    const body = fetch.mock.calls.find(([url]) => url === '/api/content/admin/books/b2/takedown')?.[1]?.body;
    expect(JSON.parse(String(body))).toEqual({ reason: 'Copied' });

    await user.click(screen.getByRole('button', { name: 'Restore “Old Trouble”' }));
    await vi.waitFor(() => expect(within(takenDown).queryByText('Old Trouble')).not.toBeInTheDocument());
  });

  it('is only for administrators', async () => {
    mockFetch();

    renderApp(<Moderation />);

    expect(await screen.findByText('This page is for administrators.')).toBeInTheDocument();
  });
});
