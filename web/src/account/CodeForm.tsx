import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../api/problem';

interface Props {
  title: string;
  explanation: string;
  submitLabel: string;
  danger?: boolean;
  allowRecovery?: boolean;
  onSubmit: (code: string) => Promise<void>;
  onCancel: () => void;
}

/** Asks for a code from the authenticator app (or a recovery code). */
export function CodeForm({ title, explanation, submitLabel, danger, allowRecovery, onSubmit, onCancel }: Props) {
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const check = useMutation({ mutationFn: onSubmit });
  // On success the caller closes the form, so it stays busy until then.
  const busy = check.isPending || check.isSuccess;
  const error = missing ? 'Enter the code.' : check.error ? errorMessage(check.error) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = code.replace(/\s+/g, '');
    setMissing(!cleaned);
    if (!cleaned) {
      check.reset();
      return;
    }
    check.mutate(cleaned);
  };
  return (
    <form className="code-form" onSubmit={submit} noValidate>
      <h4>{title}</h4>
      <p className="muted small">{explanation}</p>
      <div className="field">
        <label htmlFor="two-factor-code">{allowRecovery ? 'Code or recovery code' : 'Six-digit code'}</label>
        <input
          id="two-factor-code"
          className="code-input"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          inputMode={allowRecovery ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          maxLength={allowRecovery ? 32 : 8}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'two-factor-code-error' : undefined}
        />
        {error && (
          <p id="two-factor-code-error" className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className={danger ? 'button danger' : 'button primary'} disabled={busy}>
          {busy ? 'Checking…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
