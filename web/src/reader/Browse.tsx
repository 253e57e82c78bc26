import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { reading } from '../api/endpoints';
import { EmptyState, ErrorNotice, Loading } from '../components/States';
import { ContinueReading } from './ContinueReading';
import { lastPosition } from './position';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { queryKeys } from '../api/queryKeys';

export function Browse() {
  useDocumentTitle('Read');
  const list = useInfiniteQuery({
    queryKey: queryKeys.publicBooks(),
    queryFn: ({ pageParam }) => reading.list(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
  const all = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="page">
      <h1>Read</h1>
      <p className="muted">Books their authors have published for everyone. No account needed.</p>
      <ContinueReading />
      <h2 className="section-heading">Recently published</h2>
      {list.isPending ? (
        <Loading label="Loading books…" />
      ) : list.isError ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} title="Books could not be loaded" />
      ) : all.length === 0 ? (
        <EmptyState title="Nothing published yet">
          <p>When authors publish their books, they appear here.</p>
        </EmptyState>
      ) : (
        <ul className="book-grid" aria-label="Published books">
          {all.map((book) => {
            const position = lastPosition(book.id);
            return (
              <li key={book.id} className="book-card">
                <h3 className="book-card-title">
                  <Link to={`/read/${book.id}`}>{book.title}</Link>
                </h3>
                {book.subtitle && <p className="book-card-subtitle">{book.subtitle}</p>}
                {book.authorName && <p className="book-card-author">by {book.authorName}</p>}
                {book.description && <p className="book-card-description">{book.description}</p>}
                {book.genres.length > 0 && <p className="muted small">{book.genres.join(' · ')}</p>}
                {position && (
                  <p className="small">
                    <Link to={`/read/${book.id}/${position.chapter}`}>Continue at chapter {position.chapter}</Link>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {list.hasNextPage && (
        <p className="center">
          <button
            type="button"
            className="button"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? 'Loading…' : 'Show more'}
          </button>
        </p>
      )}
    </div>
  );
}
