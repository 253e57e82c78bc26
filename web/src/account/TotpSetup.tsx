import { useEffect, useState } from 'react';
import { account } from '../api/endpoints';
import { errorMessage } from '../api/problem';
import type { TwoFactorEnrollment } from '../api/types';
import { Loading } from '../components/States';
import { CodeForm } from './CodeForm';
import { QrCode } from './QrCode';

/** Groups a base32 secret in fours so it can be typed without losing one's place. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

export function TotpSetup({ onEnabled, onCancel }: { onEnabled: (codes: string[]) => void; onCancel: () => void }) {
  const [enrollment, setEnrollment] = useState<TwoFactorEnrollment>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    account.startTwoFactor().then(
      (result) => !cancelled && setEnrollment(result),
      (caught: unknown) => !cancelled && setError(errorMessage(caught)),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  if (error) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{error}</p>
        <button type="button" className="button" onClick={onCancel}>
          Back
        </button>
      </div>
    );
  }
  if (!enrollment) {
    return <Loading label="Preparing your authenticator setup…" />;
  }
  return (
    <div className="totp-setup">
      <ol className="steps">
        <li>
          <p>Scan this code with an authenticator app (such as Aegis, 2FAS, Google Authenticator or 1Password).</p>
          <QrCode value={enrollment.otpauthUri} label="QR code to add AuthorWorks to your authenticator app" />
          <p className="small">
            Can’t scan? Enter this key by hand: <code className="secret">{groupSecret(enrollment.secret)}</code>
          </p>
        </li>
        <li>
          <CodeForm
            title="Enter the code your app shows"
            explanation="This checks that the app and AuthorWorks agree. Nothing changes until you confirm."
            submitLabel="Turn on"
            onCancel={onCancel}
            onSubmit={async (code) => {
              const result = await account.confirmTwoFactor(code);
              onEnabled(result.recoveryCodes);
            }}
          />
        </li>
      </ol>
    </div>
  );
}
