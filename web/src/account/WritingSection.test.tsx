import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WritingSection } from './WritingSection';
import { json, mockFetch, renderApp } from '../test/render';

const me = (roles: string[]) => ({
  id: 'u1',
  email: 'iris@example.test',
  emailVerified: true,
  username: 'iris',
  displayName: 'Iris Murdoch',
  roles,
  twoFactorEnabled: false,
  profile: { socialLinks: {}, version: 1, updatedAt: '2026-01-01T00:00:00Z' },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

afterEach(() => vi.unstubAllGlobals());

describe('WritingSection', () => {
  it('lets a reader become an author and then signs in afresh to carry the role', async () => {
    let roles = ['reader'];
    const fetch = mockFetch((url, init) => {
      if (url === '/api/users/me/roles/author' && init.method === 'PUT') {
        roles = ['reader', 'author'];
        return json(200, me(roles));
      }
      return url === '/api/users/me' ? json(200, me(roles)) : undefined;
    });
    const renewSignIn = vi.fn();

    renderApp(<WritingSection renewSignIn={renewSignIn} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Become an author' }));

    expect(await screen.findByRole('status')).toHaveTextContent('You are an author now');
    expect(renewSignIn).toHaveBeenCalledOnce();
    expect(fetch.mock.calls.some(([url, init]) => url === '/api/users/me/roles/author' && init?.method === 'PUT')).toBe(
      true,
    );
  });

  it('tells an author they have the writing tools and offers nothing more', async () => {
    mockFetch((url) => (url === '/api/users/me' ? json(200, me(['reader', 'author'])) : undefined));

    renderApp(<WritingSection renewSignIn={vi.fn()} />);

    expect(await screen.findByText(/Your account is an author account/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Become an author' })).not.toBeInTheDocument();
  });

  it('shows why becoming an author failed and lets the person try again', async () => {
    mockFetch((url, init) => {
      if (url === '/api/users/me/roles/author' && init.method === 'PUT') {
        return json(503, { title: 'Service Unavailable', status: 503, detail: 'The user service is not answering.' });
      }
      return url === '/api/users/me' ? json(200, me(['reader'])) : undefined;
    });
    const renewSignIn = vi.fn();

    renderApp(<WritingSection renewSignIn={renewSignIn} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Become an author' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The user service is not answering.');
    expect(screen.getByRole('button', { name: 'Become an author' })).toBeEnabled();
    expect(renewSignIn).not.toHaveBeenCalled();
  });
});
