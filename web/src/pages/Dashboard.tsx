import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { books, generation } from '../api/endpoints';
import { stepLabel } from '../generation/progress';
import type { Book, GenerationJob } from '../api/types';
import { EmptyState, ErrorNotice, Loading } from '../components/States';
import { errorMessage } from '../api/problem';
import { relativeTime, words, dateTime } from '../components/format';
import { useSession } from '../session/session';
import { isAuthor } from '../session/roles';
import { ContinueReading } from '../reader/ContinueReading';
import { StatusBadge } from '../components/StatusBadge';
import { queryKeys } from '../api/queryKeys';

export function Dashboard() {
  const { session } = useSession();
  const author = isAuthor(session);
  const shelf = useInfiniteQuery({
    queryKey: queryKeys.books(),
    queryFn: ({ pageParam }) => books.list({ cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
  const all = shelf.data?.pages.flatMap((page) => page.items) ?? [];
  const totalWords = all.reduce((sum, book) => sum + book.wordCount, 0);

  return (
    <div className="page">
      <div className="page-heading">
        <div>
          <h1>Your books</h1>
          <p className="muted">
            {session?.displayName ? `Welcome back, ${session.displayName}.` : 'Welcome back.'}
            {all.length > 0 && ` ${words(totalWords)} across ${all.length} ${all.length === 1 ? 'book' : 'books'}.`}
          </p>
        </div>
        {all.length > 0 && author && (
          <Link className="button primary" to="/books/new">
            Start a book
          </Link>
        )}
      </div>

      <RunningJobs books={all} />

      {shelf.isPending ? (
        <Loading label="Loading your books…" />
      ) : shelf.isError ? (
        <ErrorNotice error={shelf.error} onRetry={() => void shelf.refetch()} title="Your books could not be loaded" />
      ) : all.length === 0 && !author ? (
        <EmptyState
          title="Nothing on your shelf yet"
          action={
            <Link className="button primary large" to="/settings#writing">
              Become an author
            </Link>
          }
        >
          <p>
            Books shared with you appear here. To start books of your own, become an author: it takes one click in your
            account settings. Meanwhile, <Link to="/read">find something to read</Link>.
          </p>
        </EmptyState>
      ) : all.length === 0 ? (
        <EmptyState
          title="No books yet"
          action={
            <Link className="button primary large" to="/books/new">
              Start a book
            </Link>
          }
        >
          <p>Give it a title and start writing. Chapters save themselves as you type.</p>
        </EmptyState>
      ) : (
        <>
          <ul className="book-grid" aria-label="Your books">
            {all.map((book) => (
              <BookCard key={book.id} book={book} />
            ))}
          </ul>
          {shelf.hasNextPage && (
            <p className="center">
              <button
                type="button"
                className="button"
                onClick={() => void shelf.fetchNextPage()}
                disabled={shelf.isFetchingNextPage}
              >
                {shelf.isFetchingNextPage ? 'Loading…' : 'Show more books'}
              </button>
            </p>
          )}
        </>
      )}
      <ContinueReading />
    </div>
  );
}

function BookCard({ book }: { book: Book }) {
  return (
    <li className="book-card">
      <h2 className="book-card-title">
        <Link to={`/books/${book.id}`}>{book.title}</Link>
      </h2>
      {book.description && <p className="book-card-description">{book.description}</p>}
      <dl className="book-card-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={book.status} />
          </dd>
        </div>
        <div>
          <dt>Length</dt>
          <dd>{words(book.wordCount)}</dd>
        </div>
        <div>
          <dt>Last change</dt>
          <dd>
            <time dateTime={book.updatedAt} title={dateTime(book.updatedAt)}>
              {relativeTime(book.updatedAt)}
            </time>
          </dd>
        </div>
      </dl>
      {book.role && book.role !== 'owner' && <p className="muted small">Shared with you as {book.role}</p>}
    </li>
  );
}

/** Jobs still queued or running, followed every few seconds until none is left. */
function RunningJobs({ books: shelf }: { books: Book[] }) {
  const jobs = useQuery({
    queryKey: queryKeys.activeJobs(),
    queryFn: generation.active,
    refetchInterval: (query) => ((query.state.data?.length ?? 0) > 0 ? 4000 : false),
  });
  if (!jobs.data || jobs.data.length === 0) {
    return null;
  }
  const titleOf = (job: GenerationJob) => shelf.find((b) => b.id === job.bookId)?.title ?? 'A book';
  return (
    <section className="running-jobs card" aria-labelledby="running-heading">
      <h2 id="running-heading">Running now</h2>
      <ul>
        {jobs.data.map((job) => {
          const percent = job.progress.total > 0 ? Math.round((100 * job.progress.done) / job.progress.total) : 0;
          return (
            <li key={job.id} className="running-job">
              <Link to={`/books/${job.bookId}`}>{titleOf(job)}</Link>
              <progress max={100} value={percent} aria-label={`${titleOf(job)}: ${percent}% done`} />
              <span className="muted small">
                {job.state === 'queued'
                  ? 'Waiting to start'
                  : `Step ${Math.min(job.progress.done + 1, job.progress.total)} of ${job.progress.total}: ${stepLabel(job.progress.step)}`}
              </span>
              <CancelJob job={job} title={titleOf(job)} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Stops a queued or running job; the list shows it gone once the server has cancelled it. */
function CancelJob({ job, title }: { job: GenerationJob; title: string }) {
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => generation.cancel(job.id),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.activeJobs() }),
  });
  const cancelling = cancel.isPending;
  const error = cancel.error ? errorMessage(cancel.error) : undefined;
  return (
    <>
      <button
        type="button"
        className="button danger quiet small"
        onClick={() => cancel.mutate()}
        disabled={cancelling}
        aria-label={`Cancel the job for ${title}`}
      >
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
      {error && (
        <span className="form-error small" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
