import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { books } from '../api/endpoints';
import { newIdempotencyKey } from '../api/client';
import { ApiError, errorMessage } from '../api/problem';
import { FieldError } from '../components/States';
import { PremiseFlow } from '../generation/PremiseFlow';
import { useSession } from '../session/session';
import { isAuthor } from '../session/roles';
import { Link } from 'react-router';
import { TITLE_MAX_LENGTH } from '../api/limits';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { queryKeys } from '../api/queryKeys';

/** Splits "Fantasy, mystery; cosy" into ["Fantasy", "mystery", "cosy"]. */
export function parseGenres(text: string): string[] {
  const seen = new Set<string>();
  const genres: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const genre = part.trim();
    if (genre && !seen.has(genre.toLowerCase())) {
      seen.add(genre.toLowerCase());
      genres.push(genre);
    }
  }
  return genres;
}

export function NewBookPage() {
  const navigate = useNavigate();
  useDocumentTitle('Start a book');
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [genres, setGenres] = useState('');
  const [untitled, setUntitled] = useState(false);
  // One key per attempt at creating this book: a retry after a lost answer makes no duplicate.
  const key = useRef(newIdempotencyKey());
  const { session } = useSession();

  const create = useMutation({
    mutationFn: () =>
      books.create(
        { title: title.trim(), description: description.trim() || undefined, genres: parseGenres(genres) },
        key.current,
      ),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: queryKeys.books() });
      navigate(`/books/${created.data.id}`);
    },
    onError: (caught) => {
      if (caught instanceof ApiError && caught.status === 422 && caught.slug === 'idempotency-key-reused') {
        key.current = newIdempotencyKey();
      }
    },
  });
  // Stays busy after success until the workspace has opened.
  const busy = create.isPending || create.isSuccess;
  const error = create.error ? errorMessage(create.error) : undefined;
  const fieldErrors: Record<string, string> = untitled
    ? { title: 'Give your book a title. You can change it later.' }
    : create.error instanceof ApiError
      ? create.error.fieldErrors
      : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setUntitled(!title.trim());
    if (title.trim()) {
      create.mutate();
    }
  };

  if (session?.authenticated && !isAuthor(session)) {
    return (
      <div className="page narrow">
        <h1>Start a book</h1>
        <p>Starting books is for authors. Your account is a reader account.</p>
        <p>
          <Link className="button primary" to="/settings#writing">
            Become an author
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page new-book">
      <h1>Start a book</h1>
      <div className="start-options">
        <section className="start-option" aria-labelledby="blank-heading">
          <h2 id="blank-heading">Start blank</h2>
          <form onSubmit={submit} noValidate>
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            <div className="field">
              <label htmlFor="book-title">Title</label>
              <input
                id="book-title"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                maxLength={TITLE_MAX_LENGTH}
                required
                aria-invalid={fieldErrors.title ? true : undefined}
                aria-describedby={fieldErrors.title ? 'book-title-error' : undefined}
                autoFocus
              />
              <FieldError id="book-title-error" message={fieldErrors.title} />
            </div>
            <div className="field">
              <label htmlFor="book-description">
                Description <span className="optional">(optional)</span>
              </label>
              <textarea
                id="book-description"
                rows={4}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                aria-describedby={fieldErrors.description ? 'book-description-error' : 'book-description-hint'}
              />
              <p id="book-description-hint" className="hint">
                A few lines for yourself now, and for readers later.
              </p>
              <FieldError id="book-description-error" message={fieldErrors.description} />
            </div>
            <div className="field">
              <label htmlFor="book-genres">
                Genres <span className="optional">(optional)</span>
              </label>
              <input
                id="book-genres"
                value={genres}
                onChange={(e) => setGenres(e.target.value)}
                aria-describedby={fieldErrors.genres ? 'book-genres-error' : 'book-genres-hint'}
              />
              <p id="book-genres-hint" className="hint">
                Separate with commas, e.g. “Fantasy, Mystery”.
              </p>
              <FieldError id="book-genres-error" message={fieldErrors.genres} />
            </div>
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Creating…' : 'Create book'}
            </button>
          </form>
        </section>
        <section className="start-option" aria-labelledby="premise-heading">
          <h2 id="premise-heading">
            Start from a premise <span className="badge badge-soon">AI</span>
          </h2>
          <p className="muted">
            Describe your story and let the AI propose a story bible, an outline and first drafts of every chapter. You
            see the cost before anything runs, and you can follow it step by step.
          </p>
          <PremiseFlow />
        </section>
      </div>
    </div>
  );
}
