import { assist as assistApi } from '../api/endpoints';
import { errorMessage, problemMessage, type ProblemDocument } from '../api/problem';
import { readEvents, type SseEvent } from '../api/sse';
import type { AssistDone, AssistOperation, AssistRequest } from '../api/types';

/** What each operation does with the text, in the words the panel uses. */
export const OPERATIONS: ReadonlyArray<{
  id: AssistOperation;
  label: string;
  hint: string;
  needsSelection: boolean;
  /** Where an accepted answer goes. */
  placement: 'replace' | 'insert-at-cursor' | 'insert-below';
}> = [
  {
    id: 'rewrite',
    label: 'Rewrite',
    hint: 'Say the selection another way',
    needsSelection: true,
    placement: 'replace',
  },
  {
    id: 'expand',
    label: 'Expand',
    hint: 'Make the selection richer and longer',
    needsSelection: true,
    placement: 'replace',
  },
  { id: 'shorten', label: 'Shorten', hint: 'Tighten the selection', needsSelection: true, placement: 'replace' },
  {
    id: 'describe',
    label: 'Describe',
    hint: 'Sensory description of what is selected',
    needsSelection: false,
    placement: 'insert-below',
  },
  {
    id: 'brainstorm',
    label: 'Brainstorm',
    hint: 'Ideas for what could happen next',
    needsSelection: false,
    placement: 'insert-below',
  },
  {
    id: 'continue',
    label: 'Continue',
    hint: 'Write on from the cursor',
    needsSelection: false,
    placement: 'insert-at-cursor',
  },
];

export function operation(id: AssistOperation) {
  return OPERATIONS.find((o) => o.id === id) ?? OPERATIONS[0]!;
}

/** The server's input limits (docs/content-service.md); context is trimmed to fit. */
export const LIMITS = { selection: 20_000, context: 60_000, instructions: 2_000 };

/** How much text around the selection goes along as context. */
const BEFORE = 6_000;
const AFTER = 2_000;

export interface EditorSnapshot {
  text: string;
  from: number;
  to: number;
}

/** The request for an operation on the editor's current selection (or cursor). */
export function requestFor(
  op: AssistOperation,
  editor: EditorSnapshot,
  chapterId: string,
  instructions: string,
): AssistRequest {
  const selection = editor.text.slice(editor.from, editor.to);
  const request: AssistRequest = {
    operation: op,
    chapterId,
    before: editor.text.slice(Math.max(0, editor.from - BEFORE), editor.from),
    after: editor.text.slice(editor.to, editor.to + AFTER),
  };
  if (selection.trim()) {
    request.selection = selection;
  }
  if (instructions.trim()) {
    request.instructions = instructions.trim();
  }
  return request;
}

/** Why an operation cannot run on this selection, or undefined when it can. */
export function cannotRun(op: AssistOperation, editor: EditorSnapshot, instructions: string): string | undefined {
  const selected = editor.text.slice(editor.from, editor.to);
  if (operation(op).needsSelection && !selected.trim()) {
    return `Select the text to ${op} first.`;
  }
  if (selected.length > LIMITS.selection) {
    return `The selection is too long: at most ${LIMITS.selection.toLocaleString('en')} characters at a time.`;
  }
  if (instructions.length > LIMITS.instructions) {
    return `Instructions can be at most ${LIMITS.instructions.toLocaleString('en')} characters.`;
  }
  return undefined;
}

export type AssistState =
  | { status: 'idle' }
  | { status: 'streaming'; text: string; restarts: number }
  | { status: 'done'; text: string; done: AssistDone }
  | { status: 'failed'; text: string; message: string }
  | { status: 'stopped'; text: string };

export type AssistAction =
  | { type: 'start' }
  | { type: 'event'; event: SseEvent }
  | { type: 'failed'; message: string }
  | { type: 'stopped' }
  | { type: 'edit'; text: string }
  | { type: 'reset' };

/** Folds the stream's events into what the panel shows. */
export function assistReducer(state: AssistState, action: AssistAction): AssistState {
  switch (action.type) {
    case 'start':
      return { status: 'streaming', text: '', restarts: 0 };
    case 'reset':
      return { status: 'idle' };
    case 'edit':
      return state.status === 'idle' || state.status === 'streaming' ? state : { ...state, text: action.text };
    case 'stopped':
      return state.status === 'streaming' ? { status: 'stopped', text: state.text } : state;
    case 'failed':
      return state.status === 'streaming' ? { status: 'failed', text: state.text, message: action.message } : state;
    case 'event':
      return state.status === 'streaming' ? applyEvent(state, action.event) : state;
  }
}

function applyEvent(state: Extract<AssistState, { status: 'streaming' }>, event: SseEvent): AssistState {
  const data = parse(event.data);
  switch (event.event) {
    case 'delta':
      return { ...state, text: state.text + String((data as { text?: unknown })?.text ?? '') };
    case 'restart':
      // The provider failed part-way and story-ai started over: the text so far is void.
      return { ...state, text: '', restarts: state.restarts + 1 };
    case 'done':
      return { status: 'done', text: state.text, done: data as AssistDone };
    case 'error': {
      const problem = ((data as { problem?: ProblemDocument })?.problem ?? {}) as ProblemDocument;
      return { status: 'failed', text: state.text, message: problemMessage(problem.status ?? 502, problem) };
    }
    default:
      return state;
  }
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/**
 * Runs one operation, handing each event to `dispatch`. Problems before the stream
 * starts (limits, validation, permissions) and a stream that breaks off become a
 * `failed` action; aborting through `signal` becomes `stopped`.
 */
export async function runAssist(
  bookId: string,
  request: AssistRequest,
  signal: AbortSignal,
  dispatch: (action: AssistAction) => void,
): Promise<void> {
  dispatch({ type: 'start' });
  let finished = false;
  try {
    const response = await assistApi.stream(bookId, request, signal);
    await readEvents(response, (event) => {
      if (event.event === 'done' || event.event === 'error') {
        finished = true;
      }
      dispatch({ type: 'event', event });
    });
    if (!finished) {
      dispatch({ type: 'failed', message: 'The answer broke off before it was finished. Try again.' });
    }
  } catch (caught) {
    if (signal.aborted) {
      dispatch({ type: 'stopped' });
    } else {
      dispatch({ type: 'failed', message: errorMessage(caught) });
    }
  }
}
