import { describe, expect, it } from 'vitest';
import {
  backoff,
  hasUnsavedText,
  initialState,
  reduce,
  resumeFromDraft,
  statusLabel,
  type AutosaveEffect,
  type AutosaveEvent,
  type AutosaveState,
} from './machine';

const config = { debounceMs: 1500, retryBaseMs: 1000, maxRetryMs: 30_000 };

/** Runs events in order and collects every effect. */
function run(state: AutosaveState, ...events: AutosaveEvent[]) {
  const effects: AutosaveEffect[] = [];
  let current = state;
  for (const event of events) {
    const next = reduce(current, event, config);
    current = next.state;
    effects.push(...next.effects);
  }
  return { state: current, effects };
}

const saves = (effects: AutosaveEffect[]) => effects.filter((e) => e.type === 'save');

describe('autosave machine', () => {
  it('debounces typing: every edit reschedules, nothing is sent until the timer fires', () => {
    const { state, effects } = run(
      initialState('Once', '"1"'),
      { type: 'edit', text: 'Once upon' },
      { type: 'edit', text: 'Once upon a time' },
    );

    expect(state.status).toBe('dirty');
    expect(saves(effects)).toHaveLength(0);
    expect(effects.filter((e) => e.type === 'schedule')).toEqual([
      { type: 'schedule', delay: 1500 },
      { type: 'schedule', delay: 1500 },
    ]);
    expect(effects).toContainEqual({ type: 'keepDraft', text: 'Once upon a time', etag: '"1"' });
  });

  it('saves the newest text with If-Match of the last ETag and is saved when the server confirms', () => {
    const typed = run(initialState('A', '"1"'), { type: 'edit', text: 'AB' }, { type: 'timer' });
    expect(typed.state.status).toBe('saving');
    expect(saves(typed.effects)).toEqual([{ type: 'save', text: 'AB', etag: '"1"' }]);

    const saved = run(typed.state, { type: 'saved', text: 'AB', etag: '"2"' });
    expect(saved.state).toMatchObject({ status: 'saved', savedText: 'AB', etag: '"2"', failures: 0 });
    expect(saved.effects).toContainEqual({ type: 'clearDraft' });
    expect(hasUnsavedText(saved.state)).toBe(false);
  });

  it('saves what was typed during a save right after it, on top of the new ETag', () => {
    const { state, effects } = run(
      initialState('A', '"1"'),
      { type: 'edit', text: 'AB' },
      { type: 'timer' },
      { type: 'edit', text: 'ABC' },
      { type: 'saved', text: 'AB', etag: '"2"' },
    );

    expect(state.status).toBe('saving');
    expect(saves(effects).at(-1)).toEqual({ type: 'save', text: 'ABC', etag: '"2"' });
    expect(effects).not.toContainEqual({ type: 'clearDraft' });
  });

  it('retries failed saves with growing backoff and never drops the text', () => {
    let { state } = run(initialState('A', '"1"'), { type: 'edit', text: 'AB' }, { type: 'timer' });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 7; attempt += 1) {
      const failed = run(state, { type: 'failed', kind: 'offline' });
      expect(failed.state.text).toBe('AB');
      expect(failed.effects).toContainEqual({ type: 'keepDraft', text: 'AB', etag: '"1"' });
      const schedule = failed.effects.find((e) => e.type === 'schedule');
      delays.push(schedule && schedule.type === 'schedule' ? schedule.delay : -1);
      const retried = run(failed.state, { type: 'timer' });
      expect(saves(retried.effects)).toEqual([{ type: 'save', text: 'AB', etag: '"1"' }]);
      state = retried.state;
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(statusLabel(run(state, { type: 'failed', kind: 'offline' }).state).label).toBe('Offline — will retry');
  });

  it('retries at once when the browser comes back online, with the newest text', () => {
    const failed = run(
      initialState('A', '"1"'),
      { type: 'edit', text: 'AB' },
      { type: 'timer' },
      { type: 'failed', kind: 'offline' },
      { type: 'edit', text: 'ABC' },
    );
    expect(failed.state.status).toBe('retrying');

    const online = run(failed.state, { type: 'online' });
    expect(saves(online.effects)).toEqual([{ type: 'save', text: 'ABC', etag: '"1"' }]);
  });

  it('says when the session ended, and keeps the text for after signing in again', () => {
    const { state } = run(
      initialState('A', '"1"'),
      { type: 'edit', text: 'AB' },
      { type: 'timer' },
      { type: 'failed', kind: 'unauthorized' },
    );

    expect(statusLabel(state)).toEqual({ label: 'Signed out — sign in to save', tone: 'error' });
    expect(state.text).toBe('AB');
  });

  it('on 412 fetches the server version and offers a choice, sending nothing meanwhile', () => {
    const conflict = run(
      initialState('A', '"1"'),
      { type: 'edit', text: 'Mine' },
      { type: 'timer' },
      { type: 'conflict' },
    );
    expect(conflict.state.status).toBe('conflict');
    expect(conflict.effects).toContainEqual({ type: 'fetchServer' });
    expect(statusLabel(conflict.state).label).toBe('Checking for changes…');

    const loaded = run(
      conflict.state,
      { type: 'serverLoaded', text: 'Theirs', etag: '"5"' },
      { type: 'edit', text: 'Mine!' },
      { type: 'timer' },
    );
    expect(loaded.state.status).toBe('conflict');
    expect(loaded.state.conflict).toEqual({ serverText: 'Theirs', serverEtag: '"5"' });
    expect(saves(loaded.effects)).toHaveLength(0);
    expect(statusLabel(loaded.state).label).toBe('Conflict');
    expect(hasUnsavedText(loaded.state)).toBe(true);
  });

  it('"keep mine" overwrites on top of their version', () => {
    const { state, effects } = run(
      initialState('A', '"1"'),
      { type: 'edit', text: 'Mine' },
      { type: 'timer' },
      { type: 'conflict' },
      { type: 'serverLoaded', text: 'Theirs', etag: '"5"' },
      { type: 'keepMine' },
    );
    expect(state.status).toBe('saving');
    expect(saves(effects).at(-1)).toEqual({ type: 'save', text: 'Mine', etag: '"5"' });
  });

  it('"reload theirs" takes the server text and forgets the draft', () => {
    const { state, effects } = run(
      initialState('A', '"1"'),
      { type: 'edit', text: 'Mine' },
      { type: 'timer' },
      { type: 'conflict' },
      { type: 'serverLoaded', text: 'Theirs', etag: '"5"' },
      { type: 'takeTheirs' },
    );
    expect(state).toMatchObject({ status: 'saved', text: 'Theirs', savedText: 'Theirs', etag: '"5"' });
    expect(effects.at(-1)).toEqual({ type: 'clearDraft' });
  });

  it('needs no choice when the server already has our text (the answer to a save was lost)', () => {
    const { state } = run(
      initialState('A', '"1"'),
      { type: 'edit', text: 'AB' },
      { type: 'timer' },
      { type: 'failed', kind: 'offline' },
      { type: 'timer' },
      { type: 'conflict' },
      { type: 'serverLoaded', text: 'AB', etag: '"2"' },
    );
    expect(state).toMatchObject({ status: 'saved', text: 'AB', etag: '"2"' });
  });

  it('goes on saving when only the title or status changed on the server', () => {
    const { state, effects } = run(
      initialState('A', '"1"'),
      { type: 'edit', text: 'AB' },
      { type: 'timer' },
      { type: 'conflict' },
      { type: 'serverLoaded', text: 'A', etag: '"2"' },
    );
    expect(state.status).toBe('saving');
    expect(saves(effects).at(-1)).toEqual({ type: 'save', text: 'AB', etag: '"2"' });
  });

  it('typing back to the saved text is saved without a request', () => {
    const { state, effects } = run(initialState('A', '"1"'), { type: 'edit', text: 'AB' }, { type: 'edit', text: 'A' });
    expect(state.status).toBe('saved');
    expect(effects.at(-1)).toEqual({ type: 'cancelTimer' });
    expect(run(state, { type: 'timer' }).effects).toHaveLength(0);
  });

  it('caps the backoff', () => {
    expect(backoff(1, config)).toBe(1000);
    expect(backoff(3, config)).toBe(4000);
    expect(backoff(100, config)).toBe(30000);
  });
});

describe('resuming from a local draft', () => {
  it('opens normally without a draft, or with one the server already has', () => {
    expect(resumeFromDraft({ text: 'A', etag: '"1"' }, undefined).state.status).toBe('saved');
    const same = resumeFromDraft({ text: 'A', etag: '"2"' }, { text: 'A', etag: '"1"' });
    expect(same.state.status).toBe('saved');
    expect(same.effects).toContainEqual({ type: 'clearDraft' });
  });

  it('saves a newer draft written on the server’s current version', () => {
    const resumed = resumeFromDraft({ text: 'A', etag: '"1"' }, { text: 'A and more', etag: '"1"' });
    expect(resumed.state.text).toBe('A and more');
    expect(resumed.effects).toContainEqual({ type: 'save', text: 'A and more', etag: '"1"' });
  });

  it('saves a draft on the same version when only the chapter’s place changed', () => {
    const resumed = resumeFromDraft({ text: 'A', etag: '"1.920"' }, { text: 'A and more', etag: '"1.912"' });
    expect(resumed.state.status).toBe('saving');
    expect(resumed.effects).toContainEqual({ type: 'save', text: 'A and more', etag: '"1.920"' });
  });

  it('opens as a conflict when the server moved on since the draft', () => {
    const resumed = resumeFromDraft({ text: 'Theirs', etag: '"3"' }, { text: 'Mine', etag: '"1"' });
    expect(resumed.state).toMatchObject({
      status: 'conflict',
      text: 'Mine',
      conflict: { serverText: 'Theirs', serverEtag: '"3"' },
    });
    expect(resumed.effects).toHaveLength(0);
  });
});
