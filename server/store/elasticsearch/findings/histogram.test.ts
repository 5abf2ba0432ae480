import { SEVERITIES, type FindingDocument, type Severity } from '../../../../common/finding';
import { histogramInterval } from './histogram';
import { harness, realFindings, type Harness } from './test_support';

const ms = (iso: string): number => Date.parse(iso);
const firstSeen = (f: FindingDocument): number => ms(f.cloud_api_abuse.chain.first_seen);
const zero = (): Record<Severity, number> => ({ low: 0, medium: 0, high: 0, critical: 0 });

describe('histogramInterval', () => {
  it.each([
    [24 * 3_600_000, 24],
    [24 * 3_600_000, 30],
    [7 * 86_400_000, 50],
    [15 * 60_000, 10],
    [2 * 3_600_000, 24],
    [3 * 365 * 86_400_000, 30],
  ])('splits %i ms into at most %i buckets with the smallest readable interval', (span, buckets) => {
    const { interval, ms: step } = histogramInterval(0, span, buckets);
    expect(interval).toMatch(/^\d+[smhd]$/);
    expect(Math.ceil(span / step)).toBeLessThanOrEqual(buckets);
    // Not needlessly coarse: readable steps are at most 5x apart, so at least a fifth of the buckets asked for.
    expect(Math.ceil(span / step)).toBeGreaterThanOrEqual(Math.floor(buckets / 5));
  });

  it('reads like a person would choose it', () => {
    expect(histogramInterval(0, 86_400_000, 24).interval).toBe('1h');
    expect(histogramInterval(0, 86_400_000, 30).interval).toBe('1h');
    expect(histogramInterval(0, 7 * 86_400_000, 50).interval).toBe('6h');
    expect(histogramInterval(0, 3_600_000, 12).interval).toBe('5m');
  });
});

describe('ElasticsearchFindingsStore.histogram', () => {
  let findings: FindingDocument[];
  let h: Harness;
  beforeAll(async () => {
    findings = await realFindings();
    h = harness();
    await h.store.ensureInstalled();
    await h.store.write(findings);
  });

  /** The counts a chart should show, worked out from the documents. */
  function expectedBuckets(from: number, to: number, step: number, keep: (f: FindingDocument) => boolean = () => true): Map<number, Record<Severity, number>> {
    const out = new Map<number, Record<Severity, number>>();
    for (let t = Math.floor(from / step) * step; t < to; t += step) out.set(t, zero());
    for (const f of findings.filter(keep)) {
      const t = firstSeen(f);
      if (t < Math.floor(from / step) * step || t >= to) continue;
      const counts = out.get(Math.floor(t / step) * step);
      if (counts) counts[f.kibana.alert.severity]++;
    }
    return out;
  }

  it('counts findings by when their chain started and by severity, over the query range', async () => {
    const from = ms('2023-07-10T11:00:00Z');
    const to = ms('2023-07-10T13:00:00Z');
    const res = await h.store.histogram({ from, to }, 24);
    const { interval, ms: step } = histogramInterval(from, to, 24);
    expect(res.interval).toBe(interval);
    const want = expectedBuckets(from, to, step);
    expect(res.buckets).toEqual([...want].map(([t, counts]) => ({ time: new Date(t).toISOString(), counts })));
    expect(res.buckets.length).toBeLessThanOrEqual(25);
    // Some buckets hold findings, most are quiet.
    expect(res.buckets.filter((b) => SEVERITIES.some((s) => b.counts[s] > 0)).length).toBeGreaterThan(1);

    const overlapping = findings.filter((f) => ms(f.cloud_api_abuse.chain.last_seen) >= from && firstSeen(f) < to);
    const totals = zero();
    for (const f of overlapping) totals[f.kibana.alert.severity]++;
    expect(res.bySeverity).toEqual(totals);
  });

  it('applies the list filters to the buckets and the totals', async () => {
    const from = ms('2023-07-10T11:00:00Z');
    const to = ms('2023-07-10T13:00:00Z');
    const keep = (f: FindingDocument): boolean => f.cloud_api_abuse.root_identity.name === 'bert-jan';
    const res = await h.store.histogram({ from, to, search: 'bert-jan', severities: ['low', 'critical'] }, 12);
    const step = histogramInterval(from, to, 12).ms;
    const want = expectedBuckets(from, to, step, (f) => keep(f) && ['low', 'critical'].includes(f.kibana.alert.severity));
    expect(res.buckets.map((b) => b.counts)).toEqual([...want.values()]);
    const totals = zero();
    for (const f of findings.filter((f) => keep(f) && ['low', 'critical'].includes(f.kibana.alert.severity))) totals[f.kibana.alert.severity]++;
    expect(res.bySeverity).toEqual(totals);
    expect(res.bySeverity.critical + res.bySeverity.low).toBeGreaterThan(0);
  });

  it('spans the findings themselves when the range is left open', async () => {
    const res = await h.store.histogram({}, 30);
    const starts = findings.map(firstSeen);
    const { interval, ms: step } = histogramInterval(Math.min(...starts), Math.max(...starts) + 1, 30);
    expect(res.interval).toBe(interval);
    expect(res.buckets.length).toBeLessThanOrEqual(31);
    const summed = zero();
    for (const b of res.buckets) for (const s of SEVERITIES) summed[s] += b.counts[s];
    const totals = zero();
    for (const f of findings) totals[f.kibana.alert.severity]++;
    expect(summed).toEqual(totals);
    expect(res.bySeverity).toEqual(totals);
    expect(res.buckets[0].time).toBe(new Date(Math.floor(Math.min(...starts) / step) * step).toISOString());
  });

  it('answers no buckets and zero totals when nothing matches', async () => {
    expect(await harness('nobody').store.histogram({}, 30)).toEqual({ interval: expect.any(String), buckets: [], bySeverity: zero() });
    const res = await h.store.histogram({ providers: ['gcp'] }, 10);
    expect(res.buckets).toEqual([]);
    expect(res.bySeverity).toEqual(zero());
  });
});
