import type { EventOrigin } from '../../../common/audit_event';

/** Keys under which exports wrap their records: CloudTrail S3 files, Azure Event Hub/Storage, Elastic pipeline tests. */
export const RECORD_ARRAY_KEYS: ReadonlySet<string> = new Set(['Records', 'records', 'expected']);

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The records an export wraps, when `value` is such a wrapper: a top-level array, `{"Records":[...]}`,
 * `{"records":[...]}`, `{"expected":[...]}`, or an Elasticsearch search response `{"hits":{"hits":[...]}}`.
 */
export function recordArrayOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.Records)) return value.Records;
  if (Array.isArray(value.records)) return value.records;
  if (Array.isArray(value.expected)) return value.expected;
  const hits = value.hits;
  if (isObject(hits) && Array.isArray(hits.hits)) return hits.hits;
  return undefined;
}

/**
 * The provider record inside one element: an Elasticsearch hit keeps it under `_source` (its index and id go to
 * the origin), a Panther rule test under `log`. ECS documents have a `log` object of their own (`log.level`), so
 * a Panther case is recognised by its `log_type` / `rule_id` beside it.
 */
export function unwrapRecord(value: unknown, origin: EventOrigin): unknown {
  if (!isObject(value)) return value;
  const source = value._source;
  if (isObject(source)) {
    if (typeof value._index === 'string') origin.index = value._index;
    if (typeof value._id === 'string') origin.docId = value._id;
    return source;
  }
  const log = value.log;
  if (isObject(log) && (typeof value.log_type === 'string' || typeof value.rule_id === 'string')) return log;
  return value;
}
