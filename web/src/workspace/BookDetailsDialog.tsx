import { useEffect, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<string>();
  const owner = book.role === undefined || book.role === 'owner';

  useEffect(() => {
    if (open) {
      setTitle(book.title);
      setSubtitle(book.subtitle ?? '');
      setDescription(book.description ?? '');
      setGenres(book.genres.join(', '));
      setError(undefined);
      setFieldErrors({});
    }
  }, [open, book]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setFieldErrors({ title: 'A book needs a title.' });
      return;
    }
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    try {
      const saved = await books.update(
        book.id,
        { title: title.trim(), subtitle: subtitle.trim(), description: description.trim(), genres: parseGenres(genres) },
        etagOf(book.version),
      );
      client.setQueryData(queryKeys.book(book.id), saved.data);
      await client.invalidateQueries({ queryKey: queryKeys.books() });
      onClose();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) {
        setError('Someone changed these details while you were editing. Close this and open it again to see their version.');
        await client.invalidateQueries({ queryKey: queryKeys.book(book.id) });
      } else {
        setError(errorMessage(caught));
        if (caught instanceof ApiError) {
          setFieldErrors(caught.fieldErrors);
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setDeleteError(undefined);
    try {
      await books.remove(book.id, etagOf(book.version));
      await client.invalidateQueries({ queryKey: queryKeys.books() });
      client.removeQueries({ queryKey: queryKeys.book(book.id) });
      navigate('/', { replace: true });
    } catch (caught) {
      setDeleteError(errorMessage(caught));
      setBusy(false);
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
            <input id="details-subtitle" value={subtitle} maxLength={TITLE_MAX_LENGTH} onChange={(e) => setSubtitle(e.target.value)} />
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
              <button type="button" className="button danger quiet" onClick={() => setConfirmingDelete(true)} disabled={busy}>
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
            Its chapters, their revisions and the story bible are deleted with it, and readers can no longer open it. This
            cannot be undone: export it first if you may want it back.
          </p>
        }
        confirmLabel="Delete book"
        danger
        busy={busy}
        error={deleteError}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmingDelete(false)}
      />
    </>
  );
}
