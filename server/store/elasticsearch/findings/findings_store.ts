/**
 * The findings of one Kibana space in Elasticsearch: the task writes them (one document per chain, `_id` = finding
 * id, so re-runs update rather than duplicate), the routes list, chart, read and triage them.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { FindingDocument } from '../../../../common/finding';
import type { EsClient, KbnLogger } from '../../../kibana/types';
import type { FindingsHistogram, FindingsPage, FindingsQuery, FindingsStore, FindingsSummary, StatusChange, WriteResult } from '../../types';
import { AbortedError, withRetry, type RetryOptions } from '../retry';
import { bulkUpdates, type BulkUpdate, type ItemFailure } from './bulk_updates';
import { findingFromSource, rewriteOf, workflowPatch, type FindingRewrite, type WorkflowPatch } from './finding_source';
import type { FindingsIndex } from './findings_index';
import { findingsFilter, findingsSort, type FindingsFilter } from './findings_query';
import { emptyCounts, histogramAggregations, histogramFrom, histogramInterval, rangeAggregations, type HistogramAggregations, type RangeAggregations } from './histogram';
import { installFindingsIndex } from './install';
import { summaryAggregations, summaryFrom, type SummaryAggregations } from './summary';

export interface ElasticsearchFindingsStoreOptions {
  client: EsClient;
  index: FindingsIndex;
  retry?: Partial<RetryOptions>;
  logger?: KbnLogger;
}

/** Elasticsearch's default index.max_result_window: from + size beyond it is refused. */
const MAX_RESULT_WINDOW = 10_000;
/** Findings per `_bulk`, and about how many bytes (a finding goes twice: as `doc` and as `upsert`). */
const BULK_MAX_FINDINGS = 200;
const BULK_MAX_BYTES = 8 * 1024 * 1024;

export class FindingsWriteError extends Error {
  constructor(
    readonly unwritten: ItemFailure[],
    readonly total: number,
  ) {
    super(`${unwritten.length} of ${total} findings could not be written (${unwritten[0]?.reason ?? 'not attempted'}); the run must not advance its checkpoint`);
    this.name = 'FindingsWriteError';
  }
}

export class ElasticsearchFindingsStore implements FindingsStore {
  private readonly client: EsClient;
  private readonly index: FindingsIndex;
  private readonly retry: Partial<RetryOptions>;
  private readonly logger?: KbnLogger;
  private installed?: Promise<void>;

  constructor(options: ElasticsearchFindingsStoreOptions) {
    this.client = options.client;
    this.index = options.index;
    this.retry = options.retry ?? {};
    this.logger = options.logger;
  }

  ensureInstalled(): Promise<void> {
    // Once per store; a failure is not remembered, so the next call tries again.
    this.installed ??= installFindingsIndex({ client: this.client, index: this.index, retry: this.retry, logger: this.logger }).then(
      () => undefined,
      (error: unknown) => {
        this.installed = undefined;
        throw error;
      },
    );
    return this.installed;
  }

  async write(findings: FindingDocument[], options: { signal?: AbortSignal } = {}): Promise<WriteResult> {
    if (options.signal?.aborted) throw new AbortedError();
    const retry = { ...this.retry, ...(options.signal ? { signal: options.signal } : {}) };
    const result: WriteResult = { written: 0, rejected: [] };
    if (findings.length === 0) return result;
    // Without the template, the first write would create the space index with dynamic mappings.
    await this.ensureInstalled();
    const chunks = bulkChunks(findings);
    for (let c = 0; c < chunks.length; c++) {
      const updates = chunks[c].map((f): BulkUpdate<FindingDocument, FindingRewrite> => ({
        id: f.cloud_api_abuse.finding_id,
        // An existing finding takes the new chain but keeps its workflow; a new one starts as the analytic wrote it.
        body: { doc: rewriteOf(f), upsert: f },
      }));
      const outcome = await bulkUpdates(this.client, updates, { index: this.index.name, retry, logger: this.logger });
      result.written += outcome.done.length;
      // A 400 is about one document (it cannot be parsed): reported, the rest goes on. Anything else refused
      // (403 read-only index or missing privilege, 404 index that may not be auto-created) stops every document,
      // and the next run may succeed: this run fails rather than skip them.
      const blocked: ItemFailure[] = [];
      for (const r of outcome.rejected) {
        if (r.status !== 400) {
          blocked.push(r);
          continue;
        }
        this.logger?.warn(`finding [${r.id}] rejected by [${this.index.name}]: ${r.reason}`);
        result.rejected.push({ id: r.id, reason: r.reason });
      }
      if (outcome.unfinished.length > 0 || blocked.length > 0) {
        const notAttempted = chunks.slice(c + 1).flat().map((f) => ({ id: f.cloud_api_abuse.finding_id, status: 0, reason: 'not attempted' }));
        throw new FindingsWriteError([...blocked, ...outcome.unfinished, ...notAttempted], findings.length);
      }
    }
    // Every finding refused: more likely a mapping at odds with the documents than bad documents (FindingsStore
    // throws when nothing could be persisted).
    if (result.written === 0) {
      throw new FindingsWriteError(result.rejected.map((r) => ({ id: r.id, status: 400, reason: r.reason })), findings.length);
    }
    return result;
  }

  async list(query: FindingsQuery): Promise<FindingsPage> {
    const from = query.page * query.perPage;
    if (!Number.isInteger(from) || from < 0 || query.perPage < 0 || from + query.perPage > MAX_RESULT_WINDOW) {
      throw new RangeError(`page ${query.page} of ${query.perPage} is beyond the first ${MAX_RESULT_WINDOW} findings`);
    }
    const request: estypes.SearchRequest = {
      index: this.index.name,
      ignore_unavailable: true,
      query: findingsFilter(query),
      sort: findingsSort(query.sort),
      from,
      size: query.perPage,
      track_total_hits: true,
    };
    const res = await withRetry(() => this.client.search<FindingDocument>(request), this.retry);
    const total = res.hits.total;
    return {
      total: typeof total === 'number' ? total : (total?.value ?? 0),
      findings: res.hits.hits.flatMap((h) => (h._source ? [findingFromSource(h._source)] : [])),
    };
  }

  async histogram(query: FindingsFilter, buckets: number): Promise<FindingsHistogram> {
    const range = await this.histogramRange(query);
    const { interval, ms } = histogramInterval(range?.from ?? 0, range?.to ?? 0, buckets);
    if (range === undefined) return { interval, buckets: [], bySeverity: emptyCounts() };
    const request: estypes.SearchRequest = {
      index: this.index.name,
      ignore_unavailable: true,
      query: findingsFilter(query),
      size: 0,
      aggs: histogramAggregations(range.from, range.to, ms, interval),
    };
    const res = await withRetry(() => this.client.search<FindingDocument, HistogramAggregations>(request), this.retry);
    return histogramFrom(res.aggregations, interval);
  }

  async summary(query: FindingsFilter, size: number): Promise<FindingsSummary> {
    const request: estypes.SearchRequest = {
      index: this.index.name,
      ignore_unavailable: true,
      query: findingsFilter(query),
      size: 0,
      track_total_hits: true,
      aggs: summaryAggregations(size),
    };
    const res = await withRetry(() => this.client.search<FindingDocument, SummaryAggregations>(request), this.retry);
    const total = res.hits.total;
    return summaryFrom(typeof total === 'number' ? total : (total?.value ?? 0), res.aggregations, size);
  }

  async get(id: string): Promise<FindingDocument | undefined> {
    const res = await withRetry(() => this.client.get<FindingDocument>({ index: this.index.name, id }, { ignore: [404] }), this.retry);
    // With 404 ignored, a missing document answers found: false and a missing index an error body without it.
    return res.found === true && res._source !== undefined ? findingFromSource(res._source) : undefined;
  }

  async setStatus(change: StatusChange): Promise<{ updated: string[]; missing: string[] }> {
    const ids = [...new Set(change.ids)];
    if (ids.length === 0) return { updated: [], missing: [] };
    const patch = workflowPatch(change.status, change.at, change.by, change.note);
    const updates = ids.map((id): BulkUpdate<FindingDocument, WorkflowPatch> => ({ id, body: { doc: patch } }));
    // wait_for: the analyst's next list must show the new status.
    const outcome = await bulkUpdates(this.client, updates, { index: this.index.name, retry: this.retry, refresh: 'wait_for', logger: this.logger });
    const missing = outcome.rejected.filter((r) => r.status === 404).map((r) => r.id);
    const failed = [...outcome.rejected.filter((r) => r.status !== 404), ...outcome.unfinished];
    if (failed.length > 0) throw new Error(`status of ${failed.length} of ${ids.length} findings not changed (${failed[0].reason})`);
    return { updated: outcome.done.map((d) => d.id), missing };
  }

  /** The query's [from, to); an open end is closed by the findings themselves. undefined when nothing matches. */
  private async histogramRange(query: FindingsFilter): Promise<{ from: number; to: number } | undefined> {
    if (query.from !== undefined && query.to !== undefined) return query.to > query.from ? { from: query.from, to: query.to } : undefined;
    const request: estypes.SearchRequest = { index: this.index.name, ignore_unavailable: true, query: findingsFilter(query), size: 0, aggs: rangeAggregations };
    const res = await withRetry(() => this.client.search<FindingDocument, RangeAggregations>(request), this.retry);
    const first = res.aggregations?.first.value;
    const last = res.aggregations?.last.value;
    if (first === null || first === undefined || last === null || last === undefined) return undefined;
    const from = query.from ?? first;
    const to = query.to ?? last + 1;
    return to > from ? { from, to } : undefined;
  }
}

/** Splits a run's findings into bulk requests of bounded count and size. */
function bulkChunks(findings: FindingDocument[]): FindingDocument[][] {
  const chunks: FindingDocument[][] = [];
  let current: FindingDocument[] = [];
  let bytes = 0;
  for (const f of findings) {
    // Evidence dominates a finding's size; ~1 KB per evidence event plus the rest, counted twice (doc + upsert).
    const size = 2 * (4096 + 1024 * f.cloud_api_abuse.evidence.length + 256 * f.cloud_api_abuse.lineage.nodes.length);
    if (current.length > 0 && (current.length >= BULK_MAX_FINDINGS || bytes + size > BULK_MAX_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
