import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { reading } from '../api/endpoints';
import { ErrorNotice, Loading } from '../components/States';
import { rememberPosition } from './position';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { queryKeys } from '../api/queryKeys';

/** Left and right arrows turn the page, unless the reader is typing somewhere. */
export function pageTurn(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'target'>,
): 'previous' | 'next' | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
    return undefined;
  }
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) {
    return undefined;
  }
  if (event.key === 'ArrowLeft') {
    return 'previous';
  }
  if (event.key === 'ArrowRight') {
    return 'next';
  }
  return undefined;
}

export function ChapterReader() {
  const { bookId = '', number = '1' } = useParams();
  const n = Number.parseInt(number, 10);
  const navigate = useNavigate();
  const book = useQuery({ queryKey: queryKeys.publicBook(bookId), queryFn: () => reading.book(bookId) });
  const chapter = useQuery({
    queryKey: queryKeys.publicChapter(bookId, n),
    queryFn: () => reading.chapter(bookId, n),
    enabled: Number.isInteger(n) && n > 0,
  });
  useDocumentTitle(
    chapter.data && book.data
      ? `${chapter.data.title} · ${book.data.title}`
      : chapter.isError
        ? 'Chapter not available'
        : undefined,
  );

  useEffect(() => {
    if (chapter.data && book.data) {
      rememberPosition({
        bookId,
        title: book.data.title,
        chapter: chapter.data.number,
        chapterTitle: chapter.data.title,
      });
    }
  }, [chapter.data, book.data, bookId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const direction = pageTurn(event);
      const target =
        direction === 'previous' ? chapter.data?.previous : direction === 'next' ? chapter.data?.next : undefined;
      if (target !== undefined && target !== null) {
        event.preventDefault();
        navigate(`/read/${bookId}/${target}`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [chapter.data, bookId, navigate]);

  useEffect(() => {
    window.scrollTo?.({ top: 0 });
  }, [n]);

  if (chapter.isPending) {
    return <Loading label="Opening the chapter…" />;
  }
  if (chapter.isError) {
    return (
      <div className="page narrow">
        <h1>Chapter not available</h1>
        <ErrorNotice error={chapter.error} onRetry={() => void chapter.refetch()} />
        <p>
          <Link to={`/read/${bookId}`}>Back to the book</Link>
        </p>
      </div>
    );
  }
  const data = chapter.data;
  const pager = (
    <nav className="reading-pager" aria-label="Chapters">
      {data.previous ? (
        <Link to={`/read/${bookId}/${data.previous}`} rel="prev">
          ← Previous chapter
        </Link>
      ) : (
        <span />
      )}
      <Link to={`/read/${bookId}`}>Contents</Link>
      {data.next ? (
        <Link to={`/read/${bookId}/${data.next}`} rel="next">
          Next chapter →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
  return (
    <article className="reading" lang={book.data?.language}>
      <header className="reading-header">
        <p className="reading-book">
          <Link to={`/read/${bookId}`}>{book.data?.title ?? 'Contents'}</Link>
          {book.data?.authorName && <span className="muted"> · {book.data.authorName}</span>}
        </p>
        <h1>{data.title}</h1>
        <p className="muted small">
          Chapter {data.number}
          {book.data?.contents ? ` of ${book.data.contents.length}` : ''}
        </p>
      </header>
      {/* The public endpoint answers HTML the server rendered from Markdown and sanitized. */}
      <div className="reading-text" dangerouslySetInnerHTML={{ __html: data.html }} />
      {pager}
      <p className="muted small center">Tip: the ← and → keys turn the page.</p>
    </article>
  );
}
