import { useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import type { Change } from './placement';
import { EditorState, Compartment } from '@codemirror/state';
import {
  EditorView,
  keymap,
  placeholder as placeholderExtension,
  drawSelection,
  highlightActiveLine,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

const proseHighlight = HighlightStyle.define([
  { tag: tags.heading1, fontSize: '1.45em', fontWeight: '700' },
  { tag: tags.heading2, fontSize: '1.25em', fontWeight: '700' },
  { tag: [tags.heading3, tags.heading4, tags.heading5, tags.heading6], fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: tags.quote, fontStyle: 'italic', color: 'var(--text-muted)' },
  { tag: [tags.link, tags.url], color: 'var(--link)', textDecoration: 'underline' },
  { tag: [tags.processingInstruction, tags.meta, tags.contentSeparator], color: 'var(--text-faint)' },
  { tag: tags.monospace, fontFamily: 'var(--font-mono)' },
]);

const baseTheme = EditorView.theme({
  '&': { backgroundColor: 'transparent', color: 'var(--text)', height: '100%' },
  '.cm-scroller': { fontFamily: 'var(--font-prose)', lineHeight: '1.7', overflow: 'auto' },
  '.cm-content': { padding: '1.5rem 0 40vh', maxWidth: '40rem', margin: '0 auto', caretColor: 'var(--text)' },
  '.cm-line': { padding: '0 1rem' },
  '&.cm-focused': { outline: 'none' },
  '.cm-cursor': { borderLeftColor: 'var(--text)', borderLeftWidth: '2px' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--selection) !important',
  },
  '.cm-placeholder': { color: 'var(--text-faint)', fontStyle: 'italic' },
});

export interface MarkdownEditorProps {
  /** The text the editor opens with. */
  initialValue: string;
  /**
   * Text that replaces the editor's from outside (taking the server's version). Only a new
   * object replaces; typing never round-trips through here, so no keystroke is overwritten.
   */
  replacement?: { text: string };
  onChange: (text: string) => void;
  onBlur?: () => void;
  fontSize: number;
  label: string;
  placeholder?: string;
  readOnly?: boolean;
  /** Told when the selection (or the cursor) moves. */
  onSelectionChange?: (from: number, to: number, selected: string) => void;
  /** What the AI panel reads and changes the text through. */
  handle?: Ref<EditorHandle>;
}

export interface EditorHandle {
  /** The text and the main selection now. */
  snapshot(): { text: string; from: number; to: number };
  /** Makes one change as if typed (it joins the undo history and autosaves) and selects it. */
  apply(change: Change): void;
  focus(): void;
}

/**
 * CodeMirror 6 with Markdown, made for prose: wrapped lines, a calm highlight, undo
 * history, and Tab left to the browser so keyboard users can move on.
 */
export function MarkdownEditor({
  initialValue,
  replacement,
  onChange,
  onBlur,
  fontSize,
  label,
  placeholder,
  readOnly = false,
  onSelectionChange,
  handle,
}: MarkdownEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const onBlurRef = useRef(onBlur);
  const onSelectionRef = useRef(onSelectionChange);
  useLayoutEffect(() => {
    onChangeRef.current = onChange;
    onBlurRef.current = onBlur;
    onSelectionRef.current = onSelectionChange;
  });
  const editable = useRef(new Compartment());
  const labels = useRef(new Compartment());

  useEffect(() => {
    if (!host.current) {
      return undefined;
    }
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialValue,
        extensions: [
          history(),
          drawSelection(),
          highlightActiveLine(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          markdown(),
          syntaxHighlighting(proseHighlight),
          EditorView.lineWrapping,
          baseTheme,
          placeholderExtension(placeholder ?? 'Start writing…'),
          editable.current.of([EditorView.editable.of(!readOnly), EditorState.readOnly.of(readOnly)]),
          labels.current.of(
            EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'true', autocorrect: 'on' }),
          ),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              onChangeRef.current(update.state.doc.toString());
            }
            if (update.docChanged || update.selectionSet) {
              const main = update.state.selection.main;
              onSelectionRef.current?.(main.from, main.to, update.state.sliceDoc(main.from, main.to));
            }
          }),
          EditorView.domEventHandlers({
            blur: () => {
              onBlurRef.current?.();
              return false;
            },
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; later value changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useImperativeHandle(
    handle,
    () => ({
      snapshot: () => {
        const state = view.current?.state;
        if (!state) {
          return { text: '', from: 0, to: 0 };
        }
        return { text: state.doc.toString(), from: state.selection.main.from, to: state.selection.main.to };
      },
      apply: (change) => {
        const editor = view.current;
        if (!editor) {
          return;
        }
        editor.dispatch({
          changes: { from: change.from, to: change.to, insert: change.insert },
          selection: change.select,
          scrollIntoView: true,
          userEvent: 'input.ai',
        });
        editor.focus();
      },
      focus: () => view.current?.focus(),
    }),
    [],
  );

  // Text replaced from outside (taking the other version, a restore) goes into the editor.
  useEffect(() => {
    const editor = view.current;
    if (editor && replacement && editor.state.doc.toString() !== replacement.text) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: replacement.text } });
    }
  }, [replacement]);

  useEffect(() => {
    view.current?.dispatch({
      effects: editable.current.reconfigure([EditorView.editable.of(!readOnly), EditorState.readOnly.of(readOnly)]),
    });
  }, [readOnly]);

  useEffect(() => {
    view.current?.dispatch({
      effects: labels.current.reconfigure(
        EditorView.contentAttributes.of({ 'aria-label': label, spellcheck: 'true', autocorrect: 'on' }),
      ),
    });
  }, [label]);

  return <div ref={host} className="markdown-editor" style={{ fontSize: `${fontSize}px` }} />;
}
