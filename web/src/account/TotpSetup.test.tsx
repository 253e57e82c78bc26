import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SecuritySection } from './SecuritySection';
import { groupSecret } from './TotpSetup';
import { json, mockFetch, renderApp } from '../test/render';

const me = (twoFactorEnabled: boolean) => ({
  id: 'u1',
  email: 'iris@example.com',
  emailVerified: true,
  username: 'iris',
  displayName: 'Iris',
  roles: ['author'],
  twoFactorEnabled,
  profile: { socialLinks: {}, version: 1, updatedAt: '2026-01-01T00:00:00Z' },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

afterEach(() => vi.unstubAllGlobals());

describe('two-step sign-in setup', () => {
  it('shows the QR code and secret, confirms a code, then shows the recovery codes once', async () => {
    let enabled = false;
    const fetch = mockFetch((url, init) => {
      if (url === '/api/users/me') {
        return json(200, me(enabled), { ETag: '"1"' });
      }
      if (url === '/api/users/me/two-factor' && init.method === 'POST') {
        return json(200, {
          secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
          otpauthUri: 'otpauth://totp/AuthorWorks:iris?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=AuthorWorks',
        });
      }
      if (url === '/api/users/me/two-factor/confirm') {
        const body = JSON.parse(String(init.body)) as { code: string };
        if (body.code !== '123456') {
          return json(422, {
            title: 'Invalid code',
            status: 422,
            detail: 'That code is not right. Check the time on your phone.',
          });
        }
        enabled = true;
        return json(200, { recoveryCodes: ['aaaa-bbbb', 'cccc-dddd'] });
      }
      return undefined;
    });
    const user = userEvent.setup();

    renderApp(<SecuritySection />);
    await user.click(await screen.findByRole('button', { name: 'Set up two-step sign-in' }));

    expect(await screen.findByRole('img', { name: /QR code/ })).toBeInTheDocument();
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP')).toBeInTheDocument();

    const code = screen.getByLabelText('Six-digit code');
    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByText('That code is not right. Check the time on your phone.')).toBeInTheDocument();
    expect(code).toHaveAttribute('aria-invalid', 'true');

    await user.clear(code);
    await user.type(code, '123 456');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));

    expect(await screen.findByRole('heading', { name: 'Your recovery codes' })).toBeInTheDocument();
    expect(screen.getByText('aaaa-bbbb')).toBeInTheDocument();
    const confirmCall = fetch.mock.calls.find(([url]) => url === '/api/users/me/two-factor/confirm');
    expect(((confirmCall?.[1] as RequestInit).headers as Headers).get('X-XSRF-TOKEN')).toBe('csrf-1');

    await user.click(screen.getByRole('button', { name: 'I have saved them' }));
    expect(screen.queryByText('aaaa-bbbb')).not.toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Turn off' })).toBeInTheDocument();
  });

  it('groups the secret in fours', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});
