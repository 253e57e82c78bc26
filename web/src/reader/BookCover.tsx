import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { reading } from '../api/endpoints';
import { ErrorNotice, Loading } from '../components/States';
import { words } from '../components/format';
import { lastPosition } from './position';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { queryKeys } from '../api/queryKeys';

export function BookCover() {
  const { bookId = '' } = useParams();
  const book = useQuery({ queryKey: queryKeys.publicBook(bookId), queryFn: () => reading.book(bookId) });
  useDocumentTitle(book.data?.title ?? (book.isError ? 'Book not available' : undefined));
  if (book.isPending) {
    return <Loading label="Opening the book…" />;
  }
  if (book.isError) {
    return (
      <div className="page narrow">
        <h1>Book not available</h1>
        <ErrorNotice error={book.error} onRetry={() => void book.refetch()} />
        <p>
          <Link to="/read">Browse other books</Link>
        </p>
      </div>
    );
  }
  const data = book.data;
  const contents = data.contents ?? [];
  const position = lastPosition(bookId);
  const first = contents[0];
  return (
    <article className="page reading-cover">
      <header>
        <h1>{data.title}</h1>
        {data.subtitle && <p className="lead">{data.subtitle}</p>}
        {data.authorName && <p className="reading-author">by {data.authorName}</p>}
        {data.genres.length > 0 && <p className="muted">{data.genres.join(' · ')}</p>}
      </header>
      {data.description && <p className="reading-description">{data.description}</p>}
      <p className="button-row">
        {position ? (
          <Link className="button primary" to={`/read/${bookId}/${position.chapter}`}>
            Continue reading — chapter {position.chapter}
          </Link>
        ) : first ? (
          <Link className="button primary" to={`/read/${bookId}/${first.number}`}>
            Start reading
          </Link>
        ) : null}
      </p>
      <nav aria-labelledby="toc-heading">
        <h2 id="toc-heading">Contents</h2>
        {contents.length === 0 ? (
          <p className="muted">No chapters are published yet.</p>
        ) : (
          <ol className="toc">
            {contents.map((chapter) => (
              <li key={chapter.number}>
                <Link to={`/read/${bookId}/${chapter.number}`}>{chapter.title}</Link>
                <span className="muted small"> · {words(chapter.wordCount)}</span>
              </li>
            ))}
          </ol>
        )}
      </nav>
    </article>
  );
}
