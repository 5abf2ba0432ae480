/**
 * What handlers return, turned into what Kibana would send: the same status codes, and error bodies of Kibana's shape
 * `{ statusCode, error, message, attributes? }`, so the panel's client cannot tell the host from Kibana.
 */
import type { ResponseFactoryLike, ResponseLike, ValidationResultFactory } from '../../../server/kibana/types';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  attributes?: unknown;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function reasonOf(status: number): string {
  return REASONS[status] ?? 'Error';
}

/** Kibana's error body: the handler's message, or the reason phrase when it gave none. */
export function errorBody(status: number, payload?: unknown): ApiErrorBody {
  const error = reasonOf(status);
  if (typeof payload === 'string') return { statusCode: status, error, message: payload };
  if (payload instanceof Error) return { statusCode: status, error, message: payload.message };
  if (payload && typeof payload === 'object') {
    const { message, attributes } = payload as { message?: unknown; attributes?: unknown };
    return { statusCode: status, error, message: typeof message === 'string' ? message : error, ...(attributes !== undefined && { attributes }) };
  }
  return { statusCode: status, error, message: error };
}

export function errorResponse(status: number, message?: string): ApiResponse {
  return { status, body: errorBody(status, message) };
}

export function toApiResponse(response: ResponseLike): ApiResponse {
  const body = response.status >= 400 ? errorBody(response.status, response.payload) : response.payload;
  return { status: response.status, body, ...(response.headers ? { headers: response.headers } : {}) };
}

export const responseFactory: ResponseFactoryLike = {
  ok: (o) => ({ status: 200, payload: o?.body, ...(o?.headers ? { headers: o.headers } : {}) }),
  accepted: (o) => ({ status: 202, payload: o?.body }),
  badRequest: (o) => ({ status: 400, payload: o?.body }),
  forbidden: (o) => ({ status: 403, payload: o?.body }),
  notFound: (o) => ({ status: 404, payload: o?.body }),
  conflict: (o) => ({ status: 409, payload: o?.body }),
  customError: (o) => {
    // Kibana refuses a customError that is not an error status.
    if (o.statusCode < 400 || o.statusCode > 599) throw new Error(`customError needs a 4xx/5xx status, got ${o.statusCode}`);
    return { status: o.statusCode, payload: o.body };
  },
};

class ValidationError extends Error {}

export const validationResults: ValidationResultFactory = {
  ok: (value) => ({ value }),
  badRequest: (error) => ({ error: new ValidationError(error instanceof Error ? error.message : error) }),
};
