/**
 * The terms aggregation: one bucket per distinct value, ordered by count (ties by key) or by key or a
 * sub-aggregation, with size, min_doc_count, missing, include/exclude and sum_other_doc_count.
 */
import { formatDatePattern } from './dates';
import { badRequest, unsupported } from './errors';
import { compareScalars, type FieldKind, type Scalar } from './fields';
import { asArray, has, isObject, isPrimitive, type JsonObject, type JsonValue } from './json';
import type { SearchDoc } from './search_doc';
import { docValues, fieldOf, type AggContext, type SubAggregations } from './agg_context';

interface Bucket {
  key: Scalar;
  docs: SearchDoc[];
  result: JsonObject;
}

export function terms(name: string, body: JsonObject, docs: SearchDoc[], ctx: AggContext, sub: SubAggregations): [string, JsonObject] {
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
