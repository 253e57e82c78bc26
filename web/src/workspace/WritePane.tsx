import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { chapters } from '../api/endpoints';
import type { Book } from '../api/types';
import { ErrorNotice, Loading } from '../components/States';
import { ChapterList } from './ChapterList';
import { ChapterEditor } from './ChapterEditor';
import { queryKeys } from '../api/queryKeys';

export function WritePane({ book }: { book: Book }) {
  const { chapterId } = useParams();
  const list = useQuery({ queryKey: queryKeys.chapters(book.id), queryFn: () => chapters.listAll(book.id) });

  if (list.isPending) {
    return <Loading label="Loading chapters…" />;
  }
  if (list.isError) {
    return <ErrorNotice error={list.error} onRetry={() => void list.refetch()} title="Chapters could not be loaded" />;
  }
  const items = list.data;
  if (!chapterId && items.length > 0) {
    return <Navigate to={`/books/${book.id}/chapters/${items[0]?.id}`} replace />;
  }
  const current = items.find((c) => c.id === chapterId);
  return (
    <div className="write-pane">
      <ChapterList bookId={book.id} chapters={items} currentId={current?.id} />
      <section className="editor-column" aria-label="Chapter">
        {current ? (
          <ChapterEditor key={current.id} bookId={book.id} summary={current} />
        ) : items.length === 0 ? (
          <div className="empty-state">
            <h2>Your first chapter</h2>
            <p>Add a chapter from the list to start writing. Everything you type saves itself.</p>
          </div>
        ) : (
          <div className="notice notice-error" role="alert">
            <p>This chapter no longer exists. Choose another from the list.</p>
          </div>
        )}
      </section>
    </div>
  );
}
