/** The expected-automation file per Kibana space, in the fake Elasticsearch through the real client. */
import { FakeElasticsearch } from '../../../../test/support/fake_es';
import type { ExpectedAutomationFile } from '../../../analytic/automation';
import { DEFAULT_FINDINGS_INDEX_PREFIX, findingsIndex } from '../findings';
import { AUTOMATION_DOCUMENT_ID, AutomationConflictError, ElasticsearchAutomationStore, configIndexName } from './automation_store';

const CI: ExpectedAutomationFile = {
  down_weight: 0.2,
  expected_automation: [
    { name: 'GitHub deploys', reason: 'the deploy role runs from GitHub Actions', identities: ['arn:aws:iam::*:role/github-deploy'], user_agents: ['github-actions'] },
  ],
};

describe('configIndexName', () => {
  it('sits beside the findings of the space, under .alerts-, outside the findings pattern', () => {
    expect(configIndexName(DEFAULT_FINDINGS_INDEX_PREFIX, 'default')).toBe('.alerts-cloud_api_abuse.config-default');
    expect(configIndexName(DEFAULT_FINDINGS_INDEX_PREFIX, 'team-a')).toBe('.alerts-cloud_api_abuse.config-team-a');
    expect(configIndexName('.alerts-acme', 'default')).toBe('.alerts-acme.config-default');
    const pattern = findingsIndex('default').pattern.slice(0, -1);
    expect(configIndexName(DEFAULT_FINDINGS_INDEX_PREFIX, 'default').startsWith(pattern)).toBe(false);
  });

  it('refuses what cannot name an index', () => {
    expect(() => configIndexName(DEFAULT_FINDINGS_INDEX_PREFIX, 'Team A')).toThrow(/space id/);
    expect(() => configIndexName('logs-*', 'default')).toThrow(/prefix/);
  });
});

describe('ElasticsearchAutomationStore', () => {
  let fake: FakeElasticsearch;
  let clock: number;
  const index = configIndexName(DEFAULT_FINDINGS_INDEX_PREFIX, 'default');
  const storeFor = (name = index) =>
    new ElasticsearchAutomationStore({ client: fake.client({ maxRetries: 0 }), index: name, now: () => new Date(clock), retry: { sleep: async () => undefined } });
  const writes = () => fake.calls.filter((c) => c.method === 'PUT' && c.path.includes(`/${AUTOMATION_DOCUMENT_ID}`));

  beforeEach(() => {
    fake = new FakeElasticsearch();
    clock = Date.parse('2026-11-20T10:00:00Z');
  });

  it('reads the empty default while nothing was saved, without creating anything', async () => {
    expect(await storeFor().get()).toEqual({ down_weight: 0.3, expected_automation: [] });
    expect(fake.calls.every((c) => c.method === 'GET')).toBe(true);
  });

  it('saves the file with who and when, in a hidden index, and reads it back', async () => {
    await storeFor().put(CI, 'alice');
    expect(await storeFor().get()).toEqual(CI);
    expect(fake.docs(index)).toEqual([{ config: CI, updated_by: 'alice', updated_at: '2026-11-20T10:00:00.000Z' }]);
    const created = await fake.client().indices.get({ index });
    expect(created[index].settings?.index?.hidden).toBe('true');
  });

  it('keeps each space apart', async () => {
    await storeFor().put(CI, 'alice');
    const other = storeFor(configIndexName(DEFAULT_FINDINGS_INDEX_PREFIX, 'team-a'));
    expect(await other.get()).toEqual({ down_weight: 0.3, expected_automation: [] });
  });

  it('replaces the file only at the version it read', async () => {
    await storeFor().put(CI, 'alice');
    clock += 60_000;
    await storeFor().put({ ...CI, down_weight: 0.5 }, 'bob');
    expect(fake.docs(index)).toEqual([{ config: { ...CI, down_weight: 0.5 }, updated_by: 'bob', updated_at: '2026-11-20T10:01:00.000Z' }]);
    const [first, second] = writes();
    expect(first.path).toContain('/_create/');
    expect(second.querystring).toMatchObject({ if_seq_no: expect.any(String), if_primary_term: '1' });
  });

  it('re-reads and writes again once when someone else saved in between', async () => {
    await storeFor().put(CI, 'alice');
    fake.faults.next({ method: 'PUT', path: new RegExp(`/_doc/${AUTOMATION_DOCUMENT_ID}$`), status: 409, type: 'version_conflict_engine_exception' });
    await storeFor().put({ ...CI, down_weight: 0.9 }, 'bob');
    expect((await storeFor().get()).down_weight).toBe(0.9);
    expect(writes()).toHaveLength(3);
  });

  it('gives up with a conflict error when the document keeps changing', async () => {
    await storeFor().put(CI, 'alice');
    fake.faults.next({ method: 'PUT', path: new RegExp(`/_doc/${AUTOMATION_DOCUMENT_ID}$`), status: 409, times: 2, type: 'version_conflict_engine_exception' });
    await expect(storeFor().put({ ...CI, down_weight: 0.9 }, 'bob')).rejects.toBeInstanceOf(AutomationConflictError);
    expect((await storeFor().get()).down_weight).toBe(0.2);
  });

  it('refuses an invalid file, naming the field, and stores nothing', async () => {
    const invalid = { down_weight: 0.3, expected_automation: [{ name: 'x', reason: 'y' }] } as ExpectedAutomationFile;
    await expect(storeFor().put(invalid, 'alice')).rejects.toThrow(/expected_automation\.0/);
    await expect(storeFor().put({ ...CI, down_weight: 2 }, 'alice')).rejects.toThrow(/down_weight/);
    expect(writes()).toHaveLength(0);
  });

  it('says so when the stored document is not a valid file', async () => {
    await storeFor().put(CI, 'alice');
    await fake.client().index({ index, id: AUTOMATION_DOCUMENT_ID, document: { config: { down_weight: 'high' }, updated_by: 'mallory', updated_at: '2026-11-20T11:00:00Z' } });
    await expect(storeFor().get()).rejects.toThrow(/invalid: down_weight/);
  });

  it('fails when the cluster does, rather than answering with the default', async () => {
    fake.faults.next({ method: 'GET', path: new RegExp(`/_doc/${AUTOMATION_DOCUMENT_ID}$`), status: 403, type: 'security_exception' });
    await expect(storeFor().get()).rejects.toThrow();
  });
});
