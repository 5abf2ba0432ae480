/** Evidence read back from the cluster: the generated day's documents in the fake, through the real client. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { EvidenceEvent, FindingDocument } from '../../../../common/finding';
import { generateSampleDay } from '../../../../plugin/sample_data';
import { detectElasticsearch, loadDay } from '../../../../test/support/elasticsearch_day';
import type { FakeElasticsearch } from '../../../../test/support/fake_es';
import { normalizeRecord } from '../../normalize';
import { ElasticsearchEvidenceStore } from './evidence_store';

const DAY = Date.parse('2026-11-20T00:00:00Z');

function entry(eventId: string, origin?: EvidenceEvent['origin']): EvidenceEvent {
  const e: EvidenceEvent = {
    event_id: eventId,
    '@timestamp': '2026-11-20T00:00:00.000Z',
    stage: 'activity',
    provider: 'aws',
    service: 'sts.amazonaws.com',
    action: 'GetCallerIdentity',
    outcome: 'success',
    principal: 'someone',
    interface: 'cli',
    tool: 'aws-cli',
  };
  if (origin) e.origin = origin;
  return e;
}

describe('ElasticsearchEvidenceStore', () => {
  let dir: string;
  let es: FakeElasticsearch;
  let findings: FindingDocument[];
  /** Evidence entries for documents of the day, as the detection writes them (index and _id). */
  let stored: EvidenceEvent[];
  const store = (retry = {}) => new ElasticsearchEvidenceStore({ client: es.client({ maxRetries: 0 }), requestTimeoutMs: 10_000, retry: { sleep: async () => undefined, ...retry } });
  const mgets = () => es.calls.filter((c) => c.path.endsWith('/_mget'));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'caa-es-evidence-'));
    const files = (await generateSampleDay({ outDir: dir, seed: 5, events: 8_000 })).files;
    es = (await loadDay(files)).es;
    findings = (await detectElasticsearch(es.client(), { from: DAY, to: DAY + 86_400_000, historyFrom: DAY - 14 * 86_400_000 })).findings;
    const hits = (await es.client().search({ index: 'logs-*', size: 3_000, sort: [{ '@timestamp': 'asc' }], _source: false })).hits.hits;
    stored = hits.map((h) => entry(h._id as string, { index: h._index, id: h._id as string }));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    es.calls.length = 0;
    es.faults.clear();
  });

  it('gives back, for every evidence entry of a detected finding, the document it was made from', async () => {
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings) {
      const evidence = f.cloud_api_abuse.evidence;
      const records = await store().records(evidence);
      expect(records.map((r) => r.event_id)).toEqual(evidence.map((e) => e.event_id));
      for (const r of records) {
        expect(r.error).toBeUndefined();
        const again = normalizeRecord(r.record);
        expect(again.ok && again.event.id).toBe(r.event_id);
      }
    }
    // one request per finding
    expect(mgets()).toHaveLength(findings.length);
  });

  it('keeps evidence order and says per entry what could not be read', async () => {
    const [a, b] = stored;
    const evidence = [
      b,
      entry('from-a-file', { file: '/logs/trail.json.gz', line: 3 }),
      a,
      b,
      entry('deleted', { index: a.origin?.index, id: 'no-such-document' }),
      entry('rolled-over', { index: '.ds-logs-aws.cloudtrail-default-2020.01.01-000001', id: 'x' }),
      entry('pattern', { index: 'logs-*', id: 'x' }),
      entry('no-origin'),
    ];
    const records = await store().records(evidence);
    expect(records.map((r) => [r.event_id, r.error ?? 'found'])).toEqual([
      [b.event_id, 'found'],
      ['from-a-file', 'no origin'],
      [a.event_id, 'found'],
      [b.event_id, 'found'],
      ['deleted', 'not found'],
      ['rolled-over', expect.stringMatching(/^index_not_found_exception/)],
      ['pattern', 'invalid origin index'],
      ['no-origin', 'no origin'],
    ]);
    expect(records[0].record).toEqual(records[3].record);
    // one request, each document asked for once, nothing for entries without a usable origin
    expect(mgets()).toHaveLength(1);
    expect((mgets()[0].body as { docs: unknown[] }).docs).toHaveLength(4);
  });

  it('asks for at most 1,000 documents per request', async () => {
    const evidence = stored.slice(0, 2_500);
    const records = await store().records(evidence);
    expect(records.every((r) => r.record !== undefined)).toBe(true);
    expect(records.map((r) => r.event_id)).toEqual(evidence.map((e) => e.event_id));
    expect(mgets().map((c) => (c.body as { docs: unknown[] }).docs.length)).toEqual([1_000, 1_000, 500]);
  });

  it('turns a refusal of the whole request into an error on each entry', async () => {
    es.faults.next({ path: /\/_mget$/, status: 403, type: 'security_exception', reason: 'action [indices:data/read/mget] is unauthorized' });
    const records = await store().records([stored[0], entry('no-origin'), stored[1]]);
    expect(records).toEqual([
      { event_id: stored[0].event_id, error: 'forbidden (security_exception)' },
      { event_id: 'no-origin', error: 'no origin' },
      { event_id: stored[1].event_id, error: 'forbidden (security_exception)' },
    ]);
  });

  it('retries a throttled request and fails on errors a retry cannot fix', async () => {
    es.faults.next({ path: /\/_mget$/, status: 429 });
    const records = await store().records([stored[0]]);
    expect(records[0].record).toBeDefined();
    expect(mgets()).toHaveLength(2);

    es.faults.next({ path: /\/_mget$/, status: 500 });
    await expect(store().records([stored[0]])).rejects.toThrow();
  });

  it('makes no request when no entry has a usable origin', async () => {
    expect(await store().records([entry('x', { file: 'a.json', line: 1 })])).toEqual([{ event_id: 'x', error: 'no origin' }]);
    expect(await store().records([])).toEqual([]);
    expect(mgets()).toHaveLength(0);
  });
});
