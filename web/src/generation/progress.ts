/**
 * What the writer sees of a running generation job, built from its server-sent events
 * (`state`, `step-started`, `delta`, `progress`, `step-finished`, `completed`, `failed`,
 * `cancelled`) as pure transitions.
 */
import type { ProblemDocument } from '../api/problem';

export interface JobView {
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  done: number;
  total: number;
  step?: string;
  tokens: number;
  /** The text streamed by the current step (its tail is shown). */
  preview: string;
  /** Steps finished, in order, for the log. */
  finished: string[];
  chapters: { number: number; chapterId: string; title: string }[];
  problem?: ProblemDocument;
}

export interface JobEvent {
  type: string;
  data: unknown;
}

const PREVIEW_LIMIT = 4000;

export function initialJobView(total = 0): JobView {
  return { state: 'queued', done: 0, total, tokens: 0, preview: '', finished: [], chapters: [] };
}

export function isTerminal(view: JobView): boolean {
  return view.state === 'succeeded' || view.state === 'failed' || view.state === 'cancelled';
}

function record(data: unknown): Record<string, unknown> {
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function applyJobEvent(view: JobView, event: JobEvent): JobView {
  if (isTerminal(view)) {
    return view;
  }
  const data = record(event.data);
  switch (event.type) {
    case 'state':
      return data.state === 'running' ? { ...view, state: 'running' } : view;
    case 'step-started':
      return {
        ...view,
        state: 'running',
        step: typeof data.name === 'string' ? data.name : view.step,
        total: num(data.total, view.total),
        preview: '',
      };
    case 'delta': {
      const text = typeof data.text === 'string' ? data.text : '';
      const preview = data.restart === true ? text : view.preview + text;
      return { ...view, preview: preview.length > PREVIEW_LIMIT ? preview.slice(-PREVIEW_LIMIT) : preview };
    }
    case 'step-finished':
      return typeof data.name === 'string' ? { ...view, finished: [...view.finished, data.name] } : view;
    case 'progress':
      return {
        ...view,
        done: num(data.done, view.done),
        total: num(data.total, view.total),
        step: typeof data.step === 'string' ? data.step : view.step,
        tokens: num(data.tokensSoFar, view.tokens),
      };
    case 'completed': {
      const result = record(data.result);
      const chapters = Array.isArray(result.chapters) ? (result.chapters as JobView['chapters']) : [];
      return { ...view, state: 'succeeded', done: view.total || view.done, chapters };
    }
    case 'failed':
    case 'cancelled':
      return { ...view, state: event.type, problem: record(data.problem) as ProblemDocument };
    default:
      return view;
  }
}

/** "chapter-3-prose" → "Chapter 3: prose"; "bible" → "Story bible". */
export function stepLabel(name: string | undefined): string {
  if (!name) {
    return 'Getting ready';
  }
  const chapter = /^chapter-(\d+)-(.+)$/.exec(name);
  if (chapter) {
    const part =
      chapter[2] === 'prose'
        ? 'writing'
        : chapter[2] === 'plan'
          ? 'planning'
          : chapter[2] === 'summary'
            ? 'summarising'
            : chapter[2];
    return `Chapter ${chapter[1]}: ${part}`;
  }
  const names: Record<string, string> = {
    bible: 'Story bible',
    synopsis: 'Synopsis',
    outline: 'Outline',
    check: 'Final check',
  };
  return names[name] ?? name.replace(/-/g, ' ');
}

export function percent(view: JobView): number {
  if (view.state === 'succeeded') {
    return 100;
  }
  return view.total > 0 ? Math.min(100, Math.round((view.done / view.total) * 100)) : 0;
}
