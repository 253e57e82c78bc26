import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProfileSection } from './ProfileSection';
import { json, mockFetch, renderApp } from '../test/render';

const me = (version: number, displayName: string) => ({
  id: 'u1',
  email: 'iris@example.test',
  emailVerified: true,
  username: 'iris',
  displayName,
  roles: ['author'],
  twoFactorEnabled: false,
  profile: { socialLinks: {}, version, updatedAt: '2026-01-01T00:00:00Z' },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

const saves = (fetch: ReturnType<typeof mockFetch>) =>
  fetch.mock.calls.filter(([url, init]) => url === '/api/users/me' && init?.method === 'PATCH');

afterEach(() => vi.unstubAllGlobals());

describe('ProfileSection', () => {
  it('saves the profile against the version shown and says so', async () => {
    let current = me(1, 'Iris Murdoch');
    const fetch = mockFetch((url, init) => {
      if (url !== '/api/users/me') {
        return undefined;
      }
      if (init.method === 'PATCH') {
        current = me(2, 'Dame Iris');
        return json(200, current, { ETag: '"2"' });
      }
      return json(200, current, { ETag: `"${current.profile.version}"` });
    });
    renderApp(<ProfileSection />);

    const name = await screen.findByLabelText('Display name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Dame Iris');
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Profile saved.')).toBeInTheDocument();
    expect(saves(fetch)).toHaveLength(1);
    expect(new Headers(saves(fetch)[0][1]?.headers).get('If-Match')).toBe('"1"');
    expect(screen.getByRole('button', { name: 'Save profile' })).toBeEnabled();
  });

  it('on a version conflict explains it, loads the latest profile and lets the writer try again', async () => {
    let current = me(1, 'Iris Murdoch');
    const fetch = mockFetch((url, init) => {
      if (url !== '/api/users/me') {
        return undefined;
      }
      if (init.method === 'PATCH') {
        // Another tab saved first.
        current = me(2, 'Iris from the other tab');
        return json(412, { status: 412, title: 'Precondition Failed' });
      }
      return json(200, current, { ETag: `"${current.profile.version}"` });
    });
    renderApp(<ProfileSection />);

    const name = await screen.findByLabelText('Display name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Dame Iris');
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your profile was changed elsewhere (another tab or device).',
    );
    expect(await screen.findByDisplayValue('Iris from the other tab')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save profile' })).toBeEnabled();
    expect(screen.queryByText('Profile saved.')).not.toBeInTheDocument();
    expect(saves(fetch)).toHaveLength(1);
  });

  it('shows the server’s complaint beside the field it is about', async () => {
    mockFetch((url, init) => {
      if (url !== '/api/users/me') {
        return undefined;
      }
      if (init.method === 'PATCH') {
        return json(400, {
          status: 400,
          title: 'Bad Request',
          detail: 'Some fields are not valid.',
          violations: [{ field: 'website', message: 'Use an https:// address.' }],
        });
      }
      return json(200, me(1, 'Iris Murdoch'), { ETag: '"1"' });
    });
    renderApp(<ProfileSection />);

    await userEvent.type(await screen.findByLabelText('Website'), 'ftp://iris.example');
    await userEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Use an https:// address.')).toBeInTheDocument();
    expect(screen.getByLabelText('Website')).toHaveAttribute('aria-invalid', 'true');
  });
});
