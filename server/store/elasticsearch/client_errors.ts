/**
 * The Elasticsearch client's errors, recognised by name and shape rather than by class: inside Kibana the client is
 * Kibana's own copy, whose error classes are not the ones this plugin would import, so `instanceof` would never match.
 */
export interface ResponseErrorLike extends Error {
  name: 'ResponseError';
  statusCode?: number | null;
  body?: unknown;
}

const named = (error: unknown, name: string): boolean => error instanceof Error && error.name === name;

export function isResponseError(error: unknown): error is ResponseErrorLike {
  return named(error, 'ResponseError');
}

export const isTimeoutError = (error: unknown): boolean => named(error, 'TimeoutError');
export const isConnectionError = (error: unknown): boolean => named(error, 'ConnectionError');
export const isRequestAbortedError = (error: unknown): boolean => named(error, 'RequestAbortedError');
