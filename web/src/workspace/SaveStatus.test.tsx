import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { SaveStatus } from './SaveStatus';
import { initialState, type AutosaveState } from '../autosave/machine';

const base = initialState('text', '"1"');

function shows(state: AutosaveState) {
  const { unmount } = render(<SaveStatus state={state} />);
  const status = screen.getByRole('status');
  const text = status.textContent;
  const className = status.className;
  unmount();
  return { text, className };
}

describe('SaveStatus', () => {
  it('announces each state politely, with a tone', () => {
    expect(shows(base)).toEqual({ text: 'Saved', className: 'save-status save-status-ok' });
    expect(shows({ ...base, status: 'saving' }).text).toBe('Saving…');
    expect(shows({ ...base, status: 'retrying', failure: 'offline' })).toEqual({
      text: 'Offline — will retry',
      className: 'save-status save-status-warn',
    });
    expect(shows({ ...base, status: 'retrying', failure: 'server' }).text).toBe('Not saved — retrying');
    expect(shows({ ...base, status: 'conflict', conflict: { serverText: 'x', serverEtag: '"2"' } })).toEqual({
      text: 'Conflict',
      className: 'save-status save-status-error',
    });
  });

  it('is a live region', () => {
    render(<SaveStatus state={base} />);
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite');
  });
});
