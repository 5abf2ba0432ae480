/**
 * Reading aggregation results without trusting their shape: the client types `aggregations` as a union of every
 * aggregate, so the few shapes the coverage reads (buckets, doc_count, value, hits) are checked where they are used.
 */
export type AggNode = Record<string, unknown>;

function asNode(value: unknown): AggNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as AggNode) : undefined;
}

export function child(node: AggNode | undefined, name: string): AggNode | undefined {
  return asNode(node?.[name]);
}

export function docCount(node: AggNode | undefined): number {
  const n = node?.doc_count;
  return typeof n === 'number' ? n : 0;
}

/** A single-value metric (min, max); null and missing read as undefined. */
export function metricValue(node: AggNode | undefined): number | undefined {
  const v = node?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function buckets(node: AggNode | undefined): AggNode[] {
  const list = node?.buckets;
  if (!Array.isArray(list)) return [];
  const out: AggNode[] = [];
  for (const b of list) {
    const n = asNode(b);
    if (n) out.push(n);
  }
  return out;
}

export function bucketKey(bucket: AggNode): string | number | undefined {
  const key = bucket.key;
  return typeof key === 'string' || typeof key === 'number' ? key : undefined;
}

export interface TopHit {
  _index: string;
  _id: string;
  _source: unknown;
}

/** The hits of a top_hits aggregation. */
export function topHits(node: AggNode | undefined): TopHit[] {
  const list = child(node, 'hits')?.hits;
  if (!Array.isArray(list)) return [];
  const out: TopHit[] = [];
  for (const item of list) {
    const hit = asNode(item);
    if (hit && typeof hit._index === 'string' && typeof hit._id === 'string') out.push({ _index: hit._index, _id: hit._id, _source: hit._source });
  }
  return out;
}
