import { useState, type FormEvent } from 'react';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cleaned = code.replace(/\s+/g, '');
    if (!cleaned) {
      setError('Enter the code.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(cleaned);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
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
