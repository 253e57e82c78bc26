import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, NavLink, Route, Routes, useLocation, useParams } from 'react-router';
import { books } from '../api/endpoints';
import { ErrorNotice, Loading } from '../components/States';
import { StatusBadge } from '../components/StatusBadge';
import { words } from '../components/format';
import { WritePane } from './WritePane';
import { BiblePage } from './BiblePage';
import { PublishDialog } from './PublishDialog';
import { ExportMenu } from './ExportMenu';
import { BookDetailsDialog } from './BookDetailsDialog';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { queryKeys } from '../api/queryKeys';

export function Workspace() {
  const { bookId = '' } = useParams();
  const book = useQuery({ queryKey: queryKeys.book(bookId), queryFn: () => books.get(bookId).then((r) => r.data) });
  const [publishing, setPublishing] = useState(false);
  const [editingDetails, setEditingDetails] = useState(false);
  const { pathname } = useLocation();
  const onBible = pathname.endsWith('/bible');
  useDocumentTitle(
    book.data
      ? onBible
        ? `Story bible · ${book.data.title}`
        : book.data.title
      : book.isError
        ? 'Book not available'
        : undefined,
  );

  if (book.isPending) {
    return <Loading label="Opening your book…" />;
  }
  if (book.isError) {
    return (
      <div className="page narrow">
        <h1>This book could not be opened</h1>
        <ErrorNotice error={book.error} onRetry={() => void book.refetch()} />
        <p>
          <Link to="/">Back to your books</Link>
        </p>
      </div>
    );
  }
  const data = book.data;
  return (
    <div className="workspace">
      <div className="workspace-bar">
        <div className="workspace-title">
          <p className="breadcrumb">
            <Link to="/">Your books</Link>
          </p>
          <h1>{data.title}</h1>
          <p className="muted small">
            <StatusBadge status={data.status} /> · {words(data.wordCount)}
            {data.status === 'published' && (
              <>
                {' '}
                · <Link to={`/read/${data.id}`}>Read as a reader</Link>
              </>
            )}
          </p>
        </div>
        <nav className="workspace-tabs" aria-label="Book">
          <Link
            to={`/books/${bookId}`}
            className={onBible ? undefined : 'active'}
            aria-current={onBible ? undefined : 'page'}
          >
            Write
          </Link>
          <NavLink to={`/books/${bookId}/bible`}>Story bible</NavLink>
        </nav>
        <div className="workspace-actions">
          <button type="button" className="button" onClick={() => setEditingDetails(true)}>
            Details…
          </button>
          <ExportMenu bookId={bookId} />
          <button
            type="button"
            className="button primary"
            onClick={() => setPublishing(true)}
            disabled={data.takenDownAt !== undefined}
          >
            Publish…
          </button>
        </div>
      </div>
      {data.takenDownAt && (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>An administrator took this book down.</strong> Readers cannot find or read it, and it cannot be
            published again until it is restored. Reason given: {data.takedownReason}
          </p>
        </div>
      )}
      <Routes>
        <Route index element={<WritePane book={data} />} />
        <Route path="chapters/:chapterId" element={<WritePane book={data} />} />
        <Route path="bible" element={<BiblePage bookId={bookId} />} />
      </Routes>
      <PublishDialog book={data} open={publishing} onClose={() => setPublishing(false)} />
      <BookDetailsDialog book={data} open={editingDetails} onClose={() => setEditingDetails(false)} />
    </div>
  );
}
