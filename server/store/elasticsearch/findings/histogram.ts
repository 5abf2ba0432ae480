/**
 * The findings-over-time chart: a date_histogram over when chains started, split by severity, and the totals by
 * severity of every finding the query matches. Buckets cover the query range aligned to the interval; a chain that
 * started before the range (it overlaps it, so the totals count it) falls outside the buckets.
 */
import type { estypes } from '@elastic/elasticsearch';
import { SEVERITIES, type Severity } from '../../../../common/finding';
import type { FindingsHistogram } from '../../types';
import { FIELDS } from './findings_query';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Intervals a person reads at a glance, smallest first. */
const NICE_INTERVALS: readonly [string, number][] = [
  ['1s', SECOND], ['5s', 5 * SECOND], ['10s', 10 * SECOND], ['30s', 30 * SECOND],
  ['1m', MINUTE], ['5m', 5 * MINUTE], ['10m', 10 * MINUTE], ['15m', 15 * MINUTE], ['30m', 30 * MINUTE],
  ['1h', HOUR], ['3h', 3 * HOUR], ['6h', 6 * HOUR], ['12h', 12 * HOUR],
  ['1d', DAY], ['7d', 7 * DAY], ['30d', 30 * DAY],
];

export const MAX_HISTOGRAM_BUCKETS = 1_000;

/** The smallest readable fixed interval that splits [from, to) into at most `buckets` buckets. */
export function histogramInterval(from: number, to: number, buckets: number): { interval: string; ms: number } {
  const n = Math.min(MAX_HISTOGRAM_BUCKETS, Math.max(1, Math.floor(buckets)));
  const span = Math.max(1, to - from);
  for (const [interval, ms] of NICE_INTERVALS) if (span / ms <= n) return { interval, ms };
  const days = Math.ceil(span / n / DAY);
  return { interval: `${days}d`, ms: days * DAY };
}

export interface HistogramAggregations {
  over_time: { buckets: { key: number; doc_count: number; severity: SeverityTerms }[] };
  by_severity: SeverityTerms;
}

interface SeverityTerms {
  buckets: { key: string | number; doc_count: number }[];
}

export interface RangeAggregations {
  first: { value: number | null };
  last: { value: number | null };
}

/** Aggregations that find the range when the query leaves an end open. */
export const rangeAggregations: Record<keyof RangeAggregations, estypes.AggregationsAggregationContainer> = {
  first: { min: { field: FIELDS.firstSeen } },
  last: { max: { field: FIELDS.firstSeen } },
};

const severityTerms: estypes.AggregationsAggregationContainer = { terms: { field: FIELDS.severity, size: SEVERITIES.length } };

export function histogramAggregations(from: number, to: number, ms: number, interval: string): Record<keyof HistogramAggregations, estypes.AggregationsAggregationContainer> {
  const start = Math.floor(from / ms) * ms;
  const end = Math.ceil(to / ms) * ms - 1;
  const bounds = { min: start, max: end };
  return {
    over_time: {
      // Empty buckets too (min_doc_count 0 over the bounds): a quiet hour is information.
      date_histogram: { field: FIELDS.firstSeen, fixed_interval: interval, min_doc_count: 0, extended_bounds: bounds, hard_bounds: bounds },
      aggs: { severity: severityTerms },
    },
    by_severity: severityTerms,
  };
}

export function emptyCounts(): Record<Severity, number> {
  return { low: 0, medium: 0, high: 0, critical: 0 };
}

function counts(terms: SeverityTerms | undefined): Record<Severity, number> {
  const out = emptyCounts();
  for (const b of terms?.buckets ?? []) {
    const key = String(b.key);
    if ((SEVERITIES as readonly string[]).includes(key)) out[key as Severity] += b.doc_count;
  }
  return out;
}

export function histogramFrom(aggs: HistogramAggregations | undefined, interval: string): FindingsHistogram {
  return {
    interval,
    buckets: (aggs?.over_time.buckets ?? []).map((b) => ({ time: new Date(b.key).toISOString(), counts: counts(b.severity) })),
    bySeverity: counts(aggs?.by_severity),
  };
}
