import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { ApiError, NetworkError, errorMessage } from '../api/problem';
import { clearDraft, keepDraft } from './drafts';
import {
  DEFAULT_CONFIG,
  hasUnsavedText,
  reduce,
  type AutosaveConfig,
  type AutosaveEffect,
  type AutosaveEvent,
  type AutosaveState,
  type Transition,
} from './machine';

export interface AutosaveBackend {
  /** Saves the text on top of `etag`; answers the new ETag. */
  save(text: string, etag: string): Promise<string>;
  /** The server's current text and ETag (after a conflict). */
  load(): Promise<{ text: string; etag: string }>;
}

interface Box {
  state: AutosaveState;
  effects: AutosaveEffect[];
}

/**
 * Runs the autosave machine for one chapter: debounced saves with If-Match, retries with
 * backoff, the local draft, the conflict flow and the unload warning.
 */
export function useAutosave(
  chapterId: string,
  start: Transition,
  backend: AutosaveBackend,
  config: AutosaveConfig = DEFAULT_CONFIG,
) {
  const [box, dispatchBox] = useReducer(
    (current: Box, event: AutosaveEvent): Box => {
      const next = reduce(current.state, event, config);
      return { state: next.state, effects: next.effects };
    },
    start,
    (initial): Box => ({ state: initial.state, effects: initial.effects }),
  );
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const backendRef = useRef(backend);
  const stateRef = useRef(box.state);
  useLayoutEffect(() => {
    backendRef.current = backend;
    stateRef.current = box.state;
  });
  const mounted = useRef(true);
  const inFlight = useRef<Promise<string> | undefined>(undefined);
  const dispatchRef = useRef(dispatchBox);

  const dispatch = useCallback((event: AutosaveEvent) => {
    if (mounted.current) {
      dispatchRef.current(event);
    }
  }, []);

  // Effects are run once per transition (the effects array is new each time).
  useEffect(() => {
    for (const effect of box.effects) {
      switch (effect.type) {
        case 'schedule':
          clearTimeout(timer.current);
          timer.current = setTimeout(() => dispatch({ type: 'timer' }), effect.delay);
          break;
        case 'cancelTimer':
          clearTimeout(timer.current);
          timer.current = undefined;
          break;
        case 'keepDraft':
          keepDraft(chapterId, effect.text, effect.etag);
          break;
        case 'clearDraft':
          clearDraft(chapterId);
          break;
        case 'save': {
          const saving = backendRef.current.save(effect.text, effect.etag);
          inFlight.current = saving;
          saving.then(
            (etag) => dispatch({ type: 'saved', text: effect.text, etag }),
            (error: unknown) => dispatch(failure(error)),
          );
          saving
            .finally(() => {
              if (inFlight.current === saving) {
                inFlight.current = undefined;
              }
            })
            .catch(() => undefined);
          break;
        }
        case 'fetchServer':
          backendRef.current.load().then(
            (server) => dispatch({ type: 'serverLoaded', text: server.text, etag: server.etag }),
            () => undefined,
          );
          break;
      }
    }
  }, [box.effects, chapterId, dispatch]);

  useEffect(() => {
    mounted.current = true;
    const online = () => dispatch({ type: 'online' });
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (hasUnsavedText(stateRef.current)) {
        event.preventDefault();
        // Older browsers need returnValue set to show the prompt.
        event.returnValue = '';
      }
    };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      mounted.current = false;
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', beforeUnload);
      clearTimeout(timer.current);
      const last = stateRef.current;
      if (last.text !== last.savedText && last.status !== 'conflict') {
        // Leaving the chapter: send what is left now. The draft stays until it is confirmed,
        // so if this fails the text is offered again next time the chapter opens.
        keepDraft(chapterId, last.text, last.etag);
        const after = last.status === 'saving' && inFlight.current ? inFlight.current : Promise.resolve(last.etag);
        after
          .then((etag) => backendRef.current.save(last.text, etag))
          .then(() => clearDraft(chapterId))
          .catch(() => undefined);
      }
    };
  }, [chapterId, dispatch]);

  return {
    state: box.state,
    edit: useCallback((text: string) => dispatch({ type: 'edit', text }), [dispatch]),
    flush: useCallback(() => dispatch({ type: 'flush' }), [dispatch]),
    keepMine: useCallback(() => dispatch({ type: 'keepMine' }), [dispatch]),
    takeTheirs: useCallback(() => dispatch({ type: 'takeTheirs' }), [dispatch]),
  };
}

export function failure(error: unknown): AutosaveEvent {
  if (error instanceof ApiError) {
    if (error.status === 412) {
      return { type: 'conflict' };
    }
    if (error.status === 401) {
      return { type: 'failed', kind: 'unauthorized', message: error.message };
    }
    return { type: 'failed', kind: 'server', message: error.message };
  }
  if (error instanceof NetworkError || (typeof navigator !== 'undefined' && navigator.onLine === false)) {
    return { type: 'failed', kind: 'offline', message: errorMessage(error) };
  }
  return { type: 'failed', kind: 'server', message: errorMessage(error) };
}
