/**
 * The coverage report computed by Elasticsearch against the offline one (the CLI path: files -> normalizers ->
 * engine -> CoverageAnalyzer) over the same events: the generated day as its ECS documents in the fake cluster.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CoverageReport } from '../../../../common/coverage';
import { generateSampleDay } from '../../../../plugin/sample_data';
import { detectFiles } from '../../../../test/support/detect_files';
import { loadDay } from '../../../../test/support/elasticsearch_day';
import type { FakeElasticsearch } from '../../../../test/support/fake_es';
import { DEFAULT_SOURCES } from '../../../config';
import { ElasticsearchCoverage } from './elasticsearch_coverage';

const DAY = Date.parse('2026-11-20T00:00:00Z');
const RANGE = { from: DAY - 86_400_000, to: DAY + 2 * 86_400_000 };

function coverageOf(es: FakeElasticsearch, hourlyBuckets?: number): ElasticsearchCoverage {
  return new ElasticsearchCoverage({ client: es.client(), indices: DEFAULT_SOURCES, requestTimeoutMs: 60_000, hourlyBuckets });
}

const kinds = (r: CoverageReport): string[] => [...new Set(r.problems.map((p) => p.kind))].sort();
const scopeKey = (s: { provider: string; account?: string; region?: string }): string => `${s.provider}|${s.account}|${s.region}`;
const hourlySearches = (es: FakeElasticsearch, since = 0): number =>
  es.calls.slice(since).filter((c) => JSON.stringify(c.body).includes('date_histogram')).length;

describe('ElasticsearchCoverage on the generated day', () => {
  let dir: string;
  let files: string[];
  let day: FakeElasticsearch;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'caa-es-coverage-'));
    files = (await generateSampleDay({ outDir: dir, seed: 5, events: 20_000 })).files;
    day = (await loadDay(files)).es;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the offline report: providers, scopes, counts, hours, tamper events, traceability and problems', async () => {
    const offline = (await detectFiles(files)).coverage;
    const since = day.calls.length;
    const report = await coverageOf(day).report(RANGE);

    expect(report).toEqual(offline);
    // a day worth comparing: every provider, tamper listed with its principal, privileged actions traced to people
    expect(report.providers.map((p) => p.provider)).toEqual(['aws', 'azure', 'gcp']);
    expect(report.scopes.length).toBeGreaterThan(10);
    expect(report.scopes.flatMap((s) => s.tamper_events).length).toBeGreaterThan(0);
    expect(report.traceability.traceable).toBeGreaterThan(0);
    expect(kinds(report)).toEqual(expect.arrayContaining(['tamper', 'low_traceability']));

    // aggregations only: every request is a search that returns no documents (tamper events come as top hits)
    const calls = day.calls.slice(since);
    const searches = calls.filter((c) => c.path.endsWith('/_search'));
    expect(searches.length).toBe(calls.length);
    expect(searches.length).toBeLessThanOrEqual(8);
    for (const c of searches) expect(c.body).toMatchObject({ size: 0 });
  }, 120_000);

  it('finds a trail that fell silent and missing sign-in logs', async () => {
    // one busy trail delivered nothing from 10:00 to 15:00; Entra sign-in logs were never exported
    const kept = files.filter((f) => !/482913750264_CloudTrail_us-east-1_20261120T1[0-4]/.test(f) && !/insights-logs-.*signinlogs/.test(f));
    expect(kept.length).toBeLessThan(files.length);
    const offline = (await detectFiles(kept)).coverage;
    const { es } = await loadDay(kept);
    const report = await coverageOf(es).report(RANGE);

    expect(report).toEqual(offline);
    expect(kinds(report)).toEqual(expect.arrayContaining(['gap', 'no_sign_in_logs']));
    expect(report.scopes.find((s) => scopeKey(s) === 'aws|482913750264|us-east-1')?.gaps).toEqual([
      expect.objectContaining({ start: '2026-11-20T10:00:00.000Z', end: '2026-11-20T15:00:00.000Z' }),
    ]);
  }, 120_000);

  it('finds missing Data Access logs, with the same report as offline, traceability included', async () => {
    const kept = files.filter((f) => !f.includes('/data_access/'));
    const offline = (await detectFiles(kept)).coverage;
    const { es } = await loadDay(kept);
    const report = await coverageOf(es).report(RANGE);
    expect(kinds(report)).toContain('no_data_access');
    // Without the impersonation records, a workload-identity run acting through a service account is still a workload.
    expect(report).toEqual(offline);
  }, 120_000);

  it('asks for the hours of a long range in slices, with the same result', async () => {
    let since = day.calls.length;
    const whole = await coverageOf(day).report(RANGE);
    expect(hourlySearches(day, since)).toBe(1);
    since = day.calls.length;
    const sliced = await coverageOf(day, 100).report(RANGE);
    expect(sliced).toEqual(whole);
    // 100 hourly buckets per response over more than 10 scopes: at most 9 hours per slice, 3 slices or more for the day
    expect(hourlySearches(day, since)).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('reports nothing for a range without events', async () => {
    const { es } = await loadDay(files.slice(0, 20));
    const report = await coverageOf(es).report({ from: DAY + 3 * 86_400_000, to: DAY + 4 * 86_400_000 });
    expect(report).toEqual({
      generated_from: { events: 0, first_seen: null, last_seen: null },
      providers: [],
      scopes: [],
      traceability: { privileged: 0, traceable: 0, share: null },
      problems: [],
    });
  }, 60_000);
});
