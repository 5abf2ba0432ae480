/**
 * Buckets by the first of several fields a document has, the way the normalizers read `a ?? b ?? c` (the account of a
 * CloudTrail event is its recipient account, else the caller's). One filter per field, each excluding documents that
 * have an earlier field, so every document lands in exactly one of them (or in `none`).
 */
import type { estypes } from '@elastic/elasticsearch';
import { bucketKey, buckets, child, docCount, type AggNode } from './agg_reader';

type Query = estypes.QueryDslQueryContainer;
type Agg = estypes.AggregationsAggregationContainer;

/** One field of such a value; `key` turns the stored value into what the normalizer makes of it (undefined: none). */
export interface KeyField {
  field: string;
  key?: (value: string) => string | undefined;
}

/** A value found, with the filter that selects exactly its documents (for later queries on the same bucket). */
export interface FirstPresentBucket {
  key: string;
  /** The field the value was read from (its index in the list) and the value as stored; none for `none`. */
  field?: number;
  value?: string;
  select: Query;
  node: AggNode;
}

const exists = (field: string): Query => ({ exists: { field } });

/** Documents whose value is read from field `i`: they have it and none of the earlier ones. */
export function presentSelector(fields: readonly KeyField[], i: number): Query {
  const earlier = fields.slice(0, i).map((f) => exists(f.field));
  return earlier.length ? { bool: { filter: [exists(fields[i].field)], must_not: earlier } } : exists(fields[i].field);
}

function noneSelector(fields: readonly KeyField[]): Query {
  return { bool: { must_not: fields.map((f) => exists(f.field)) } };
}

/** The aggregations to put under a parent: `f<i>` per field (terms of at most `size` values), then `none`. */
export function firstPresentAggs(fields: readonly KeyField[], size: number, aggs: Record<string, Agg>): Record<string, Agg> {
  const out: Record<string, Agg> = {};
  fields.forEach((f, i) => {
    out[`f${i}`] = { filter: presentSelector(fields, i), aggs: { v: { terms: { field: f.field, size }, aggs } } };
  });
  out.none = { filter: noneSelector(fields), aggs };
  return out;
}

/** The buckets under `parent`; documents with none of the fields (or a value `key` rejects) get `fallback`. */
export function readFirstPresent(fields: readonly KeyField[], parent: AggNode | undefined, fallback: string): FirstPresentBucket[] {
  const out: FirstPresentBucket[] = [];
  fields.forEach((f, i) => {
    for (const b of buckets(child(child(parent, `f${i}`), 'v'))) {
      const raw = typeof b.key_as_string === 'string' ? b.key_as_string : bucketKey(b);
      if (raw === undefined) continue;
      const value = String(raw);
      const key = f.key ? f.key(value) : value;
      out.push({ key: key ?? fallback, field: i, value, select: { bool: { filter: [presentSelector(fields, i), { term: { [f.field]: value } }] } }, node: b });
    }
  });
  const none = child(parent, 'none');
  if (docCount(none) > 0) out.push({ key: fallback, select: noneSelector(fields), node: none as AggNode });
  return out;
}
