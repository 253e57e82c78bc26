/**
 * The autosave state machine of the chapter editor, as pure functions: every event gives a
 * new state and the effects to run (timers, a save, fetching the server's text, keeping or
 * forgetting the local copy). The hook in useAutosave.ts runs the effects. The rule that
 * matters: text the server has not confirmed is never dropped. It stays in `text` (and in
 * the local draft) through failures, retries, sign-outs and conflicts until a save of
 * exactly that text succeeds or the writer chooses to take the other version.
 */

import { sameVersion } from '../api/client';

export type AutosaveStatus = 'saved' | 'dirty' | 'saving' | 'retrying' | 'conflict';

export type FailureKind = 'offline' | 'unauthorized' | 'server';

export interface ConflictInfo {
  /** The server's text and ETag, once fetched. */
  serverText?: string;
  serverEtag?: string;
}

export interface AutosaveState {
  /** What the writer sees and types. */
  text: string;
  /** The text the server has at `etag`. */
  savedText: string;
  /** The ETag of the server's version that `savedText` is. */
  etag: string;
  status: AutosaveStatus;
  /** The text of the save in flight, if any. */
  inFlight?: string;
  /** Failed attempts in a row (drives the backoff). */
  failures: number;
  failure?: FailureKind;
  message?: string;
  conflict?: ConflictInfo;
}

export type AutosaveEvent =
  | { type: 'edit'; text: string }
  | { type: 'timer' }
  | { type: 'flush' }
  | { type: 'saved'; text: string; etag: string }
  | { type: 'failed'; kind: FailureKind; message?: string }
  | { type: 'conflict' }
  | { type: 'serverLoaded'; text: string; etag: string }
  | { type: 'keepMine' }
  | { type: 'takeTheirs' }
  | { type: 'online' };

export type AutosaveEffect =
  | { type: 'schedule'; delay: number }
  | { type: 'cancelTimer' }
  | { type: 'save'; text: string; etag: string }
  | { type: 'fetchServer' }
  | { type: 'keepDraft'; text: string; etag: string }
  | { type: 'clearDraft' };

export interface Transition {
  state: AutosaveState;
  effects: AutosaveEffect[];
}

export interface AutosaveConfig {
  debounceMs: number;
  /** First retry delay; doubles per failure up to `maxRetryMs`. */
  retryBaseMs: number;
  maxRetryMs: number;
}

export const DEFAULT_CONFIG: AutosaveConfig = { debounceMs: 1500, retryBaseMs: 1000, maxRetryMs: 30_000 };

/** The delay before retry number `failures` (1, 2, …): 1 s, 2 s, 4 s … capped. */
export function backoff(failures: number, config: AutosaveConfig = DEFAULT_CONFIG): number {
  const exponent = Math.max(0, failures - 1);
  return Math.min(config.maxRetryMs, config.retryBaseMs * 2 ** Math.min(exponent, 20));
}

export function initialState(text: string, etag: string): AutosaveState {
  return { text, savedText: text, etag, status: 'saved', failures: 0 };
}

/**
 * The state when the editor opens a chapter for which this device still has a draft the
 * server never confirmed. If the server is still at the version the draft was written
 * against, the draft is simply newer: keep it and save it. If the server moved on, the
 * writer must choose, so it opens as a conflict with both texts known.
 */
export function resumeFromDraft(
  server: { text: string; etag: string },
  draft: { text: string; etag: string } | undefined,
): Transition {
  if (!draft || draft.text === server.text) {
    return { state: initialState(server.text, server.etag), effects: draft ? [{ type: 'clearDraft' }] : [] };
  }
  if (sameVersion(draft.etag, server.etag)) {
    const state: AutosaveState = { ...initialState(server.text, server.etag), text: draft.text, status: 'dirty' };
    return startSave(state);
  }
  return {
    state: {
      ...initialState(server.text, server.etag),
      text: draft.text,
      status: 'conflict',
      conflict: { serverText: server.text, serverEtag: server.etag },
    },
    effects: [],
  };
}

export function hasUnsavedText(state: AutosaveState): boolean {
  return state.text !== state.savedText || state.status === 'conflict';
}

export function reduce(
  state: AutosaveState,
  event: AutosaveEvent,
  config: AutosaveConfig = DEFAULT_CONFIG,
): Transition {
  switch (event.type) {
    case 'edit': {
      if (event.text === state.text) {
        return { state, effects: [] };
      }
      const next: AutosaveState = { ...state, text: event.text };
      const effects: AutosaveEffect[] = [];
      if (event.text === state.savedText) {
        effects.push({ type: 'clearDraft' });
      } else {
        effects.push({ type: 'keepDraft', text: event.text, etag: state.etag });
      }
      if (state.status === 'conflict') {
        // Typing goes on; nothing is sent until the writer resolves the conflict.
        return { state: next, effects };
      }
      if (state.status === 'retrying') {
        // A retry is already scheduled; it will send the newest text.
        return { state: next, effects };
      }
      if (state.status === 'saving') {
        // When the save in flight returns, the newer text is saved next.
        return { state: next, effects };
      }
      if (event.text === state.savedText) {
        return { state: { ...next, status: 'saved' }, effects: [...effects, { type: 'cancelTimer' }] };
      }
      return {
        state: { ...next, status: 'dirty' },
        effects: [...effects, { type: 'schedule', delay: config.debounceMs }],
      };
    }
    case 'timer':
    case 'flush':
    case 'online': {
      if (state.status === 'conflict' || state.status === 'saving') {
        return { state, effects: [] };
      }
      if (state.text === state.savedText) {
        return {
          state: { ...state, status: 'saved', failures: 0, failure: undefined, message: undefined },
          effects: [],
        };
      }
      return startSave(state);
    }
    case 'saved': {
      const next: AutosaveState = {
        ...state,
        savedText: event.text,
        etag: event.etag,
        inFlight: undefined,
        failures: 0,
        failure: undefined,
        message: undefined,
      };
      if (next.text === next.savedText) {
        return { state: { ...next, status: 'saved' }, effects: [{ type: 'clearDraft' }] };
      }
      // The writer typed while the save was in flight: save the rest right away.
      return startSave({ ...next, status: 'dirty' }, [{ type: 'keepDraft', text: next.text, etag: next.etag }]);
    }
    case 'failed': {
      const failures = state.failures + 1;
      return {
        state: {
          ...state,
          status: 'retrying',
          inFlight: undefined,
          failures,
          failure: event.kind,
          message: event.message,
        },
        effects: [
          { type: 'keepDraft', text: state.text, etag: state.etag },
          { type: 'schedule', delay: backoff(failures, config) },
        ],
      };
    }
    case 'conflict': {
      return {
        state: {
          ...state,
          status: 'conflict',
          inFlight: undefined,
          conflict: {},
          failure: undefined,
          message: undefined,
        },
        effects: [
          { type: 'cancelTimer' },
          { type: 'keepDraft', text: state.text, etag: state.etag },
          { type: 'fetchServer' },
        ],
      };
    }
    case 'serverLoaded': {
      if (state.status !== 'conflict') {
        return { state, effects: [] };
      }
      if (event.text === state.text) {
        // Our save did reach the server (only its answer was lost): nothing to choose.
        return {
          state: { ...initialState(event.text, event.etag) },
          effects: [{ type: 'clearDraft' }],
        };
      }
      if (event.text === state.savedText) {
        // Only the chapter's other fields changed (its title or status, say): the text we
        // built on is still the server's, so our edit simply goes on top of the new version.
        return startSave({ ...state, etag: event.etag, conflict: undefined, status: 'dirty', failures: 0 });
      }
      return { state: { ...state, conflict: { serverText: event.text, serverEtag: event.etag } }, effects: [] };
    }
    case 'keepMine': {
      const serverEtag = state.conflict?.serverEtag;
      if (state.status !== 'conflict' || serverEtag === undefined) {
        return { state, effects: [] };
      }
      const next: AutosaveState = {
        ...state,
        etag: serverEtag,
        savedText: state.conflict?.serverText ?? state.savedText,
        conflict: undefined,
        status: 'dirty',
        failures: 0,
      };
      if (next.text === next.savedText) {
        return { state: { ...next, status: 'saved' }, effects: [{ type: 'clearDraft' }] };
      }
      return startSave(next);
    }
    case 'takeTheirs': {
      const conflict = state.conflict;
      if (state.status !== 'conflict' || conflict?.serverText === undefined || conflict.serverEtag === undefined) {
        return { state, effects: [] };
      }
      return { state: initialState(conflict.serverText, conflict.serverEtag), effects: [{ type: 'clearDraft' }] };
    }
  }
}

function startSave(state: AutosaveState, before: AutosaveEffect[] = []): Transition {
  return {
    state: { ...state, status: 'saving', inFlight: state.text },
    effects: [...before, { type: 'cancelTimer' }, { type: 'save', text: state.text, etag: state.etag }],
  };
}

/** What the status indicator says. */
export function statusLabel(state: AutosaveState): { label: string; tone: 'ok' | 'busy' | 'warn' | 'error' } {
  switch (state.status) {
    case 'saved':
      return { label: 'Saved', tone: 'ok' };
    case 'dirty':
      return { label: 'Unsaved changes', tone: 'busy' };
    case 'saving':
      return { label: 'Saving…', tone: 'busy' };
    case 'retrying':
      if (state.failure === 'offline') {
        return { label: 'Offline — will retry', tone: 'warn' };
      }
      if (state.failure === 'unauthorized') {
        return { label: 'Signed out — sign in to save', tone: 'error' };
      }
      return { label: 'Not saved — retrying', tone: 'warn' };
    case 'conflict':
      if (state.conflict?.serverText === undefined) {
        return { label: 'Checking for changes…', tone: 'busy' };
      }
      return { label: 'Conflict', tone: 'error' };
  }
}
