import { SUMMARY_EVIDENCE_FINDINGS, type FindingsSummary } from '../../../../common/api';
import type { FindingDocument, Severity } from '../../../../common/finding';
import { makeFinding } from '../../../../test/support/fake_kibana/finding_fixture';
import type { FindingsFilter } from './findings_query';
import { AZURE_ROOT, GCP_ROOT, summaryFindings } from './summary_fixture';
import { harness, type Harness } from './test_support';

const BERT_JAN = 'arn:aws:iam::123837392027:user/bert-jan';
const zero = (): Record<Severity, number> => ({ low: 0, medium: 0, high: 0, critical: 0 });
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The summary worked out by hand from the documents (every matching finding read, as an analyst would). */
function expectedSummary(findings: FindingDocument[], size: number): FindingsSummary {
  const riskiest = [...findings].sort((x, y) => y.kibana.alert.risk_score - x.kibana.alert.risk_score || byText(x.cloud_api_abuse.finding_id, y.cloud_api_abuse.finding_id));
  const identities = new Map<string, FindingDocument[]>();
  for (const f of riskiest) identities.set(f.cloud_api_abuse.root_identity.id, [...(identities.get(f.cloud_api_abuse.root_identity.id) ?? []), f]);
  const actions = new Map<string, { provider: FindingDocument['cloud']['provider']; service: string; action: string; findings: Set<string> }>();
  for (const f of riskiest.slice(0, SUMMARY_EVIDENCE_FINDINGS)) {
    for (const e of f.cloud_api_abuse.evidence) {
      if (e.stage !== 'privileged' && e.stage !== 'tamper') continue;
      const key = `${e.provider}/${e.service}/${e.action}`;
      if (!actions.has(key)) actions.set(key, { provider: e.provider, service: e.service, action: e.action, findings: new Set() });
      actions.get(key)?.findings.add(f.cloud_api_abuse.finding_id);
    }
  }
  const pairs = new Map<string, FindingsSummary['byProviderAccount'][number]>();
  for (const f of findings) {
    for (const account of new Set(f.cloud_api_abuse.chain.accounts)) {
      const key = `${f.cloud.provider}/${account}`;
      const pair = pairs.get(key) ?? { provider: f.cloud.provider, account, count: 0, bySeverity: zero() };
      pair.count++;
      pair.bySeverity[f.kibana.alert.severity]++;
      pairs.set(key, pair);
    }
  }
  return {
    total: findings.length,
    topIdentities: [...identities]
      .map(([id, list]) => ({ id, name: list[0].cloud_api_abuse.root_identity.name, provider: list[0].cloud_api_abuse.root_identity.provider, count: list.length, maxRisk: list[0].kibana.alert.risk_score }))
      .sort((a, b) => b.count - a.count || byText(a.id, b.id))
      .slice(0, size),
    topPrivilegedActions: [...actions.values()]
      .map(({ findings: ids, ...a }) => ({ ...a, count: ids.size }))
      .sort((a, b) => b.count - a.count || byText(a.action, b.action) || byText(a.service, b.service) || byText(a.provider, b.provider))
      .slice(0, size),
    privilegedActionsFrom: Math.min(findings.length, SUMMARY_EVIDENCE_FINDINGS),
    byProviderAccount: [...pairs.values()].sort((a, b) => b.count - a.count || byText(a.provider, b.provider) || byText(a.account, b.account)).slice(0, size),
  };
}

describe('ElasticsearchFindingsStore.summary', () => {
  let findings: FindingDocument[];
  let h: Harness;
  beforeAll(async () => {
    findings = await summaryFindings();
    h = harness();
    await h.store.ensureInstalled();
    await h.store.write(findings);
  });

  it('ranks root identities by findings, with the name and risk of their riskiest chain', async () => {
    const summary = await h.store.summary({}, 10);
    expect(summary.total).toBe(findings.length);
    expect(summary.topIdentities[0]).toEqual({ id: BERT_JAN, name: 'bert-jan', provider: 'aws', count: 2, maxRisk: 100 });
    expect(summary.topIdentities.map((i) => i.id)).toEqual(expect.arrayContaining([GCP_ROOT, AZURE_ROOT]));
    expect(summary).toEqual(expectedSummary(findings, 10));
  });

  it('counts privileged and tamper actions once per chain, and not the recon or shift calls beside them', async () => {
    const summary = await h.store.summary({}, 50);
    const count = (action: string): number | undefined => summary.topPrivilegedActions.find((a) => a.action === action)?.count;
    // Both of bert-jan's chains deleted a CloudTrail trail; the first one called DeleteTrail more than once.
    expect(summary.topPrivilegedActions).toContainEqual({ provider: 'aws', service: 'cloudtrail.amazonaws.com', action: 'DeleteTrail', count: 2 });
    expect(summary.topPrivilegedActions).toContainEqual({ provider: 'gcp', service: 'cloudresourcemanager.googleapis.com', action: 'SetIamPolicy', count: 1 });
    expect(summary.topPrivilegedActions).toContainEqual({ provider: 'azure', service: 'MICROSOFT.INSIGHTS', action: 'MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/DELETE', count: 1 });
    expect(count('google.iam.admin.v1.ListServiceAccounts')).toBeUndefined();
    expect(count('GenerateAccessToken')).toBeUndefined();
    expect(count('GetCallerIdentity')).toBeUndefined();
    expect(summary.privilegedActionsFrom).toBe(findings.length);
    expect(summary).toEqual(expectedSummary(findings, 50));
  });

  it('counts findings per provider and account by severity; a chain across two projects counts in both', async () => {
    const summary = await h.store.summary({}, 10);
    expect(summary.byProviderAccount[0]).toEqual({ provider: 'aws', account: '123837392027', count: 3, bySeverity: { low: 1, medium: 1, high: 0, critical: 1 } });
    expect(summary.byProviderAccount).toContainEqual({ provider: 'gcp', account: 'northwind-billing-1170', count: 1, bySeverity: { ...zero(), critical: 1 } });
    expect(summary.byProviderAccount).toContainEqual({ provider: 'gcp', account: 'northwind-prod-4821', count: 1, bySeverity: { ...zero(), critical: 1 } });
  });

  it.each<[string, FindingsFilter, (f: FindingDocument) => boolean]>([
    ['providers', { providers: ['gcp', 'azure'] }, (f) => f.cloud.provider !== 'aws'],
    ['severities', { severities: ['critical'] }, (f) => f.kibana.alert.severity === 'critical'],
    ['identity', { identity: BERT_JAN }, (f) => f.cloud_api_abuse.root_identity.id === BERT_JAN],
    ['account', { accounts: ['northwind-billing-1170'] }, (f) => f.cloud_api_abuse.chain.accounts.includes('northwind-billing-1170')],
    [
      'time range',
      { from: Date.parse('2023-07-10T12:00:00Z'), to: Date.parse('2023-07-10T12:30:00Z') },
      (f) => Date.parse(f.cloud_api_abuse.chain.last_seen) >= Date.parse('2023-07-10T12:00:00Z') && Date.parse(f.cloud_api_abuse.chain.first_seen) < Date.parse('2023-07-10T12:30:00Z'),
    ],
    ['search', { search: 'STRATUS' }, (f) => f.cloud_api_abuse.evidence.some((e) => e.principal.toLowerCase().includes('stratus')) || f.cloud_api_abuse.root_identity.name.includes('stratus')],
  ])('applies the %s filter like the list does', async (_name, filter, keep) => {
    const kept = findings.filter(keep);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(findings.length);
    expect(await h.store.summary(filter, 10)).toEqual(expectedSummary(kept, 10));
  });

  it('holds each top list to the size asked for', async () => {
    const summary = await h.store.summary({}, 2);
    expect(summary.topIdentities).toHaveLength(2);
    expect(summary.topPrivilegedActions).toHaveLength(2);
    expect(summary.byProviderAccount).toHaveLength(2);
    expect(summary).toEqual(expectedSummary(findings, 2));
  });

  it('reads privileged actions from the riskiest findings only, and says how many it read', async () => {
    const many = harness('many');
    const routine = Array.from({ length: SUMMARY_EVIDENCE_FINDINGS }, (_, i) =>
      makeFinding({ id: i.toString(16).padStart(32, '0'), riskScore: 60, actions: ['ConsoleLogin', 'AttachUserPolicy'] }),
    );
    const quiet = makeFinding({ id: 'f'.repeat(32), riskScore: 10, severity: 'low', actions: ['ConsoleLogin', 'PutUserPolicy'] });
    await many.store.write([...routine, quiet]);
    const summary = await many.store.summary({}, 10);
    expect(summary.total).toBe(SUMMARY_EVIDENCE_FINDINGS + 1);
    expect(summary.privilegedActionsFrom).toBe(SUMMARY_EVIDENCE_FINDINGS);
    expect(summary.topPrivilegedActions).toEqual([{ provider: 'aws', service: 'iam', action: 'AttachUserPolicy', count: SUMMARY_EVIDENCE_FINDINGS }]);
    // The quiet chain still counts everywhere else.
    expect(summary.byProviderAccount).toEqual([{ provider: 'aws', account: '111122223333', count: SUMMARY_EVIDENCE_FINDINGS + 1, bySeverity: { ...zero(), high: SUMMARY_EVIDENCE_FINDINGS, low: 1 } }]);
  });

  it('answers an empty summary for a space without findings', async () => {
    expect(await harness('nobody').store.summary({}, 10)).toEqual({ total: 0, topIdentities: [], topPrivilegedActions: [], privilegedActionsFrom: 0, byProviderAccount: [] });
  });

  it('asks Elasticsearch for aggregations only, built from the typed filter', async () => {
    const calls = h.fake.calls.length;
    await h.store.summary({ providers: ['gcp'], search: 'a*b' }, 5);
    const searches = h.fake.calls.slice(calls).filter((c) => c.path.endsWith('/_search'));
    expect(searches).toHaveLength(1);
    const body = searches[0].body as { size: number; query: unknown; aggs: Record<string, unknown> };
    expect(body.size).toBe(0);
    expect(Object.keys(body.aggs).sort()).toEqual(['identities', 'providers', 'riskiest']);
    expect(JSON.stringify(body.query)).toContain('"*a\\\\*b*"');
  });
});
