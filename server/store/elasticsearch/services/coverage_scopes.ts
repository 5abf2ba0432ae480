/**
 * Per log, account and region, the aggregations a scope summary is made of (server/analytic/coverage.ts
 * `ScopeSummary`), and reading them back. Accounts and regions are read as the normalizers read them (first field
 * present, value mapped), so differently spelled buckets that mean one scope are merged.
 */
import type { estypes } from '@elastic/elasticsearch';
import { HOUR, MAX_TAMPER, type ScopeSummary } from '../../../analytic/coverage';
import { principalOf } from '../../../analytic/identity';
import { normalizeRecord } from '../../normalize';
import { SOURCE_EXCLUDES, SOURCE_INCLUDES, TIME_FIELD } from '../fields';
import { buckets, bucketKey, child, docCount, metricValue, topHits, type AggNode } from './agg_reader';
import type { CoverageCategory } from './catalog_filter';
import { inDataset, type CoverageDataset } from './coverage_datasets';
import { firstPresentAggs, readFirstPresent } from './first_present';

type Query = estypes.QueryDslQueryContainer;
type Agg = estypes.AggregationsAggregationContainer;

/** Accounts per log and regions per account (terms sizes). */
const MAX_ACCOUNTS = 1_000;
const MAX_REGIONS = 200;

export function scopeTree(d: CoverageDataset, leaf: Record<string, Agg>): Agg {
  return { filter: inDataset(d), aggs: firstPresentAggs(d.account, MAX_ACCOUNTS, firstPresentAggs(d.region, MAX_REGIONS, leaf)) };
}

export interface ScopeBucket {
  account: string;
  region: string;
  leaf: AggNode;
}

export function readScopeTree(d: CoverageDataset, node: AggNode | undefined): ScopeBucket[] {
  const out: ScopeBucket[] = [];
  for (const account of readFirstPresent(d.account, node, 'unknown')) {
    for (const region of readFirstPresent(d.region, account.node, 'global')) out.push({ account: account.key, region: region.key, leaf: region.node });
  }
  return out;
}

/** Everything but the hourly counts: those come in time slices (see `hourlyLeaf`). */
/** `person`: the privileged actions that trace back to a person (traced_credentials.ts `personQuery`). */
export function summaryLeaf(d: CoverageDataset, categories: Record<CoverageCategory, Query> | undefined, person: Query): Record<string, Agg> {
  const none: Query = { match_none: {} };
  const leaf: Record<string, Agg> = {
    first: { min: { field: TIME_FIELD } },
    last: { max: { field: TIME_FIELD } },
    reads: { filter: d.reads ?? none },
    writes: { filter: d.writes ?? none },
  };
  if (categories) {
    leaf.tamper = {
      filter: categories.tamper,
      aggs: {
        top: { top_hits: { size: MAX_TAMPER, sort: [{ [TIME_FIELD]: { order: 'asc' } }], _source: { includes: SOURCE_INCLUDES, excludes: SOURCE_EXCLUDES } } },
      },
    };
    leaf.privileged = { filter: { bool: { filter: [categories.privileged], must_not: [d.failure] } }, aggs: { person: { filter: person } } };
  }
  return leaf;
}

export function hourlyLeaf(): Record<string, Agg> {
  return { hours: { date_histogram: { field: TIME_FIELD, fixed_interval: '1h', min_doc_count: 1 } } };
}

const scopeKey = (d: CoverageDataset, account: string, region: string): string => `${d.provider}\u0000${account}\u0000${region}`;

/** Adds the scope buckets of one log to `into`, merging buckets that name the same scope; returns how many it read. */
export function addSummaries(into: Map<string, ScopeSummary>, d: CoverageDataset, node: AggNode | undefined): number {
  const read = readScopeTree(d, node);
  for (const b of read) {
    const events = docCount(b.leaf);
    const first = metricValue(child(b.leaf, 'first'));
    const last = metricValue(child(b.leaf, 'last'));
    if (events === 0 || first === undefined || last === undefined) continue;
    const privileged = child(b.leaf, 'privileged');
    const part: ScopeSummary = {
      provider: d.provider,
      account: b.account,
      region: b.region,
      events,
      first,
      last,
      reads: docCount(child(b.leaf, 'reads')),
      writes: docCount(child(b.leaf, 'writes')),
      hours: new Map(),
      tamper: tamperEvents(child(child(b.leaf, 'tamper'), 'top')),
      privileged: docCount(privileged),
      traceable: docCount(child(privileged, 'person')),
    };
    const key = scopeKey(d, b.account, b.region);
    const s = into.get(key);
    if (!s) into.set(key, part);
    else merge(s, part);
  }
  return read.length;
}

function merge(s: ScopeSummary, part: ScopeSummary): void {
  s.events += part.events;
  s.first = Math.min(s.first, part.first);
  s.last = Math.max(s.last, part.last);
  s.reads += part.reads;
  s.writes += part.writes;
  s.privileged += part.privileged;
  s.traceable += part.traceable;
  if (part.tamper.length) s.tamper = [...s.tamper, ...part.tamper].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0)).slice(0, MAX_TAMPER);
}

/** Adds one time slice of hourly counts to the summaries (hour keys as in the analytic: epoch ms / 1 h). */
export function addHours(into: Map<string, ScopeSummary>, d: CoverageDataset, node: AggNode | undefined): void {
  for (const b of readScopeTree(d, node)) {
    const s = into.get(scopeKey(d, b.account, b.region));
    if (!s) continue;
    for (const h of buckets(child(b.leaf, 'hours'))) {
      const key = bucketKey(h);
      const n = docCount(h);
      if (typeof key !== 'number' || n === 0) continue;
      const hour = Math.floor(key / HOUR);
      s.hours.set(hour, (s.hours.get(hour) ?? 0) + n);
    }
  }
}

/** The listed tamper events as the analytic lists them: its id, time, action and principal for the document. */
function tamperEvents(node: AggNode | undefined): ScopeSummary['tamper'] {
  const out: ScopeSummary['tamper'] = [];
  for (const hit of topHits(node)) {
    const result = normalizeRecord(hit._source, { index: hit._index, docId: hit._id });
    if (!result.ok || result.event.time === null) continue;
    const e = result.event;
    out.push({ event_id: e.id, time: new Date(e.time as number).toISOString(), action: e.action, principal: principalOf(e) });
  }
  return out;
}
