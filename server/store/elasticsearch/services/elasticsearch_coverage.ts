/**
 * The coverage report (DESIGN §3.8) of the audit data streams over a time range, computed by Elasticsearch: the same
 * report as the offline CoverageAnalyzer (server/analytic/coverage.ts builds both), from aggregations only. Raw
 * documents are read only for the tamper events it lists (at most MAX_TAMPER per scope, through top_hits).
 *
 * Requests: one lists the (service, action) pairs the catalog could call tamper or privileged (catalog_filter.ts);
 * one per lineage hop finds the credentials that trace back to a person (traced_credentials.ts); one summarises
 * every log/account/region scope; then hourly counts, in time slices that keep each response under HOURLY_BUCKETS
 * buckets.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { CoverageReport } from '../../../../common/coverage';
import { buildCoverageReport, HOUR, type ScopeSummary } from '../../../analytic/coverage';
import type { EsClient } from '../../../kibana/types';
import type { CoverageSource } from '../../types';
import { TIME_FIELD } from '../fields';
import { withRetry, type RetryOptions } from '../retry';
import { child, docCount, type AggNode } from './agg_reader';
import { categoryQueries, pairsAggregation, readPairs, type CoverageCategory } from './catalog_filter';
import { COVERAGE_DATASETS, inDataset, type CoverageDataset } from './coverage_datasets';
import { addHours, addSummaries, hourlyLeaf, scopeTree, summaryLeaf } from './coverage_scopes';
import { personCredentials, personQuery } from './traced_credentials';

type Query = estypes.QueryDslQueryContainer;
type Agg = estypes.AggregationsAggregationContainer;

/** Hourly buckets one response may hold (Elasticsearch refuses more than search.max_buckets, 65,536 by default). */
const HOURLY_BUCKETS = 10_000;

export interface ElasticsearchCoverageOptions {
  client: EsClient;
  /** The audit data streams (index patterns) the detection reads. */
  indices: string[];
  requestTimeoutMs: number;
  retry?: Partial<RetryOptions>;
  /** The logs the report covers; the four the detection reads by default. */
  datasets?: readonly CoverageDataset[];
  /** Hourly buckets per response (default HOURLY_BUCKETS); the hours of a long range are asked for in slices. */
  hourlyBuckets?: number;
}

export class ElasticsearchCoverage implements CoverageSource {
  private readonly datasets: readonly CoverageDataset[];

  constructor(private readonly o: ElasticsearchCoverageOptions) {
    this.datasets = o.datasets ?? COVERAGE_DATASETS;
  }

  async report(range: { from: number; to: number }): Promise<CoverageReport> {
    const categories = await this.categories(range);
    const traced = await this.tracedCredentials(range);
    const scopes = new Map<string, ScopeSummary>();
    const summary = await this.aggregate(range, (d, i) => scopeTree(d, summaryLeaf(d, categories[i], personQuery(d, traced[i]))));
    let buckets = 0;
    let signIns = 0;
    this.datasets.forEach((d, i) => {
      const node = child(summary, `d${i}`);
      buckets += addSummaries(scopes, d, node);
      if (d.dataset === 'azure.signinlogs') signIns += docCount(node);
    });
    await this.addHourly(range, scopes, buckets);
    const list = [...scopes.values()];
    return buildCoverageReport({
      scopes: list,
      dataAccessLogged: list.some((s) => s.provider === 'gcp' && s.reads > 0),
      signInLogs: signIns > 0,
    });
  }

  /** Per log, the queries for the documents the catalog calls tamper or privileged. */
  private async categories(range: { from: number; to: number }): Promise<(Record<CoverageCategory, Query> | undefined)[]> {
    const response = await this.aggregate(range, (d) => (d.actions ? { filter: inDataset(d), aggs: { pairs: pairsAggregation(d, d.actions) } } : undefined));
    return this.datasets.map((d, i) => {
      if (!d.actions) return undefined;
      return categoryQueries(d, d.actions, readPairs(d.actions, child(child(response, `d${i}`), 'pairs')));
    });
  }

  /** Per log with credential lineage, the credentials in use over the range that trace back to a person. */
  private async tracedCredentials(range: { from: number; to: number }): Promise<(string[] | undefined)[]> {
    const out: (string[] | undefined)[] = [];
    for (const d of this.datasets) {
      const lineage = d.lineage;
      if (!lineage) {
        out.push(undefined);
        continue;
      }
      const mintRange = { from: range.from - lineage.lifetimeMs, to: range.to };
      out.push(await personCredentials(d, lineage, (filter, aggs) => this.search(mintRange, aggs, filter)));
    }
    return out;
  }

  /** Hourly counts per scope, over the span that has events, a slice of hours at a time. */
  private async addHourly(range: { from: number; to: number }, scopes: Map<string, ScopeSummary>, buckets: number): Promise<void> {
    if (scopes.size === 0) return;
    const list = [...scopes.values()];
    const first = Math.max(range.from, Math.min(...list.map((s) => s.first)));
    const end = Math.min(range.to, Math.max(...list.map((s) => s.last)) + 1);
    const step = Math.max(1, Math.floor((this.o.hourlyBuckets ?? HOURLY_BUCKETS) / Math.max(1, buckets))) * HOUR;
    for (let from = Math.floor(first / HOUR) * HOUR; from < end; from += step) {
      const slice = { from: Math.max(first, from), to: Math.min(end, from + step) };
      const response = await this.aggregate(slice, (d) => scopeTree(d, hourlyLeaf()));
      this.datasets.forEach((d, i) => addHours(scopes, d, child(response, `d${i}`)));
    }
  }

  /** One search of the range with an aggregation per log (`d<i>`); logs without one are left out. */
  private async aggregate(range: { from: number; to: number }, aggOf: (d: CoverageDataset, i: number) => Agg | undefined): Promise<AggNode | undefined> {
    const aggs: Record<string, Agg> = {};
    this.datasets.forEach((d, i) => {
      const agg = aggOf(d, i);
      if (agg) aggs[`d${i}`] = agg;
    });
    if (Object.keys(aggs).length === 0) return undefined;
    return this.search(range, aggs, { bool: { should: this.datasets.map(inDataset), minimum_should_match: 1 } });
  }

  private async search(range: { from: number; to: number }, aggs: Record<string, Agg>, filter: Query): Promise<AggNode | undefined> {
    const request: estypes.SearchRequest = {
      index: this.o.indices,
      size: 0,
      ignore_unavailable: true,
      allow_no_indices: true,
      track_total_hits: false,
      query: {
        bool: {
          filter: [{ range: { [TIME_FIELD]: { gte: range.from, lt: range.to, format: 'epoch_millis' } } }, filter],
        },
      },
      aggs,
    };
    const response = await withRetry(() => this.o.client.search(request, { requestTimeout: this.o.requestTimeoutMs }), this.o.retry);
    const aggregations: AggNode | undefined = response.aggregations;
    return aggregations;
  }
}
