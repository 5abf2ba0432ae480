/**
 * Aggregations over the matched documents: terms, min, max, sum, avg, value_count, cardinality, filter,
 * filters, date_histogram and top_hits, nested to any depth. Bucket and metric shapes follow Elasticsearch
 * (doc_count_error_upper_bound, sum_other_doc_count, key_as_string for dates, value null when empty).
 */
import { dateHistogram } from './agg_date_histogram';
import { METRICS, metric } from './agg_metrics';
import { terms } from './agg_terms';
import type { AggContext, SubAggregations } from './agg_context';
import { badRequest, unsupported } from './errors';
import { isObject, type JsonObject, type JsonValue } from './json';
import { compileQuery } from './query';
import type { SearchDoc } from './search_doc';

export type { AggContext } from './agg_context';

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

function filterBucket(query: JsonObject, docs: SearchDoc[], ctx: AggContext, sub: SubAggregations): JsonObject {
  const predicate = compileQuery(query, ctx);
  const matched = docs.filter(predicate);
  return { doc_count: matched.length, ...sub(matched) };
}

function filters(body: JsonObject, docs: SearchDoc[], ctx: AggContext, sub: SubAggregations): JsonObject {
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
