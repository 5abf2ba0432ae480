/**
 * One `_bulk` of update actions with Elasticsearch's two kinds of failure handled apart: the whole request
 * (throttled, timed out, node gone: withRetry sends it again) and single items (a 429 from a busy write queue, a
 * version conflict with an analyst's concurrent change, a 5xx on one shard: only those items are sent again, with
 * backoff; a 4xx item is rejected for good and reported with its reason).
 */
import type { estypes } from '@elastic/elasticsearch';
import type { EsClient, KbnLogger } from '../../../kibana/types';
import { AbortedError, DEFAULT_RETRY, defaultSleep, withRetry, type RetryOptions } from '../retry';
import { itemReason } from './es_errors';

export interface BulkUpdate<TDocument, TPartial> {
  id: string;
  body: estypes.BulkUpdateAction<TDocument, TPartial>;
}

export interface ItemFailure {
  id: string;
  status: number;
  reason: string;
}

export interface BulkOutcome {
  /** Items applied, with Elasticsearch's result (created, updated, noop). */
  done: { id: string; result: string }[];
  /** Items that failed for good (mapping errors, missing documents): sending them again cannot help. */
  rejected: ItemFailure[];
  /** Items still throttled or failing (429, 409, 5xx) after the last retry. */
  unfinished: ItemFailure[];
}

export interface BulkOptions {
  index: string;
  retry: Partial<RetryOptions>;
  refresh?: estypes.Refresh;
  logger?: KbnLogger;
}

/** Update conflicts are retried inside Elasticsearch first; what is left is retried here like throttling. */
const RETRY_ON_CONFLICT = 3;

export function isRetryableItem(status: number): boolean {
  return status === 429 || status === 409 || status >= 500;
}

export async function bulkUpdates<TDocument, TPartial>(client: EsClient, updates: BulkUpdate<TDocument, TPartial>[], options: BulkOptions): Promise<BulkOutcome> {
  const o = { ...DEFAULT_RETRY, ...options.retry };
  const sleep = o.sleep ?? defaultSleep;
  const random = o.random ?? Math.random;
  const outcome: BulkOutcome = { done: [], rejected: [], unfinished: [] };
  let pending = updates;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (o.signal?.aborted) throw new AbortedError();
    const operations: estypes.BulkRequest<TDocument, TPartial>['operations'] = [];
    for (const u of pending) operations.push({ update: { _index: options.index, _id: u.id, retry_on_conflict: RETRY_ON_CONFLICT } }, u.body);
    const request: estypes.BulkRequest<TDocument, TPartial> = { operations, ...(options.refresh !== undefined ? { refresh: options.refresh } : {}) };
    const res = await withRetry(() => client.bulk(request, o.signal ? { signal: o.signal } : {}), o);
    if (res.items.length !== pending.length) throw new Error(`bulk answered ${res.items.length} items for ${pending.length} actions`);
    const again: BulkUpdate<TDocument, TPartial>[] = [];
    const failures: ItemFailure[] = [];
    for (let i = 0; i < pending.length; i++) {
      const u = pending[i];
      // Items come back in request order, one per action.
      const r = res.items[i].update;
      if (r === undefined) throw new Error(`bulk answered item ${i} without its update result`);
      if (r.error === undefined && r.status < 300) {
        outcome.done.push({ id: u.id, result: r.result ?? 'updated' });
        continue;
      }
      const failure = { id: u.id, status: r.status, reason: itemReason(r.error, r.status) };
      if (isRetryableItem(r.status)) {
        again.push(u);
        failures.push(failure);
      } else {
        outcome.rejected.push(failure);
      }
    }
    if (again.length === 0) break;
    if (attempt >= o.retries) {
      outcome.unfinished.push(...failures);
      break;
    }
    const delay = Math.round(Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt) * (0.5 + random() / 2));
    options.logger?.debug(`bulk to [${options.index}]: ${again.length} of ${pending.length} items to retry in ${delay} ms (${failures[0].reason})`);
    o.onRetry?.(attempt + 1, failures, delay);
    await sleep(delay, o.signal);
    pending = again;
  }
  return outcome;
}
