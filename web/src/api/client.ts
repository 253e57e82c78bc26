import { ApiError, NetworkError, type ProblemDocument } from './problem';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** A value sent as JSON. */
  json?: unknown;
  /** A body sent as it is, with `contentType`. */
  body?: BodyInit;
  contentType?: string;
  /** The ETag of the version being changed; sent as `If-Match`. */
  ifMatch?: string;
  /** `true` makes a fresh key; a string is sent as it is (reuse it when retrying the same create). */
  idempotencyKey?: string | true;
  accept?: string;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  /** The strong ETag of the representation, when the server sent one. */
  etag?: string;
  headers: Headers;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  /** The session's CSRF token, when already known (tests). */
  csrfToken?: string;
  /** Told about every 401, so the app can offer to sign in again. */
  onUnauthorized?: (error: ApiError) => void;
}

export const CSRF_HEADER = 'X-XSRF-TOKEN';
const SESSION_PATH = '/bff/session';
const UNSAFE = new Set<HttpMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Talks to the gateway on the same origin: the session cookie goes along, the session's
 * CSRF token (from `/bff/session`, kept in memory only) is sent on changes, problems become
 * {@link ApiError}s with readable messages, and a refused CSRF token is fetched again and
 * the request retried once.
 */
export class ApiClient {
  private readonly fetchImpl: typeof fetch;
  private readonly onUnauthorized?: (error: ApiError) => void;
  private csrfToken?: string;

  constructor(options: ApiClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.onUnauthorized = options.onUnauthorized;
    this.csrfToken = options.csrfToken;
  }

  get<T>(path: string, options: Omit<RequestOptions, 'method'> = {}): Promise<ApiResponse<T>> {
    return this.request<T>(path, { ...options, method: 'GET' });
  }

  post<T>(path: string, json?: unknown, options: Omit<RequestOptions, 'method' | 'json'> = {}) {
    return this.request<T>(path, { ...options, method: 'POST', json });
  }

  put<T>(path: string, json?: unknown, options: Omit<RequestOptions, 'method' | 'json'> = {}) {
    return this.request<T>(path, { ...options, method: 'PUT', json });
  }

  patch<T>(path: string, json?: unknown, options: Omit<RequestOptions, 'method' | 'json'> = {}) {
    return this.request<T>(path, { ...options, method: 'PATCH', json });
  }

  delete<T = void>(path: string, options: Omit<RequestOptions, 'method'> = {}) {
    return this.request<T>(path, { ...options, method: 'DELETE' });
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const response = await this.handle<T>(await this.send(path, options));
    if (path === SESSION_PATH) {
      this.remember(response.data);
    }
    return response;
  }

  /**
   * Sends a request whose answer is a stream (server-sent events over POST): a problem
   * is thrown as an {@link ApiError} like any other; a success is handed back unread.
   */
  async stream(path: string, options: RequestOptions = {}): Promise<Response> {
    const response = await this.send(path, { accept: 'text/event-stream, application/problem+json', ...options });
    if (!response.ok) {
      await this.handle(response);
    }
    return response;
  }

  private async send(path: string, options: RequestOptions): Promise<Response> {
    const method = options.method ?? 'GET';
    const idempotencyKey = options.idempotencyKey === true ? newIdempotencyKey() : options.idempotencyKey;
    const attempt = async (): Promise<Response> => {
      const headers = new Headers();
      headers.set('Accept', options.accept ?? 'application/json, application/problem+json');
      let body: BodyInit | undefined = options.body;
      if (options.json !== undefined) {
        headers.set('Content-Type', 'application/json');
        body = JSON.stringify(options.json);
      } else if (options.body !== undefined && options.contentType) {
        headers.set('Content-Type', options.contentType);
      }
      if (options.ifMatch) {
        headers.set('If-Match', options.ifMatch);
      }
      if (idempotencyKey && method === 'POST') {
        headers.set('Idempotency-Key', idempotencyKey);
      }
      if (UNSAFE.has(method)) {
        if (this.csrfToken === undefined) {
          await this.refreshCsrfToken();
        }
        if (this.csrfToken) {
          headers.set(CSRF_HEADER, this.csrfToken);
        }
      }
      try {
        return await this.fetchImpl(path, {
          method,
          headers,
          body,
          credentials: 'same-origin',
          signal: options.signal,
        });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') {
          throw error;
        }
        throw new NetworkError(error);
      }
    };

    let response = await attempt();
    if (response.status === 403 && UNSAFE.has(method)) {
      const problem = await readProblem(response.clone());
      if (problem.type?.endsWith('/csrf-token-invalid')) {
        // The token was missing or from an ended session: the session endpoint has the current one.
        await this.refreshCsrfToken();
        response = await attempt();
      }
    }
    return response;
  }

  /** Reads the session's CSRF token from the gateway again. */
  async refreshCsrfToken(): Promise<void> {
    let response: Response;
    try {
      response = await this.fetchImpl(SESSION_PATH, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
    } catch (error) {
      throw new NetworkError(error);
    }
    this.remember(response.ok ? await response.json().catch(() => undefined) : undefined);
  }

  /** Keeps the CSRF token a session answer carries ('' when signed out: nothing to send). */
  private remember(session: unknown) {
    const token = (session as { csrfToken?: unknown } | undefined)?.csrfToken;
    this.csrfToken = typeof token === 'string' ? token : '';
  }

  private async handle<T>(response: Response): Promise<ApiResponse<T>> {
    const etag = response.headers.get('ETag') ?? undefined;
    if (!response.ok) {
      const error = new ApiError(response.status, await readProblem(response));
      if (error.isUnauthorized) {
        this.onUnauthorized?.(error);
      }
      throw error;
    }
    let data: unknown = undefined;
    if (response.status !== 204 && response.status !== 205) {
      const type = response.headers.get('Content-Type') ?? '';
      const text = await response.text();
      if (text.length > 0) {
        data = type.includes('json') ? JSON.parse(text) : text;
      }
    }
    return { data: data as T, status: response.status, etag, headers: response.headers };
  }
}

async function readProblem(response: Response): Promise<ProblemDocument> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const parsed: unknown = await response.json();
      if (parsed && typeof parsed === 'object') {
        return parsed as ProblemDocument;
      }
    } catch {
      // Not JSON after all: fall through to the status alone.
    }
  }
  return { status: response.status };
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  return `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;
}

/** Builds a query string from the defined values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The version number inside a strong ETag such as `"7"`, or `"7.912"` for a resource that
 * can be revalidated (a chapter: the part after the dot changes with anything in the
 * answer, such as its position, the version only with its own fields).
 */
export function versionOf(etag: string | undefined): number | undefined {
  if (!etag) {
    return undefined;
  }
  const match = /^(?:W\/)?"?(\d+)(?:\.\d+)?"?$/.exec(etag.trim());
  return match ? Number(match[1]) : undefined;
}

/** Whether two ETags name the same version (what `If-Match` compares). */
export function sameVersion(a: string, b: string): boolean {
  const version = versionOf(a);
  return a === b || (version !== undefined && version === versionOf(b));
}

/** The strong ETag for a resource version (the services use `"<version>"`). */
export function etagOf(version: number): string {
  return `"${version}"`;
}
