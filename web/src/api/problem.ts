/** An RFC 9457 problem document, as every AuthorWorks service answers errors. */
export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  violations?: Violation[];
  [extra: string]: unknown;
}

export interface Violation {
  field: string;
  message: string;
}

/** Why a call failed, in words a person can act on. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDocument;
  /** Per-field messages, keyed by field name (from the problem's `violations`). */
  readonly fieldErrors: Record<string, string>;

  constructor(status: number, problem: ProblemDocument) {
    super(problemMessage(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.fieldErrors = fieldErrors(problem);
  }

  /** The slug of the problem type, e.g. `precondition-failed`. */
  get slug(): string | undefined {
    const type = this.problem.type;
    if (!type || type === 'about:blank') {
      return undefined;
    }
    return type.substring(type.lastIndexOf('/') + 1);
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  get isConflict(): boolean {
    return this.status === 412 || this.status === 409;
  }
}

/** The network was not reachable, or the answer never came. */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('AuthorWorks could not be reached. Check your connection; nothing you typed is lost.');
    this.name = 'NetworkError';
    this.cause = cause;
  }
}

const FALLBACK_BY_STATUS: Record<number, string> = {
  400: 'The request was not understood.',
  401: 'Your session has ended. Sign in again to continue.',
  403: 'You do not have permission to do that.',
  404: 'That could not be found. It may have been deleted.',
  409: 'Someone else changed this at the same time. Try again.',
  412: 'This was changed elsewhere since you opened it.',
  413: 'That is too large to send.',
  422: 'Some of what you entered needs another look.',
  428: 'This change needs the version you are editing.',
  429: 'Too many requests in a short time. Wait a moment and try again.',
  500: 'Something went wrong on our side. Try again in a moment.',
  502: 'A part of AuthorWorks is not answering. Try again in a moment.',
  503: 'A part of AuthorWorks is not available right now. Try again in a moment.',
  504: 'A part of AuthorWorks took too long to answer. Try again in a moment.',
};

/**
 * One readable sentence (or two) for a problem: the detail when the server gave one, else
 * its title, else a plain description of the status, followed by the field messages.
 */
export function problemMessage(status: number, problem: ProblemDocument): string {
  const detail = clean(problem.detail);
  const title = clean(problem.title);
  let message = detail ?? title ?? FALLBACK_BY_STATUS[status] ?? `The request failed (${status}).`;
  const violations = (problem.violations ?? []).filter((v) => v && typeof v.message === 'string');
  if (violations.length > 0 && !detail) {
    message = `${message} ${violations.map((v) => (v.field ? `${humanField(v.field)}: ${v.message}` : v.message)).join(' ')}`;
  }
  return message;
}

export function fieldErrors(problem: ProblemDocument): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const violation of problem.violations ?? []) {
    if (violation && violation.field && !(violation.field in errors)) {
      errors[violation.field] = violation.message;
    }
  }
  return errors;
}

/** `displayName` → `Display name`, `styleGuide.tense` → `Tense`. */
export function humanField(field: string): string {
  const last = field.substring(field.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.substring(1);
}

/**
 * Whether the same request may succeed if sent again: the network failed, the server
 * failed (5xx) or asked to slow down (429). A refusal (other 4xx: invalid, forbidden, not
 * found, conflict) answers the same until something else changes.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) {
    return true;
  }
  if (error instanceof ApiError) {
    return error.status >= 500 || error.status === 429 || error.status === 408;
  }
  return false;
}

/** A message for anything thrown, for showing in the UI. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError) {
    return error.message;
  }
  if (error instanceof Error && error.message) {
    return error.message;
  }
  return 'Something went wrong. Try again.';
}

function clean(text: string | undefined): string | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const trimmed = text.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}
