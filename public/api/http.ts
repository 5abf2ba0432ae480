/**
 * The little of Kibana's `core.http` the panel uses. Inside Kibana the real `coreStart.http` satisfies it (it adds the
 * base path and the `kbn-xsrf` header); the standalone host gets `fetchHttp`, which does the same over `fetch`.
 */
export type QueryValue = string | number | boolean | string[] | undefined;

export interface HttpFetchOptions {
  query?: Record<string, QueryValue>;
  body?: string;
  signal?: AbortSignal;
}

export interface HttpLike {
  get<T>(path: string, options?: HttpFetchOptions): Promise<T>;
  post<T>(path: string, options?: HttpFetchOptions): Promise<T>;
  put<T>(path: string, options?: HttpFetchOptions): Promise<T>;
}

/** A failed API call, with the server's message and status (Kibana's http errors carry the same two). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Kibana's http client rejects with `{ body: { message }, response: { status } }`; ours with ApiError. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (typeof err === 'object' && err !== null) {
    const e = err as { body?: { message?: unknown; statusCode?: unknown }; response?: { status?: unknown }; message?: unknown };
    const status = typeof e.response?.status === 'number' ? e.response.status : typeof e.body?.statusCode === 'number' ? e.body.statusCode : 0;
    const message = typeof e.body?.message === 'string' ? e.body.message : typeof e.message === 'string' ? e.message : 'request failed';
    return new ApiError(message, status);
  }
  return new ApiError(String(err), 0);
}

/** Repeated keys for arrays (`severities=high&severities=critical`), as Kibana's query parsing expects. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The standalone host's client: same-origin fetch, JSON both ways, `kbn-xsrf` on writes like Kibana. */
export function fetchHttp(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): HttpLike {
  const call = async <T>(method: string, path: string, options: HttpFetchOptions = {}): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET') {
      headers['kbn-xsrf'] = 'cloud-api-abuse';
      headers['content-type'] = 'application/json';
    }
    const res = await fetchImpl(path + queryString(options.query), { method, headers, body: options.body, signal: options.signal, credentials: 'same-origin' });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      const message = typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message : `${res.status} ${res.statusText}`;
      throw new ApiError(message, res.status);
    }
    return body as T;
  };
  return {
    get: (path, options) => call('GET', path, options),
    post: (path, options) => call('POST', path, options),
    put: (path, options) => call('PUT', path, options),
  };
}
