import { useEffect, useReducer, useRef, useState, type RefObject } from 'react';
import type { AssistOperation } from '../api/types';
import { countWords, words } from '../components/format';
import { OPERATIONS, assistReducer, cannotRun, operation, requestFor, runAssist } from './assist';
import type { EditorHandle } from './MarkdownEditor';
import { placeAnswer, type Target } from './placement';

interface Props {
  bookId: string;
  chapterId: string;
  editor: RefObject<EditorHandle | null>;
  /** The editor's selection now, so the panel can say what it will act on. */
  selection: { from: number; to: number; text: string };
  onClose: () => void;
}

const ACCEPT_LABEL = {
  replace: 'Replace selection',
  'insert-at-cursor': 'Insert at cursor',
  'insert-below': 'Insert below',
} as const;

/**
 * Acts on the selection: the answer streams in, then can be edited here, accepted into
 * the chapter (as one undoable change that autosaves like typing) or discarded. Closing
 * the panel (its button, or Escape inside it) or starting again stops a running answer,
 * which cancels the provider call.
 */
export function AiPanel({ bookId, chapterId, editor, selection, onClose }: Props) {
  const [op, setOp] = useState<AssistOperation>('rewrite');
  const [instructions, setInstructions] = useState('');
  const [state, dispatch] = useReducer(assistReducer, { status: 'idle' });
  const [target, setTarget] = useState<Target & { op: AssistOperation }>();
  const [placeError, setPlaceError] = useState<string>();
  const running = useRef<AbortController | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    return () => running.current?.abort();
  }, []);

  // Only the selected text matters here; the whole document is read when an operation starts.
  const blocked = cannotRun(op, { text: selection.text, from: 0, to: selection.text.length }, instructions);
  const selectedWords = countWords(selection.text);

  const run = () => {
    const now = editor.current?.snapshot();
    if (!now || cannotRun(op, now, instructions)) {
      return;
    }
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setPlaceError(undefined);
    setTarget({ op, from: now.from, to: now.to, original: now.text.slice(now.from, now.to) });
    void runAssist(bookId, requestFor(op, now, chapterId, instructions), controller.signal, dispatch).finally(() => {
      if (running.current === controller) {
        running.current = null;
      }
    });
  };

  const stop = () => running.current?.abort();

  const accept = () => {
    if (!target || state.status === 'idle' || state.status === 'streaming') {
      return;
    }
    const doc = editor.current?.snapshot().text ?? '';
    const change = placeAnswer(doc, target, state.text, operation(target.op).placement);
    if (!change) {
      setPlaceError(
        state.text.trim()
          ? 'The text this ran on has changed since, so nothing was replaced. Copy the answer from here instead.'
          : 'There is no text to insert.',
      );
      return;
    }
    editor.current?.apply(change);
    dispatch({ type: 'reset' });
    setTarget(undefined);
  };

  const discard = () => {
    stop();
    dispatch({ type: 'reset' });
    setTarget(undefined);
    setPlaceError(undefined);
    editor.current?.focus();
  };

  const answered = state.status === 'done' || state.status === 'failed' || state.status === 'stopped';
  const placement = operation(target?.op ?? op).placement;

  return (
    <aside
      id="ai-panel"
      className="side-panel ai-panel"
      aria-labelledby="ai-heading"
      onKeyDown={(event) => {
        // Escape anywhere in the panel closes it, as it closes dialogs; closing stops a
        // running answer. A control that uses Escape itself (a native select) keeps it.
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="side-panel-header">
        <h2 id="ai-heading" tabIndex={-1} ref={heading}>
          AI assist
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close AI assist">
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p className="muted small" aria-live="polite">
        {selection.text.trim()
          ? `Acting on your selection: ${words(selectedWords)}.`
          : 'Nothing selected: working at the cursor.'}
      </p>
      <fieldset className="choice-group ai-operations" aria-describedby="ai-operation-hint">
        <legend>Operation</legend>
        <div className="ai-operation-grid">
          {OPERATIONS.map((o) => (
            <label key={o.id} className="choice">
              <input type="radio" name="ai-operation" value={o.id} checked={op === o.id} onChange={() => setOp(o.id)} />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
        <p id="ai-operation-hint" className="hint">
          {operation(op).hint}.
        </p>
      </fieldset>
      <div className="field">
        <label htmlFor="ai-instructions">Instructions (optional)</label>
        <textarea
          id="ai-instructions"
          rows={2}
          value={instructions}
          maxLength={2000}
          placeholder="e.g. more tension, keep her voice dry"
          onChange={(e) => setInstructions(e.target.value)}
        />
      </div>
      <div className="button-row">
        {state.status === 'streaming' ? (
          <button type="button" className="button" onClick={stop}>
            Stop
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            disabled={blocked !== undefined}
            aria-describedby={blocked ? 'ai-blocked' : undefined}
            onClick={run}
          >
            {operation(op).label}
          </button>
        )}
      </div>
      {blocked && state.status !== 'streaming' && (
        <p id="ai-blocked" className="hint">
          {blocked}
        </p>
      )}

      {state.status !== 'idle' && (
        <section className="ai-answer" aria-label="Answer">
          <div className="field">
            <label htmlFor="ai-output">
              {state.status === 'streaming' ? 'Writing…' : 'Answer'}
              {state.status === 'streaming' && state.restarts > 0 && (
                <span className="muted small"> (the provider stumbled; starting over)</span>
              )}
            </label>
            <textarea
              id="ai-output"
              className="ai-output"
              rows={10}
              value={state.text}
              readOnly={state.status === 'streaming'}
              aria-busy={state.status === 'streaming'}
              onChange={(e) => dispatch({ type: 'edit', text: e.target.value })}
            />
          </div>
          {state.status === 'failed' && (
            <p className="form-error" role="alert">
              {state.message}
            </p>
          )}
          {state.status === 'stopped' && <p className="muted small">Stopped. You can still use what was written.</p>}
          {state.status === 'done' && (
            <p className="muted small" role="status">
              {state.done.offline ? 'Offline writer' : `${state.done.provider} · ${state.done.model}`} ·{' '}
              {state.done.usage.outputTokens.toLocaleString('en')} tokens ·{' '}
              {state.done.offline || state.done.cost.micros === 0 ? 'free' : state.done.cost.display}
              {state.done.notice ? ` · ${state.done.notice}` : ''}
            </p>
          )}
          {placeError && (
            <p className="form-error" role="alert">
              {placeError}
            </p>
          )}
          {answered && (
            <div className="button-row">
              <button type="button" className="button primary" onClick={accept} disabled={!state.text.trim()}>
                {ACCEPT_LABEL[placement]}
              </button>
              <button type="button" className="button" onClick={discard}>
                Discard
              </button>
            </div>
          )}
        </section>
      )}
    </aside>
  );
}
