/**
 * Every query key the app uses, in one place. Keys are arrays whose leading parts name the
 * resource, so invalidating a shorter key (for example `queryKeys.revisions(chapterId)`) also
 * refreshes every longer key under it (`queryKeys.revisionsAt(chapterId, etag)`).
 *
 * Components never spell a key as a literal: they call these functions, so a renamed or
 * reshaped key changes in one file and the compiler finds every caller.
 */
export const queryKeys = {
  /** The gateway's view of who is signed in. */
  session: () => ['session'] as const,
  /** The signed-in user's account (profile, roles, two-step sign-in). */
  me: () => ['me'] as const,
  preferences: () => ['preferences'] as const,

  /** The author's own shelf. */
  books: () => ['books'] as const,
  book: (bookId: string) => ['book', bookId] as const,
  bible: (bookId: string) => ['bible', bookId] as const,
  chapters: (bookId: string) => ['chapters', bookId] as const,
  /** One editing session of a chapter: a new session number loads the chapter afresh. */
  chapter: (chapterId: string, session: number) => ['chapter', chapterId, session] as const,
  revisions: (chapterId: string) => ['revisions', chapterId] as const,
  revisionsAt: (chapterId: string, etag: string | undefined) => [...queryKeys.revisions(chapterId), etag] as const,
  diff: (chapterId: string, revision: number | undefined, etag: string | undefined) =>
    ['diff', chapterId, revision, etag] as const,

  /** Generation jobs. */
  job: (jobId: string) => ['job', jobId] as const,
  activeJobs: () => ['jobs', 'active'] as const,

  /** What readers see. */
  publicBooks: () => ['public-books'] as const,
  publicBook: (bookId: string) => ['public-book', bookId] as const,
  publicChapter: (bookId: string, number: number) => ['public-chapter', bookId, number] as const,

  /** Administration: every moderation list, or the taken-down or the published one. */
  moderation: () => ['moderation'] as const,
  moderationList: (takenDown: boolean) => [...queryKeys.moderation(), takenDown] as const,
};
