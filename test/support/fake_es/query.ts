/**
 * The query DSL, compiled once per search into a predicate over documents. Supported: bool (must, filter,
 * should with minimum_should_match, must_not), term, terms, range, exists, ids, prefix, wildcard, match (on
 * keyword-like values: equality), match_all, match_none, constant_score. Anything else is a loud 400.
 */
import { resolveDateMath } from './dates';
import { badRequest, esError, EsError, searchPhaseError, unsupported } from './errors';
import { coerceQueryValue, compareScalars, existsAt, normalize, type FieldKind, type Scalar } from './fields';
import { asArray, isObject, isPrimitive, type JsonObject, type JsonValue } from './json';
import { wildcardRegex } from './patterns';
import type { DocReader, SearchDoc } from './search_doc';

export type DocPredicate = (doc: SearchDoc) => boolean;

export interface QueryContext {
  reader: DocReader;
  now: number;
}

const META_KEYS = new Set(['boost', '_name']);

export function compileQuery(query: JsonValue | undefined, ctx: QueryContext): DocPredicate {
  if (query === undefined || query === null) return () => true;
  if (!isObject(query)) throw parsingError('query malformed, must start with start_object');
  const types = Object.keys(query);
  if (types.length !== 1) throw parsingError(`[_na] query malformed, no start_object after query name`);
  const type = types[0];
  const body = query[type];
  switch (type) {
    case 'match_all':
      return () => true;
    case 'match_none':
      return () => false;
    case 'bool':
      return compileBool(object(body, type), ctx);
    case 'constant_score':
      return compileQuery(object(body, type).filter, ctx);
    case 'term':
      return compileTerm(object(body, type), ctx, type);
    case 'match':
      return compileMatch(object(body, type), ctx);
    case 'terms':
      return compileTerms(object(body, type), ctx);
    case 'range':
      return compileRange(object(body, type), ctx);
    case 'exists':
      return compileExists(object(body, type), ctx);
    case 'ids': {
      const values = asArray(object(body, type).values).map(String);
      const set = new Set(values);
      return (doc) => set.has(doc.stored.id);
    }
    case 'prefix':
      return compilePattern(object(body, type), ctx, type);
    case 'wildcard':
      return compilePattern(object(body, type), ctx, type);
    default:
      throw unsupported(`query type [${type}]`);
  }
}

/** Constant scores: filter-only bool queries score 0, everything else 1 (no relevance model in the fake). */
export function constantScore(query: JsonValue | undefined): number {
  if (!isObject(query)) return 1;
  const bool = query.bool;
  if (isObject(bool) && asArray(bool.must).length === 0 && asArray(bool.should).length === 0) return 0;
  const cs = query.constant_score;
  if (isObject(cs) && typeof cs.boost === 'number') return cs.boost;
  return 1;
}

function compileBool(body: JsonObject, ctx: QueryContext): DocPredicate {
  for (const key of Object.keys(body)) {
    if (!['must', 'filter', 'should', 'must_not', 'minimum_should_match', 'boost', '_name', 'adjust_pure_negative'].includes(key)) {
      throw parsingError(`[bool] query does not support [${key}]`);
    }
  }
  const required = [...asArray(body.must), ...asArray(body.filter)].map((q) => compileQuery(q, ctx));
  const excluded = asArray(body.must_not).map((q) => compileQuery(q, ctx));
  const should = asArray(body.should).map((q) => compileQuery(q, ctx));
  const minShould = minimumShouldMatch(body.minimum_should_match, should.length, required.length > 0);
  return (doc) => {
    for (const q of required) if (!q(doc)) return false;
    for (const q of excluded) if (q(doc)) return false;
    if (minShould > 0) {
      let matched = 0;
      for (const q of should) if (q(doc) && ++matched >= minShould) break;
      if (matched < minShould) return false;
    }
    return true;
  };
}

/** Integers, negative integers and percentages; without must/filter at least one should clause must match. */
function minimumShouldMatch(spec: JsonValue | undefined, clauses: number, hasRequired: boolean): number {
  if (spec === undefined || spec === null) return clauses > 0 && !hasRequired ? 1 : 0;
  let n: number;
  if (typeof spec === 'number') n = spec;
  else if (typeof spec === 'string' && /^-?\d+%$/.test(spec)) n = Math.trunc((clauses * Number(spec.slice(0, -1))) / 100);
  else if (typeof spec === 'string' && /^-?\d+$/.test(spec)) n = Number(spec);
  else throw unsupported(`minimum_should_match [${String(spec)}]`);
  if (n < 0) n = clauses + n;
  return Math.max(0, Math.min(n, clauses));
}

function singleField(body: JsonObject, type: string): [string, JsonValue] {
  const fields = Object.keys(body).filter((k) => !META_KEYS.has(k));
  if (fields.length !== 1) {
    throw parsingError(fields.length === 0 ? `[${type}] query requires a field` : `[${type}] query doesn't support multiple fields, found [${fields[0]}] and [${fields[1]}]`);
  }
  return [fields[0], body[fields[0]]];
}

function compileTerm(body: JsonObject, ctx: QueryContext, type: string): DocPredicate {
  const [field, spec] = singleField(body, type);
  const value = isObject(spec) ? spec.value : spec;
  const caseInsensitive = isObject(spec) && spec.case_insensitive === true;
  if (!isPrimitive(value)) throw parsingError(`[${type}] query on [${field}] requires a value`);
  return termMatcher(field, [value], caseInsensitive, ctx);
}

function compileMatch(body: JsonObject, ctx: QueryContext): DocPredicate {
  const [field, spec] = singleField(body, 'match');
  const value = isObject(spec) ? spec.query : spec;
  if (isObject(spec)) {
    for (const key of Object.keys(spec)) {
      if (!['query', 'operator', 'boost', '_name', 'lenient', 'zero_terms_query'].includes(key)) throw unsupported(`[match] option [${key}]`);
    }
  }
  if (!isPrimitive(value)) throw parsingError(`[match] query on [${field}] requires a query`);
  return termMatcher(field, [value], false, ctx);
}

function compileTerms(body: JsonObject, ctx: QueryContext): DocPredicate {
  const [field, values] = singleField(body, 'terms');
  if (!Array.isArray(values)) {
    if (isObject(values)) throw unsupported('terms lookup');
    throw parsingError(`[terms] query does not support [${field}]`);
  }
  if (values.length > 65536) throw badRequest(`The number of terms [${values.length}] used in the Terms Query request has exceeded the allowed maximum of [65536].`);
  return termMatcher(field, values.filter(isPrimitive), false, ctx);
}

function termMatcher(field: string, queryValues: Scalar[], caseInsensitive: boolean, ctx: QueryContext): DocPredicate {
  const { reader } = ctx;
  const kind = reader.kind(field);
  const fold = (v: Scalar): Scalar => (caseInsensitive && typeof v === 'string' ? v.toLowerCase() : v);
  if (kind !== 'dynamic' && kind !== 'dateish') {
    // The query value's form does not depend on the document: compare through a set (terms queries carry thousands).
    const wanted = new Set<Scalar>();
    for (const q of queryValues) {
      const c = normalize(kind, q);
      if (c !== undefined) wanted.add(fold(c));
    }
    return (doc) => reader.values(doc, field).some((d) => wanted.has(fold(d)));
  }
  return (doc) => {
    for (const d of reader.values(doc, field)) {
      for (const q of queryValues) {
        const c = coerceQueryValue(kind, q, d);
        if (c !== undefined && fold(c) === fold(d)) return true;
      }
    }
    return false;
  };
}

type Bound = { value: Scalar; inclusive: boolean; upper: boolean };

function compileRange(body: JsonObject, ctx: QueryContext): DocPredicate {
  const [field, spec] = singleField(body, 'range');
  if (!isObject(spec)) throw parsingError(`[range] query malformed, no start_object after query name`);
  const bounds: Bound[] = [];
  for (const key of Object.keys(spec)) {
    const v = spec[key];
    switch (key) {
      case 'gte':
      case 'gt':
      case 'lte':
      case 'lt':
        if (v === null) continue;
        if (!isPrimitive(v)) throw parsingError(`[range] query bound [${key}] must be a value`);
        bounds.push({ value: v, inclusive: key.endsWith('e'), upper: key.startsWith('l') });
        break;
      case 'format':
      case 'boost':
      case '_name':
        break;
      case 'time_zone':
        if (!['UTC', 'Z', '+00:00', 'Etc/UTC', 'GMT'].includes(String(v))) throw unsupported(`range time_zone [${String(v)}]`);
        break;
      case 'relation':
        if (v !== 'intersects' && v !== 'INTERSECTS') throw unsupported(`range relation [${String(v)}]`);
        break;
      default:
        throw unsupported(`[range] option [${key}]`);
    }
  }
  const kind = ctx.reader.kind(field);
  const resolved = bounds.map((b) => resolveBound(kind, b, field, ctx.now));
  return (doc) => ctx.reader.values(doc, field).some((d) => resolved.every((b) => withinBound(kind, d, b)));
}

interface ResolvedBound extends Bound {
  /** For dates: the millis form (NaN when the bound is not a date); others compare through coerceQueryValue. */
  millis: number;
}

function resolveBound(kind: FieldKind, bound: Bound, field: string, now: number): ResolvedBound {
  // gt and lte round a `/unit` up to the unit's last millisecond; gte and lt round down.
  const roundUp = bound.upper === bound.inclusive;
  const millis = kind === 'date' || kind === 'dateish' ? resolveDateMath(bound.value, now, roundUp) : NaN;
  if (kind === 'date' && !Number.isFinite(millis)) {
    throw searchPhaseError(400, {
      type: 'parse_exception',
      reason: `failed to parse date field [${String(bound.value)}] with format [strict_date_optional_time||epoch_millis]: [failed to parse date field [${String(bound.value)}] with format [strict_date_optional_time||epoch_millis]]`,
    });
  }
  if (kind === 'number' && !Number.isFinite(Number(bound.value))) {
    throw searchPhaseError(400, { type: 'query_shard_exception', reason: `failed to create query: For input string: "${String(bound.value)}"`, index_uuid: '_na_', index: field });
  }
  return { ...bound, millis };
}

function withinBound(kind: FieldKind, docValue: Scalar, bound: ResolvedBound): boolean {
  let q: Scalar | undefined;
  if ((kind === 'date' || kind === 'dateish') && typeof docValue === 'number') q = Number.isFinite(bound.millis) ? bound.millis : undefined;
  else q = coerceQueryValue(kind, bound.value, docValue);
  if (q === undefined || typeof q !== typeof docValue) return false;
  const c = compareScalars(docValue, q);
  if (bound.upper) return bound.inclusive ? c <= 0 : c < 0;
  return bound.inclusive ? c >= 0 : c > 0;
}

function compileExists(body: JsonObject, ctx: QueryContext): DocPredicate {
  const field = body.field;
  if (typeof field !== 'string') throw parsingError('[exists] must be provided with a [field]');
  if (field === '_id' || field === '_index') return () => true;
  const segments = field.split('.');
  return (doc) => existsAt(ctx.reader.source(doc), segments);
}

function compilePattern(body: JsonObject, ctx: QueryContext, type: 'prefix' | 'wildcard'): DocPredicate {
  const [field, spec] = singleField(body, type);
  const value = isObject(spec) ? (spec.value ?? spec.wildcard) : spec;
  const caseInsensitive = isObject(spec) && spec.case_insensitive === true;
  if (typeof value !== 'string') throw parsingError(`[${type}] query on [${field}] requires a string value`);
  if (isObject(spec) && spec.rewrite !== undefined) throw unsupported(`[${type}] rewrite`);
  const re = type === 'prefix' ? wildcardRegex(value.replace(/[\\*?]/g, '\\$&') + '*', caseInsensitive) : wildcardRegex(value, caseInsensitive);
  return (doc) => ctx.reader.raw(doc, field).some((v) => re.test(String(v)));
}

function object(value: JsonValue | undefined, type: string): JsonObject {
  if (!isObject(value)) throw parsingError(`[${type}] query malformed, no start_object after query name`);
  return value;
}

function parsingError(reason: string): EsError {
  return esError(400, 'parsing_exception', reason, { line: 1, col: 1 });
}
