import { FakeElasticsearch } from './fake_elasticsearch';

describe('templates, indices and mappings', () => {
  it('gives an index created by a write the mappings of its component and index templates', async () => {
    const fake = new FakeElasticsearch();
    const es = fake.client();
    await es.cluster.putComponentTemplate({ name: 'findings-ecs', template: { mappings: { properties: { '@timestamp': { type: 'date' }, 'user.name': { type: 'keyword' } } } } });
    await es.indices.putIndexTemplate({
      name: 'findings',
      index_patterns: ['.cloud-api-abuse-findings-*'],
      composed_of: ['findings-ecs'],
      priority: 500,
      template: { settings: { number_of_replicas: 0, hidden: true }, mappings: { dynamic: 'strict', properties: { risk: { type: 'integer' } } } },
    });
    const written = await es.index({ index: '.cloud-api-abuse-findings-default', id: 'f1', document: { '@timestamp': '2025-01-01T00:00:00Z', risk: 3, user: { name: 'a' } } });
    expect(written._shards).toEqual({ total: 1, successful: 1, failed: 0 });
    expect(await es.indices.getMapping({ index: '.cloud-api-abuse-findings-default' })).toEqual({
      '.cloud-api-abuse-findings-default': {
        mappings: {
          dynamic: 'strict',
          properties: { '@timestamp': { type: 'date' }, user: { properties: { name: { type: 'keyword' } } }, risk: { type: 'integer' } },
        },
      },
    });
    expect(fake.mappings('.cloud-api-abuse-findings-default').properties).toHaveProperty('risk', { type: 'integer' });
    // Hidden: a plain wildcard does not reach it, a pattern starting with a dot does.
    expect((await es.search({ index: '*' })).hits.hits).toHaveLength(0);
    expect((await es.search({ index: '.cloud-api-abuse-findings-*' })).hits.hits).toHaveLength(1);
  });

  it('reads templates back in the shape Elasticsearch returns, and 404s a missing one', async () => {
    const fake = new FakeElasticsearch({ builtinTemplates: false });
    const es = fake.client();
    await es.indices.putIndexTemplate({ name: 't1', index_patterns: 'audit-*', template: { mappings: { properties: { a: { type: 'keyword' } } } }, _meta: { managed_by: 'cloud-api-abuse' } });
    const got = await es.indices.getIndexTemplate({ name: 't1' });
    expect(got.index_templates).toEqual([
      { name: 't1', index_template: { index_patterns: ['audit-*'], composed_of: [], template: { mappings: { properties: { a: { type: 'keyword' } } } }, _meta: { managed_by: 'cloud-api-abuse' } } },
    ]);
    expect(await es.indices.existsIndexTemplate({ name: 't1' })).toBe(true);
    expect(await es.indices.existsIndexTemplate({ name: 't2' })).toBe(false);
    await expect(es.indices.getIndexTemplate({ name: 't2' })).rejects.toMatchObject({ statusCode: 404, body: { error: { type: 'resource_not_found_exception' } } });
    await expect(es.indices.putIndexTemplate({ name: 't3', index_patterns: ['audit-x*'] })).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { reason: expect.stringContaining('multiple index templates may not match during index creation') } },
    });
    await expect(es.indices.putIndexTemplate({ name: 't4', index_patterns: ['x-*'], composed_of: ['missing'] })).rejects.toMatchObject({ statusCode: 400 });
  });

  it('creates an index with a body over its template, answers HEAD, refuses a duplicate, and merges PUT _mapping', async () => {
    const fake = new FakeElasticsearch();
    const es = fake.client();
    expect(await es.indices.exists({ index: 'findings' })).toBe(false);
    expect(await es.indices.create({ index: 'findings', mappings: { properties: { risk: { type: 'long' } } }, aliases: { 'findings-read': {} } })).toEqual({ acknowledged: true, shards_acknowledged: true, index: 'findings' });
    expect(await es.indices.exists({ index: 'findings' })).toBe(true);
    expect(await es.indices.exists({ index: 'findings-read' })).toBe(true);
    await expect(es.indices.create({ index: 'findings' })).rejects.toMatchObject({ statusCode: 400, body: { error: { type: 'resource_already_exists_exception' } } });
    await expect(es.indices.create({ index: 'Findings' })).rejects.toMatchObject({ statusCode: 400, body: { error: { type: 'invalid_index_name_exception' } } });
    expect(await es.indices.putMapping({ index: 'findings', properties: { chain: { properties: { id: { type: 'keyword' } } } } })).toEqual({ acknowledged: true });
    await expect(es.indices.putMapping({ index: 'findings', properties: { risk: { type: 'keyword' } } })).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { reason: 'mapper [risk] cannot be changed from type [long] to [keyword]' } },
    });
    expect(fake.mappings('findings')).toEqual({ properties: { risk: { type: 'long' }, chain: { properties: { id: { type: 'keyword' } } } } });
    // Reads through the alias.
    await es.index({ index: 'findings', id: '1', document: { risk: 2 } });
    expect((await es.search({ index: 'findings-read' })).hits.hits.map((h) => h._id)).toEqual(['1']);
  });

  it('turns a write under the built-in logs-*-* template into a data stream with a hidden backing index', async () => {
    const fake = new FakeElasticsearch({ now: () => Date.parse('2025-05-06T07:08:09Z') });
    const es = fake.client();
    await es.index({ index: 'logs-gcp.audit-default', document: { '@timestamp': '2025-05-06T07:00:00Z', message: 'x' } });
    expect(fake.dataStreams()).toEqual(['logs-gcp.audit-default']);
    expect(fake.indices()).toEqual(['.ds-logs-gcp.audit-default-2025.05.06-000001']);
    const streams = await es.indices.getDataStream({ name: 'logs-gcp.audit-default' });
    expect(streams.data_streams[0]).toMatchObject({ name: 'logs-gcp.audit-default', template: 'logs', generation: 1, indices: [{ index_name: '.ds-logs-gcp.audit-default-2025.05.06-000001' }] });
    await expect(es.indices.create({ index: 'logs-gcp.audit-other' })).rejects.toMatchObject({ statusCode: 400, body: { error: { reason: expect.stringContaining('creates data streams only') } } });
    const hit = (await es.search({ index: 'logs-gcp.*' })).hits.hits[0];
    expect(hit._index).toBe('.ds-logs-gcp.audit-default-2025.05.06-000001');
  });

  it('reports its version from GET / and answers a ping', async () => {
    const fake = new FakeElasticsearch({ version: '8.19.3' });
    const es = fake.client();
    const info = await es.info();
    expect(info.version.number).toBe('8.19.3');
    expect(info.tagline).toBe('You Know, for Search');
    expect(await es.ping()).toBe(true);
  });
});
