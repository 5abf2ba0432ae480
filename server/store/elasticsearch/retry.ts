/**
 * Our own retries (the client retries neither 429 nor timeouts): exponential backoff with jitter for throttling,
 * timeouts, connection failures and 5xx; immediate stop on abort or on errors a retry cannot fix.
 */
import { isConnectionError, isRequestAbortedError, isResponseError, isTimeoutError } from './client_errors';

export interface RetryOptions {
  retries: number;
  /** First delay; doubles each attempt, capped at maxDelayMs, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  signal?: AbortSignal;
  /** Injected in tests to make backoff instant and deterministic. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 4, baseDelayMs: 500, maxDelayMs: 15_000 };

export class AbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortedError';
  }
}

export function statusOf(error: unknown): number | undefined {
  if (isResponseError(error)) return error.statusCode ?? undefined;
  return undefined;
}

/** 429, 502-504, timeouts and connection errors are worth another try; 4xx and aborts are not. */
export function isRetryable(error: unknown): boolean {
  if (isRequestAbortedError(error) || error instanceof AbortedError) return false;
  if (isTimeoutError(error) || isConnectionError(error)) return true;
  const status = statusOf(error);
  return status === 429 || status === 502 || status === 503 || status === 504;
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function withRetry<T>(fn: () => Promise<T>, options: Partial<RetryOptions> = {}): Promise<T> {
  const o = { ...DEFAULT_RETRY, ...options };
  const sleep = o.sleep ?? defaultSleep;
  const random = o.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    if (o.signal?.aborted) throw new AbortedError();
    try {
      return await fn();
    } catch (error) {
      if (o.signal?.aborted) throw new AbortedError();
      if (attempt >= o.retries || !isRetryable(error)) throw error;
      const delay = Math.round(Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt) * (0.5 + random() / 2));
      o.onRetry?.(attempt + 1, error, delay);
      await sleep(delay, o.signal);
    }
  }
}
