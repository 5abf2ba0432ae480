import { errors } from '@elastic/elasticsearch';
import { FakeElasticsearch } from './fake_elasticsearch';

describe('single-document APIs', () => {
  it('indexes, gets, re-indexes and deletes by id with Elasticsearch versioning', async () => {
    const fake = new FakeElasticsearch();
    const es = fake.client();
    const id = 'arn:aws:iam::123456789012:role/ci deploy';
    const created = await es.index({ index: 'findings', id, document: { risk: 1 }, refresh: true });
    expect(created).toEqual({ _index: 'findings', _id: id, _version: 1, result: 'created', _shards: { total: 2, successful: 1, failed: 0 }, _seq_no: 0, _primary_term: 1, forced_refresh: true });
    const replaced = await es.index({ index: 'findings', id, document: { risk: 2 } });
    expect(replaced).toMatchObject({ result: 'updated', _version: 2, _seq_no: 1 });
    expect(await es.get({ index: 'findings', id })).toEqual({ _index: 'findings', _id: id, _version: 2, _seq_no: 1, _primary_term: 1, found: true, _source: { risk: 2 } });
    expect(await es.exists({ index: 'findings', id })).toBe(true);
    expect(await es.delete({ index: 'findings', id })).toMatchObject({ result: 'deleted', _version: 3 });
    expect(await es.exists({ index: 'findings', id })).toBe(false);
    const missing = await es.get({ index: 'findings', id }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(errors.ResponseError);
    expect((missing as errors.ResponseError).statusCode).toBe(404);
    expect((missing as errors.ResponseError).body).toEqual({ _index: 'findings', _id: id, found: false });
    // Re-creating continues the version sequence, as Elasticsearch's tombstones do.
    expect(await es.index({ index: 'findings', id, document: { risk: 3 } })).toMatchObject({ result: 'created', _version: 4 });
    expect(fake.calls.map((c) => c.path)).toContain(`/findings/_doc/${id}`);
  });

  it('refuses a create on an existing id with a top-level 409, and honours if_seq_no', async () => {
    const fake = new FakeElasticsearch();
    const es = fake.client();
    await es.create({ index: 'findings', id: 'f', document: { n: 1 } });
    await expect(es.create({ index: 'findings', id: 'f', document: { n: 2 } })).rejects.toMatchObject({
      statusCode: 409,
      body: { error: { root_cause: [{ type: 'version_conflict_engine_exception' }], type: 'version_conflict_engine_exception' }, status: 409 },
    });
    await expect(es.index({ index: 'findings', id: 'f', document: { n: 3 }, if_seq_no: 7, if_primary_term: 1 })).rejects.toMatchObject({ statusCode: 409 });
    await expect(es.index({ index: 'findings', id: 'f', document: { n: 3 }, if_seq_no: 0, if_primary_term: 1 })).resolves.toMatchObject({ result: 'updated' });
  });

  it('updates partially, detects noops, upserts, and 404s a missing document', async () => {
    const fake = new FakeElasticsearch();
    const es = fake.client();
    await es.index({ index: 'findings', id: 'f', document: { status: 'open', chain: { stages: ['shift'] } } });
    expect(await es.update({ index: 'findings', id: 'f', doc: { chain: { risk: 70 } } })).toMatchObject({ result: 'updated', _version: 2 });
    expect(await es.update({ index: 'findings', id: 'f', doc: { chain: { risk: 70 } } })).toMatchObject({ result: 'noop', _version: 2 });
    expect(await es.update({ index: 'findings', id: 'g', doc: { status: 'new' }, doc_as_upsert: true })).toMatchObject({ result: 'created' });
    await expect(es.update({ index: 'findings', id: 'h', doc: { status: 'x' } })).rejects.toMatchObject({ statusCode: 404, body: { error: { type: 'document_missing_exception' } } });
    expect((await es.get<{ chain: unknown }>({ index: 'findings', id: 'f' }))._source?.chain).toEqual({ stages: ['shift'], risk: 70 });
  });

  it('gets several documents with _mget, reporting missing documents and indices per item', async () => {
    const fake = new FakeElasticsearch();
    fake.index('a', [{ id: '1', document: { x: 1, y: 2 } }]);
    const res = await fake.client().mget({ docs: [{ _index: 'a', _id: '1', _source: ['x'] }, { _index: 'a', _id: '2' }, { _index: 'nope', _id: '1' }] });
    expect(res.docs[0]).toEqual({ _index: 'a', _id: '1', _version: 1, _seq_no: 0, _primary_term: 1, found: true, _source: { x: 1 } });
    expect(res.docs[1]).toEqual({ _index: 'a', _id: '2', found: false });
    expect(res.docs[2]).toMatchObject({ _index: 'nope', _id: '1', error: { type: 'index_not_found_exception' } });
    const byIds = await fake.client().mget({ index: 'a', ids: ['1'] });
    expect(byIds.docs).toHaveLength(1);
  });

  it('updates by query with a params assignment script, and deletes by query', async () => {
    const fake = new FakeElasticsearch();
    fake.index('findings', [
      { id: '1', document: { status: 'open', owner: { name: 'x' }, chain: 'c1' } },
      { id: '2', document: { status: 'open', owner: { name: 'y' }, chain: 'c2' } },
      { id: '3', document: { status: 'closed', owner: { name: 'z' }, chain: 'c1' } },
    ]);
    const es = fake.client();
    const res = await es.updateByQuery({
      index: 'findings',
      refresh: true,
      query: { term: { chain: 'c1' } },
      script: { source: "ctx._source.status = params.status; ctx._source.owner.name = params.who; ctx._source['kibana.alert.workflow_status'] = 'acknowledged'", params: { status: 'resolved', who: 'soc' } },
    });
    expect(res).toMatchObject({ total: 2, updated: 2, deleted: 0, version_conflicts: 0, noops: 0, failures: [] });
    expect(fake.docs('findings')).toEqual([
      { status: 'open', owner: { name: 'y' }, chain: 'c2' },
      { status: 'resolved', owner: { name: 'soc' }, chain: 'c1', 'kibana.alert.workflow_status': 'acknowledged' },
      { status: 'resolved', owner: { name: 'soc' }, chain: 'c1', 'kibana.alert.workflow_status': 'acknowledged' },
    ]);
    expect((await es.get({ index: 'findings', id: '1' }))._version).toBe(2);
    await expect(es.updateByQuery({ index: 'findings', script: { source: 'if (ctx._source.x) { ctx.op = "delete" }' } })).rejects.toMatchObject({ statusCode: 400 });
    expect(await es.deleteByQuery({ index: 'findings', query: { term: { status: 'open' } } })).toMatchObject({ total: 1, deleted: 1 });
    expect(fake.docs('findings')).toHaveLength(2);
  });

  it('refuses single-document reads and writes addressed to a data stream, as Elasticsearch does', async () => {
    const fake = new FakeElasticsearch();
    fake.index('logs-aws.cloudtrail-default', [{ id: 'e1', document: { '@timestamp': '2025-01-01T00:00:00Z' } }]);
    const es = fake.client();
    await expect(es.get({ index: 'logs-aws.cloudtrail-default', id: 'e1' })).rejects.toMatchObject({ statusCode: 400 });
    await expect(es.index({ index: 'logs-aws.cloudtrail-default', id: 'e2', document: { '@timestamp': '2025-01-01T00:00:00Z' } })).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { reason: 'only write ops with an op_type of create are allowed in data streams' } },
    });
    // An auto-id POST is a create, which data streams accept.
    await expect(es.index({ index: 'logs-aws.cloudtrail-default', document: { '@timestamp': '2025-01-01T00:00:00Z' } })).resolves.toMatchObject({ result: 'created' });
    const [backing] = fake.indices();
    expect((await es.get({ index: backing, id: 'e1' })).found).toBe(true);
  });
});
