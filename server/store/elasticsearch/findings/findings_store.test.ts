import type { estypes } from '@elastic/elasticsearch';
import type { FindingDocument } from '../../../../common/finding';
import { AbortedError } from '../retry';
import { FindingsWriteError } from './findings_store';
import { harness, idOf, invictusUntil, realFindings } from './test_support';

type Line = Record<string, unknown>;

/** The ids of the update actions of every `_bulk` request the store sent, one array per request. */
function bulkIds(calls: { path: string; body: unknown }[]): string[][] {
  return calls
    .filter((c) => c.path.endsWith('/_bulk'))
    .map((c) => (c.body as Line[]).filter((line) => 'update' in line).map((line) => (line.update as estypes.BulkUpdateOperation)._id as string));
}

describe('ElasticsearchFindingsStore: writing and reading findings', () => {
  let findings: FindingDocument[];
  beforeAll(async () => {
    findings = await realFindings();
  });

  it('writes the analytic findings under their finding ids and reads each back unchanged', async () => {
    expect(findings.length).toBeGreaterThanOrEqual(4);
    const { fake, store, index } = harness();
    await store.ensureInstalled();
    const result = await store.write(findings);
    expect(result).toEqual({ written: findings.length, rejected: [] });
    // One request, no refresh forced on the cluster by the background task.
    expect(bulkIds(fake.calls)).toEqual([findings.map(idOf)]);
    expect(fake.calls.find((c) => c.path.endsWith('/_bulk'))?.querystring).not.toHaveProperty('refresh');
    expect(fake.docs(index.name)).toHaveLength(findings.length);
    for (const f of findings) expect(await store.get(idOf(f))).toEqual(f);
    expect(await store.get('0000000000000000')).toBeUndefined();
  });

  it('answers get with undefined before the space has any index', async () => {
    const { store } = harness('empty');
    expect(await store.get('e2c9d663f781b0f8c1a194e57f7404a6')).toBeUndefined();
  });

  it('installs the template before its first write, so a new space index never gets dynamic mappings', async () => {
    const { fake, store, index } = harness('new-space');
    await store.write(findings.slice(0, 1));
    expect(fake.mappings(index.name)).toMatchObject({ dynamic: false, _meta: { version: expect.any(Number) } });
    const order = fake.calls.map((c) => `${c.method} ${c.path}`);
    const putTemplate = order.indexOf(`PUT /_index_template/${index.template}`);
    expect(putTemplate).toBeGreaterThanOrEqual(0);
    expect(putTemplate).toBeLessThan(order.findIndex((c) => c.endsWith('/_bulk')));
  });

  it('keeps the status an analyst set when a later run rewrites the grown chain', async () => {
    const early = await invictusUntil('1215');
    const { store } = harness();
    await store.ensureInstalled();
    await store.write(early);
    const [biggest] = [...early].sort((a, b) => b.cloud_api_abuse.chain.event_count - a.cloud_api_abuse.chain.event_count);
    const later = findings.find((f) => idOf(f) === idOf(biggest));
    if (later === undefined) throw new Error('the full run should carry the early chain on under the same finding id');
    expect(later.cloud_api_abuse.chain.event_count).toBeGreaterThan(biggest.cloud_api_abuse.chain.event_count);

    await store.setStatus({ ids: [idOf(biggest)], status: 'acknowledged', by: 'soc-analyst', at: '2023-07-10T12:20:00.000Z', note: 'bert-jan is on leave; key being rotated' });
    await store.write(findings);

    const stored = await store.get(idOf(biggest));
    const workflow = { status: 'acknowledged', updated_by: 'soc-analyst', updated_at: '2023-07-10T12:20:00.000Z', note: 'bert-jan is on leave; key being rotated' };
    // The analyst's workflow, and everything else from the newer chain.
    expect(stored).toEqual({ ...later, cloud_api_abuse: { ...later.cloud_api_abuse, workflow } });
    expect(stored?.cloud_api_abuse.chain.event_count).toBe(later.cloud_api_abuse.chain.event_count);
    expect(stored?.cloud_api_abuse.chain.last_seen).not.toBe(biggest.cloud_api_abuse.chain.last_seen);
    // A finding nobody triaged stays open.
    const untouched = findings.find((f) => idOf(f) !== idOf(biggest));
    if (untouched) expect((await store.get(idOf(untouched)))?.cloud_api_abuse.workflow).toEqual({ status: 'open' });
  });

  it('drops what the newer chain no longer has, and counts an identical rewrite as written', async () => {
    const { store } = harness();
    const f = findings[0];
    const before: FindingDocument = structuredClone(f);
    before.cloud_api_abuse.automation = { name: 'terraform-ci', reason: 'expected IaC user agent' };
    before.user_agent = { original: 'APN/1.0 HashiCorp/1.0 Terraform/1.5.2' };
    await store.write([before]);
    expect((await store.get(idOf(f)))?.cloud_api_abuse.automation).toEqual({ name: 'terraform-ci', reason: 'expected IaC user agent' });

    await store.write([f]);
    const stored = await store.get(idOf(f));
    expect(stored).toEqual(f);
    expect(stored?.cloud_api_abuse).not.toHaveProperty('automation');
    expect(await store.write([f])).toEqual({ written: 1, rejected: [] });
  });

  it('resends only the throttled item and reports the rejected one with its reason', async () => {
    const { fake, store, sleeps } = harness();
    const [rejected, throttled] = findings;
    fake.faults.bulkItem({ match: (a) => a.id === idOf(rejected), status: 400 });
    fake.faults.bulkItem({ match: (a) => a.id === idOf(throttled), status: 429 });
    const result = await store.write(findings);
    expect(result.written).toBe(findings.length - 1);
    expect(result.rejected).toEqual([{ id: idOf(rejected), reason: expect.stringContaining('document_parsing_exception') }]);
    expect(bulkIds(fake.calls)).toEqual([findings.map(idOf), [idOf(throttled)]]);
    expect(sleeps).toEqual([100]);
    expect(await store.get(idOf(throttled))).toEqual(throttled);
    expect(await store.get(idOf(rejected))).toBeUndefined();
  });

  it('retries a bulk request the cluster throttled as a whole', async () => {
    const { fake, store, sleeps } = harness();
    fake.faults.next({ path: '/_bulk', status: 429, times: 2 });
    expect(await store.write(findings)).toEqual({ written: findings.length, rejected: [] });
    expect(bulkIds(fake.calls)).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
    for (const f of findings) expect(await store.get(idOf(f))).toEqual(f);
  });

  it('fails the write, naming how many findings are unwritten, when items stay throttled after every retry', async () => {
    const { fake, store, sleeps } = harness();
    const stuck = findings[1];
    fake.faults.bulkItem({ match: (a) => a.id === idOf(stuck), status: 429, times: Infinity });
    const error = await store.write(findings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FindingsWriteError);
    expect((error as FindingsWriteError).message).toMatch(new RegExp(`^1 of ${findings.length} findings could not be written \\(es_rejected_execution_exception`));
    expect((error as FindingsWriteError).unwritten.map((u) => u.id)).toEqual([idOf(stuck)]);
    // First try plus three retries, backing off 100, 200, 400 ms.
    expect(bulkIds(fake.calls).slice(1)).toEqual([[idOf(stuck)], [idOf(stuck)], [idOf(stuck)]]);
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it('fails the write when the index refuses writes or every finding is rejected, so the run keeps its checkpoint', async () => {
    const readOnly = harness();
    readOnly.fake.faults.bulkItem({
      match: (a) => a.id === idOf(findings[2]),
      status: 403,
      type: 'cluster_block_exception',
      reason: 'index [.alerts-cloud_api_abuse.findings-default] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];',
    });
    await expect(readOnly.store.write(findings)).rejects.toThrow(new RegExp(`^1 of ${findings.length} findings could not be written \\(cluster_block_exception`));
    expect(bulkIds(readOnly.fake.calls)).toHaveLength(1);

    const mismatch = harness();
    mismatch.fake.faults.bulkItem({ match: () => true, status: 400, times: Infinity });
    await expect(mismatch.store.write(findings)).rejects.toThrow(`${findings.length} of ${findings.length} findings could not be written (document_parsing_exception`);
  });

  it('splits a large run into bulk requests of bounded count and size', async () => {
    const { fake, store, index } = harness();
    // Copies of the real findings under new ids: many small chains, and many copies of the 200-event one.
    const copies = (f: FindingDocument, n: number, tag: string): FindingDocument[] =>
      Array.from({ length: n }, (_, i) => {
        const c = structuredClone(f);
        c.cloud_api_abuse.finding_id = `${tag}${i}-${idOf(f)}`;
        return c;
      });
    const small = [...findings].sort((a, b) => a.cloud_api_abuse.evidence.length - b.cloud_api_abuse.evidence.length)[0];
    const large = [...findings].sort((a, b) => b.cloud_api_abuse.evidence.length - a.cloud_api_abuse.evidence.length)[0];
    const run = [...copies(small, 450, 's'), ...copies(large, 60, 'l')];
    expect(await store.write(run)).toEqual({ written: run.length, rejected: [] });
    const requests = fake.calls.filter((c) => c.path.endsWith('/_bulk'));
    expect(requests.length).toBeGreaterThan(3);
    for (const r of requests) {
      expect((r.body as Line[]).length / 2).toBeLessThanOrEqual(200);
      expect(JSON.stringify(r.body).length).toBeLessThan(16 * 1024 * 1024);
    }
    expect(bulkIds(fake.calls).flat()).toEqual(run.map(idOf));
    expect(fake.docs(index.name)).toHaveLength(run.length);
  });

  it('stops when the run is cancelled: before sending, and while backing off', async () => {
    const cancelled = harness();
    const controller = new AbortController();
    controller.abort();
    await expect(cancelled.store.write(findings, { signal: controller.signal })).rejects.toBeInstanceOf(AbortedError);
    expect(bulkIds(cancelled.fake.calls)).toEqual([]);

    const during = new AbortController();
    const backoff = harness('default', {
      sleep: async () => {
        during.abort();
        throw new AbortedError();
      },
    });
    backoff.fake.faults.bulkItem({ match: (a) => a.id === idOf(findings[0]), status: 503 });
    await expect(backoff.store.write(findings, { signal: during.signal })).rejects.toBeInstanceOf(AbortedError);
    expect(bulkIds(backoff.fake.calls)).toHaveLength(1);
  });

  it('sets the workflow of the findings it has and names the ids it does not', async () => {
    const { store } = harness();
    await store.write(findings);
    const [a, b] = findings;
    const res = await store.setStatus({ ids: [idOf(a), 'no-such-finding', idOf(b), idOf(a)], status: 'closed', by: 'lead', at: '2023-07-11T09:00:00.000Z', note: 'red team exercise' });
    expect(res).toEqual({ updated: [idOf(a), idOf(b)], missing: ['no-such-finding'] });
    expect((await store.get(idOf(a)))?.cloud_api_abuse.workflow).toEqual({ status: 'closed', updated_by: 'lead', updated_at: '2023-07-11T09:00:00.000Z', note: 'red team exercise' });

    // Reopened without a note: the old note explained the closing, so it goes.
    await store.setStatus({ ids: [idOf(a)], status: 'open', by: 'lead', at: '2023-07-11T10:00:00.000Z' });
    expect((await store.get(idOf(a)))?.cloud_api_abuse.workflow).toEqual({ status: 'open', updated_by: 'lead', updated_at: '2023-07-11T10:00:00.000Z' });
    expect(await store.setStatus({ ids: [], status: 'closed', by: 'lead', at: '2023-07-11T10:00:00.000Z' })).toEqual({ updated: [], missing: [] });
  });

  it('reports every id as missing in a space without findings', async () => {
    const { store } = harness('empty');
    expect(await store.setStatus({ ids: ['x'], status: 'closed', by: 'lead', at: '2023-07-11T10:00:00.000Z' })).toEqual({ updated: [], missing: ['x'] });
  });
});
