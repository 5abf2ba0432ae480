import { FakeElasticsearch } from '../../../../test/support/fake_es';
import { findingsIndex } from './findings_index';
import { FINDINGS_MAPPING_VERSION } from './findings_mappings';
import { installFindingsIndex } from './install';
import { harness } from './test_support';

const writes = (fake: FakeElasticsearch): string[] => fake.calls.filter((c) => c.method === 'PUT' || c.method === 'POST').map((c) => `${c.method} ${c.path}`);

describe('findings index installation', () => {
  it('installs a hidden one-shard template for every space and creates the space index from it', async () => {
    const { fake, store, index } = harness('default');
    await store.ensureInstalled();
    const es = fake.client();

    const [template] = (await es.indices.getIndexTemplate({ name: '.alerts-cloud_api_abuse.findings-template' })).index_templates;
    expect(template.index_template.index_patterns).toEqual(['.alerts-cloud_api_abuse.findings-*']);
    expect(template.index_template._meta).toMatchObject({ version: FINDINGS_MAPPING_VERSION });
    expect(template.index_template.template?.settings).toEqual({ number_of_shards: 1, auto_expand_replicas: '0-1', hidden: true });

    expect(fake.indices()).toEqual(['.alerts-cloud_api_abuse.findings-default']);
    const created = await es.indices.get({ index: index.name });
    expect(created[index.name].settings?.index).toMatchObject({ hidden: 'true', number_of_shards: '1', auto_expand_replicas: '0-1' });
    const mappings = fake.mappings(index.name);
    expect(mappings).toMatchObject({ dynamic: false, _meta: { version: FINDINGS_MAPPING_VERSION } });
    // Spot checks of what the store relies on: the types that make ranges, numeric sorts and IP fields work.
    const abuse = (mappings.properties as Record<string, { properties: Record<string, { type?: string; properties?: Record<string, { type: string }> }> }>).cloud_api_abuse.properties;
    expect(abuse.chain.properties).toMatchObject({ first_seen: { type: 'date' }, last_seen: { type: 'date' }, event_count: { type: 'long' } });
    expect(abuse.evidence).toMatchObject({ type: 'object', properties: { principal: { type: 'keyword' }, action: { type: 'keyword' }, source_ip: { type: 'ip' } } });
    expect(abuse.workflow.properties).toMatchObject({ status: { type: 'keyword' }, updated_at: { type: 'date' } });
    expect(mappings.properties).toMatchObject({ event: { properties: { severity: { type: 'long' } } }, source: { properties: { ip: { type: 'ip' } } } });
  });

  it('changes nothing the second time, from this node or another one starting at the same moment', async () => {
    const fake = new FakeElasticsearch();
    await harness('default', {}, fake).store.ensureInstalled();
    fake.calls.length = 0;
    // Two more Kibana nodes start together.
    await Promise.all([harness('default', {}, fake).store.ensureInstalled(), harness('default', {}, fake).store.ensureInstalled()]);
    expect(writes(fake).filter((w) => w.includes('_index_template') || w.includes('_mapping'))).toEqual([]);
    expect(fake.indices()).toEqual(['.alerts-cloud_api_abuse.findings-default']);
  });

  it('upgrades an older template and the mapping of every space index made from it, keeping their documents', async () => {
    const fake = new FakeElasticsearch();
    const es = fake.client();
    // What an earlier release installed: version 0, fewer fields.
    await es.indices.putIndexTemplate({
      name: '.alerts-cloud_api_abuse.findings-template',
      index_patterns: ['.alerts-cloud_api_abuse.findings-*'],
      priority: 500,
      _meta: { version: 0 },
      template: { settings: { hidden: true }, mappings: { dynamic: false, _meta: { version: 0 }, properties: { cloud_api_abuse: { properties: { finding_id: { type: 'keyword' } } } } } },
    });
    await es.indices.create({ index: '.alerts-cloud_api_abuse.findings-default' });
    await es.index({ index: '.alerts-cloud_api_abuse.findings-soc', id: 'f1', document: { cloud_api_abuse: { finding_id: 'f1' } } });

    const outcome = await installFindingsIndex({ client: es, index: findingsIndex('default') });
    expect(outcome).toEqual({
      template: 'upgraded',
      index: 'upgraded',
      upgradedIndices: ['.alerts-cloud_api_abuse.findings-default', '.alerts-cloud_api_abuse.findings-soc'],
    });
    const [template] = (await es.indices.getIndexTemplate({ name: '.alerts-cloud_api_abuse.findings-template' })).index_templates;
    expect(template.index_template._meta?.version).toBe(FINDINGS_MAPPING_VERSION);
    for (const name of outcome.upgradedIndices) {
      expect(fake.mappings(name)).toMatchObject({
        _meta: { version: FINDINGS_MAPPING_VERSION },
        properties: { cloud_api_abuse: { properties: { finding_id: { type: 'keyword' }, evidence: { properties: { principal: { type: 'keyword' } } } } } },
      });
    }
    expect(fake.docs('.alerts-cloud_api_abuse.findings-soc')).toEqual([{ cloud_api_abuse: { finding_id: 'f1' } }]);

    // Done once: the next start finds everything current.
    expect(await installFindingsIndex({ client: es, index: findingsIndex('default') })).toEqual({ template: 'current', index: 'exists', upgradedIndices: [] });
  });

  it('brings an index left on an older mapping up to date when the template already is', async () => {
    const fake = new FakeElasticsearch();
    const es = fake.client();
    await installFindingsIndex({ client: es, index: findingsIndex('default') });
    // A node stopped after upgrading the template, before the mapping of this index.
    await es.indices.create({ index: '.alerts-cloud_api_abuse.findings-legacy', mappings: { dynamic: false, _meta: { version: 0 }, properties: { message: { type: 'match_only_text' } } } });
    const outcome = await installFindingsIndex({ client: es, index: findingsIndex('legacy') });
    expect(outcome).toEqual({ template: 'current', index: 'upgraded', upgradedIndices: [] });
    expect(fake.mappings('.alerts-cloud_api_abuse.findings-legacy')._meta).toEqual({ version: FINDINGS_MAPPING_VERSION, managed_by: 'cloud_api_abuse' });
  });

  it('never downgrades a template a newer release installed during a rolling upgrade', async () => {
    const fake = new FakeElasticsearch();
    const es = fake.client();
    const newer = FINDINGS_MAPPING_VERSION + 1;
    await es.indices.putIndexTemplate({
      name: '.alerts-cloud_api_abuse.findings-template',
      index_patterns: ['.alerts-cloud_api_abuse.findings-*'],
      priority: 500,
      _meta: { version: newer },
      template: { mappings: { dynamic: false, _meta: { version: newer }, properties: { cloud_api_abuse: { properties: { finding_id: { type: 'keyword' } } } } } },
    });
    fake.calls.length = 0;
    const outcome = await installFindingsIndex({ client: es, index: findingsIndex('default') });
    expect(outcome).toEqual({ template: 'current', index: 'created', upgradedIndices: [] });
    expect(writes(fake)).toEqual(['PUT /.alerts-cloud_api_abuse.findings-default']);
    expect(fake.mappings('.alerts-cloud_api_abuse.findings-default')._meta).toEqual({ version: newer });
  });

  it('retries a throttled template read and fails loudly on errors a retry cannot fix', async () => {
    const { fake, store, sleeps } = harness('default');
    fake.faults.next({ method: 'GET', path: '/_index_template/.alerts-cloud_api_abuse.findings-template', status: 429 });
    await store.ensureInstalled();
    expect(sleeps).toEqual([100]);
    expect(fake.faults.pending()).toBe(0);

    const denied = harness('other');
    denied.fake.faults.next({ method: 'PUT', path: '/_index_template/.alerts-cloud_api_abuse.findings-template', status: 403, type: 'security_exception', reason: 'action [indices:admin/index_template/put] is unauthorized' });
    await expect(denied.store.ensureInstalled()).rejects.toMatchObject({ statusCode: 403 });
    // Not remembered: the next call tries again and succeeds.
    await denied.store.ensureInstalled();
    expect(denied.fake.indices()).toEqual(['.alerts-cloud_api_abuse.findings-other']);
  });

  it('refuses space ids and prefixes that cannot name an index', () => {
    expect(findingsIndex('marketing').name).toBe('.alerts-cloud_api_abuse.findings-marketing');
    expect(findingsIndex('soc', '.alerts-acme.findings').template).toBe('.alerts-acme.findings-template');
    expect(() => findingsIndex('Marketing')).toThrow('invalid Kibana space id');
    expect(() => findingsIndex('a,b')).toThrow('invalid Kibana space id');
    expect(() => findingsIndex('default', 'findings')).toThrow('invalid findings index prefix');
  });
});
