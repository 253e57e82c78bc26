import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AiPanel } from './AiPanel';
import type { EditorHandle } from './MarkdownEditor';
import { applyChange, type Change } from './placement';
import { json, mockFetch, renderApp } from '../test/render';

afterEach(() => vi.unstubAllGlobals());

/** An editor stand-in holding text and a selection, applying changes as CodeMirror would. */
function fakeEditor(text: string, selected: string) {
  const from = text.indexOf(selected);
  const state = { text, from, to: from + selected.length };
  const handle: EditorHandle = {
    snapshot: () => ({ ...state }),
    apply: (change: Change) => {
      state.text = applyChange(state.text, change);
      state.from = change.select.anchor;
      state.to = change.select.head;
    },
    focus: () => undefined,
  };
  return { state, ref: { current: handle }, selection: { from, to: from + selected.length, text: selected } };
}

/** A text/event-stream body that sends its events one by one. */
function eventStream(events: Array<[string, unknown]>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const [name, data] of events) {
        controller.enqueue(encoder.encode(`event:${name}\ndata:${JSON.stringify(data)}\n\n`));
      }
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

const DONE = {
  provider: 'offline',
  model: 'offline-1',
  offline: true,
  stopReason: 'end_turn',
  usage: { inputTokens: 120, outputTokens: 9, estimated: false },
  cost: { micros: 0, currency: 'USD', display: '$0.00' },
};

describe('the AI panel', () => {
  it('streams a rewrite of the selection and puts it in place when accepted', async () => {
    const editor = fakeEditor('The keeper climbed. The lamp was cold. She waited.', 'The lamp was cold.');
    const fetch = mockFetch((url, init) => {
      if (url === '/api/content/books/b1/assist' && init.method === 'POST') {
        return eventStream([
          ['delta', { text: 'The lamp ' }],
          ['restart', {}],
          ['delta', { text: 'The lamp had ' }],
          ['delta', { text: 'gone cold.' }],
          ['done', DONE],
        ]);
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderApp(
      <AiPanel bookId="b1" chapterId="c1" editor={editor.ref} selection={editor.selection} onClose={() => {}} />,
    );

    expect(screen.getByText(/Acting on your selection: 4 words/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Instructions (optional)'), 'colder');
    await user.click(screen.getByRole('button', { name: 'Rewrite' }));

    const answer = await screen.findByDisplayValue('The lamp had gone cold.');
    expect(answer).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Offline writer');
    const [, init] = fetch.mock.calls.find(([url]) => String(url).endsWith('/assist'))!;
    expect(JSON.parse(String(init?.body))).toEqual({
      operation: 'rewrite',
      chapterId: 'c1',
      selection: 'The lamp was cold.',
      before: 'The keeper climbed. ',
      after: ' She waited.',
      instructions: 'colder',
    });
    expect(new Headers(init?.headers).get('Accept')).toContain('text/event-stream');

    // The answer can be edited before it goes in.
    await user.type(answer, ' Very.');
    await user.click(screen.getByRole('button', { name: 'Replace selection' }));
    expect(editor.state.text).toBe('The keeper climbed. The lamp had gone cold. Very. She waited.');
    expect(screen.queryByLabelText('Answer')).not.toBeInTheDocument();
  });

  it('asks for a selection before rewriting and can continue at the cursor without one', async () => {
    const editor = fakeEditor('She waited.', '');
    editor.state.from = editor.state.to = editor.state.text.length;
    mockFetch((url) =>
      url.endsWith('/assist')
        ? eventStream([
            ['delta', { text: 'The sea answered.' }],
            ['done', DONE],
          ])
        : undefined,
    );
    const user = userEvent.setup();
    renderApp(
      <AiPanel
        bookId="b1"
        chapterId="c1"
        editor={editor.ref}
        selection={{ from: 11, to: 11, text: '' }}
        onClose={() => {}}
      />,
    );

    expect(screen.getByRole('button', { name: 'Rewrite' })).toBeDisabled();
    expect(screen.getByText('Select the text to rewrite first.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Continue/ }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByDisplayValue('The sea answered.');
    await user.click(screen.getByRole('button', { name: 'Insert at cursor' }));
    expect(editor.state.text).toBe('She waited. The sea answered.');
  });

  it('shows the problem when the operation is refused and leaves the text alone', async () => {
    const editor = fakeEditor('The lamp was cold.', 'lamp');
    mockFetch((url) =>
      url.endsWith('/assist')
        ? json(402, {
            type: 'https://authorworks.dev/problems/generation-spend-limit',
            title: 'Monthly spend limit reached',
            status: 402,
            detail: 'This would take you past your monthly AI spend limit of $20.00.',
          })
        : undefined,
    );
    const user = userEvent.setup();
    renderApp(
      <AiPanel bookId="b1" chapterId="c1" editor={editor.ref} selection={editor.selection} onClose={() => {}} />,
    );
    await user.click(screen.getByRole('button', { name: 'Rewrite' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('monthly AI spend limit of $20.00');
    expect(editor.state.text).toBe('The lamp was cold.');
  });

  it('reports a provider that gave up mid-stream, keeping what was written', async () => {
    const editor = fakeEditor('The lamp was cold.', 'lamp');
    mockFetch((url) =>
      url.endsWith('/assist')
        ? eventStream([
            ['delta', { text: 'A brass' }],
            [
              'error',
              {
                problem: {
                  status: 503,
                  title: 'The AI provider is unavailable',
                  detail: 'The AI provider is overloaded. Try again in a minute.',
                },
              },
            ],
          ])
        : undefined,
    );
    const user = userEvent.setup();
    renderApp(
      <AiPanel bookId="b1" chapterId="c1" editor={editor.ref} selection={editor.selection} onClose={() => {}} />,
    );
    await user.click(screen.getByRole('button', { name: 'Rewrite' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('overloaded');
    expect(screen.getByDisplayValue('A brass')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(editor.state.text).toBe('The lamp was cold.');
  });

  it('closes on Escape, from the heading or from a field inside it', async () => {
    const editor = fakeEditor('The keeper climbed. The lamp was cold.', 'The lamp was cold.');
    mockFetch();
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderApp(
      <AiPanel bookId="b1" chapterId="c1" editor={editor.ref} selection={editor.selection} onClose={onClose} />,
    );

    expect(screen.getByRole('heading', { name: 'AI assist' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('radio', { name: 'Expand' }));
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
