/**
 * Aggregations over the matched documents: terms, min, max, sum, avg, value_count, cardinality, filter,
 * filters, date_histogram and top_hits, nested to any depth. Bucket and metric shapes follow Elasticsearch
 * (doc_count_error_upper_bound, sum_other_doc_count, key_as_string for dates, value null when empty).
 */
import { formatDatePattern, nextCalendarBucket, parseCalendarInterval, parseDate, parseDuration, resolveDateMath, roundDown, type CalendarUnit } from './dates';
import { badRequest, searchPhaseError, unsupported } from './errors';
import { compareScalars, normalize, type FieldKind, type Scalar } from './fields';
import { asArray, has, isObject, isPrimitive, type JsonObject, type JsonValue } from './json';
import { compileQuery, type QueryContext } from './query';
import type { DocReader, SearchDoc } from './search_doc';

export interface AggContext extends QueryContext {
  reader: DocReader;
  typedKeys: boolean;
  /** Builds the `hits` object of a top_hits aggregation from its own request (size, sort, _source). */
  topHits: (docs: SearchDoc[], spec: JsonObject) => JsonObject;
}

const METRICS = new Set(['min', 'max', 'sum', 'avg', 'value_count', 'cardinality']);

export function runAggregations(specs: JsonValue, docs: SearchDoc[], ctx: AggContext): JsonObject {
  if (!isObject(specs)) throw badRequest('Expected [START_OBJECT] under [aggregations]');
  const out: JsonObject = {};
  for (const name of Object.keys(specs)) {
    const spec = specs[name];
    if (!isObject(spec)) throw badRequest(`Expected [START_OBJECT] under [${name}]`);
    const [type, result] = runOne(name, spec, docs, ctx);
    out[ctx.typedKeys ? `${type}#${name}` : name] = result;
  }
  return out;
}

function runOne(name: string, spec: JsonObject, docs: SearchDoc[], ctx: AggContext): [string, JsonObject] {
  const types = Object.keys(spec).filter((k) => k !== 'aggs' && k !== 'aggregations' && k !== 'meta');
  if (types.length !== 1) throw badRequest(`Expected exactly one aggregation type under [${name}], found [${types.join(', ')}]`);
  const type = types[0];
  const body = spec[type];
  const subs = spec.aggs ?? spec.aggregations;
  const sub = (bucketDocs: SearchDoc[]): JsonObject => (subs === undefined ? {} : runAggregations(subs, bucketDocs, ctx));
  if (!isObject(body)) throw badRequest(`[${type}] aggregation of [${name}] must be an object`);
  let result: [string, JsonObject];
  if (METRICS.has(type)) {
    if (subs !== undefined) throw badRequest(`Aggregator [${name}] of type [${type}] cannot accept sub-aggregations`);
    result = metric(type, name, body, docs, ctx);
  } else {
    switch (type) {
      case 'terms':
        result = terms(name, body, docs, ctx, sub);
        break;
      case 'filter':
        result = ['filter', filterBucket(body, docs, ctx, sub)];
        break;
      case 'filters':
        result = ['filters', filters(body, docs, ctx, sub)];
        break;
      case 'date_histogram':
        result = ['date_histogram', dateHistogram(name, body, docs, ctx, sub)];
        break;
      case 'top_hits':
        if (subs !== undefined) throw badRequest(`Aggregator [${name}] of type [top_hits] cannot accept sub-aggregations`);
        result = ['top_hits', { hits: ctx.topHits(docs, body) }];
        break;
      default:
        throw unsupported(`aggregation type [${type}]`);
    }
  }
  if (isObject(spec.meta)) result[1] = { meta: spec.meta, ...result[1] };
  return result;
}

// ---- metrics ------------------------------------------------------------------------------------------------

function fieldOf(body: JsonObject, type: string, name: string): string {
  if (body.script !== undefined) throw unsupported(`script in [${type}] aggregation`);
  if (typeof body.field !== 'string') throw badRequest(`Required [field] for aggregation [${name}] of type [${type}]`);
  return body.field;
}

function docValues(doc: SearchDoc, field: string, kind: FieldKind, missing: JsonValue | undefined, ctx: AggContext): Scalar[] {
  const values = ctx.reader.values(doc, field);
  if (values.length === 0 && isPrimitive(missing)) {
    const m = normalize(kind, missing);
    return m === undefined ? [] : [m];
  }
  return values;
}

function metric(type: string, name: string, body: JsonObject, docs: SearchDoc[], ctx: AggContext): [string, JsonObject] {
  const field = fieldOf(body, type, name);
  const kind = ctx.reader.kind(field);
  if (type === 'value_count' || type === 'cardinality') {
    if (type === 'value_count') {
      let count = 0;
      for (const doc of docs) count += kind === 'keyword' || kind === 'dynamic' ? docValues(doc, field, kind, body.missing, ctx).length : ctx.reader.raw(doc, field).length;
      return ['value_count', { value: count }];
    }
    const distinct = new Set<Scalar>();
    for (const doc of docs) for (const v of docValues(doc, field, kind, body.missing, ctx)) distinct.add(v);
    return ['cardinality', { value: distinct.size }];
  }
  const numbers: number[] = [];
  for (const doc of docs) {
    const raw = ctx.reader.raw(doc, field);
    const values = raw.length === 0 && isPrimitive(body.missing) ? [body.missing] : raw;
    for (const v of values) {
      const n = normalize(kind, v);
      if (typeof n === 'number') numbers.push(n);
      else if (n !== undefined) {
        throw searchPhaseError(400, { type: 'illegal_argument_exception', reason: `Field [${field}] of type [keyword] is not supported for aggregation [${type}]` });
      }
    }
  }
  let value: number | null;
  switch (type) {
    case 'min':
      value = numbers.length === 0 ? null : numbers.reduce((a, b) => Math.min(a, b));
      break;
    case 'max':
      value = numbers.length === 0 ? null : numbers.reduce((a, b) => Math.max(a, b));
      break;
    case 'sum':
      value = numbers.reduce((a, b) => a + b, 0);
      break;
    default:
      value = numbers.length === 0 ? null : numbers.reduce((a, b) => a + b, 0) / numbers.length;
  }
  const out: JsonObject = { value };
  if (value !== null && (kind === 'date' || (kind === 'dateish' && numbers.length > 0))) {
    out.value_as_string = formatDatePattern(value, typeof body.format === 'string' ? body.format : undefined);
  }
  return [type, out];
}

// ---- terms --------------------------------------------------------------------------------------------------

interface Bucket {
  key: Scalar;
  docs: SearchDoc[];
  result: JsonObject;
}

function terms(name: string, body: JsonObject, docs: SearchDoc[], ctx: AggContext, sub: (d: SearchDoc[]) => JsonObject): [string, JsonObject] {
  for (const key of Object.keys(body)) {
    if (!['field', 'size', 'shard_size', 'min_doc_count', 'order', 'missing', 'include', 'exclude', 'execution_hint', 'collect_mode', 'show_term_doc_count_error', 'shard_min_doc_count', 'value_type'].includes(key)) {
      throw unsupported(`[terms] option [${key}]`);
    }
  }
  const field = fieldOf(body, 'terms', name);
  const kind = ctx.reader.kind(field);
  const size = typeof body.size === 'number' ? body.size : 10;
  if (size <= 0) throw badRequest(`[size] must be greater than 0. Found [${size}] in [${name}]`);
  const minDocCount = typeof body.min_doc_count === 'number' ? body.min_doc_count : 1;
  if (minDocCount < 1) throw unsupported('terms min_doc_count 0');
  const accept = includeFilter(body.include, body.exclude);

  const byKey = new Map<Scalar, SearchDoc[]>();
  for (const doc of docs) {
    for (const v of docValues(doc, field, kind, body.missing, ctx)) {
      if (!accept(v)) continue;
      let list = byKey.get(v);
      if (list === undefined) byKey.set(v, (list = []));
      list.push(doc);
    }
  }
  const buckets: Bucket[] = [];
  for (const [key, bucketDocs] of byKey) {
    if (bucketDocs.length >= minDocCount) buckets.push({ key, docs: bucketDocs, result: sub(bucketDocs) });
  }
  buckets.sort(bucketOrder(body.order, name));
  const shown = buckets.slice(0, size);
  let other = 0;
  for (const b of buckets.slice(size)) other += b.docs.length;
  const numeric = shown.length > 0 ? typeof shown[0].key === 'number' || typeof shown[0].key === 'boolean' : kind === 'number' || kind === 'date';
  const typeName = !numeric ? 'sterms' : kind === 'number' && shown.some((b) => typeof b.key === 'number' && !Number.isInteger(b.key)) ? 'dterms' : 'lterms';
  return [
    typeName,
    {
      doc_count_error_upper_bound: 0,
      sum_other_doc_count: other,
      buckets: shown.map((b) => termsBucket(b, kind)),
    },
  ];
}

function termsBucket(b: Bucket, kind: FieldKind): JsonObject {
  if (typeof b.key === 'boolean') return { key: b.key ? 1 : 0, key_as_string: String(b.key), doc_count: b.docs.length, ...b.result };
  if (typeof b.key === 'number' && (kind === 'date' || kind === 'dateish')) {
    return { key: b.key, key_as_string: formatDatePattern(b.key, undefined), doc_count: b.docs.length, ...b.result };
  }
  return { key: b.key, doc_count: b.docs.length, ...b.result };
}

function includeFilter(include: JsonValue | undefined, exclude: JsonValue | undefined): (v: Scalar) => boolean {
  const toTest = (spec: JsonValue | undefined, empty: boolean): ((v: Scalar) => boolean) => {
    if (spec === undefined || spec === null) return () => empty;
    if (Array.isArray(spec)) {
      const set = new Set(spec.map(String));
      return (v) => set.has(String(v));
    }
    if (typeof spec === 'string') {
      const re = new RegExp(`^(?:${spec})$`, 's');
      return (v) => re.test(String(v));
    }
    throw unsupported('terms include/exclude partitions');
  };
  const inc = toTest(include, true);
  const exc = toTest(exclude, false);
  return (v) => inc(v) && !exc(v);
}

type Order = { path: string; dir: 1 | -1 };

function bucketOrder(spec: JsonValue | undefined, name: string): (a: Bucket, b: Bucket) => number {
  const orders: Order[] = [];
  const entries: JsonValue[] = spec === undefined ? [{ _count: 'desc' }] : asArray(spec);
  for (const entry of entries) {
    if (!isObject(entry) || Object.keys(entry).length !== 1) throw badRequest(`Invalid terms aggregation order path in [${name}]`);
    const path = Object.keys(entry)[0];
    const dir = entry[path];
    if (dir !== 'asc' && dir !== 'desc') throw badRequest(`Unknown order direction [${String(dir)}]`);
    orders.push({ path: path === '_term' ? '_key' : path, dir: dir === 'asc' ? 1 : -1 });
  }
  if (orders[orders.length - 1].path !== '_key') orders.push({ path: '_key', dir: 1 });
  return (a, b) => {
    for (const o of orders) {
      const c = compareOrderValues(orderValue(a, o.path, name), orderValue(b, o.path, name), o.dir);
      if (c !== 0) return c;
    }
    return 0;
  };
}

function compareOrderValues(x: Scalar | null, y: Scalar | null, dir: 1 | -1): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return compareScalars(x, y) * dir;
}

/** `_count`, `_key`, a single-value metric (`max_time`), `agg.value`, `stats.max` or `filter>metric` paths. */
function orderValue(b: Bucket, path: string, name: string): Scalar | null {
  if (path === '_count') return b.docs.length;
  if (path === '_key') return b.key;
  let node: JsonValue = b.result;
  const steps = path.split('>');
  for (let i = 0; i < steps.length; i++) {
    const [aggName, prop] = splitMetricPath(steps[i]);
    if (!isObject(node) || !has(node, aggName)) throw badRequest(`Invalid aggregator order path [${path}]. Unknown aggregation [${aggName}] in [${name}]`);
    node = node[aggName];
    if (!isObject(node)) return null;
    if (i === steps.length - 1) {
      if (prop !== undefined) return scalarOrNull(node[prop]);
      if (has(node, 'value')) return scalarOrNull(node.value);
      if (has(node, 'doc_count')) return scalarOrNull(node.doc_count);
      throw badRequest(`Invalid aggregation order path [${path}]. Buckets can only be sorted on a sub-aggregator path built out of zero or more single-bucket aggregations within the path and a final single-bucket or a metrics aggregation at the path end.`);
    }
  }
  return null;
}

function splitMetricPath(step: string): [string, string | undefined] {
  const bracket = /^(.+)\[(.+)\]$/.exec(step);
  if (bracket !== null) return [bracket[1], bracket[2]];
  const dot = step.indexOf('.');
  return dot < 0 ? [step, undefined] : [step.slice(0, dot), step.slice(dot + 1)];
}

function scalarOrNull(v: JsonValue | undefined): Scalar | null {
  return isPrimitive(v) ? v : null;
}

// ---- filter / filters ---------------------------------------------------------------------------------------

function filterBucket(query: JsonObject, docs: SearchDoc[], ctx: AggContext, sub: (d: SearchDoc[]) => JsonObject): JsonObject {
  const predicate = compileQuery(query, ctx);
  const matched = docs.filter(predicate);
  return { doc_count: matched.length, ...sub(matched) };
}

function filters(body: JsonObject, docs: SearchDoc[], ctx: AggContext, sub: (d: SearchDoc[]) => JsonObject): JsonObject {
  const spec = body.filters;
  const otherBucket = body.other_bucket === true || typeof body.other_bucket_key === 'string';
  const predicates: ((d: SearchDoc) => boolean)[] = [];
  if (Array.isArray(spec)) {
    const buckets: JsonObject[] = [];
    for (const q of spec) {
      const p = compileQuery(q, ctx);
      predicates.push(p);
      const matched = docs.filter(p);
      buckets.push({ doc_count: matched.length, ...sub(matched) });
    }
    if (otherBucket) {
      const rest = docs.filter((d) => !predicates.some((p) => p(d)));
      buckets.push({ doc_count: rest.length, ...sub(rest) });
    }
    return { buckets };
  }
  if (!isObject(spec)) throw badRequest('[filters] must be an object or an array');
  if (body.keyed === false) throw unsupported('filters keyed=false with named filters');
  const buckets: JsonObject = {};
  // Named filters come back sorted by name, as Elasticsearch sorts keyed filters.
  for (const key of Object.keys(spec).sort()) {
    const p = compileQuery(spec[key], ctx);
    predicates.push(p);
    const matched = docs.filter(p);
    buckets[key] = { doc_count: matched.length, ...sub(matched) };
  }
  if (otherBucket) {
    const rest = docs.filter((d) => !predicates.some((p) => p(d)));
    buckets[typeof body.other_bucket_key === 'string' ? body.other_bucket_key : '_other_'] = { doc_count: rest.length, ...sub(rest) };
  }
  return { buckets };
}

// ---- date_histogram -----------------------------------------------------------------------------------------

function dateHistogram(name: string, body: JsonObject, docs: SearchDoc[], ctx: AggContext, sub: (d: SearchDoc[]) => JsonObject): JsonObject {
  for (const key of Object.keys(body)) {
    if (!['field', 'fixed_interval', 'calendar_interval', 'min_doc_count', 'extended_bounds', 'hard_bounds', 'format', 'time_zone', 'order'].includes(key)) {
      throw unsupported(`[date_histogram] option [${key}]`);
    }
  }
  const field = fieldOf(body, 'date_histogram', name);
  if (body.time_zone !== undefined && !['UTC', 'Z', '+00:00', 'Etc/UTC', 'GMT'].includes(String(body.time_zone))) {
    throw unsupported(`date_histogram time_zone [${String(body.time_zone)}]`);
  }
  let floor: (t: number) => number;
  let next: (t: number) => number;
  if (typeof body.fixed_interval === 'string') {
    const step = parseDuration(body.fixed_interval);
    if (step === null || step <= 0) throw badRequest(`failed to parse setting [date_histogram.fixedInterval] with value [${body.fixed_interval}] as a time value`);
    floor = (t) => Math.floor(t / step) * step;
    next = (t) => t + step;
  } else if (typeof body.calendar_interval === 'string') {
    const unit: CalendarUnit | null = parseCalendarInterval(body.calendar_interval);
    if (unit === null) throw badRequest(`The supplied interval [${body.calendar_interval}] could not be parsed as a calendar interval.`);
    floor = (t) => roundDown(t, unit);
    next = (t) => nextCalendarBucket(t, unit);
  } else {
    throw badRequest(`Required one of fields [fixed_interval, calendar_interval], but none were specified.`);
  }
  const kind = ctx.reader.kind(field);
  const counts = new Map<number, SearchDoc[]>();
  for (const doc of docs) {
    const keys = new Set<number>();
    for (const raw of ctx.reader.raw(doc, field)) {
      const t = kind === 'number' ? normalize('number', raw) : parseDate(raw);
      if (typeof t === 'number' && Number.isFinite(t)) keys.add(floor(t));
    }
    for (const k of keys) {
      let list = counts.get(k);
      if (list === undefined) counts.set(k, (list = []));
      list.push(doc);
    }
  }
  const minDocCount = typeof body.min_doc_count === 'number' ? body.min_doc_count : 0;
  let keys = [...counts.keys()].sort((a, b) => a - b);
  const hard = isObject(body.hard_bounds) ? body.hard_bounds : undefined;
  if (minDocCount === 0) {
    let lo = keys[0];
    let hi = keys[keys.length - 1];
    const ext = isObject(body.extended_bounds) ? body.extended_bounds : undefined;
    if (ext !== undefined) {
      const min = resolveBoundValue(ext.min, ctx.now);
      const max = resolveBoundValue(ext.max, ctx.now);
      if (min !== undefined) lo = lo === undefined ? floor(min) : Math.min(lo, floor(min));
      if (max !== undefined) hi = hi === undefined ? floor(max) : Math.max(hi, floor(max));
    }
    if (lo !== undefined && hi !== undefined) {
      const filled: number[] = [];
      for (let k = lo; k <= hi; k = next(k)) {
        filled.push(k);
        if (filled.length > 65536) throw badRequest('Trying to create too many buckets. Must be less than or equal to: [65536]');
      }
      keys = filled;
    }
  }
  if (hard !== undefined) {
    const min = resolveBoundValue(hard.min, ctx.now);
    const max = resolveBoundValue(hard.max, ctx.now);
    keys = keys.filter((k) => (min === undefined || k >= floor(min)) && (max === undefined || k <= max));
  }
  const format = typeof body.format === 'string' ? body.format : undefined;
  let buckets = keys
    .map((k) => ({ k, docs: counts.get(k) ?? [] }))
    .filter((b) => b.docs.length >= minDocCount)
    .map((b) => ({ key_as_string: formatDatePattern(b.k, format), key: b.k, doc_count: b.docs.length, ...sub(b.docs) }));
  if (body.order !== undefined) {
    const order = isObject(body.order) ? body.order : {};
    const [path] = Object.keys(order);
    const dir = order[path] === 'desc' ? -1 : 1;
    if (path === '_key') buckets = dir === 1 ? buckets : buckets.reverse();
    else if (path === '_count') buckets.sort((a, b) => (a.doc_count - b.doc_count) * dir || a.key - b.key);
    else throw unsupported(`date_histogram order [${String(path)}]`);
  }
  return { buckets };
}

function resolveBoundValue(v: JsonValue | undefined, now: number): number | undefined {
  if (v === undefined || v === null) return undefined;
  const t = resolveDateMath(v, now, false);
  return Number.isFinite(t) ? t : undefined;
}
