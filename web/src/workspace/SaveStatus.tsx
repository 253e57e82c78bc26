import { statusLabel, type AutosaveState } from '../autosave/machine';

/** The saved / saving / offline / conflict indicator; screen readers hear changes politely. */
export function SaveStatus({ state }: { state: AutosaveState }) {
  const { label, tone } = statusLabel(state);
  return (
    <p className={`save-status save-status-${tone}`} role="status" aria-live="polite" title={state.message}>
      <span className="save-status-dot" aria-hidden="true" />
      {label}
    </p>
  );
}
