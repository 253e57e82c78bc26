import { ApiClient, query, type ApiResponse } from './client';
import type { ApiError } from './problem';
import type {
  AdminBook,
  AssistRequest,
  Bible,
  BibleCollection,
  BibleEntry,
  BibleFields,
  Book,
  Chapter,
  ChapterSummary,
  EntryChanges,
  GenerationJob,
  GenerationQuote,
  GenerationRequest,
  Me,
  NewBook,
  Page,
  Preferences,
  ProfilePatch,
  PublicBook,
  PublicChapter,
  PublishRequest,
  PublishResult,
  RecoveryCodes,
  Revision,
  RevisionDiff,
  RevisionSummary,
  Session,
  TwoFactorEnrollment,
} from './types';

type Listener = (error: ApiError) => void;
const unauthorizedListeners = new Set<Listener>();

/** Hears about every 401 from the API (the session ended); returns the unsubscribe. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export const api = new ApiClient({
  onUnauthorized: (error) => unauthorizedListeners.forEach((listener) => listener(error)),
});

const enc = encodeURIComponent;
const book = (bookId: string) => `/api/content/books/${enc(bookId)}`;
const chapter = (bookId: string, chapterId: string) => `${book(bookId)}/chapters/${enc(chapterId)}`;

export const bff = {
  session: () => api.get<Session>('/bff/session').then((r) => r.data),
  loginUrl: (returnTo: string) => `/bff/login${query({ returnTo })}`,
  /**
   * Signs in afresh even when signed in: the identity service still knows the browser, so
   * it answers at once with new tokens, which carry roles given since the last sign-in.
   */
  renewSignInUrl: '/bff/oauth2/authorization/authorworks',
  async logout(): Promise<string> {
    const response = await api.post<{ redirectTo?: string }>('/bff/logout');
    return response.data?.redirectTo ?? '/';
  },
};

export const books = {
  list: (params: { cursor?: string; limit?: number; sort?: string } = {}) =>
    api.get<Page<Book>>(`/api/content/books${query({ sort: '-updatedAt', limit: 20, ...params })}`).then((r) => r.data),
  get: (bookId: string) => api.get<Book>(book(bookId)),
  create: (request: NewBook, idempotencyKey: string) =>
    api.post<Book>('/api/content/books', request, { idempotencyKey }),
  update: (bookId: string, changes: Partial<Book>, ifMatch: string) =>
    api.patch<Book>(book(bookId), changes, { ifMatch }),
  remove: (bookId: string, ifMatch: string) => api.delete(book(bookId), { ifMatch }),
  publish: (bookId: string, request: PublishRequest) =>
    api.post<PublishResult>(`${book(bookId)}/publish`, request).then((r) => r.data),
  unpublish: (bookId: string) => api.post<PublishResult>(`${book(bookId)}/unpublish`).then((r) => r.data),
  exportUrl: (bookId: string, format: 'epub' | 'pdf' | 'markdown') => `${book(bookId)}/export/${format}`,
};

export const chapters = {
  async listAll(bookId: string): Promise<ChapterSummary[]> {
    const all: ChapterSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = (await api.get<Page<ChapterSummary>>(`${book(bookId)}/chapters${query({ limit: 100, cursor })}`))
        .data;
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  },
  get: (bookId: string, chapterId: string) => api.get<Chapter>(chapter(bookId, chapterId)),
  create: (bookId: string, request: { title: string; content?: string }, idempotencyKey: string) =>
    api.post<Chapter>(`${book(bookId)}/chapters`, request, { idempotencyKey }),
  rename: (bookId: string, chapterId: string, changes: { title?: string; status?: string }, ifMatch: string) =>
    api.patch<Chapter>(chapter(bookId, chapterId), changes, { ifMatch }),
  saveContent: (bookId: string, chapterId: string, content: string, ifMatch: string, signal?: AbortSignal) =>
    api.put<Chapter>(`${chapter(bookId, chapterId)}/content`, { content }, { ifMatch, signal }),
  remove: (bookId: string, chapterId: string, ifMatch: string) => api.delete(chapter(bookId, chapterId), { ifMatch }),
  reorder: (bookId: string, chapterIds: string[]) =>
    api.post<{ chapterIds: string[] }>(`${book(bookId)}/chapters/reorder`, { chapterIds }).then((r) => r.data),
};

export const revisions = {
  list: (bookId: string, chapterId: string, cursor?: string) =>
    api
      .get<Page<RevisionSummary>>(`${chapter(bookId, chapterId)}/revisions${query({ limit: 50, cursor })}`)
      .then((r) => r.data),
  get: (bookId: string, chapterId: string, n: number) =>
    api.get<Revision>(`${chapter(bookId, chapterId)}/revisions/${n}`).then((r) => r.data),
  diff: (bookId: string, chapterId: string, from: number, to: number | 'current' = 'current') =>
    api.get<RevisionDiff>(`${chapter(bookId, chapterId)}/diff${query({ from, to })}`).then((r) => r.data),
  restore: (bookId: string, chapterId: string, n: number, ifMatch?: string) =>
    api.post<Chapter>(`${chapter(bookId, chapterId)}/revisions/${n}/restore`, undefined, { ifMatch }),
};

export const bible = {
  get: (bookId: string) => api.get<Bible>(`${book(bookId)}/bible`),
  update: (bookId: string, fields: BibleFields, ifMatch: string) =>
    api.patch<Bible>(`${book(bookId)}/bible`, fields, { ifMatch }),
  addEntry: (bookId: string, collection: BibleCollection, entry: EntryChanges, idempotencyKey: string) =>
    api.post<BibleEntry>(`${book(bookId)}/bible/${collection}`, entry, { idempotencyKey }).then((r) => r.data),
  updateEntry: (bookId: string, collection: BibleCollection, entry: BibleEntry, changes: EntryChanges) =>
    api
      .patch<BibleEntry>(`${book(bookId)}/bible/${collection}/${enc(entry.id)}`, changes, {
        ifMatch: `"${entry.version}"`,
      })
      .then((r) => r.data),
  removeEntry: (bookId: string, collection: BibleCollection, entry: BibleEntry) =>
    api.delete(`${book(bookId)}/bible/${collection}/${enc(entry.id)}`, { ifMatch: `"${entry.version}"` }),
};

export const reading = {
  list: (cursor?: string) =>
    api.get<Page<PublicBook>>(`/api/content/public/books${query({ limit: 24, cursor })}`).then((r) => r.data),
  book: (bookId: string) => api.get<PublicBook>(`/api/content/public/books/${enc(bookId)}`).then((r) => r.data),
  chapter: (bookId: string, n: number) =>
    api.get<PublicChapter>(`/api/content/public/books/${enc(bookId)}/chapters/${n}`).then((r) => r.data),
};

export const account = {
  me: (): Promise<ApiResponse<Me>> => api.get<Me>('/api/users/me'),
  updateProfile: (patch: ProfilePatch, ifMatch: string) => api.patch<Me>('/api/users/me', patch, { ifMatch }),
  preferences: () => api.get<Preferences>('/api/users/me/preferences').then((r) => r.data),
  setPreference: (key: string, value: unknown) => api.put(`/api/users/me/preferences/${enc(key)}`, value),
  clearPreference: (key: string) => api.delete(`/api/users/me/preferences/${enc(key)}`),
  startTwoFactor: () => api.post<TwoFactorEnrollment>('/api/users/me/two-factor').then((r) => r.data),
  confirmTwoFactor: (code: string) =>
    api.post<RecoveryCodes>('/api/users/me/two-factor/confirm', { code }).then((r) => r.data),
  disableTwoFactor: (code: string) => api.request('/api/users/me/two-factor', { method: 'DELETE', json: { code } }),
  regenerateRecoveryCodes: (code: string) =>
    api.post<RecoveryCodes>('/api/users/me/two-factor/recovery-codes', { code }).then((r) => r.data),
  signOutEverywhere: () => api.post('/api/users/me/sessions/revoke'),
  becomeAuthor: () => api.put<Me>('/api/users/me/roles/author').then((r) => r.data),
};

export const generation = {
  quote: (bookId: string, request: GenerationRequest) =>
    api.post<GenerationQuote>(`${book(bookId)}/generation/quote`, request).then((r) => r.data),
  start: (bookId: string, request: GenerationRequest, idempotencyKey: string) =>
    api.post<GenerationJob>(`${book(bookId)}/generation/jobs`, request, { idempotencyKey }).then((r) => r.data),
  get: (jobId: string) => api.get<GenerationJob>(`/api/content/generation/jobs/${enc(jobId)}`).then((r) => r.data),
  /** The signed-in person's queued and running jobs, across books. */
  active: () => api.get<Page<GenerationJob>>('/api/content/generation/jobs').then((r) => r.data.items),
  cancel: (jobId: string) =>
    api.post<GenerationJob>(`/api/content/generation/jobs/${enc(jobId)}/cancel`).then((r) => r.data),
  eventsUrl: (jobId: string) => `/api/content/generation/jobs/${enc(jobId)}/events`,
};

export const assist = {
  /** Starts an operation; the answer is a stream of server-sent events (see workspace/assist). */
  stream: (bookId: string, request: AssistRequest, signal: AbortSignal) =>
    api.stream(`${book(bookId)}/assist`, { method: 'POST', json: request, signal }),
};

export const moderation = {
  list: (takenDown: boolean, cursor?: string) =>
    api.get<Page<AdminBook>>(`/api/content/admin/books${query({ takenDown, limit: 20, cursor })}`).then((r) => r.data),
  takeDown: (bookId: string, reason: string) =>
    api.post<AdminBook>(`/api/content/admin/books/${enc(bookId)}/takedown`, { reason }).then((r) => r.data),
  restore: (bookId: string) =>
    api.post<AdminBook>(`/api/content/admin/books/${enc(bookId)}/restore`).then((r) => r.data),
};
