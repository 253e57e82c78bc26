import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { account, bff } from '../api/endpoints';
import { errorMessage } from '../api/problem';
import { ConfirmDialog } from '../components/Dialog';
import { TotpSetup } from './TotpSetup';
import { CodeForm } from './CodeForm';
import { RecoveryCodesView } from './RecoveryCodesView';
import { queryKeys } from '../api/queryKeys';

export function SecuritySection() {
  const client = useQueryClient();
  const me = useQuery({ queryKey: queryKeys.me(), queryFn: account.me });
  const [mode, setMode] = useState<'idle' | 'setup' | 'disable' | 'regenerate'>('idle');
  const [codes, setCodes] = useState<string[]>();
  const [confirmEverywhere, setConfirmEverywhere] = useState(false);
  const enabled = me.data?.data.twoFactorEnabled === true;

  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.me() });

  const signOutEverywhere = useMutation({
    mutationFn: async () => {
      await account.signOutEverywhere();
      // Every sign-in has ended on the server, the identity service's own sessions too, so
      // only this browser's gateway session is left to close: no round trip to its logout.
      await bff.logout();
    },
    onSuccess: () => window.location.assign('/'),
  });

  return (
    <section id="security" className="card" aria-labelledby="security-heading">
      <h2 id="security-heading">Security</h2>
      <h3>Two-step sign-in</h3>
      {me.isPending ? null : enabled ? (
        <p>
          <span className="badge badge-final">On</span> Signing in asks for a code from your authenticator app.
        </p>
      ) : (
        <p>
          <span className="badge badge-draft">Off</span> Add a second step: a code from an authenticator app on your
          phone.
        </p>
      )}

      {codes ? (
        <RecoveryCodesView codes={codes} onDone={() => setCodes(undefined)} />
      ) : mode === 'setup' ? (
        <TotpSetup
          onCancel={() => setMode('idle')}
          onEnabled={(recovery) => {
            setMode('idle');
            setCodes(recovery);
            void refresh();
          }}
        />
      ) : mode === 'disable' ? (
        <CodeForm
          title="Turn off two-step sign-in"
          explanation="Enter a current code from your app, or one of your recovery codes."
          submitLabel="Turn off"
          danger
          allowRecovery
          onCancel={() => setMode('idle')}
          onSubmit={async (code) => {
            await account.disableTwoFactor(code);
            setMode('idle');
            await refresh();
          }}
        />
      ) : mode === 'regenerate' ? (
        <CodeForm
          title="New recovery codes"
          explanation="Your old recovery codes stop working. Enter a current code from your app, or a recovery code."
          submitLabel="Make new codes"
          allowRecovery
          onCancel={() => setMode('idle')}
          onSubmit={async (code) => {
            const result = await account.regenerateRecoveryCodes(code);
            setMode('idle');
            setCodes(result.recoveryCodes);
          }}
        />
      ) : enabled ? (
        <p className="button-row">
          <button type="button" className="button" onClick={() => setMode('regenerate')}>
            New recovery codes
          </button>
          <button type="button" className="button danger" onClick={() => setMode('disable')}>
            Turn off
          </button>
        </p>
      ) : (
        <p>
          <button type="button" className="button primary" onClick={() => setMode('setup')} disabled={me.isPending}>
            Set up two-step sign-in
          </button>
        </p>
      )}

      <h3>Passkeys</h3>
      <p>
        Sign in with your device&apos;s screen lock or a security key instead of your password and code. A passkey only
        works on AuthorWorks, so it cannot be phished.
      </p>
      <p>
        {/* A page of the sign-in service: adding a passkey is a ceremony with it, in its own session. */}
        <a className="button" href="/account/passkeys">
          Manage passkeys
        </a>
      </p>

      <h3>Sessions</h3>
      <p>Lost a device, or signed in on a shared computer? Sign out everywhere, including here.</p>
      <p>
        <button type="button" className="button" onClick={() => setConfirmEverywhere(true)}>
          Sign out everywhere
        </button>
      </p>
      <p className="muted small">
        To change your password, use <a href="/password-reset">reset your password</a>.
      </p>
      <ConfirmDialog
        open={confirmEverywhere}
        title="Sign out everywhere?"
        message={<p>Every device and browser signed in to your account is signed out, this one too.</p>}
        confirmLabel="Sign out everywhere"
        danger
        busy={signOutEverywhere.isPending || signOutEverywhere.isSuccess}
        error={signOutEverywhere.error ? errorMessage(signOutEverywhere.error) : undefined}
        onConfirm={() => signOutEverywhere.mutate()}
        onCancel={() => setConfirmEverywhere(false)}
      />
    </section>
  );
}
