import { useState, type FormEvent } from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { moderation } from '../api/endpoints';
import { errorMessage } from '../api/problem';
import type { AdminBook } from '../api/types';
import { EmptyState, ErrorNotice, Loading } from '../components/States';
import { dateTime } from '../components/format';
import { useSession } from '../session/session';
import { isAdmin } from '../session/roles';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { queryKeys } from '../api/queryKeys';

/** Administration: published books an admin may take down, and taken-down books to restore. */
export function Moderation() {
  const { session, loading } = useSession();
  useDocumentTitle('Administration');
  if (loading) {
    return <Loading />;
  }
  if (!isAdmin(session)) {
    return (
      <div className="page narrow">
        <h1>Administration</h1>
        <p>This page is for administrators.</p>
        <p>
          <Link to="/">Back to your books</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page moderation">
      <h1>Administration</h1>
      <BookList takenDown title="Taken down" empty="No book is taken down." />
      <BookList takenDown={false} title="Published" empty="No book is published." />
    </div>
  );
}

function BookList({ takenDown, title, empty }: { takenDown: boolean; title: string; empty: string }) {
  const list = useInfiniteQuery({
    queryKey: queryKeys.moderationList(takenDown),
    queryFn: ({ pageParam }) => moderation.list(takenDown, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
  const headingId = `moderation-${takenDown ? 'down' : 'live'}`;
  const all = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice
          error={list.error}
          onRetry={() => void list.refetch()}
          title={`${title} books could not be loaded`}
        />
      ) : all.length === 0 ? (
        <EmptyState title={empty} />
      ) : (
        <>
          <ul className="moderation-list" aria-label={`${title} books`}>
            {all.map((book) => (
              <ModeratedBook key={book.id} book={book} />
            ))}
          </ul>
          {list.hasNextPage && (
            <button
              type="button"
              className="button"
              onClick={() => void list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
            >
              {list.isFetchingNextPage ? 'Loading…' : 'Show more'}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function ModeratedBook({ book }: { book: AdminBook }) {
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const [missingReason, setMissingReason] = useState(false);
  const reasonId = `reason-${book.id}`;

  // The book leaves this list once the lists are fresh, so the buttons stay off until then.
  const act = useMutation({
    mutationFn: (action: () => Promise<unknown>) => action(),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.moderation() }),
  });
  const busy = act.isPending || act.isSuccess;
  const error = missingReason
    ? 'Say why, for the author: they will see it.'
    : act.error
      ? errorMessage(act.error)
      : undefined;

  const takeDown = (event: FormEvent) => {
    event.preventDefault();
    setMissingReason(!reason.trim());
    if (!reason.trim()) {
      act.reset();
      return;
    }
    act.mutate(() => moderation.takeDown(book.id, reason.trim()));
  };

  return (
    <li>
      <p>
        <strong>{book.title}</strong>{' '}
        {book.takenDownAt ? (
          <span className="muted small">
            taken down {dateTime(book.takenDownAt)}: {book.takedownReason}
          </span>
        ) : (
          <span className="muted small">
            published {dateTime(book.publishedAt)} · <Link to={`/read/${book.id}`}>Read</Link>
          </span>
        )}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {book.takenDownAt ? (
        <button
          type="button"
          className="button small"
          disabled={busy}
          onClick={() => act.mutate(() => moderation.restore(book.id))}
        >
          Restore “{book.title}”
        </button>
      ) : asking ? (
        <form onSubmit={takeDown} noValidate className="takedown-form">
          <label htmlFor={reasonId}>Reason, shown to the author</label>
          <input id={reasonId} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="button small danger" disabled={busy}>
            Take down
          </button>{' '}
          <button type="button" className="button small" onClick={() => setAsking(false)} disabled={busy}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className="button small" onClick={() => setAsking(true)}>
          Take down “{book.title}”…
        </button>
      )}
    </li>
  );
}
