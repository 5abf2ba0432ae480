import type { FindingDocument } from '../../../../common/finding';
import { FINDING_SORT_FIELDS, type FindingSortField, type FindingsQuery } from '../../types';
import { harness, idOf, realFindings, type Harness } from './test_support';

const ms = (iso: string): number => Date.parse(iso);

/** What a sort field means to an analyst, read straight off the documents. */
const sortValue: Record<FindingSortField, (f: FindingDocument) => number> = {
  risk_score: (f) => f.kibana.alert.risk_score,
  last_seen: (f) => ms(f.cloud_api_abuse.chain.last_seen),
  first_seen: (f) => ms(f.cloud_api_abuse.chain.first_seen),
  severity: (f) => f.event.severity,
  event_count: (f) => f.cloud_api_abuse.chain.event_count,
};

function searchable(f: FindingDocument): string[] {
  const a = f.cloud_api_abuse;
  return [a.root_identity.id, a.root_identity.name, ...a.evidence.map((e) => e.principal), ...a.evidence.map((e) => e.action)];
}

const containsText = (text: string) => (f: FindingDocument) => searchable(f).some((v) => v.toLowerCase().includes(text.toLowerCase()));

describe('ElasticsearchFindingsStore.list', () => {
  let findings: FindingDocument[];
  let h: Harness;
  const query = (q: Partial<FindingsQuery> = {}): FindingsQuery => ({ sort: { field: 'risk_score', order: 'desc' }, page: 0, perPage: 100, ...q });
  const ids = async (q: Partial<FindingsQuery>): Promise<string[]> => (await h.store.list(query(q))).findings.map(idOf).sort();
  const expected = (keep: (f: FindingDocument) => boolean): string[] => findings.filter(keep).map(idOf).sort();

  beforeAll(async () => {
    findings = await realFindings();
    h = harness();
    await h.store.ensureInstalled();
    await h.store.write(findings);
  });

  it('returns every finding with its total when nothing is filtered', async () => {
    const page = await h.store.list(query());
    expect(page.total).toBe(findings.length);
    expect(page.findings.map(idOf).sort()).toEqual(findings.map(idOf).sort());
  });

  it('filters by severity, provider, account, root identity and ATT&CK technique', async () => {
    const severe = expected((f) => ['critical', 'high'].includes(f.kibana.alert.severity));
    expect(severe.length).toBeGreaterThan(0);
    expect(severe.length).toBeLessThan(findings.length);
    expect(await ids({ severities: ['critical', 'high'] })).toEqual(severe);

    expect(await ids({ providers: ['aws'] })).toEqual(expected((f) => f.cloud.provider === 'aws'));
    expect(await ids({ providers: ['gcp', 'azure'] })).toEqual(expected((f) => f.cloud.provider !== 'aws'));

    const otrfAccount = findings.find((f) => f.cloud_api_abuse.root_identity.type === 'instance')?.cloud.account?.id ?? 'none';
    expect(await ids({ accounts: [otrfAccount] })).toEqual(expected((f) => f.cloud_api_abuse.chain.accounts.includes(otrfAccount)));

    const bertJan = 'arn:aws:iam::123837392027:user/bert-jan';
    expect(await ids({ identity: bertJan })).toEqual(expected((f) => f.cloud_api_abuse.root_identity.id === bertJan));
    expect((await ids({ identity: bertJan })).length).toBe(2);
    // Exact, not a substring: the name alone is not the id.
    expect(await ids({ identity: 'bert-jan' })).toEqual([]);

    const tamper = expected((f) => f.cloud_api_abuse.techniques.some((t) => t.id === 'T1562.008'));
    expect(tamper.length).toBeGreaterThan(0);
    expect(await ids({ techniques: ['T1562.008'] })).toEqual(tamper);
    expect(await ids({ techniques: ['T1562.008'], severities: ['low'] })).toEqual(expected((f) => tamper.includes(idOf(f)) && f.kibana.alert.severity === 'low'));
  });

  it('keeps the findings whose chain overlaps [from, to)', async () => {
    const from = ms('2023-07-10T12:05:00Z');
    const to = ms('2023-07-10T12:10:00Z');
    const overlapping = expected((f) => ms(f.cloud_api_abuse.chain.last_seen) >= from && ms(f.cloud_api_abuse.chain.first_seen) < to);
    expect(overlapping.length).toBeGreaterThan(0);
    expect(overlapping.length).toBeLessThan(findings.length);
    expect(await ids({ from, to })).toEqual(overlapping);
    // `to` is exclusive: a chain starting exactly there is out.
    const start = ms(findings[0].cloud_api_abuse.chain.first_seen);
    expect(await ids({ to: start })).not.toContain(idOf(findings[0]));
    expect(await ids({ from: start, to: start + 1 })).toContain(idOf(findings[0]));
  });

  it('filters by workflow status after an analyst closes a finding', async () => {
    const h2 = harness('triage');
    await h2.store.write(findings);
    const closed = idOf(findings[0]);
    await h2.store.setStatus({ ids: [closed], status: 'closed', by: 'lead', at: '2023-07-11T09:00:00.000Z' });
    const page = await h2.store.list(query({ statuses: ['closed'] }));
    expect(page.findings.map(idOf)).toEqual([closed]);
    const open = await h2.store.list(query({ statuses: ['open', 'acknowledged'] }));
    expect(open.total).toBe(findings.length - 1);
    expect(open.findings.map(idOf)).not.toContain(closed);
  });

  it.each(FINDING_SORT_FIELDS.flatMap((field) => (['asc', 'desc'] as const).map((order) => [field, order] as const)))('sorts by %s %s, then by finding id', async (field, order) => {
    const dir = order === 'asc' ? 1 : -1;
    const sorted = [...findings].sort((a, b) => (sortValue[field](a) - sortValue[field](b)) * dir || (idOf(a) < idOf(b) ? -1 : 1));
    const page = await h.store.list(query({ sort: { field, order } }));
    expect(page.findings.map(idOf)).toEqual(sorted.map(idOf));
  });

  it('pages without overlap or gaps, with the total on every page', async () => {
    const sort = { field: 'last_seen', order: 'desc' } as const;
    const all = (await h.store.list(query({ sort }))).findings.map(idOf);
    const paged: string[] = [];
    for (let page = 0; page < findings.length; page++) {
      const res = await h.store.list(query({ sort, page, perPage: 1 }));
      expect(res.total).toBe(findings.length);
      paged.push(...res.findings.map(idOf));
    }
    expect(paged).toEqual(all);
    const pairs = await h.store.list(query({ sort, page: 1, perPage: 2 }));
    expect(pairs.findings.map(idOf)).toEqual(all.slice(2, 4));
    expect((await h.store.list(query({ sort, page: findings.length, perPage: 1 }))).findings).toEqual([]);
    await expect(h.store.list(query({ page: 200, perPage: 100 }))).rejects.toThrow('beyond the first 10000 findings');
  });

  it('finds free text in root identities, evidence principals and actions, whatever its case', async () => {
    for (const text of ['BERT-JAN', 'deletetrail', 'MordorNginx', 'i-0317f6c6b66ae9c40', 'nmfalu', 'getsecret']) {
      const want = expected(containsText(text));
      expect(want.length).toBeGreaterThan(0);
      expect(await ids({ search: text })).toEqual(want);
    }
    // Some match, not all: a search that narrows.
    expect((await ids({ search: 'bert-jan' })).length).toBeLessThan(findings.length);
    expect(await ids({ search: '  bert-jan ' })).toEqual(await ids({ search: 'bert-jan' }));
    expect(await ids({ search: 'bert-jan', severities: ['low'] })).toEqual(expected((f) => containsText('bert-jan')(f) && f.kibana.alert.severity === 'low'));
  });

  it('matches wildcard characters and query syntax typed as search text literally', async () => {
    // As patterns, `bert*jan` and `bert?jan` would match bert-jan and `*` everything.
    for (const text of ['*', '?', '\\', 'bert*jan', 'bert?jan', '"bert-jan"', '{"match_all":{}}', 'bert-jan OR 1=1', '\\*']) {
      expect([text, await ids({ search: text })]).toEqual([text, expected(containsText(text))]);
      expect(expected(containsText(text))).toEqual([]);
    }
    // The text reaches Elasticsearch only as the value of wildcard clauses, its metacharacters escaped.
    h.fake.calls.length = 0;
    await h.store.list(query({ search: 'bert*jan?\\' }));
    const sent = JSON.stringify(h.fake.calls.map((c) => c.body));
    expect(sent).not.toMatch(/query_string|simple_query_string|"match"|"regexp"/);
    const values = [...sent.matchAll(/"wildcard":\{"[^"]+":\{"value":("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]) as string);
    expect(values).toHaveLength(4);
    expect(new Set(values)).toEqual(new Set(['*bert\\*jan\\?\\\\*']));
  });

  it('finds a literal star in a name that has one, and only there', async () => {
    // A variant of a real finding whose root identity name holds the metacharacters.
    const h3 = harness('literal');
    const starred = structuredClone(findings[0]);
    starred.cloud_api_abuse.finding_id = 'starred';
    starred.cloud_api_abuse.root_identity.name = 'ops*team?';
    const plain = structuredClone(findings[0]);
    plain.cloud_api_abuse.finding_id = 'plain';
    plain.cloud_api_abuse.root_identity.name = 'ops-blue-team!';
    await h3.store.write([starred, plain]);
    const found = async (search: string): Promise<string[]> => (await h3.store.list(query({ search }))).findings.map(idOf);
    expect(await found('OPS*TEAM?')).toEqual(['starred']);
    expect(await found('ops*')).toEqual(['starred']);
    expect((await found('team')).sort()).toEqual(['plain', 'starred']);
    // Equal on every sort field: the finding id decides, in both directions.
    for (const order of ['asc', 'desc'] as const) {
      expect((await h3.store.list(query({ sort: { field: 'risk_score', order } }))).findings.map(idOf)).toEqual(['plain', 'starred']);
    }
  });

  it('answers an empty page for a space without findings', async () => {
    const empty = harness('nobody');
    expect(await empty.store.list(query({ search: 'x' }))).toEqual({ total: 0, findings: [] });
  });
});
