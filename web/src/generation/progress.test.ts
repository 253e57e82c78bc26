import { describe, expect, it } from 'vitest';
import { applyJobEvent, initialJobView, percent, stepLabel, type JobEvent } from './progress';
import { merge } from './PremiseFlow';

const run = (...events: JobEvent[]) => events.reduce(applyJobEvent, initialJobView(4));

describe('job progress from server-sent events', () => {
  it('follows steps, streamed text and progress to completion', () => {
    const view = run(
      { type: 'state', data: { state: 'running' } },
      { type: 'step-started', data: { index: 0, name: 'bible', total: 4 } },
      { type: 'delta', data: { step: 0, text: 'Mara ', restart: false } },
      { type: 'delta', data: { step: 0, text: 'Quill', restart: false } },
    );
    expect(view).toMatchObject({ state: 'running', step: 'bible', preview: 'Mara Quill', done: 0 });

    const later = [
      { type: 'step-finished', data: { index: 0, name: 'bible' } },
      { type: 'progress', data: { done: 1, total: 4, step: 'bible', tokensSoFar: 900 } },
      { type: 'step-started', data: { index: 1, name: 'chapter-1-prose', total: 4 } },
      { type: 'delta', data: { step: 1, text: 'retry from scratch', restart: true } },
    ].reduce(applyJobEvent, view);
    expect(later).toMatchObject({
      done: 1,
      tokens: 900,
      step: 'chapter-1-prose',
      preview: 'retry from scratch',
      finished: ['bible'],
    });
    expect(percent(later)).toBe(25);

    const completed = applyJobEvent(later, {
      type: 'completed',
      data: { state: 'succeeded', result: { chapters: [{ number: 1, chapterId: 'c1', title: 'One' }] } },
    });
    expect(completed.state).toBe('succeeded');
    expect(completed.chapters).toEqual([{ number: 1, chapterId: 'c1', title: 'One' }]);
    expect(percent(completed)).toBe(100);
    expect(applyJobEvent(completed, { type: 'progress', data: { done: 0 } })).toBe(completed);
  });

  it('keeps the readable problem of a failed job', () => {
    const view = run({
      type: 'failed',
      data: { state: 'failed', problem: { title: 'Provider failed', detail: 'The AI provider kept timing out.' } },
    });
    expect(view.state).toBe('failed');
    expect(view.problem?.detail).toBe('The AI provider kept timing out.');
  });

  it('ignores unknown events and damaged data', () => {
    const start = initialJobView(2);
    expect(applyJobEvent(start, { type: 'mystery', data: {} })).toBe(start);
    expect(applyJobEvent(start, { type: 'progress', data: 'not json' })).toMatchObject({ done: 0, total: 2 });
  });

  it('takes the final state from the polled job when the stream missed it', () => {
    const live = run({ type: 'step-started', data: { name: 'outline', total: 4 } });
    const merged = merge(live, {
      id: 'j',
      bookId: 'b',
      kind: 'full-book',
      state: 'succeeded',
      progress: { done: 4, total: 4 },
      tokensSoFar: 10,
      cost: { micros: 0, currency: 'USD', display: '$0.00' },
      createdAt: '',
      updatedAt: '',
    });
    expect(merged).toMatchObject({ state: 'succeeded', done: 4 });
  });

  it('names steps for people', () => {
    expect(stepLabel('chapter-3-prose')).toBe('Chapter 3: writing');
    expect(stepLabel('chapter-12-plan')).toBe('Chapter 12: planning');
    expect(stepLabel('bible')).toBe('Story bible');
    expect(stepLabel(undefined)).toBe('Getting ready');
  });
});
