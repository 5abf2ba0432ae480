/**
 * Pages through every hit of a query with a point in time and search_after (sorted by time with the shard-doc
 * tiebreaker), bounded pages, per-request timeouts, our retries, and the point in time closed at the end whatever
 * happens. Stops within one request when the signal aborts.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { EsClient } from '../../kibana/types';
import { AbortedError, withRetry, type RetryOptions } from './retry';
import { SOURCE_EXCLUDES, SOURCE_INCLUDES, TIME_FIELD } from './fields';

export interface RequestLimits {
  pageSize: number;
  requestTimeoutMs: number;
  keepAlive: string;
  signal?: AbortSignal;
  retry?: Partial<RetryOptions>;
}

export interface FetchCounter {
  docs: number;
  requests: number;
}

export type Hit = estypes.SearchHit<Record<string, unknown>>;

export async function* searchAll(
  client: EsClient,
  indices: string[],
  query: estypes.QueryDslQueryContainer,
  limits: RequestLimits,
  counter: FetchCounter,
): AsyncGenerator<Hit[]> {
  const transport = { requestTimeout: limits.requestTimeoutMs, signal: limits.signal };
  const retry = { ...limits.retry, signal: limits.signal };
  counter.requests++;
  const pit = await withRetry(
    () => client.openPointInTime({ index: indices, keep_alive: limits.keepAlive, ignore_unavailable: true, allow_partial_search_results: false }, transport),
    retry,
  );
  let pitId = pit.id;
  try {
    let after: estypes.SortResults | undefined;
    for (;;) {
      if (limits.signal?.aborted) throw new AbortedError();
      const request: estypes.SearchRequest = {
        pit: { id: pitId, keep_alive: limits.keepAlive },
        size: limits.pageSize,
        query,
        sort: [{ [TIME_FIELD]: { order: 'asc' } }, { _shard_doc: { order: 'asc' } }],
        _source: { includes: SOURCE_INCLUDES, excludes: SOURCE_EXCLUDES },
        track_total_hits: false,
        ...(after ? { search_after: after } : {}),
      };
      counter.requests++;
      const page = await withRetry(() => client.search<Record<string, unknown>>(request, transport), retry);
      if (page.pit_id) pitId = page.pit_id;
      const hits = page.hits.hits;
      counter.docs += hits.length;
      if (hits.length) yield hits;
      if (hits.length < limits.pageSize) return;
      after = hits[hits.length - 1].sort;
    }
  } finally {
    // Best effort: a PIT left open holds resources until keep_alive expires.
    counter.requests++;
    await client.closePointInTime({ id: pitId }, { requestTimeout: limits.requestTimeoutMs }).catch(() => undefined);
  }
}
