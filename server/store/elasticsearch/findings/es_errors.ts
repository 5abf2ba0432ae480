/** Reading Elasticsearch's error bodies without trusting their shape. */
import type { estypes } from '@elastic/elasticsearch';
import { isResponseError } from '../client_errors';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `error.type` of a whole-request failure (`resource_already_exists_exception` ...). */
export function errorTypeOf(error: unknown): string | undefined {
  if (!isResponseError(error)) return undefined;
  const cause = record(record(error.body as unknown)?.error);
  return typeof cause?.type === 'string' ? cause.type : undefined;
}

/** `type: reason` of a bulk item's error, for reports and logs. */
export function itemReason(error: estypes.ErrorCause | undefined, status: number): string {
  if (error === undefined) return `status ${status}`;
  const reason = typeof error.reason === 'string' ? error.reason : '';
  return reason === '' ? error.type : `${error.type}: ${reason}`;
}
