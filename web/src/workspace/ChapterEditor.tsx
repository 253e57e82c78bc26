import { useMemo, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { chapters as chapterApi } from '../api/endpoints';
import { errorMessage } from '../api/problem';
import type { Chapter, ChapterSummary } from '../api/types';
import { ErrorNotice, Loading } from '../components/States';
import { countWords, words } from '../components/format';
import { readDraft } from '../autosave/drafts';
import { resumeFromDraft, type Transition } from '../autosave/machine';
import { useAutosave, type AutosaveBackend } from '../autosave/useAutosave';
import { usePreferences } from '../theme/preferences';
import { MarkdownEditor, type EditorHandle } from './MarkdownEditor';
import { AiPanel } from './AiPanel';
import { SaveStatus } from './SaveStatus';
import { ConflictPanel } from './ConflictPanel';
import { RevisionsPanel } from './RevisionsPanel';
import { useSignedInAgain } from './useSignedInAgain';
import { queryKeys } from '../api/queryKeys';

interface Props {
  bookId: string;
  summary: ChapterSummary;
}

/** Loads a chapter fresh from the server, then hands it to an editing session. */
export function ChapterEditor({ bookId, summary }: Props) {
  const [session, setSession] = useState(0);
  const chapter = useQuery({
    queryKey: queryKeys.chapter(summary.id, session),
    queryFn: () => chapterApi.get(bookId, summary.id),
    staleTime: Infinity,
    gcTime: 0,
  });
  if (chapter.isPending) {
    return <Loading label={`Opening “${summary.title}”…`} />;
  }
  if (chapter.isError) {
    return (
      <ErrorNotice
        error={chapter.error}
        onRetry={() => void chapter.refetch()}
        title="This chapter could not be opened"
      />
    );
  }
  const etag = chapter.data.etag ?? `"${chapter.data.data.version}"`;
  return (
    <EditorSession
      key={`${summary.id}:${session}`}
      bookId={bookId}
      chapter={chapter.data.data}
      etag={etag}
      summary={summary}
      onReload={() => setSession((n) => n + 1)}
    />
  );
}

function EditorSession({
  bookId,
  chapter,
  etag,
  summary,
  onReload,
}: {
  bookId: string;
  chapter: Chapter;
  etag: string;
  summary: ChapterSummary;
  onReload: () => void;
}) {
  const client = useQueryClient();
  const { fontSize } = usePreferences();
  const [panel, setPanel] = useState<'revisions' | 'ai'>();
  const editorHandle = useRef<EditorHandle>(null);
  const [selection, setSelection] = useState({ from: 0, to: 0, text: '' });
  const [replacement, setReplacement] = useState<{ text: string }>();
  const [start] = useState<Transition>(() => resumeFromDraft({ text: chapter.content, etag }, readDraft(chapter.id)));

  const backend = useMemo<AutosaveBackend>(
    () => ({
      save: async (text, ifMatch) => {
        const saved = await chapterApi.saveContent(bookId, chapter.id, text, ifMatch);
        client.setQueryData<ChapterSummary[]>(queryKeys.chapters(bookId), (list) =>
          list?.map((c) =>
            c.id === chapter.id ? { ...c, wordCount: saved.data.wordCount, version: saved.data.version } : c,
          ),
        );
        return saved.etag ?? `"${saved.data.version}"`;
      },
      load: async () => {
        const current = await chapterApi.get(bookId, chapter.id);
        return { text: current.data.content, etag: current.etag ?? `"${current.data.version}"` };
      },
    }),
    [bookId, chapter.id, client],
  );
  const autosave = useAutosave(chapter.id, start, backend);
  const { state } = autosave;
  useSignedInAgain(autosave.flush);

  const statusChange = useMutation({
    mutationFn: async (status: string) => {
      const current = await chapterApi.get(bookId, chapter.id);
      await chapterApi.rename(bookId, chapter.id, { status }, current.etag ?? `"${current.data.version}"`);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.chapters(bookId) }),
  });
  const statusError = statusChange.error ? errorMessage(statusChange.error) : undefined;

  const liveWords = countWords(state.text);

  return (
    <div className={panel ? 'editor-with-panel' : 'editor-alone'}>
      <div
        className="editor-main"
        onKeyDown={(event) => isAssistShortcut(event) && (event.preventDefault(), setPanel('ai'))}
      >
        <div className="editor-toolbar">
          <h2 className="editor-chapter-title">{summary.title}</h2>
          <div className="editor-toolbar-tools">
            <label className="inline-field">
              <span>Status</span>
              <select value={summary.status} onChange={(e) => statusChange.mutate(e.target.value)}>
                <option value="draft">Draft</option>
                <option value="revising">Revising</option>
                <option value="final">Final</option>
              </select>
            </label>
            <span className="muted small" aria-label={`About ${words(liveWords)}`}>
              ≈ {words(liveWords)}
            </span>
            <SaveStatus state={state} />
            <button
              type="button"
              className="button small"
              aria-expanded={panel === 'ai'}
              aria-controls="ai-panel"
              aria-keyshortcuts="Control+Shift+E Meta+Shift+E"
              title="AI assist (Ctrl+Shift+E)"
              onClick={() => setPanel((p) => (p === 'ai' ? undefined : 'ai'))}
            >
              {panel === 'ai' ? 'Hide AI' : 'AI assist'}
            </button>
            <button
              type="button"
              className="button small"
              aria-expanded={panel === 'revisions'}
              aria-controls="revisions-panel"
              onClick={() => setPanel((p) => (p === 'revisions' ? undefined : 'revisions'))}
            >
              {panel === 'revisions' ? 'Hide revisions' : 'Revisions'}
            </button>
          </div>
        </div>
        {statusError && (
          <p className="form-error" role="alert">
            {statusError}
          </p>
        )}
        {state.status === 'retrying' && state.failure === 'server' && state.message && (
          <p className="notice notice-warn small" role="status">
            Saving failed: {state.message} Your text is kept on this device and saving is retried automatically.
          </p>
        )}
        {state.status === 'conflict' && state.conflict?.serverText !== undefined && (
          <ConflictPanel
            mine={state.text}
            theirs={state.conflict.serverText}
            onKeepMine={autosave.keepMine}
            onTakeTheirs={() => {
              setReplacement({ text: state.conflict?.serverText ?? '' });
              autosave.takeTheirs();
            }}
          />
        )}
        <MarkdownEditor
          initialValue={start.state.text}
          replacement={replacement}
          onChange={autosave.edit}
          onBlur={autosave.flush}
          fontSize={fontSize}
          label={`Text of ${summary.title}`}
          handle={editorHandle}
          onSelectionChange={(from, to, text) => setSelection({ from, to, text })}
        />
      </div>
      {panel === 'ai' && (
        <AiPanel
          bookId={bookId}
          chapterId={chapter.id}
          editor={editorHandle}
          selection={selection}
          onClose={() => {
            setPanel(undefined);
            editorHandle.current?.focus();
          }}
        />
      )}
      {panel === 'revisions' && (
        <RevisionsPanel
          bookId={bookId}
          chapterId={chapter.id}
          etag={state.etag}
          canRestore={state.status === 'saved'}
          onRestored={onReload}
          onClose={() => setPanel(undefined)}
        />
      )}
    </div>
  );
}

/** Ctrl/Cmd+Shift+E ("edit with AI"; Ctrl+Shift+A is Chrome's tab search) opens the AI panel. */
export function isAssistShortcut(event: {
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  code: string;
}) {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'KeyE';
}
