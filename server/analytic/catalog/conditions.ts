import type { AuditEvent } from '../../../common/audit_event';

/**
 * A test on one field of the event. `path` is dotted (`ipPermissions.items.ipRanges.items.cidrIp`); arrays met along
 * the path are searched element by element; an empty path is the whole object. When several tests are given, all
 * must hold.
 */
export interface FieldCondition {
  /**
   * `request`: the request parameters (default). `details`: also what the provider attached beyond the request, i.e.
   * GCP `protoPayload.metadata` and `serviceData` (instanceMetadataDelta for setMetadata, policyDelta for SetIamPolicy).
   */
  in?: 'request' | 'details';
  path: string;
  /** true: a non-empty value exists at the path; false: none does. */
  present?: boolean;
  /** Some value at the path equals this (`"true"` equals `true`: CloudTrail logs some booleans as strings). */
  equals?: string | number | boolean;
  /** Some key or string value at or under the path contains this text, ignoring case. */
  mentions?: string;
}

/** `direct`: the principal made the call itself, no provider service made it on its behalf (invokedBy, AWS Internal). */
export interface CallerCondition {
  caller: 'direct';
}

export type EntryCondition =
  | FieldCondition
  | CallerCondition
  | { not: EntryCondition }
  | { anyOf: EntryCondition[] }
  | { allOf: EntryCondition[] };

export type EventPredicate = (event: AuditEvent) => boolean;

/** Compiles a condition once, at index build time, so evaluating it per event does no parsing or lower-casing. */
export function compileCondition(condition: EntryCondition): EventPredicate {
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (event) => !inner(event);
  }
  if ('anyOf' in condition) {
    const parts = condition.anyOf.map(compileCondition);
    return (event) => parts.some((part) => part(event));
  }
  if ('allOf' in condition) {
    const parts = condition.allOf.map(compileCondition);
    return (event) => parts.every((part) => part(event));
  }
  if ('caller' in condition) return isDirectCall;
  return compileField(condition);
}

function compileField(condition: FieldCondition): EventPredicate {
  const segments = condition.path === '' ? [] : condition.path.split('.');
  const needle = condition.mentions?.toLowerCase();
  const roots = condition.in === 'details' ? detailsOf : requestOf;
  return (event) => {
    const values: unknown[] = [];
    for (const root of roots(event)) collect(root, segments, 0, values);
    if (condition.present !== undefined && values.some(isNonEmpty) !== condition.present) return false;
    if (condition.equals !== undefined && !values.some((value) => looselyEquals(value, condition.equals))) return false;
    if (needle !== undefined && !values.some((value) => mentions(value, needle, 0))) return false;
    return true;
  };
}

function requestOf(event: AuditEvent): unknown[] {
  return event.request === undefined ? [] : [event.request];
}

/**
 * GCP audit metadata lives outside the request in the record: raw `protoPayload`, or ECS `gcp.audit.metadata` /
 * `event.original`. The normalizer also merges `protoPayload.metadata` into the request, so the request is searched too.
 */
function detailsOf(event: AuditEvent): unknown[] {
  const found = recordDetails(event.raw);
  if (event.request !== undefined) found.push(event.request);
  return found;
}

function recordDetails(rawRecord: unknown): unknown[] {
  const raw = asRecord(rawRecord);
  if (!raw) return [];
  const proto = asRecord(raw.protoPayload);
  if (proto) return [proto.metadata, proto.serviceData].filter((value) => value !== undefined);
  const audit = asRecord(asRecord(raw.gcp)?.audit);
  const found = [audit?.metadata, audit?.service_data].filter((value) => value !== undefined);
  if (found.length > 0) return found;
  const original = asRecord(raw.event)?.original;
  if (typeof original !== 'string') return [];
  try {
    const parsed = asRecord(asRecord(JSON.parse(original))?.protoPayload);
    return parsed ? [parsed.metadata, parsed.serviceData].filter((value) => value !== undefined) : [];
  } catch {
    return [];
  }
}

function isDirectCall(event: AuditEvent): boolean {
  if (event.actor.type === 'service' || event.actor.invokedBy) return false;
  const address = event.source.address;
  return !(address && (address.endsWith('.amazonaws.com') || address === 'AWS Internal'));
}

function collect(value: unknown, segments: string[], index: number, out: unknown[]): void {
  if (Array.isArray(value)) {
    for (const element of value) collect(element, segments, index, out);
    return;
  }
  if (index === segments.length) {
    out.push(value);
    return;
  }
  const record = asRecord(value);
  if (record) collect(record[segments[index]], segments, index + 1, out);
}

function isNonEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function looselyEquals(value: unknown, expected: string | number | boolean | undefined): boolean {
  if (value === expected) return true;
  return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
    String(value).toLowerCase() === String(expected).toLowerCase();
}

const MAX_DEPTH = 12;

function mentions(value: unknown, needle: string, depth: number): boolean {
  if (typeof value === 'string') return value.toLowerCase().includes(needle);
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((element) => mentions(element, needle, depth + 1));
  for (const [key, inner] of Object.entries(value)) {
    if (key.toLowerCase().includes(needle) || mentions(inner, needle, depth + 1)) return true;
  }
  return false;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
