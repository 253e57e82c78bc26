import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { books } from '../api/endpoints';
import { etagOf } from '../api/client';
import { ApiError, errorMessage } from '../api/problem';
import type { Book } from '../api/types';
import { ConfirmDialog, Dialog } from '../components/Dialog';
import { FieldError } from '../components/States';
import { parseGenres } from '../pages/NewBook';
import { TITLE_MAX_LENGTH } from '../api/limits';
import { queryKeys } from '../api/queryKeys';

/**
 * A book's title, subtitle, description and genres, changed against the version the
 * writer saw (If-Match), and deleting the book after a confirmation that says what goes
 * with it. Deleting is the owner's; co-authors see the details only.
 */
export function BookDetailsDialog({ book, open, onClose }: { book: Book; open: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState(book.title);
  const [subtitle, setSubtitle] = useState(book.subtitle ?? '');
  const [description, setDescription] = useState(book.description ?? '');
  const [genres, setGenres] = useState(book.genres.join(', '));
  const [untitled, setUntitled] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const owner = book.role === undefined || book.role === 'owner';

  const saving = useMutation({
    mutationFn: (patch: Partial<Book>) => books.update(book.id, patch, etagOf(book.version)),
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.book(book.id), saved.data);
      await client.invalidateQueries({ queryKey: queryKeys.books() });
      onClose();
    },
    onError: async (caught) => {
      if (caught instanceof ApiError && caught.status === 412) {
        await client.invalidateQueries({ queryKey: queryKeys.book(book.id) });
      }
    },
  });
  const removing = useMutation({
    mutationFn: () => books.remove(book.id, etagOf(book.version)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.books() });
      client.removeQueries({ queryKey: queryKeys.book(book.id) });
      navigate('/', { replace: true });
    },
  });
  const { reset: resetSaving } = saving;
  // After a delete the page goes away, so the buttons stay off until it has.
  const busy = saving.isPending || removing.isPending || removing.isSuccess;
  const stale = saving.error instanceof ApiError && saving.error.status === 412;
  const error = !saving.error
    ? undefined
    : stale
      ? 'Someone changed these details while you were editing. Close this and open it again to see their version.'
      : errorMessage(saving.error);
  const fieldErrors: Record<string, string> = untitled
    ? { title: 'A book needs a title.' }
    : saving.error instanceof ApiError && !stale
      ? saving.error.fieldErrors
      : {};
  const deleteError = removing.error ? errorMessage(removing.error) : undefined;

  useEffect(() => {
    if (open) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the form starts from the book each time the dialog opens
      setTitle(book.title);
      setSubtitle(book.subtitle ?? '');
      setDescription(book.description ?? '');
      setGenres(book.genres.join(', '));
      setUntitled(false);
      resetSaving();
    }
  }, [open, book, resetSaving]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    setUntitled(!title.trim());
    if (title.trim()) {
      saving.mutate({
        title: title.trim(),
        subtitle: subtitle.trim(),
        description: description.trim(),
        genres: parseGenres(genres),
      });
    }
  };

  return (
    <>
      <Dialog open={open && !confirmingDelete} title="Book details" onClose={onClose}>
        <form onSubmit={save} noValidate>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="field">
            <label htmlFor="details-title">Title</label>
            <input
              id="details-title"
              value={title}
              maxLength={TITLE_MAX_LENGTH}
              onChange={(e) => setTitle(e.target.value)}
              aria-invalid={fieldErrors.title ? true : undefined}
              aria-describedby={fieldErrors.title ? 'details-title-error' : undefined}
              data-autofocus
            />
            <FieldError id="details-title-error" message={fieldErrors.title} />
          </div>
          <div className="field">
            <label htmlFor="details-subtitle">
              Subtitle <span className="optional">(optional)</span>
            </label>
            <input
              id="details-subtitle"
              value={subtitle}
              maxLength={TITLE_MAX_LENGTH}
              onChange={(e) => setSubtitle(e.target.value)}
            />
            <FieldError id="details-subtitle-error" message={fieldErrors.subtitle} />
          </div>
          <div className="field">
            <label htmlFor="details-description">
              Description <span className="optional">(optional)</span>
            </label>
            <textarea
              id="details-description"
              rows={4}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              aria-describedby="details-description-hint"
            />
            <p id="details-description-hint" className="hint">
              Readers see it on the book’s page once you publish.
            </p>
            <FieldError id="details-description-error" message={fieldErrors.description} />
          </div>
          <div className="field">
            <label htmlFor="details-genres">Genres</label>
            <input
              id="details-genres"
              value={genres}
              onChange={(e) => setGenres(e.target.value)}
              aria-describedby="details-genres-hint"
            />
            <p id="details-genres-hint" className="hint">
              Separated by commas.
            </p>
            <FieldError id="details-genres-error" message={fieldErrors.genres} />
          </div>
          <div className="dialog-actions">
            {owner && (
              <button
                type="button"
                className="button danger quiet"
                onClick={() => setConfirmingDelete(true)}
                disabled={busy}
              >
                Delete book…
              </button>
            )}
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save details'}
            </button>
          </div>
        </form>
      </Dialog>
      <ConfirmDialog
        open={open && confirmingDelete}
        title={`Delete “${book.title}”?`}
        message={
          <p>
            Its chapters, their revisions and the story bible are deleted with it, and readers can no longer open it.
            This cannot be undone: export it first if you may want it back.
          </p>
        }
        confirmLabel="Delete book"
        danger
        busy={busy}
        error={deleteError}
        onConfirm={() => removing.mutate()}
        onCancel={() => setConfirmingDelete(false)}
      />
    </>
  );
}
