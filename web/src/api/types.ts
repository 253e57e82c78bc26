// The shapes the services answer, as documented in docs/content-service.md and the OpenAPI
// documents. Optional fields are absent rather than null.

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface Session {
  authenticated: boolean;
  userId?: string;
  username?: string;
  displayName?: string;
  roles?: string[];
}

export type BookStatus = 'draft' | 'writing' | 'editing' | 'published' | 'archived';
export type Visibility = 'private' | 'unlisted' | 'public';

export interface Book {
  id: string;
  ownerId: string;
  title: string;
  subtitle?: string;
  description?: string;
  genres: string[];
  tags: string[];
  language: string;
  status: BookStatus | string;
  visibility: Visibility | string;
  seriesId?: string;
  coverRef?: string;
  wordCount: number;
  publishedAt?: string;
  /** Set while an administrator has taken the book down from readers. */
  takenDownAt?: string;
  takedownReason?: string;
  role?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A book as an administrator sees it in the moderation list. */
export interface AdminBook {
  id: string;
  ownerId: string;
  title: string;
  status: string;
  visibility: string;
  publishedAt?: string;
  takenDownAt?: string;
  takedownReason?: string;
  updatedAt: string;
}

export interface NewBook {
  title: string;
  description?: string;
  genres?: string[];
}

export type ChapterStatus = 'draft' | 'revising' | 'final';

export interface ChapterSummary {
  id: string;
  position: number;
  title: string;
  wordCount: number;
  status: ChapterStatus | string;
  publishedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Chapter extends ChapterSummary {
  bookId: string;
  content: string;
}

export interface RevisionSummary {
  number: number;
  kind: string;
  restoredFrom?: number;
  authorId: string;
  title: string;
  wordCount: number;
  chapterVersion: number;
  current: boolean;
  createdAt: string;
}

export interface Revision {
  revision: RevisionSummary;
  content: string;
}

export interface DiffChange {
  type: string;
  fromLine: number;
  fromLines: string[];
  toLine: number;
  toLines: string[];
}

export interface RevisionDiff {
  from: RevisionSummary;
  to: RevisionSummary;
  title?: { from: string; to: string };
  unified: string[];
  changes: DiffChange[];
  linesAdded: number;
  linesRemoved: number;
}

export type BibleCollection = 'characters' | 'locations' | 'lore' | 'notes';

export interface StyleGuide {
  pointOfView?: string;
  tense?: string;
  voice?: string;
  samplePassage?: string;
}

export interface BibleEntry {
  id: string;
  kind: string;
  position: number;
  name: string;
  aliases?: string[];
  role?: string;
  description?: string;
  traits?: string[];
  arc?: string;
  category?: string;
  source: 'book' | 'series' | string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Bible {
  scope: string;
  ownerId: string;
  resolved: boolean;
  premise?: string;
  synopsis?: string;
  styleGuide: StyleGuide;
  characters: BibleEntry[];
  locations: BibleEntry[];
  lore: BibleEntry[];
  notes: BibleEntry[];
  version: number;
  updatedAt?: string;
}

export interface BibleFields {
  premise?: string;
  synopsis?: string;
  pointOfView?: string;
  tense?: string;
  voice?: string;
  samplePassage?: string;
}

export interface EntryChanges {
  name?: string;
  aliases?: string[];
  role?: string;
  description?: string;
  traits?: string[];
  arc?: string;
  category?: string;
}

export interface PublishRequest {
  include: 'final' | 'all';
  visibility: 'public' | 'unlisted';
  /** Take away chapters readers have that this selection leaves out (409 otherwise). */
  removeChapters?: boolean;
}

export interface PublishResult {
  bookId: string;
  status: string;
  visibility: string;
  chapters: number;
  wordCount: number;
  publishedAt?: string;
  version: number;
}

export interface PublicContents {
  number: number;
  title: string;
  wordCount: number;
  publishedAt: string;
}

export interface PublicBook {
  id: string;
  authorId: string;
  /** The author's display name; absent until the content-service has learnt it. */
  authorName?: string;
  title: string;
  subtitle?: string;
  description?: string;
  genres: string[];
  tags: string[];
  language: string;
  coverRef?: string;
  publishedAt?: string;
  contents?: PublicContents[];
}

export interface PublicChapter {
  bookId: string;
  number: number;
  title: string;
  content: string;
  html: string;
  wordCount: number;
  publishedAt: string;
  previous?: number;
  next?: number;
}

export interface ProfileView {
  bio?: string;
  avatarUrl?: string;
  website?: string;
  location?: string;
  socialLinks: Record<string, string>;
  version: number;
  updatedAt: string;
}

export interface Me {
  id: string;
  email: string;
  emailVerified: boolean;
  username: string;
  displayName: string;
  roles: string[];
  twoFactorEnabled: boolean;
  profile: ProfileView;
  createdAt: string;
  updatedAt: string;
}

export interface ProfilePatch {
  displayName?: string;
  bio?: string;
  website?: string;
  location?: string;
}

export type Preferences = Record<string, unknown>;

export interface TwoFactorEnrollment {
  secret: string;
  otpauthUri: string;
}

export interface RecoveryCodes {
  recoveryCodes: string[];
}

export interface GenerationParams {
  premise?: string;
  tone?: string;
  chapters?: number;
  structure?: string;
  targetWords?: number;
  chapterNumbers?: number[];
}

export interface GenerationRequest {
  kind: 'bible' | 'synopsis' | 'outline' | 'chapter-drafts' | 'full-book';
  params: GenerationParams;
}

export interface QuoteTotal {
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
  currency: string;
  display: string;
  priced: boolean;
}

export interface StepQuote {
  index: number;
  name: string;
  chapter?: number;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
  currency: string;
}

export interface GenerationQuote {
  kind: string;
  total: QuoteTotal;
  steps: StepQuote[];
  offline: boolean;
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface GenerationJob {
  id: string;
  bookId: string;
  kind: string;
  state: JobState | string;
  progress: { done: number; total: number; step?: string };
  tokensSoFar: number;
  cost: { micros: number; currency: string; display: string };
  result?: { chapters?: { number: number; chapterId: string; title: string }[] } & Record<string, unknown>;
  problem?: import('./problem').ProblemDocument;
  createdAt: string;
  updatedAt: string;
}

/** The interactive operations on a selection or at the cursor. */
export type AssistOperation = 'rewrite' | 'expand' | 'shorten' | 'describe' | 'brainstorm' | 'continue';

export interface AssistRequest {
  operation: AssistOperation;
  chapterId?: string;
  selection?: string;
  before?: string;
  after?: string;
  instructions?: string;
}

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
