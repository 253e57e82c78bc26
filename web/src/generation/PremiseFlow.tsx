import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { books, generation } from '../api/endpoints';
import { newIdempotencyKey } from '../api/client';
import { ApiError, errorMessage } from '../api/problem';
import type { GenerationQuote, GenerationRequest, GenerationJob } from '../api/types';
import { FieldError } from '../components/States';
import { GENERATION_MAX_CHAPTERS, TARGET_WORDS_MAX, TARGET_WORDS_MIN, TITLE_MAX_LENGTH } from '../api/limits';
import { isTerminal, percent, stepLabel, type JobView } from './progress';
import { useJobEvents } from './useJobEvents';
import { queryKeys } from '../api/queryKeys';

const STRUCTURES = [
  { value: '', label: 'Let the AI choose' },
  { value: 'three-act', label: 'Three acts' },
  { value: 'heros-journey', label: 'Hero’s journey' },
  { value: 'save-the-cat', label: 'Save the Cat' },
];

/**
 * Start from a premise: the book is created, the whole-book job is quoted (nothing runs),
 * and only after the writer agrees to the cost does it start, with live progress. A book
 * created for a quote that then fails is deleted again, so nothing empty is left behind.
 */
export function PremiseFlow() {
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [premise, setPremise] = useState('');
  const [chapters, setChapters] = useState(5);
  const [targetWords, setTargetWords] = useState(1500);
  const [tone, setTone] = useState('');
  const [structure, setStructure] = useState('');
  const [bookId, setBookId] = useState<string>();
  const [quote, setQuote] = useState<GenerationQuote>();
  const [job, setJob] = useState<GenerationJob>();
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const createKey = useRef(newIdempotencyKey());
  const startKey = useRef(newIdempotencyKey());

  const request = (): GenerationRequest => ({
    kind: 'full-book',
    params: {
      premise: premise.trim(),
      chapters,
      targetWords,
      tone: tone.trim() || undefined,
      structure: structure || undefined,
    },
  });

  const getQuote = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!title.trim()) {
      errors.title = 'Give your book a working title. You can change it later.';
    }
    if (title.trim().length > TITLE_MAX_LENGTH) {
      errors.title = `Use at most ${TITLE_MAX_LENGTH} characters.`;
    }
    if (premise.trim().length < 10) {
      errors.premise = 'Describe the story in a sentence or two.';
    }
    if (!Number.isInteger(chapters) || chapters < 1 || chapters > GENERATION_MAX_CHAPTERS) {
      errors.chapters = `Choose 1 to ${GENERATION_MAX_CHAPTERS} chapters.`;
    }
    if (!Number.isInteger(targetWords) || targetWords < TARGET_WORDS_MIN || targetWords > TARGET_WORDS_MAX) {
      errors.targetWords = `Use ${TARGET_WORDS_MIN} to ${TARGET_WORDS_MAX} words per chapter.`;
    }
    setInvalid(errors);
    if (Object.keys(errors).length === 0) {
      starting.reset();
      quoting.mutate();
    }
  };

  const quoting = useMutation({
    mutationFn: async () => {
      let created: { id: string; etag: string } | undefined;
      try {
        let id = bookId;
        if (!id) {
          const response = await books.create({ title: title.trim() }, createKey.current);
          id = response.data.id;
          created = { id, etag: response.etag ?? `"${response.data.version}"` };
        }
        setQuote(await generation.quote(id, request()));
        if (created) {
          setBookId(id);
          await client.invalidateQueries({ queryKey: queryKeys.books() });
        }
        startKey.current = newIdempotencyKey();
      } catch (caught) {
        if (created) {
          // The book existed only to be quoted: take it away again, and create a new one
          // (with a new key) on the next try.
          await books.remove(created.id, created.etag).catch(() => undefined);
          createKey.current = newIdempotencyKey();
        }
        throw caught;
      }
    },
  });

  const starting = useMutation({
    mutationFn: (id: string) => generation.start(id, request(), startKey.current),
    onSuccess: setJob,
  });

  const start = () => {
    if (bookId) {
      quoting.reset();
      starting.mutate(bookId);
    }
  };

  const busy = quoting.isPending ? 'quoting' : starting.isPending ? 'starting' : undefined;
  const failure = quoting.error ?? starting.error;
  const error = failure ? errorMessage(failure) : undefined;
  const fieldErrors: Record<string, string> =
    Object.keys(invalid).length > 0
      ? invalid
      : quoting.error instanceof ApiError
        ? Object.fromEntries(Object.entries(quoting.error.fieldErrors).map(([k, v]) => [k.replace(/^params\./, ''), v]))
        : {};

  if (job && bookId) {
    return <JobProgress job={job} bookId={bookId} total={quote?.steps.length ?? job.progress.total} />;
  }

  return (
    <form onSubmit={getQuote} noValidate>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor="premise-title">Working title</label>
        <input
          id="premise-title"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            setQuote(undefined);
          }}
          maxLength={TITLE_MAX_LENGTH}
          aria-invalid={fieldErrors.title ? true : undefined}
          aria-describedby={fieldErrors.title ? 'premise-title-error' : undefined}
          disabled={bookId !== undefined}
        />
        <FieldError id="premise-title-error" message={fieldErrors.title} />
      </div>
      <div className="field">
        <label htmlFor="premise-text">Premise</label>
        <textarea
          id="premise-text"
          rows={4}
          value={premise}
          onChange={(e) => {
            setPremise(e.target.value);
            setQuote(undefined);
          }}
          aria-invalid={fieldErrors.premise ? true : undefined}
          aria-describedby={fieldErrors.premise ? 'premise-text-error' : 'premise-text-hint'}
        />
        <p id="premise-text-hint" className="hint">
          Who wants what, what stands in the way, and where it happens. A few sentences are enough.
        </p>
        <FieldError id="premise-text-error" message={fieldErrors.premise} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="premise-chapters">Chapters</label>
          <input
            id="premise-chapters"
            type="number"
            min={1}
            max={GENERATION_MAX_CHAPTERS}
            value={chapters}
            onChange={(e) => {
              setChapters(Number(e.target.value));
              setQuote(undefined);
            }}
            aria-invalid={fieldErrors.chapters ? true : undefined}
            aria-describedby={fieldErrors.chapters ? 'premise-chapters-error' : undefined}
          />
          <FieldError id="premise-chapters-error" message={fieldErrors.chapters} />
        </div>
        <div className="field">
          <label htmlFor="premise-words">Words per chapter</label>
          <input
            id="premise-words"
            type="number"
            min={TARGET_WORDS_MIN}
            max={TARGET_WORDS_MAX}
            step={50}
            value={targetWords}
            onChange={(e) => {
              setTargetWords(Number(e.target.value));
              setQuote(undefined);
            }}
            aria-invalid={fieldErrors.targetWords ? true : undefined}
            aria-describedby={fieldErrors.targetWords ? 'premise-words-error' : undefined}
          />
          <FieldError id="premise-words-error" message={fieldErrors.targetWords} />
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="premise-tone">
            Tone <span className="optional">(optional)</span>
          </label>
          <input
            id="premise-tone"
            value={tone}
            onChange={(e) => {
              setTone(e.target.value);
              setQuote(undefined);
            }}
            placeholder="e.g. wry, melancholy"
          />
        </div>
        <div className="field">
          <label htmlFor="premise-structure">Structure</label>
          <select
            id="premise-structure"
            value={structure}
            onChange={(e) => {
              setStructure(e.target.value);
              setQuote(undefined);
            }}
          >
            {STRUCTURES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {quote ? (
        <QuoteView quote={quote} busy={busy !== undefined} onStart={start} onChange={() => setQuote(undefined)} />
      ) : (
        <button type="submit" className="button primary" disabled={busy !== undefined}>
          {busy ? 'Working out the cost…' : 'See what it will cost'}
        </button>
      )}
      {busy && <Working what={busy} steps={quote?.steps.length ?? plannedSteps(chapters)} />}
    </form>
  );
}

/** Steps of a full-book job: bible, synopsis, outline, then plan, prose and summary per chapter, then a check. */
function plannedSteps(chapters: number): number {
  return 3 + 3 * chapters + 1;
}

/**
 * What the server is doing while a quote or a start is under way: both walk every step of
 * the job (a long book takes some seconds), so say so, with the time it has taken so far.
 */
function Working({ what, steps }: { what: 'quoting' | 'starting'; steps: number }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const began = Date.now();
    const timer = window.setInterval(() => setSeconds(Math.floor((Date.now() - began) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const label = what === 'quoting' ? 'Working out the cost' : 'Starting the job';
  return (
    <div className="working" role="status" aria-live="polite">
      <progress aria-label={label} />
      <p className="muted small">
        {label}: planning all {steps} steps of the book, from the story bible to the last chapter. Long books take a
        while{seconds >= 2 ? ` (${seconds} s so far)` : ''}.
      </p>
    </div>
  );
}

function QuoteView({
  quote,
  busy,
  onStart,
  onChange,
}: {
  quote: GenerationQuote;
  busy: boolean;
  onStart: () => void;
  onChange: () => void;
}) {
  const chapterSteps = quote.steps.filter((s) => s.chapter !== undefined && s.chapter !== null);
  const tokens = quote.total.inputTokens + quote.total.outputTokens;
  return (
    <section className="quote card" aria-labelledby="quote-heading">
      <h3 id="quote-heading">Before anything runs</h3>
      <dl className="quote-facts">
        <div>
          <dt>Estimated cost</dt>
          <dd className="quote-cost">{quote.offline ? 'Free' : quote.total.display}</dd>
        </div>
        <div>
          <dt>Steps</dt>
          <dd>
            {quote.steps.length} ({new Set(chapterSteps.map((s) => s.chapter)).size} chapters)
          </dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>≈ {new Intl.NumberFormat('en').format(tokens)}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>{quote.offline ? 'Offline' : `${quote.total.provider} · ${quote.total.model}`}</dd>
        </div>
      </dl>
      {quote.offline && (
        <p className="muted small">
          No AI provider is configured on this server, so the offline generator writes a structured draft from your
          premise: a scaffold to rewrite in your own words.
        </p>
      )}
      <details>
        <summary>Every step</summary>
        <ol className="quote-steps">
          {quote.steps.map((step) => (
            <li key={step.index}>
              {stepLabel(step.name)}{' '}
              <span className="muted small">
                ≈ {new Intl.NumberFormat('en').format(step.inputTokens + step.outputTokens)} tokens
              </span>
            </li>
          ))}
        </ol>
      </details>
      <div className="button-row">
        <button type="button" className="button" onClick={onChange}>
          Change something
        </button>
        <button type="button" className="button primary" onClick={onStart} disabled={busy} data-autofocus>
          {busy ? 'Starting…' : quote.offline ? 'Generate the book' : `Generate the book for ${quote.total.display}`}
        </button>
      </div>
    </section>
  );
}

function JobProgress({ job, bookId, total }: { job: GenerationJob; bookId: string; total: number }) {
  const live = useJobEvents(job.id, total);
  // A slower safety net beside the live stream: the job resource always knows the final state.
  const polled = useQuery({
    queryKey: queryKeys.job(job.id),
    queryFn: () => generation.get(job.id),
    refetchInterval: (query) =>
      query.state.data && ['succeeded', 'failed', 'cancelled'].includes(query.state.data.state) ? false : 5000,
  });
  const view: JobView = merge(live, polled.data);
  const done = isTerminal(view);

  const cancel = useMutation({
    mutationFn: () => generation.cancel(job.id),
    onSuccess: () => polled.refetch(),
  });
  const cancelling = cancel.isPending;
  const error = cancel.error ? errorMessage(cancel.error) : undefined;

  return (
    <section className="job-progress" aria-labelledby="job-heading">
      <h3 id="job-heading">
        {view.state === 'succeeded'
          ? 'Your book is ready'
          : view.state === 'failed'
            ? 'Generation stopped'
            : view.state === 'cancelled'
              ? 'Generation cancelled'
              : 'Writing your book…'}
      </h3>
      <div className="progress-row">
        <progress max={100} value={percent(view)} aria-labelledby="job-step" />
        <span className="muted small">{percent(view)}%</span>
      </div>
      <p id="job-step" role="status" aria-live="polite">
        {done
          ? `${view.done} of ${view.total} steps done.`
          : `Step ${Math.min(view.done + 1, Math.max(view.total, 1))} of ${view.total || '…'}: ${stepLabel(view.step)}`}
      </p>
      {!done && view.preview && (
        <pre className="job-preview" aria-label="Text as it is written">
          {view.preview.slice(-900)}
        </pre>
      )}
      {view.finished.length > 0 && (
        <details>
          <summary>Finished steps ({view.finished.length})</summary>
          <ol className="quote-steps">
            {view.finished.map((name, index) => (
              <li key={`${name}-${index}`}>{stepLabel(name)}</li>
            ))}
          </ol>
        </details>
      )}
      {view.problem && (view.problem.detail || view.problem.title) && (
        <p className="form-error" role="alert">
          {view.problem.detail ?? view.problem.title}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        {!done && (
          <button type="button" className="button danger" onClick={() => cancel.mutate()} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
        {(done || view.done > 0) && (
          <Link className={done ? 'button primary' : 'button'} to={`/books/${bookId}`}>
            {view.state === 'succeeded' ? 'Open the book' : 'Open the book so far'}
          </Link>
        )}
      </div>
    </section>
  );
}

/** The live view, completed by the polled job when the stream missed the end. */
export function merge(live: JobView, job: GenerationJob | undefined): JobView {
  if (!job || isTerminal(live)) {
    return live;
  }
  const state = job.state as JobView['state'];
  if (state === 'succeeded' || state === 'failed' || state === 'cancelled') {
    return {
      ...live,
      state,
      done: job.progress.done,
      total: job.progress.total,
      problem: job.problem,
      chapters: job.result?.chapters ?? live.chapters,
    };
  }
  if (job.progress.done > live.done) {
    return {
      ...live,
      state: 'running',
      done: job.progress.done,
      total: job.progress.total,
      step: job.progress.step ?? live.step,
    };
  }
  return live;
}
