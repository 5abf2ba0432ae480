/** The Elasticsearch source against the fake Elasticsearch through the real client: paging, throttling, timeouts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { errors } from '@elastic/elasticsearch';
import { generateSampleDay } from '../../../plugin/sample_data';
import { loadDay } from '../../../test/support/elasticsearch_day';
import type { FakeElasticsearch } from '../../../test/support/fake_es';
import { DEFAULT_SOURCES } from '../../config';
import { withDefaults } from '../../analytic/config';
import { normalizeRecord } from '../normalize';
import { readAgent } from './agent_reader';
import { ElasticsearchEventSource, type SourceMode } from './event_source';

const DAY = Date.parse('2026-11-20T00:00:00Z');

function source(es: FakeElasticsearch, mode: SourceMode, limits: Partial<{ pageSize: number; requestTimeoutMs: number }> = {}) {
  return new ElasticsearchEventSource({
    client: es.client({ maxRetries: 0 }),
    indices: DEFAULT_SOURCES,
    from: DAY,
    to: DAY + 86_400_000,
    historyFrom: DAY - 86_400_000,
    mode,
    config: withDefaults(),
    limits: { pageSize: limits.pageSize ?? 1000, requestTimeoutMs: limits.requestTimeoutMs ?? 10_000, keepAlive: '1m', retry: { baseDelayMs: 1, maxDelayMs: 5, retries: 2 } },
    maxEvents: 10_000_000,
    normalize: normalizeRecord,
    readAgent,
  });
}

async function drain(s: ElasticsearchEventSource): Promise<number> {
  let n = 0;
  for await (const b of s.batches()) n += b.length;
  return n;
}

describe('ElasticsearchEventSource', () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'caa-src-'));
    files = (await generateSampleDay({ outDir: dir, seed: 13, events: 8_000 })).files;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pages a full scan with a point in time in bounded pages, in time order, and closes every point in time', async () => {
    const { es, documents } = await loadDay(files);
    const s = source(es, 'full_scan', { pageSize: 500 });
    let last = -Infinity;
    let n = 0;
    for await (const batch of s.batches()) {
      for (const e of batch) {
        expect(e.time as number).toBeGreaterThanOrEqual(last);
        last = e.time as number;
        n++;
      }
    }
    expect(n).toBe(documents);
    const searches = es.calls.filter((c) => c.path === '/_search');
    expect(searches.length).toBeGreaterThanOrEqual(Math.ceil(documents / 500));
    for (const c of searches) expect((c.body as { size: number }).size).toBe(500);
    expect(es.pitsOpened).toBeGreaterThan(0);
    expect(es.openPitIds()).toEqual([]);
  });

  it('retries a request throttled with 429 and reads everything', async () => {
    const { es, documents } = await loadDay(files);
    es.faults.next({ path: /_search/, status: 429, times: 2 });
    expect(await drain(source(es, 'full_scan'))).toBe(documents);
  });

  it('retries a timed-out request, then reports the timeout when it keeps timing out', async () => {
    const { es, documents } = await loadDay(files);
    es.faults.delay({ path: /_search/, ms: 300, times: 1 });
    expect(await drain(source(es, 'full_scan', { requestTimeoutMs: 100 }))).toBe(documents);
    es.faults.delay({ path: /_search/, ms: 300, times: 100 });
    await expect(drain(source(es, 'full_scan', { requestTimeoutMs: 100 }))).rejects.toBeInstanceOf(errors.TimeoutError);
  });

  it('reads far fewer documents candidate-first than a full scan over the same window', async () => {
    const { es } = await loadDay(files);
    const full = source(es, 'full_scan');
    const candidate = source(es, 'candidate_first');
    await drain(full);
    await drain(candidate);
    expect(candidate.stats.docs).toBeLessThan(full.stats.docs * 0.5);
  });
});
