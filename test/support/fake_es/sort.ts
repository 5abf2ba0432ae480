/**
 * Sorting as Elasticsearch does it: field sorts (min for asc, max for desc on arrays), `_score`, `_doc` and
 * `_shard_doc`, missing values last by default. Sort values shown in hits are what Elasticsearch shows: epoch
 * millis for dates, Long.MAX_VALUE/Long.MIN_VALUE for missing numbers and dates, null for missing keywords.
 */
import { formatDatePattern, parseDate } from './dates';
import { badRequest, unsupported } from './errors';
import { compareScalars, normalize, type FieldKind, type Scalar } from './fields';
import { asArray, isObject, isPrimitive, type JsonValue } from './json';
import type { DocReader, SearchDoc } from './search_doc';

/** Java's Long.MAX_VALUE / MIN_VALUE as JSON numbers (the client parses them to the nearest double). */
export const LONG_MAX = 9223372036854775807;
export const LONG_MIN = -9223372036854775808;

export type SortValue = Scalar | null;

export interface SortField {
  readonly kind: 'field' | 'score' | 'doc' | 'shard_doc';
  readonly field: string;
  /** 1 ascending, -1 descending. */
  readonly order: 1 | -1;
  readonly missing: 'first' | 'last' | Scalar;
  readonly fieldKind: FieldKind;
  readonly format: string | undefined;
}

export interface SortPlan {
  readonly fields: readonly SortField[];
  /** True when hits must carry `_score` (sorted by score, or no sort at all). */
  readonly scores: boolean;
  /** True when the request gave a sort, so hits show `sort` values. */
  readonly explicit: boolean;
}

/** Shard ordinal in the high 32 bits, document position in the low bits, as `_shard_doc` is built. */
export function shardDocValue(doc: SearchDoc): number {
  return doc.shard * 2 ** 32 + doc.stored.docId;
}

export function compileSort(spec: JsonValue | undefined, reader: DocReader, withPit: boolean): SortPlan {
  const entries = spec === undefined || spec === null ? [] : asArray(spec);
  const fields: SortField[] = entries.map((entry) => compileEntry(entry, reader, withPit));
  const explicit = fields.length > 0;
  // A sorted search under a point in time gets the `_shard_doc` tiebreaker appended to its sort values.
  if (withPit && explicit && !fields.some((f) => f.kind === 'shard_doc')) {
    fields.push({ kind: 'shard_doc', field: '_shard_doc', order: 1, missing: 'last', fieldKind: 'number', format: undefined });
  }
  return { fields, scores: !explicit || fields.some((f) => f.kind === 'score'), explicit };
}

function compileEntry(entry: JsonValue, reader: DocReader, withPit: boolean): SortField {
  let field: string;
  let options: Record<string, JsonValue> = {};
  if (typeof entry === 'string') field = entry;
  else if (isObject(entry) && Object.keys(entry).length === 1) {
    field = Object.keys(entry)[0];
    const v = entry[field];
    if (typeof v === 'string') options = { order: v };
    else if (isObject(v)) options = v;
    else throw badRequest(`[${field}] sort malformed`);
  } else throw badRequest('malformed sort format, within the sort array, an object, or an actual string are allowed');

  for (const key of Object.keys(options)) {
    if (!['order', 'missing', 'mode', 'unmapped_type', 'format', 'numeric_type'].includes(key)) throw unsupported(`sort option [${key}]`);
  }
  const mode = options.mode;
  if (mode !== undefined && mode !== 'min' && mode !== 'max') throw unsupported(`sort mode [${String(mode)}]`);
  const orderRaw = options.order;
  if (orderRaw !== undefined && orderRaw !== 'asc' && orderRaw !== 'desc') throw badRequest(`Unknown SortOrder [${String(orderRaw)}]`);
  const kind: SortField['kind'] = field === '_score' ? 'score' : field === '_doc' ? 'doc' : field === '_shard_doc' ? 'shard_doc' : 'field';
  if (kind === 'shard_doc' && !withPit) throw badRequest('[_shard_doc] sort field cannot be used without [point in time]');
  if (field === '_id') throw badRequest('Fielddata access on the _id field is disallowed, you can re-enable it by updating the dynamic cluster setting: indices.id_field_data.enabled');
  const order: 1 | -1 = orderRaw === undefined ? (kind === 'score' ? -1 : 1) : orderRaw === 'asc' ? 1 : -1;
  const missingRaw = options.missing;
  let missing: SortField['missing'] = 'last';
  if (missingRaw === '_first') missing = 'first';
  else if (missingRaw !== undefined && missingRaw !== '_last') {
    if (!isPrimitive(missingRaw)) throw badRequest('[missing] must be a value');
    missing = missingRaw;
  }
  const fieldKind: FieldKind = kind === 'field' ? reader.kind(field) : 'number';
  return { kind, field, order, missing, fieldKind, format: typeof options.format === 'string' ? options.format : undefined };
}

/** A document's sort key: one comparable value per sort field, in the form hits show. */
export function sortKey(plan: SortPlan, doc: SearchDoc, score: number, reader: DocReader): SortValue[] {
  return plan.fields.map((f) => fieldValue(f, doc, score, reader));
}

function fieldValue(f: SortField, doc: SearchDoc, score: number, reader: DocReader): SortValue {
  switch (f.kind) {
    case 'score':
      return score;
    case 'doc':
      return doc.stored.docId;
    case 'shard_doc':
      return shardDocValue(doc);
    case 'field': {
      let best: Scalar | undefined;
      for (const raw of reader.raw(doc, f.field)) {
        const v = normalize(f.fieldKind, raw);
        if (v === undefined) continue;
        if (best === undefined || compareScalars(v, best) * f.order < 0) best = v;
      }
      if (best !== undefined) return best;
      if (f.missing !== 'first' && f.missing !== 'last') return normalize(f.fieldKind, f.missing) ?? null;
      return missingValue(f);
    }
  }
}

/** Numbers and dates (time-named fields included) sort missing documents with a Long sentinel; keywords with null. */
function missingValue(f: SortField): SortValue {
  if (f.fieldKind !== 'number' && f.fieldKind !== 'date' && f.fieldKind !== 'dateish') return null;
  const last = f.missing === 'last';
  return (f.order === 1) === last ? LONG_MAX : LONG_MIN;
}

export function compareKeys(plan: SortPlan, a: readonly SortValue[], b: readonly SortValue[]): number {
  for (let i = 0; i < plan.fields.length; i++) {
    const f = plan.fields[i];
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === null || y === null) {
      // Missing keywords: last unless `_first`, whatever the order.
      const firstWhenMissing = f.missing === 'first';
      return (x === null) === firstWhenMissing ? -1 : 1;
    }
    const c = compareScalars(x, y);
    if (c !== 0) return c * f.order;
  }
  return 0;
}

/** `search_after` values in the document key form: dates given as strings become millis. */
export function searchAfterKey(plan: SortPlan, values: JsonValue): SortValue[] {
  if (!Array.isArray(values)) throw badRequest('[search_after] must be an array');
  if (values.length !== plan.fields.length) {
    throw badRequest(`search_after has ${values.length} value(s) but sort has ${plan.fields.length}.`);
  }
  return values.map((v, i) => {
    if (v === null) return null;
    if (!isPrimitive(v)) throw badRequest('[search_after] values must be scalars');
    const f = plan.fields[i];
    if (f.kind === 'field' && (f.fieldKind === 'date' || f.fieldKind === 'dateish') && typeof v === 'string') {
      const t = parseDate(v);
      return Number.isFinite(t) ? t : v;
    }
    if (f.kind === 'field') return normalize(f.fieldKind, v) ?? v;
    return typeof v === 'string' ? Number(v) : v;
  });
}

/** Sort values as hits show them: `format` turns date millis into strings. */
export function displayKey(plan: SortPlan, key: readonly SortValue[]): JsonValue[] {
  return key.map((v, i) => {
    const f = plan.fields[i];
    if (f.format !== undefined && typeof v === 'number' && (f.fieldKind === 'date' || f.fieldKind === 'dateish') && v !== LONG_MAX && v !== LONG_MIN) {
      return formatDatePattern(v, f.format === 'strict_date_optional_time_nanos' ? undefined : f.format);
    }
    return v;
  });
}
