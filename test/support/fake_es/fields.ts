/**
 * Reading fields out of `_source` the way Elasticsearch indexes them: `a.b` reaches both `{a: {b}}` and the
 * literal key `{"a.b"}`, arrays contribute every element, null and [] are missing. Each field gets a kind that
 * decides how values compare: keyword (exact, case-sensitive strings), number, date (epoch millis), boolean.
 */
import { parseDate } from './dates';
import { fieldType, isDateType, isNumericType } from './mappings';
import { has, isObject, type JsonObject, type JsonValue } from './json';

export type Scalar = string | number | boolean;

/**
 * - keyword/number/date/boolean: from the index mapping;
 * - dateish: unmapped and named like a time (`@timestamp`, `*time*`, `*date*`): a date when the value parses as one;
 * - dynamic: unmapped; JSON numbers compare as numbers, strings as keywords.
 */
export type FieldKind = 'keyword' | 'number' | 'date' | 'boolean' | 'dateish' | 'dynamic';

export function valuesAt(source: JsonValue, segments: readonly string[]): Scalar[] {
  const out: Scalar[] = [];
  collect(source, segments, 0, out);
  return out;
}

function collect(node: JsonValue, segments: readonly string[], i: number, out: Scalar[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, segments, i, out);
    return;
  }
  if (i === segments.length) {
    if (node !== null && !isObject(node)) out.push(node);
    return;
  }
  if (!isObject(node)) return;
  let key = '';
  for (let j = i; j < segments.length; j++) {
    key = j === i ? segments[i] : `${key}.${segments[j]}`;
    if (has(node, key)) collect(node[key], segments, j + 1, out);
  }
}

/** `exists` also holds for an object field that has at least one concrete value below it. */
export function existsAt(source: JsonValue, segments: readonly string[]): boolean {
  return hasValue(source, segments, 0);
}

function hasValue(node: JsonValue, segments: readonly string[], i: number): boolean {
  if (Array.isArray(node)) return node.some((item) => hasValue(item, segments, i));
  if (i === segments.length) return node !== null && (!isObject(node) || Object.values(node).some((v) => hasValue(v, segments, i)));
  if (!isObject(node)) return false;
  let key = '';
  for (let j = i; j < segments.length; j++) {
    key = j === i ? segments[i] : `${key}.${segments[j]}`;
    if (has(node, key) && hasValue(node[key], segments, j + 1)) return true;
  }
  return false;
}

const DATEISH = /time|date/i;

export function kindFromMapping(type: string | undefined, path: string): FieldKind {
  if (type === undefined || type === 'object') return DATEISH.test(path) ? 'dateish' : 'dynamic';
  if (isDateType(type)) return 'date';
  if (isNumericType(type)) return 'number';
  if (type === 'boolean') return 'boolean';
  return 'keyword';
}

/** One per search: the kind of each field across the searched indices (first index mapping the field wins). */
export class FieldKinds {
  private readonly cache = new Map<string, FieldKind>();
  constructor(private readonly mappings: readonly JsonObject[]) {}

  kind(path: string): FieldKind {
    let kind = this.cache.get(path);
    if (kind === undefined) {
      let type: string | undefined;
      for (const m of this.mappings) {
        type = fieldType(m, path);
        if (type !== undefined) break;
      }
      kind = kindFromMapping(type, path);
      this.cache.set(path, kind);
    }
    return kind;
  }
}

/**
 * The comparable form of a value of the given kind: millis for dates, numbers for numbers, strings for keywords.
 * undefined when the value cannot be of that kind (a real cluster would have rejected or ignored it).
 */
export function normalize(kind: FieldKind, value: Scalar): Scalar | undefined {
  switch (kind) {
    case 'keyword':
      return String(value);
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'date': {
      const t = parseDate(value);
      return Number.isFinite(t) ? t : undefined;
    }
    case 'boolean':
      return value === true || value === 'true' ? true : value === false || value === 'false' || value === '' ? false : undefined;
    case 'dateish': {
      const t = parseDate(value);
      return Number.isFinite(t) ? t : value;
    }
    case 'dynamic':
      return value;
  }
}

/**
 * A query value converted to the form of a document value. For dynamic fields the document decides: a JSON
 * number is compared numerically (as a dynamically mapped long would be), anything else as a keyword.
 */
export function coerceQueryValue(kind: FieldKind, queryValue: Scalar, docValue: Scalar): Scalar | undefined {
  if (kind === 'dynamic') {
    if (typeof docValue === 'number') {
      const n = Number(queryValue);
      return Number.isFinite(n) ? n : undefined;
    }
    if (typeof docValue === 'boolean') return queryValue === true || queryValue === 'true';
    return String(queryValue);
  }
  if (kind === 'dateish' && typeof docValue === 'string') return String(queryValue);
  return normalize(kind, queryValue);
}

/** Total order used for sorting and terms keys: numbers, then strings, then booleans. */
export function compareScalars(a: Scalar, b: Scalar): number {
  const ta = typeof a;
  const tb = typeof b;
  if (ta !== tb) return rank(ta) - rank(tb);
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function rank(type: string): number {
  return type === 'number' ? 0 : type === 'string' ? 1 : 2;
}

/** Segments are split once per query, not per document. */
export function splitPath(path: string): string[] {
  return path.split('.');
}

/** `x.keyword` on an unmapped field reaches `x`, as the `.keyword` multi-field of dynamic mapping would. */
export class FieldReader {
  private readonly segments = new Map<string, string[]>();
  constructor(private readonly kinds: FieldKinds) {}

  kind(path: string): FieldKind {
    return this.kinds.kind(path);
  }

  raw(source: JsonObject, path: string): Scalar[] {
    let segments = this.segments.get(path);
    if (segments === undefined) {
      segments = splitPath(path);
      this.segments.set(path, segments);
    }
    const values = valuesAt(source, segments);
    if (values.length === 0 && path.endsWith('.keyword') && this.kinds.kind(path) !== 'keyword') {
      return valuesAt(source, segments.slice(0, -1)).map(String);
    }
    return values;
  }

  /** Normalized, de-duplicated values of a field in one document. */
  values(source: JsonObject, path: string): Scalar[] {
    const kind = this.kind(path);
    const out: Scalar[] = [];
    for (const v of this.raw(source, path)) {
      const n = normalize(kind, v);
      if (n !== undefined && !out.includes(n)) out.push(n);
    }
    return out;
  }
}
