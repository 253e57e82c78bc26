import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { books, chapters as chapterApi } from '../api/endpoints';
import { ApiError, errorMessage } from '../api/problem';
import type { Book, PublishRequest, PublishResult } from '../api/types';
import { Dialog } from '../components/Dialog';
import { words } from '../components/format';
import { queryKeys } from '../api/queryKeys';

export function PublishDialog({ book, open, onClose }: { book: Book; open: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const list = useQuery({
    queryKey: queryKeys.chapters(book.id),
    queryFn: () => chapterApi.listAll(book.id),
    enabled: open,
  });
  const [visibility, setVisibility] = useState<'public' | 'unlisted'>(
    book.visibility === 'unlisted' ? 'unlisted' : 'public',
  );
  const [chosen, setInclude] = useState<'final' | 'all'>();
  const [confirmRemoval, setConfirmRemoval] = useState(false);
  const [result, setResult] = useState<PublishResult>();

  const publish = useMutation({
    mutationFn: (request: PublishRequest) => books.publish(book.id, request),
    onSuccess: async (outcome) => {
      setResult(outcome);
      await client.invalidateQueries({ queryKey: queryKeys.book(book.id) });
      await client.invalidateQueries({ queryKey: queryKeys.books() });
      await client.invalidateQueries({ queryKey: queryKeys.publicBooks() });
    },
  });
  const unpublishing = useMutation({
    mutationFn: () => books.unpublish(book.id),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.book(book.id) });
      await client.invalidateQueries({ queryKey: queryKeys.books() });
      onClose();
    },
  });
  const { reset: resetPublish } = publish;
  const { reset: resetUnpublish } = unpublishing;
  const busy = publish.isPending || unpublishing.isPending;
  const error = publish.error
    ? publish.error instanceof ApiError && publish.error.fieldErrors.include
      ? publish.error.fieldErrors.include
      : errorMessage(publish.error)
    : unpublishing.error
      ? errorMessage(unpublishing.error)
      : undefined;

  useEffect(() => {
    if (open) {
      resetPublish();
      resetUnpublish();
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the dialog starts over each time it opens
      setResult(undefined);
      setInclude(undefined);
      setConfirmRemoval(false);
    }
  }, [open, resetPublish, resetUnpublish]);

  const finalCount = list.data?.filter((c) => c.status === 'final').length ?? 0;
  const allCount = list.data?.length ?? 0;
  // What readers have now; publishing again keeps it unless the writer says otherwise.
  const published = list.data?.filter((c) => c.publishedAt) ?? [];
  const include = chosen ?? (published.some((c) => c.status !== 'final') ? 'all' : 'final');
  const removed = include === 'final' ? published.filter((c) => c.status !== 'final') : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    resetUnpublish();
    publish.mutate({ include, visibility, ...(removed.length > 0 ? { removeChapters: confirmRemoval } : {}) });
  };

  const unpublish = () => {
    resetPublish();
    unpublishing.mutate();
  };

  return (
    <Dialog open={open} title={result ? 'Published' : 'Publish this book'} onClose={onClose}>
      {result ? (
        <div>
          <p role="status">
            “{book.title}” is published: {result.chapters} {result.chapters === 1 ? 'chapter' : 'chapters'},{' '}
            {words(result.wordCount)},{' '}
            {result.visibility === 'public' ? 'listed for everyone' : 'readable by link only'}.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <Link className="button primary" to={`/read/${book.id}`} onClick={onClose} data-autofocus>
              Open the reading view
            </Link>
          </div>
        </div>
      ) : (
        <form onSubmit={submit}>
          <p className="muted">Readers see a snapshot. Later edits stay private until you publish again.</p>
          <fieldset className="choice-group">
            <legend>Who can find it</legend>
            <label className="choice">
              <input
                type="radio"
                name="visibility"
                value="public"
                checked={visibility === 'public'}
                onChange={() => setVisibility('public')}
                data-autofocus
              />
              <span>
                <strong>Public</strong> — listed in Read for everyone
              </span>
            </label>
            <label className="choice">
              <input
                type="radio"
                name="visibility"
                value="unlisted"
                checked={visibility === 'unlisted'}
                onChange={() => setVisibility('unlisted')}
              />
              <span>
                <strong>Unlisted</strong> — only people with the link
              </span>
            </label>
          </fieldset>
          <fieldset className="choice-group">
            <legend>Which chapters</legend>
            <label className="choice">
              <input
                type="radio"
                name="include"
                value="final"
                checked={include === 'final'}
                onChange={() => setInclude('final')}
              />
              <span>
                <strong>Final chapters only</strong> — {finalCount} of {allCount} marked final
              </span>
            </label>
            <label className="choice">
              <input
                type="radio"
                name="include"
                value="all"
                checked={include === 'all'}
                onChange={() => setInclude('all')}
              />
              <span>
                <strong>All chapters</strong> — {allCount}, including drafts
              </span>
            </label>
          </fieldset>
          {include === 'final' && finalCount === 0 && allCount > 0 && (
            <p className="hint">
              No chapter is marked final yet. Set a chapter’s status to Final, or publish all chapters.
            </p>
          )}
          {removed.length > 0 && (
            <div className="form-warning" role="alert">
              <p>
                Readers have {published.length} {published.length === 1 ? 'chapter' : 'chapters'} now. Publishing final
                chapters only takes {removed.length === 1 ? 'this one' : `these ${removed.length}`} away from them:{' '}
                {removed.map((c) => `“${c.title}”`).join(', ')}.
              </p>
              <label className="choice">
                <input type="checkbox" checked={confirmRemoval} onChange={(e) => setConfirmRemoval(e.target.checked)} />
                <span>Take {removed.length === 1 ? 'it' : 'them'} away from readers</span>
              </label>
            </div>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            {book.status === 'published' && (
              <button type="button" className="button danger quiet" onClick={unpublish} disabled={busy}>
                Unpublish
              </button>
            )}
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="submit"
              className="button primary"
              disabled={busy || list.isPending || (removed.length > 0 && !confirmRemoval)}
            >
              {busy ? 'Publishing…' : book.status === 'published' ? 'Publish again' : 'Publish'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
