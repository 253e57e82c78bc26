// The shapes the services answer and accept, named for the app. Each is a type from
// src/api/generated/, which `npm run gen:api` writes from the services' committed OpenAPI
// documents, so a field the services rename, drop or retype fails to compile here or where the
// app uses it. Optional fields are absent rather than null.
import type { components as ContentComponents } from './generated/content-service';
import type { components as UserComponents } from './generated/user-service';
import type { ProblemDocument } from './problem';

type Content = ContentComponents['schemas'];
type Users = UserComponents['schemas'];

/**
 * `T` with the keys `K` always there. The documents mark hardly any field required (springdoc
 * does so only for annotated record components), yet the services send these on every answer;
 * naming a key the document no longer has fails to compile.
 */
type Present<T, K extends keyof T> = Omit<T, K> & Required<Pick<T, K>>;

/**
 * `T` with the fields in `N` narrowed to what the app knows of them (nested answers with their
 * present fields, string values from a known set); each must still fit the documented type.
 */
type Narrowed<T, N extends { [P in keyof N]: P extends keyof T ? T[P] : never }> = Omit<T, keyof N> & N;

// ---- The content-service ----------------------------------------------------------------------

/** One page of a list; `nextCursor` fetches the next, and is absent on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export type Book = Present<
  Content['BookResponse'],
  | 'id'
  | 'ownerId'
  | 'title'
  | 'genres'
  | 'tags'
  | 'language'
  | 'status'
  | 'visibility'
  | 'wordCount'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
>;

/** A book as an administrator sees it in the moderation list. */
export type AdminBook = Present<
  Content['TakedownAdminBook'],
  'id' | 'ownerId' | 'title' | 'status' | 'visibility' | 'updatedAt'
>;

export type NewBook = Content['BookChanges'];

export type ChapterSummary = Present<
  Content['ChapterSummary'],
  'id' | 'position' | 'title' | 'wordCount' | 'status' | 'version' | 'createdAt' | 'updatedAt'
>;

export type Chapter = Present<
  Content['ChapterResponse'],
  'id' | 'bookId' | 'position' | 'title' | 'content' | 'wordCount' | 'status' | 'version' | 'createdAt' | 'updatedAt'
>;

export type RevisionSummary = Present<
  Content['RevisionSummary'],
  'number' | 'kind' | 'authorId' | 'title' | 'wordCount' | 'chapterVersion' | 'current' | 'createdAt'
>;

export type Revision = Narrowed<Content['RevisionResponse'], { revision: RevisionSummary; content: string }>;

export type DiffChange = Present<
  Content['RevisionDiffChange'],
  'type' | 'fromLine' | 'fromLines' | 'toLine' | 'toLines'
>;

export type RevisionDiff = Narrowed<
  Present<Content['RevisionDiffResponse'], 'unified' | 'linesAdded' | 'linesRemoved'>,
  {
    from: RevisionSummary;
    to: RevisionSummary;
    title?: Present<Content['RevisionTitleChange'], 'from' | 'to'>;
    changes: DiffChange[];
  }
>;

export type StyleGuide = Content['BibleStyleGuide'];

export type BibleEntry = Present<
  Content['BibleEntryResponse'],
  'id' | 'kind' | 'position' | 'name' | 'source' | 'version' | 'createdAt' | 'updatedAt'
>;

export type Bible = Narrowed<
  Present<Content['BibleResponse'], 'scope' | 'ownerId' | 'resolved' | 'version'>,
  {
    styleGuide: StyleGuide;
    characters: BibleEntry[];
    locations: BibleEntry[];
    lore: BibleEntry[];
    notes: BibleEntry[];
  }
>;

export type BibleFields = Content['StoryBiblesFieldChanges'];

export type EntryChanges = Content['StoryBiblesEntryChanges'];

export type PublishRequest = Narrowed<
  Content['PublishingPublishRequest'],
  {
    include: 'final' | 'all';
    visibility: 'public' | 'unlisted';
    /** Take away chapters readers have that this selection leaves out (409 otherwise). */
    removeChapters?: boolean;
  }
>;

export type PublishResult = Present<
  Content['PublishingPublishResponse'],
  'bookId' | 'status' | 'visibility' | 'chapters' | 'wordCount' | 'version'
>;

export type PublicContents = Present<
  Content['PublicReadingContents'],
  'number' | 'title' | 'wordCount' | 'publishedAt'
>;

export type PublicBook = Narrowed<
  Present<Content['PublicReadingPublicBook'], 'id' | 'authorId' | 'title' | 'genres' | 'tags' | 'language'>,
  { contents?: PublicContents[] }
>;

export type PublicChapter = Present<
  Content['PublicReadingPublicChapter'],
  'bookId' | 'number' | 'title' | 'content' | 'html' | 'wordCount' | 'publishedAt'
>;

export type GenerationParams = Content['JobRequestParams'];

export type GenerationRequest = Narrowed<
  Content['JobRequest'],
  { kind: 'bible' | 'synopsis' | 'outline' | 'chapter-drafts' | 'full-book'; params: GenerationParams }
>;

export type QuoteTotal = Required<Content['JobViewsQuoteView']>;

export type StepQuote = Present<
  Content['JobViewsStepQuote'],
  'index' | 'name' | 'provider' | 'model' | 'inputTokens' | 'outputTokens' | 'costMicros' | 'currency'
>;

export type GenerationQuote = Narrowed<
  Present<Content['JobViewsJobQuote'], 'kind' | 'offline'>,
  { total: QuoteTotal; steps: StepQuote[] }
>;

export type GenerationJob = Narrowed<
  Present<
    Content['JobViewsJobResponse'],
    'id' | 'bookId' | 'kind' | 'state' | 'tokensSoFar' | 'createdAt' | 'updatedAt'
  >,
  {
    progress: Present<Content['JobViewsProgress'], 'done' | 'total'>;
    cost: Required<Content['JobViewsCost']>;
    /** The document says only "any JSON value"; a job that drafted chapters names them. */
    result?: { chapters?: { number: number; chapterId: string; title: string }[] } & Record<string, unknown>;
    problem?: ProblemDocument;
  }
>;

export type AssistRequest = Narrowed<Content['AssistRequest'], { operation: AssistOperation }>;

// ---- The user-service -------------------------------------------------------------------------

export type ProfileView = Present<Users['ProfileView'], 'socialLinks' | 'version' | 'updatedAt'>;

export type Me = Narrowed<
  Present<
    Users['ProfileMeResponse'],
    | 'id'
    | 'email'
    | 'emailVerified'
    | 'username'
    | 'displayName'
    | 'roles'
    | 'twoFactorEnabled'
    | 'createdAt'
    | 'updatedAt'
  >,
  { profile: ProfileView }
>;

export type ProfilePatch = Users['ProfilesProfilePatch'];

export type Preferences = Record<string, unknown>;

export type TwoFactorEnrollment = Required<Users['TwoFactorEnrollment']>;

export type RecoveryCodes = Required<Users['TwoFactorRecoveryCodesResponse']>;

// ---- Not in the services' documents -----------------------------------------------------------
// The gateway's session answer, the event payloads of the server-sent streams (documented only as
// text/event-stream) and the value sets of fields the documents type as plain strings.

/** What the gateway's `/bff/session` answers. */
export interface Session {
  authenticated: boolean;
  userId?: string;
  username?: string;
  displayName?: string;
  roles?: string[];
}

export type BookStatus = 'draft' | 'writing' | 'editing' | 'published' | 'archived';
export type Visibility = 'private' | 'unlisted' | 'public';
export type ChapterStatus = 'draft' | 'revising' | 'final';
export type BibleCollection = 'characters' | 'locations' | 'lore' | 'notes';
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** The interactive operations on a selection or at the cursor. */
export type AssistOperation = 'rewrite' | 'expand' | 'shorten' | 'describe' | 'brainstorm' | 'continue';

/** The last event of an assist stream that finished. */
export interface AssistDone {
  provider: string;
  model: string;
  offline: boolean;
  notice?: string;
  stopReason?: string;
  usage: { inputTokens: number; outputTokens: number; estimated: boolean };
  cost: { micros: number; currency: string; display: string };
}
