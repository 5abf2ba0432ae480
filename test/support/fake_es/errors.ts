/**
 * Elasticsearch error bodies. The fake throws EsError from anywhere in a request; the router turns it into
 * `{ error: { root_cause, type, reason, ... }, status }`, the shape the client wraps in a ResponseError.
 */
import type { JsonObject, JsonValue } from './json';

export interface Cause {
  type: string;
  reason: string;
  [key: string]: JsonValue;
}

export class EsError extends Error {
  constructor(
    readonly status: number,
    readonly body: JsonObject,
  ) {
    super(`${status} ${JSON.stringify(body)}`);
    this.name = 'EsError';
  }
}

export function errorBody(status: number, cause: Cause, rootCauses: Cause[] = [cause]): JsonObject {
  return { error: { root_cause: rootCauses, ...cause }, status };
}

export function esError(status: number, type: string, reason: string, extra: JsonObject = {}): EsError {
  const cause: Cause = { type, reason, ...extra };
  return new EsError(status, errorBody(status, cause));
}

/** A feature real Elasticsearch has but this fake does not: a loud 400 so a test never passes by accident. */
export function unsupported(what: string): EsError {
  return esError(400, 'illegal_argument_exception', `[fake_es] unsupported: ${what}`);
}

export function badRequest(reason: string): EsError {
  return esError(400, 'illegal_argument_exception', reason);
}

export function validationFailed(...messages: string[]): EsError {
  const reason = 'Validation Failed: ' + messages.map((m, i) => `${i + 1}: ${m};`).join('');
  return esError(400, 'action_request_validation_exception', reason);
}

export function indexNotFound(index: string): EsError {
  return esError(404, 'index_not_found_exception', `no such index [${index}]`, {
    'resource.type': 'index_or_alias',
    'resource.id': index,
    index_uuid: '_na_',
    index,
  });
}

/** Failures raised while searching shards are wrapped the way the coordinating node reports them. */
export function searchPhaseError(status: number, cause: Cause, index: string | null = null): EsError {
  return new EsError(
    status,
    errorBody(
      status,
      {
        type: 'search_phase_execution_exception',
        reason: 'all shards failed',
        phase: 'query',
        grouped: true,
        failed_shards: [{ shard: index === null ? -1 : 0, index, node: index === null ? null : FAKE_NODE_ID, reason: cause }],
        caused_by: cause,
      },
      [cause],
    ),
  );
}

export const FAKE_NODE_ID = 'fAkEnOdE0000000000000w';

/** What a status alone most often means on a real cluster, for faults that give only a status. */
export function defaultFaultCause(status: number): Cause {
  switch (status) {
    case 429:
      return {
        type: 'es_rejected_execution_exception',
        reason:
          'rejected execution of coordinating operation [coordinating_and_primary_bytes=0, replica_bytes=0, all_bytes=0, coordinating_operation_bytes=1024, max_coordinating_and_primary_bytes=107374182]',
      };
    case 400:
      return { type: 'illegal_argument_exception', reason: 'fault injected by FakeElasticsearch' };
    case 401:
      return { type: 'security_exception', reason: 'missing authentication credentials for REST request [/]' };
    case 403:
      return { type: 'security_exception', reason: 'action is unauthorized for user [fake]' };
    case 404:
      return { type: 'resource_not_found_exception', reason: 'fault injected by FakeElasticsearch' };
    case 503:
      return { type: 'cluster_block_exception', reason: 'blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];' };
    default:
      return { type: 'exception', reason: `fault injected by FakeElasticsearch (status ${status})` };
  }
}
