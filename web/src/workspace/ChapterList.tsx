import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { chapters as chapterApi } from '../api/endpoints';
import { newIdempotencyKey } from '../api/client';
import { errorMessage } from '../api/problem';
import type { ChapterSummary } from '../api/types';
import { ConfirmDialog, Dialog } from '../components/Dialog';
import { words } from '../components/format';
import { announceMove, ids, moveBy, moveTo, renumber, sameOrder } from '../chapters/reorder';
import { clearDraft } from '../autosave/drafts';
import { TITLE_MAX_LENGTH } from '../api/limits';
import { queryKeys } from '../api/queryKeys';

interface Props {
  bookId: string;
  chapters: ChapterSummary[];
  currentId?: string;
}

export function ChapterList({ bookId, chapters, currentId }: Props) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [order, setOrder] = useState(chapters);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState<string>();
  const [dropTarget, setDropTarget] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<ChapterSummary>();
  const [deleting, setDeleting] = useState<ChapterSummary>();
  const pending = useRef(0);
  const listRef = useRef<HTMLOListElement>(null);

  // Follow the server's list unless a reorder of ours is still on its way.
  useEffect(() => {
    if (pending.current === 0) {
      setOrder(chapters);
    }
  }, [chapters]);

  const commitOrder = async (next: ChapterSummary[], focusId?: string, message?: string) => {
    const before = order;
    if (sameOrder(before, next)) {
      return;
    }
    setError(undefined);
    setOrder(renumber(next));
    if (message) {
      setAnnouncement(message);
    }
    if (focusId) {
      requestAnimationFrame(() =>
        listRef.current?.querySelector<HTMLElement>(`[data-move-focus="${focusId}"]`)?.focus(),
      );
    }
    pending.current += 1;
    try {
      await chapterApi.reorder(bookId, ids(next));
      pending.current -= 1;
      if (pending.current === 0) {
        await client.invalidateQueries({ queryKey: queryKeys.chapters(bookId) });
      }
    } catch (caught) {
      pending.current -= 1;
      setOrder(before);
      setError(`The new order was not saved. ${errorMessage(caught)}`);
      setAnnouncement('The chapter order was not saved.');
    }
  };

  const moveKeyboard = (chapter: ChapterSummary, delta: number) => {
    const next = moveBy(order, chapter.id, delta);
    const index = next.findIndex((c) => c.id === chapter.id);
    void commitOrder(
      next,
      `${chapter.id}:${delta < 0 ? 'up' : 'down'}`,
      announceMove(chapter.title, index, next.length),
    );
  };

  const onDrop = (event: DragEvent, target: ChapterSummary) => {
    event.preventDefault();
    const dragged = dragging ?? event.dataTransfer.getData('text/plain');
    setDragging(undefined);
    setDropTarget(undefined);
    if (dragged && dragged !== target.id) {
      const next = moveTo(order, dragged, target.id);
      const moved = next.find((c) => c.id === dragged);
      void commitOrder(
        next,
        undefined,
        moved ? announceMove(moved.title, next.indexOf(moved), next.length) : undefined,
      );
    }
  };

  return (
    <aside className="chapter-list" aria-labelledby="chapters-heading">
      <div className="chapter-list-header">
        <h2 id="chapters-heading">Chapters</h2>
        <button type="button" className="button small primary" onClick={() => setAdding(true)}>
          Add chapter
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {order.length === 0 ? (
        <p className="muted small">No chapters yet.</p>
      ) : (
        <ol ref={listRef} className="chapters">
          {order.map((chapter, index) => (
            <li
              key={chapter.id}
              className={[
                'chapter-item',
                chapter.id === currentId ? 'current' : '',
                dragging === chapter.id ? 'dragging' : '',
                dropTarget === chapter.id && dragging !== chapter.id ? 'drop-target' : '',
              ].join(' ')}
              draggable
              onDragStart={(event) => {
                setDragging(chapter.id);
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', chapter.id);
              }}
              onDragEnd={() => {
                setDragging(undefined);
                setDropTarget(undefined);
              }}
              onDragOver={(event) => {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                setDropTarget(chapter.id);
              }}
              onDrop={(event) => onDrop(event, chapter)}
            >
              <span className="drag-handle" aria-hidden="true" title="Drag to reorder">
                ⋮⋮
              </span>
              <Link
                to={`/books/${bookId}/chapters/${chapter.id}`}
                className="chapter-link"
                aria-current={chapter.id === currentId ? 'page' : undefined}
              >
                <span className="chapter-number">{index + 1}.</span>{' '}
                <span className="chapter-title">{chapter.title}</span>
                <span className="chapter-meta">
                  {words(chapter.wordCount)} · {chapter.status}
                </span>
              </Link>
              <span className="chapter-tools">
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => moveKeyboard(chapter, -1)}
                  disabled={index === 0}
                  aria-label={`Move “${chapter.title}” up`}
                  data-move-focus={`${chapter.id}:up`}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => moveKeyboard(chapter, 1)}
                  disabled={index === order.length - 1}
                  aria-label={`Move “${chapter.title}” down`}
                  data-move-focus={`${chapter.id}:down`}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => setRenaming(chapter)}
                  aria-label={`Rename “${chapter.title}”`}
                >
                  <PencilIcon />
                </button>
                <button
                  type="button"
                  className="icon-button danger"
                  onClick={() => setDeleting(chapter)}
                  aria-label={`Delete “${chapter.title}”`}
                >
                  <TrashIcon />
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <AddChapterDialog
        open={adding}
        bookId={bookId}
        suggested={`Chapter ${order.length + 1}`}
        onClose={() => setAdding(false)}
        onAdded={async (id) => {
          setAdding(false);
          await client.invalidateQueries({ queryKey: queryKeys.chapters(bookId) });
          navigate(`/books/${bookId}/chapters/${id}`);
        }}
      />
      {renaming && (
        <RenameChapterDialog
          bookId={bookId}
          chapter={renaming}
          onClose={() => setRenaming(undefined)}
          onRenamed={async () => {
            setRenaming(undefined);
            await client.invalidateQueries({ queryKey: queryKeys.chapters(bookId) });
          }}
        />
      )}
      <DeleteChapter
        bookId={bookId}
        chapter={deleting}
        onClose={() => setDeleting(undefined)}
        onDeleted={async (deleted) => {
          setDeleting(undefined);
          clearDraft(deleted.id);
          setAnnouncement(`${deleted.title} deleted.`);
          const rest = order.filter((c) => c.id !== deleted.id);
          await client.invalidateQueries({ queryKey: queryKeys.chapters(bookId) });
          await client.invalidateQueries({ queryKey: queryKeys.book(bookId) });
          if (deleted.id === currentId) {
            navigate(rest[0] ? `/books/${bookId}/chapters/${rest[0].id}` : `/books/${bookId}`);
          }
        }}
      />
    </aside>
  );
}

function AddChapterDialog({
  open,
  bookId,
  suggested,
  onClose,
  onAdded,
}: {
  open: boolean;
  bookId: string;
  suggested: string;
  onClose: () => void;
  onAdded: (id: string) => void;
}) {
  const [title, setTitle] = useState('');
  const key = useRef(newIdempotencyKey());
  const adding = useMutation({
    mutationFn: (chapterTitle: string) => chapterApi.create(bookId, { title: chapterTitle }, key.current),
    // Not awaited, as before: the list closes the dialog and refreshes on its own.
    onSuccess: (created) => {
      onAdded(created.data.id);
    },
  });
  const { reset } = adding;
  const busy = adding.isPending;
  const error = adding.error ? errorMessage(adding.error) : undefined;
  useEffect(() => {
    if (open) {
      // The suggestion is the placeholder, and the title when none is typed.
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the form starts empty each time the dialog opens
      setTitle('');
      reset();
      key.current = newIdempotencyKey();
    }
  }, [open, suggested, reset]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    adding.mutate(title.trim() || suggested);
  };
  return (
    <Dialog open={open} title="Add a chapter" onClose={onClose} size="small">
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="new-chapter-title">Title</label>
          <input
            id="new-chapter-title"
            value={title}
            placeholder={suggested}
            onChange={(e) => setTitle(e.target.value)}
            data-autofocus
            maxLength={TITLE_MAX_LENGTH}
          />
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add chapter'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RenameChapterDialog({
  bookId,
  chapter,
  onClose,
  onRenamed,
}: {
  bookId: string;
  chapter: ChapterSummary;
  onClose: () => void;
  onRenamed: () => void;
}) {
  const [title, setTitle] = useState(chapter.title);
  const [untitled, setUntitled] = useState(false);
  const renaming = useMutation({
    mutationFn: async (newTitle: string) => {
      // The latest version, so an autosave in between does not make this fail.
      const current = await chapterApi.get(bookId, chapter.id);
      await chapterApi.rename(bookId, chapter.id, { title: newTitle }, current.etag ?? `"${current.data.version}"`);
    },
    onSuccess: () => {
      onRenamed();
    },
  });
  // On success the list closes this dialog, so it stays busy until then.
  const busy = renaming.isPending || renaming.isSuccess;
  const error = untitled ? 'A chapter needs a title.' : renaming.error ? errorMessage(renaming.error) : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setUntitled(!title.trim());
    if (title.trim()) {
      renaming.mutate(title.trim());
    }
  };
  return (
    <Dialog open title="Rename chapter" onClose={onClose} size="small">
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="rename-chapter-title">Title</label>
          <input
            id="rename-chapter-title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-autofocus
            maxLength={TITLE_MAX_LENGTH}
          />
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Saving…' : 'Rename'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DeleteChapter({
  bookId,
  chapter,
  onClose,
  onDeleted,
}: {
  bookId: string;
  chapter?: ChapterSummary;
  onClose: () => void;
  onDeleted: (chapter: ChapterSummary) => void;
}) {
  const removing = useMutation({
    mutationFn: async (doomed: ChapterSummary) => {
      const current = await chapterApi.get(bookId, doomed.id);
      await chapterApi.remove(bookId, doomed.id, current.etag ?? `"${current.data.version}"`);
    },
    onSuccess: (_, deleted) => {
      onDeleted(deleted);
    },
  });
  const { reset } = removing;
  useEffect(() => reset(), [chapter, reset]);
  const confirm = () => {
    if (chapter) {
      removing.mutate(chapter);
    }
  };
  return (
    <ConfirmDialog
      open={chapter !== undefined}
      title="Delete this chapter?"
      message={
        <p>
          “{chapter?.title}” and its {chapter ? words(chapter.wordCount) : ''} will be deleted with all its revisions.
          This cannot be undone.
        </p>
      }
      confirmLabel="Delete chapter"
      danger
      busy={removing.isPending}
      error={removing.error ? errorMessage(removing.error) : undefined}
      onConfirm={confirm}
      onCancel={onClose}
    />
  );
}

function TrashIcon() {
  return (
    <svg
      aria-hidden="true"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M2.5 4h11M6.5 4V2.5h3V4M4 4l.7 9.5h6.6L12 4M6.8 6.5v5M9.2 6.5v5" />
    </svg>
  );
}

function PencilIcon() {
  return (
    <svg
      aria-hidden="true"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M11 2.5l2.5 2.5L5.5 13H3v-2.5zM9.5 4l2.5 2.5" />
    </svg>
  );
}
