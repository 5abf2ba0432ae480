import { FakeAutomationConfigStore, FakeCoverageSource, FakeDetectionControl, FakeEvidenceStore, FakeFindingsStore, findingMatches } from './fake_stores';
import { makeFinding } from './finding_fixture';

const AWS_KEY = makeFinding({ id: 'a1'.repeat(16), severity: 'critical', riskScore: 95, firstSeen: '2024-05-01T10:00:00.000Z', lastSeen: '2024-05-01T10:30:00.000Z' });
const GCP_SA = makeFinding({
  id: 'b2'.repeat(16),
  severity: 'medium',
  riskScore: 45,
  provider: 'gcp',
  account: 'prod-project-7',
  rootId: 'ci@prod-project-7.iam.gserviceaccount.com',
  actions: ['SetIamPolicy'],
  techniques: ['T1098.003'],
  status: 'acknowledged',
  firstSeen: '2024-05-01T14:00:00.000Z',
  lastSeen: '2024-05-01T15:00:00.000Z',
});

describe('findingMatches', () => {
  it('keeps chains overlapping [from, to)', () => {
    expect(findingMatches(AWS_KEY, { from: Date.parse('2024-05-01T10:30:00Z') })).toBe(true);
    expect(findingMatches(AWS_KEY, { from: Date.parse('2024-05-01T10:30:00.001Z') })).toBe(false);
    expect(findingMatches(AWS_KEY, { to: Date.parse('2024-05-01T10:00:00Z') })).toBe(false);
    expect(findingMatches(AWS_KEY, { to: Date.parse('2024-05-01T10:00:00.001Z') })).toBe(true);
  });

  it('filters by each field, and searches identity, principals and actions as plain text', () => {
    expect(findingMatches(GCP_SA, { providers: ['gcp'], accounts: ['prod-project-7'], statuses: ['acknowledged'], techniques: ['T1098.003'] })).toBe(true);
    expect(findingMatches(GCP_SA, { severities: ['high', 'critical'] })).toBe(false);
    expect(findingMatches(GCP_SA, { identity: 'ci@prod-project-7.iam.gserviceaccount.com' })).toBe(true);
    expect(findingMatches(GCP_SA, { identity: 'ci@prod-project-7' })).toBe(false);
    expect(findingMatches(GCP_SA, { search: 'setiam' })).toBe(true);
    expect(findingMatches(AWS_KEY, { search: 'deploy-BOT' })).toBe(true);
    expect(findingMatches(AWS_KEY, { search: '*' })).toBe(false);
  });
});

describe('FakeFindingsStore', () => {
  it('sorts, pages and counts what matches, recording the query', async () => {
    const store = new FakeFindingsStore([GCP_SA, AWS_KEY]);
    const query = { sort: { field: 'risk_score' as const, order: 'desc' as const }, page: 0, perPage: 1 };
    expect(await store.list(query)).toEqual({ total: 2, findings: [AWS_KEY] });
    expect(await store.list({ ...query, page: 1 })).toEqual({ total: 2, findings: [GCP_SA] });
    expect(store.calls.list).toEqual([query, { ...query, page: 1 }]);
  });

  it('counts findings per bucket by the start of their chain', async () => {
    const store = new FakeFindingsStore([GCP_SA, AWS_KEY]);
    const h = await store.histogram({ from: Date.parse('2024-05-01T10:00:00Z'), to: Date.parse('2024-05-01T16:00:00Z') }, 3);
    expect(h.interval).toBe(`${2 * 3_600_000}ms`);
    expect(h.buckets.map((b) => [b.time, b.counts.critical, b.counts.medium])).toEqual([
      ['2024-05-01T10:00:00.000Z', 1, 0],
      ['2024-05-01T12:00:00.000Z', 0, 0],
      ['2024-05-01T14:00:00.000Z', 0, 1],
    ]);
  });

  it('changes workflow status and keeps it when the finding is rewritten', async () => {
    const store = new FakeFindingsStore([AWS_KEY]);
    const result = await store.setStatus({ ids: [AWS_KEY.cloud_api_abuse.finding_id, 'f'.repeat(32)], status: 'closed', by: 'alex', at: '2024-05-02T00:00:00.000Z' });
    expect(result).toEqual({ updated: [AWS_KEY.cloud_api_abuse.finding_id], missing: ['f'.repeat(32)] });
    await store.write([AWS_KEY]);
    expect((await store.get(AWS_KEY.cloud_api_abuse.finding_id))?.cloud_api_abuse.workflow).toEqual({ status: 'closed', updated_by: 'alex', updated_at: '2024-05-02T00:00:00.000Z' });
  });

  it('throws what it was told to, until healed', async () => {
    const store = new FakeFindingsStore([AWS_KEY]);
    store.failWith('get', new Error('boom'));
    await expect(store.get(AWS_KEY.cloud_api_abuse.finding_id)).rejects.toThrow('boom');
    store.heal('get');
    await expect(store.get(AWS_KEY.cloud_api_abuse.finding_id)).resolves.toBe(AWS_KEY);
  });
});

describe('the other fakes', () => {
  it('record their calls and answer from their state', async () => {
    const evidence = new FakeEvidenceStore(new Map([[AWS_KEY.cloud_api_abuse.evidence[0].event_id, { raw: true }]]));
    const records = await evidence.records(AWS_KEY.cloud_api_abuse.evidence);
    expect(records[0]).toEqual({ event_id: AWS_KEY.cloud_api_abuse.evidence[0].event_id, record: { raw: true } });
    expect(records[1].error).toBeDefined();

    const automation = new FakeAutomationConfigStore();
    await automation.put({ down_weight: 0.1, expected_automation: [] }, 'alex');
    expect(await automation.get()).toEqual({ down_weight: 0.1, expected_automation: [] });
    expect(automation.puts).toEqual([{ config: { down_weight: 0.1, expected_automation: [] }, by: 'alex' }]);

    const control = new FakeDetectionControl();
    await control.runNow();
    expect(control.runNowCalls).toBe(1);

    const coverage = new FakeCoverageSource();
    await coverage.report({ from: 1, to: 2 });
    expect(coverage.calls).toEqual([{ from: 1, to: 2 }]);
  });
});
