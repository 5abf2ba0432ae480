import type { estypes } from '@elastic/elasticsearch';
import { FakeElasticsearch } from './fake_elasticsearch';

type Item = Partial<Record<estypes.BulkOperationType, estypes.BulkResponseItem>>;

function only(item: Item): [string, estypes.BulkResponseItem] {
  const entries = Object.entries(item);
  expect(entries).toHaveLength(1);
  return entries[0] as [string, estypes.BulkResponseItem];
}

describe('_bulk', () => {
  it('creates, then reports a 409 version conflict for a create on an existing id while the rest succeed', async () => {
    const fake = new FakeElasticsearch();
    const es = fake.client();
    const first = await es.bulk({ refresh: 'wait_for', operations: [{ create: { _index: 'findings', _id: 'f1' } }, { risk: 10 }] });
    expect(first.errors).toBe(false);
    expect(first.items[0].create).toEqual({ _index: 'findings', _id: 'f1', _version: 1, result: 'created', _shards: { total: 2, successful: 1, failed: 0 }, _seq_no: 0, _primary_term: 1, status: 201 });

    const second = await es.bulk({
      operations: [{ create: { _index: 'findings', _id: 'f1' } }, { risk: 99 }, { create: { _index: 'findings', _id: 'f2' } }, { risk: 20 }, { index: { _index: 'findings', _id: 'f1' } }, { risk: 11 }],
    });
    expect(second.errors).toBe(true);
    const [op, conflict] = only(second.items[0]);
    expect(op).toBe('create');
    expect(conflict.status).toBe(409);
    expect(conflict.error).toMatchObject({ type: 'version_conflict_engine_exception', reason: '[f1]: version conflict, document already exists (current version [1])', index: 'findings', shard: '0' });
    expect(second.items[1].create).toMatchObject({ status: 201, result: 'created', _id: 'f2' });
    expect(second.items[2].index).toMatchObject({ status: 200, result: 'updated', _version: 2 });
    expect(fake.docs('findings')).toEqual([{ risk: 20 }, { risk: 11 }]);
  });

  it('updates with doc, doc_as_upsert and upsert; reports noop and document_missing_exception', async () => {
    const fake = new FakeElasticsearch();
    fake.index('findings', [{ id: 'a', document: { status: 'open', chain: { stages: ['recon'] } } }]);
    const operations: estypes.BulkRequest['operations'] = [
      { update: { _index: 'findings', _id: 'a' } }, { doc: { status: 'closed', chain: { risk: 80 } } },
      { update: { _index: 'findings', _id: 'a' } }, { doc: { status: 'closed' } },
      { update: { _index: 'findings', _id: 'b' } }, { doc: { status: 'new' }, doc_as_upsert: true },
      { update: { _index: 'findings', _id: 'c' } }, { doc: { status: 'x' }, upsert: { status: 'seeded' } },
      { update: { _index: 'findings', _id: 'zz' } }, { doc: { status: 'x' } },
      { delete: { _index: 'findings', _id: 'nope' } },
    ];
    const res = await fake.client().bulk({ refresh: true, operations });
    const [updated, noop, upserted, seeded, missing, notFound] = res.items.map((i) => only(i)[1]);
    expect(updated).toMatchObject({ result: 'updated', _version: 2, status: 200, forced_refresh: true });
    expect(noop).toMatchObject({ result: 'noop', _version: 2, status: 200, _shards: { total: 0, successful: 0, failed: 0 } });
    expect(upserted).toMatchObject({ result: 'created', status: 201 });
    expect(seeded).toMatchObject({ result: 'created', status: 201 });
    expect(missing).toMatchObject({ status: 404, error: { type: 'document_missing_exception', reason: '[zz]: document missing' } });
    // A delete of a missing document is a 404 item, not an error.
    expect(notFound).toMatchObject({ result: 'not_found', status: 404 });
    expect(notFound.error).toBeUndefined();
    expect(res.errors).toBe(true);
    expect(fake.docs('findings')).toEqual([{ status: 'closed', chain: { stages: ['recon'], risk: 80 } }, { status: 'new' }, { status: 'seeded' }]);
  });

  it('accepts only create into a data stream, reporting the backing index', async () => {
    const fake = new FakeElasticsearch({ now: () => Date.parse('2025-04-02T10:00:00Z') });
    const res = await fake.client().bulk({
      operations: [
        { create: { _index: 'logs-cloud_api_abuse.findings-default' } }, { '@timestamp': '2025-04-02T09:00:00Z', risk: 5 },
        { index: { _index: 'logs-cloud_api_abuse.findings-default' } }, { '@timestamp': '2025-04-02T09:00:00Z', risk: 6 },
        { create: { _index: 'logs-cloud_api_abuse.findings-default' } }, { risk: 7 },
      ],
    });
    const [created, indexed, noTimestamp] = res.items.map((i) => only(i)[1]);
    expect(created).toMatchObject({ _index: '.ds-logs-cloud_api_abuse.findings-default-2025.04.02-000001', result: 'created', status: 201 });
    expect(indexed).toMatchObject({ status: 400, error: { type: 'illegal_argument_exception', reason: 'only write ops with an op_type of create are allowed in data streams' } });
    expect(noTimestamp).toMatchObject({ status: 400, error: { type: 'document_parsing_exception' } });
    expect(fake.dataStreams()).toEqual(['logs-cloud_api_abuse.findings-default']);
  });

  it('rejects documents the mapping cannot parse, item by item', async () => {
    const fake = new FakeElasticsearch();
    const es = fake.client();
    await es.indices.create({ index: 'findings', mappings: { dynamic: 'strict', properties: { risk: { type: 'integer' }, '@timestamp': { type: 'date' }, user: { properties: { name: { type: 'keyword' } } } } } });
    const res = await es.bulk({
      index: 'findings',
      operations: [
        { index: { _id: '1' } }, { risk: 'high' },
        { index: { _id: '2' } }, { '@timestamp': 'yesterday' },
        { index: { _id: '3' } }, { user: { name: 'a', email: 'x' } },
        { index: { _id: '4' } }, { risk: '42', '@timestamp': 1700000000000, 'user.name': 'b' },
      ],
    });
    const items = res.items.map((i) => only(i)[1]);
    expect(items.map((i) => i.status)).toEqual([400, 400, 400, 201]);
    expect(items[0].error).toMatchObject({ type: 'document_parsing_exception', reason: expect.stringContaining('failed to parse field [risk] of type [integer]') });
    expect(items[1].error).toMatchObject({ type: 'document_parsing_exception', reason: expect.stringContaining('[@timestamp] of type [date]') });
    expect(items[2].error).toMatchObject({ type: 'strict_dynamic_mapping_exception', reason: expect.stringContaining('dynamic introduction of [email] within [user]') });
  });

  it('fails chosen items with es_rejected_execution_exception (429) or a parsing error (400) via faults.bulkItem', async () => {
    const fake = new FakeElasticsearch();
    const seen: string[] = [];
    fake.faults.bulkItem({ match: (action, doc) => action.op === 'create' && doc?.user === 'mallory', status: 429, times: 2 });
    fake.faults.bulkItem({ match: (action) => action.id === 'bad', status: 400 });
    fake.faults.bulkItem({ match: (action) => (seen.push(`${action.op}:${action.index}`), false), status: 500 });
    const ops = (n: number): estypes.BulkRequest['operations'] =>
      Array.from({ length: n }, (_, i) => [{ create: { _index: 'audit', _id: `e${i}` } }, { user: i % 2 === 0 ? 'mallory' : 'alice' }]).flat();
    const res = await fake.client().bulk({ operations: [...(ops(6) ?? []), { index: { _index: 'audit', _id: 'bad' } }, { user: 'x' }] });
    const items = res.items.map((i) => only(i)[1]);
    expect(res.errors).toBe(true);
    expect(items.map((i) => i.status)).toEqual([429, 201, 429, 201, 201, 201, 400]);
    expect(items[0]).toMatchObject({ _index: 'audit', _id: 'e0', error: { type: 'es_rejected_execution_exception' } });
    expect(items[0].result).toBeUndefined();
    expect(items[6].error?.type).toBe('document_parsing_exception');
    // Rejected items were not written; the retry of a rejected item succeeds once the fault is used up.
    expect(fake.docs('audit')).toHaveLength(4);
    expect(fake.faults.pending()).toBe(1); // the observing fault never matches
    expect(seen).toEqual(['create:audit', 'create:audit', 'create:audit', 'create:audit']);
    const retry = await fake.client().bulk({ operations: [{ create: { _index: 'audit', _id: 'e0' } }, { user: 'mallory' }] });
    expect(retry.errors).toBe(false);
  });

  it('works with client.helpers.bulk, which retries items rejected with 429', async () => {
    const fake = new FakeElasticsearch();
    fake.faults.bulkItem({ match: (action) => action.id === 'd3' || action.id === 'd7', status: 429, times: 2 });
    const stats = await fake.client().helpers.bulk({
      datasource: Array.from({ length: 10 }, (_, i) => ({ id: `d${i}`, n: i })),
      onDocument: (doc) => ({ create: { _index: 'h', _id: doc.id } }),
      retries: 2,
      wait: 1,
    });
    expect(stats).toMatchObject({ total: 10, failed: 0, successful: 10 });
    expect(fake.faults.pending()).toBe(0);
    expect(fake.docs('h')).toHaveLength(10);
    expect(fake.calls.filter((c) => c.path === '/_bulk').length).toBeGreaterThan(1);
  });

  it('answers malformed bulk bodies with a 400 for the whole request', async () => {
    const fake = new FakeElasticsearch();
    const es = fake.client();
    await expect(es.transport.request({ method: 'POST', path: '/_bulk', bulkBody: [{ upsert: { _index: 'x' } }, { a: 1 }] })).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { type: 'illegal_argument_exception', reason: expect.stringContaining('expected field [create], [delete], [index] or [update] but found [upsert]') } },
    });
    await expect(es.bulk({ operations: [{ index: {} }, { a: 1 }] })).rejects.toMatchObject({ statusCode: 400, body: { error: { reason: 'Validation Failed: 1: index is missing;' } } });
  });
});
