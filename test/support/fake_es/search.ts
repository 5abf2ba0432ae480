/**
 * One search request against a set of shards (one per concrete index, or the shards a point in time froze):
 * query, post_filter, aggregations, sort, search_after, from/size, _source and track_total_hits.
 */
import { runAggregations } from './aggs';
import { badRequest, esError, searchPhaseError, unsupported } from './errors';
import { FieldKinds } from './fields';
import type { JsonObject, JsonValue } from './json';
import { compileQuery, constantScore } from './query';
import { DocReader, type SearchDoc } from './search_doc';
import { compareKeys, compileSort, displayKey, searchAfterKey, sortKey, type SortPlan, type SortValue } from './sort';
import { compileSourceFilter, type SourceFilter } from './source_filter';
import type { StoredDoc } from './store';

export interface Shard {
  readonly index: string;
  readonly mappings: JsonObject;
  /** Documents in docId order. */
  readonly docs: readonly StoredDoc[];
}

export interface SearchOptions {
  now: number;
  pitId?: string;
  querystring: Record<string, string>;
  maxResultWindow: number;
}

const BODY_KEYS = new Set([
  'query', 'size', 'from', 'sort', 'search_after', '_source', 'track_total_hits', 'aggs', 'aggregations', 'pit',
  'post_filter', 'seq_no_primary_term', 'version', 'timeout', 'track_scores', 'explain', 'profile', 'stats', 'ext',
]);

export function searchShards(shards: readonly Shard[], body: JsonObject, options: SearchOptions): JsonObject {
  const started = Date.now();
  for (const key of Object.keys(body)) {
    if (!BODY_KEYS.has(key)) throw unsupported(`search body field [${key}]`);
  }
  if (body.explain === true) throw unsupported('explain');
  if (body.profile === true) throw unsupported('profile');
  const qs = options.querystring;
  if (qs.scroll !== undefined) throw unsupported('scroll searches (use a point in time)');
  if (qs.q !== undefined) throw unsupported('query string searches (q=)');

  const reader = new DocReader(new FieldKinds(shards.map((s) => s.mappings)));
  const ctx = { reader, now: options.now };
  const size = intParam(body.size ?? qs.size, 'size', 10);
  const from = intParam(body.from ?? qs.from, 'from', 0);
  if (from + size > options.maxResultWindow) {
    const reason = `Result window is too large, from + size must be less than or equal to: [${options.maxResultWindow}] but was [${from + size}]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.`;
    throw searchPhaseError(400, { type: 'illegal_argument_exception', reason }, shards[0]?.index ?? null);
  }
  if (body.search_after !== undefined && from > 0) throw esError(400, 'action_request_validation_exception', 'Validation Failed: 1: [from] parameter must be set to 0 when [search_after] is used;');

  const predicate = compileQuery(body.query, ctx);
  const score = constantScore(body.query);
  const matched: SearchDoc[] = [];
  shards.forEach((shard, ordinal) => {
    for (const stored of shard.docs) {
      const doc: SearchDoc = { index: shard.index, shard: ordinal, stored };
      if (predicate(doc)) matched.push(doc);
    }
  });

  const plan = compileSort(body.sort ?? sortFromQuerystring(qs.sort), reader, options.pitId !== undefined);
  const typedKeys = qs.typed_keys === 'true';
  const aggSpecs = body.aggs ?? body.aggregations;
  const aggregations =
    aggSpecs === undefined
      ? undefined
      : runAggregations(aggSpecs, matched, {
          ...ctx,
          typedKeys,
          topHits: (docs, spec) => topHits(docs, spec, reader, score),
        });

  const visible = body.post_filter === undefined ? matched : matched.filter(compileQuery(body.post_filter, ctx));
  const sorted = sortDocs(visible, plan, score, reader);
  let page = sorted;
  if (body.search_after !== undefined) {
    if (!plan.explicit) throw badRequest('Sort must contain at least one field.');
    const after = searchAfterKey(plan, body.search_after);
    page = sorted.filter((entry) => compareKeys(plan, entry.key, after) > 0);
  }
  page = page.slice(from, from + size);

  const filter = compileSourceFilter(body._source ?? sourceFromQuerystring(qs._source), qs._source_includes, qs._source_excludes);
  const showScore = plan.scores || body.track_scores === true;
  const hits = page.map((entry) => hit(entry, plan, showScore ? score : null, filter, body));
  const hitsObject: JsonObject = {};
  const total = totalHits(visible.length, body.track_total_hits ?? qs.track_total_hits, qs.rest_total_hits_as_int === 'true');
  if (total !== undefined) hitsObject.total = total;
  // size 0 collects no top documents, so Elasticsearch reports no max_score.
  hitsObject.max_score = showScore && visible.length > 0 && size > 0 ? score : null;
  hitsObject.hits = hits;

  const response: JsonObject = {};
  if (options.pitId !== undefined) response.pit_id = options.pitId;
  response.took = Date.now() - started;
  response.timed_out = false;
  response._shards = { total: shards.length, successful: shards.length, skipped: 0, failed: 0 };
  response.hits = hitsObject;
  if (aggregations !== undefined) response.aggregations = aggregations;
  return response;
}

export function countShards(shards: readonly Shard[], body: JsonObject, now: number): JsonObject {
  for (const key of Object.keys(body)) if (key !== 'query') throw unsupported(`count body field [${key}]`);
  const reader = new DocReader(new FieldKinds(shards.map((s) => s.mappings)));
  const predicate = compileQuery(body.query, { reader, now });
  let count = 0;
  shards.forEach((shard, ordinal) => {
    for (const stored of shard.docs) if (predicate({ index: shard.index, shard: ordinal, stored })) count++;
  });
  return { count, _shards: { total: shards.length, successful: shards.length, skipped: 0, failed: 0 } };
}

/** Documents matching a query, for update/delete by query. */
export function matchingDocs(shards: readonly Shard[], query: JsonValue | undefined, now: number): SearchDoc[] {
  const reader = new DocReader(new FieldKinds(shards.map((s) => s.mappings)));
  const predicate = compileQuery(query, { reader, now });
  const out: SearchDoc[] = [];
  shards.forEach((shard, ordinal) => {
    for (const stored of shard.docs) {
      const doc = { index: shard.index, shard: ordinal, stored };
      if (predicate(doc)) out.push(doc);
    }
  });
  return out;
}

interface Ranked {
  doc: SearchDoc;
  key: SortValue[];
}

function sortDocs(docs: SearchDoc[], plan: SortPlan, score: number, reader: DocReader): Ranked[] {
  const ranked = docs.map((doc) => ({ doc, key: sortKey(plan, doc, score, reader) }));
  // Equal keys fall back to shard then document order, as Elasticsearch merges shard results.
  ranked.sort((a, b) => compareKeys(plan, a.key, b.key) || a.doc.shard - b.doc.shard || a.doc.stored.docId - b.doc.stored.docId);
  return ranked;
}

function hit(entry: Ranked, plan: SortPlan, score: number | null, filter: SourceFilter, body: JsonObject): JsonObject {
  const { doc } = entry;
  const out: JsonObject = { _index: doc.index, _id: doc.stored.id };
  if (body.version === true) out._version = doc.stored.version;
  if (body.seq_no_primary_term === true) {
    out._seq_no = doc.stored.seqNo;
    out._primary_term = doc.stored.primaryTerm;
  }
  out._score = score;
  if (filter === 'all') out._source = doc.stored.source;
  else if (filter !== 'none') out._source = filter(doc.stored.source);
  if (plan.explicit) out.sort = displayKey(plan, entry.key);
  return out;
}

function topHits(docs: SearchDoc[], spec: JsonObject, reader: DocReader, score: number): JsonObject {
  for (const key of Object.keys(spec)) {
    if (!['size', 'from', 'sort', '_source', 'track_scores', 'version', 'seq_no_primary_term'].includes(key)) throw unsupported(`[top_hits] option [${key}]`);
  }
  const size = intParam(spec.size, 'size', 3);
  const from = intParam(spec.from, 'from', 0);
  const plan = compileSort(spec.sort, reader, false);
  const sorted = sortDocs(docs, plan, score, reader).slice(from, from + size);
  const showScore = plan.scores || spec.track_scores === true;
  const filter = compileSourceFilter(spec._source);
  return {
    total: { value: docs.length, relation: 'eq' },
    max_score: showScore && docs.length > 0 ? score : null,
    hits: sorted.map((entry) => hit(entry, plan, showScore ? score : null, filter, spec)),
  };
}

function totalHits(count: number, track: JsonValue | string | undefined, asInt: boolean): JsonValue | undefined {
  if (asInt) return count;
  if (track === false || track === 'false') return undefined;
  if (track === true || track === 'true') return { value: count, relation: 'eq' };
  const threshold = track === undefined ? 10_000 : Number(track);
  if (!Number.isInteger(threshold) || threshold < 0) throw badRequest(`[track_total_hits] parameter must be positive or equals to -1, got ${String(track)}`);
  return count > threshold ? { value: threshold, relation: 'gte' } : { value: count, relation: 'eq' };
}

function intParam(value: JsonValue | string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw badRequest(`[${name}] must be an integer, got [${String(value)}]`);
  if (n < 0) throw badRequest(`[${name}] parameter cannot be negative, found [${n}]`);
  return n;
}

/** `sort=field:desc,other` as the client sends a string sort. */
function sortFromQuerystring(value: string | undefined): JsonValue | undefined {
  if (value === undefined || value === '') return undefined;
  return value.split(',').map((part) => {
    const [field, order] = part.split(':');
    return order === undefined ? field : { [field]: order };
  });
}

function sourceFromQuerystring(value: string | undefined): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (value === 'false' || value === 'true') return value === 'true';
  return value.split(',');
}
