import * as path from 'node:path';
import { SEVERITIES, type FindingDocument, type Severity } from '../../../common/finding';
import { histogramInterval } from '../../../server/store/elasticsearch/findings/histogram';
import { summaryFindings } from '../../../server/store/elasticsearch/findings/summary_fixture';
import { harness, type Harness } from '../../../server/store/elasticsearch/findings/test_support';
import { makeFinding } from '../../../test/support/fake_kibana/finding_fixture';
import { FINDING_SORT_FIELDS, type FindingSortField, type FindingsQuery } from '../../../server/store/types';
import { idOf, smallDay, tempDir } from '../test_support';
import { openHostStore, type HostStore } from './index';

const ms = (iso: string): number => Date.parse(iso);
const zero = (): Record<Severity, number> => ({ low: 0, medium: 0, high: 0, critical: 0 });

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

const containsText = (text: string) => (f: FindingDocument) => searchable(f).some((v) => v.toLowerCase().includes(text.trim().toLowerCase()));

function newStore(): HostStore {
  return openHostStore(path.join(tempDir(), 'host.sqlite'));
}

describe('SqliteFindingsStore', () => {
  let findings: FindingDocument[];
  let store: HostStore;
  const query = (q: Partial<FindingsQuery> = {}): FindingsQuery => ({ sort: { field: 'risk_score', order: 'desc' }, page: 0, perPage: 100, ...q });
  const ids = async (q: Partial<FindingsQuery>): Promise<string[]> => (await store.findings.list(query(q))).findings.map(idOf).sort();
  const expected = (keep: (f: FindingDocument) => boolean): string[] => findings.filter(keep).map(idOf).sort();

  beforeAll(async () => {
    findings = (await smallDay()).findings;
    store = newStore();
    await store.findings.write(findings);
  });
  afterAll(() => store.close());

  it('writes the analytic findings and reads each back unchanged', async () => {
    expect(findings.length).toBeGreaterThanOrEqual(6);
    const fresh = newStore();
    expect(await fresh.findings.write(findings)).toEqual({ written: findings.length, rejected: [] });
    for (const f of findings) expect(await fresh.findings.get(idOf(f))).toEqual(f);
    expect(await fresh.findings.get('0000000000000000')).toBeUndefined();
    fresh.close();
  });

  it('keeps the analyst workflow when a later run rewrites the chain, and takes everything else from the newer chain', async () => {
    const fresh = newStore();
    const [first, second] = findings;
    await fresh.findings.write([first, second]);
    await fresh.findings.setStatus({ ids: [idOf(first)], status: 'acknowledged', by: 'soc-analyst', at: '2026-11-21T08:00:00.000Z', note: 'key being rotated' });
    const grown: FindingDocument = structuredClone(first);
    grown.cloud_api_abuse.chain.event_count += 5;
    grown.cloud_api_abuse.chain.last_seen = '2026-11-20T23:59:00.000Z';
    grown.kibana.alert.risk_score = 99;
    delete grown.user_agent;
    await fresh.findings.write([grown]);
    const workflow = { status: 'acknowledged', updated_by: 'soc-analyst', updated_at: '2026-11-21T08:00:00.000Z', note: 'key being rotated' };
    expect(await fresh.findings.get(idOf(first))).toEqual({ ...grown, cloud_api_abuse: { ...grown.cloud_api_abuse, workflow } });
    // The rewritten columns follow the document: it now sorts first by risk and leaves the window it left.
    const top = await fresh.findings.list(query());
    expect(top.findings.map(idOf)[0]).toBe(idOf(first));
    expect((await fresh.findings.list(query({ statuses: ['acknowledged'] }))).findings.map(idOf)).toEqual([idOf(first)]);
    expect((await fresh.findings.get(idOf(second)))?.cloud_api_abuse.workflow).toEqual({ status: 'open' });
    fresh.close();
  });

  it('sets the workflow of the findings it has, names the ids it does not, and clears an old note', async () => {
    const fresh = newStore();
    await fresh.findings.write(findings);
    const [a, b] = findings;
    const res = await fresh.findings.setStatus({ ids: [idOf(a), 'feedfeedfeedfeed', idOf(b), idOf(a)], status: 'closed', by: 'lead', at: '2026-11-21T09:00:00.000Z', note: 'red team' });
    expect(res).toEqual({ updated: [idOf(a), idOf(b)], missing: ['feedfeedfeedfeed'] });
    expect((await fresh.findings.get(idOf(a)))?.cloud_api_abuse.workflow).toEqual({ status: 'closed', updated_by: 'lead', updated_at: '2026-11-21T09:00:00.000Z', note: 'red team' });
    await fresh.findings.setStatus({ ids: [idOf(a)], status: 'open', by: 'lead', at: '2026-11-21T10:00:00.000Z' });
    expect((await fresh.findings.get(idOf(a)))?.cloud_api_abuse.workflow).toEqual({ status: 'open', updated_by: 'lead', updated_at: '2026-11-21T10:00:00.000Z' });
    expect(await fresh.findings.setStatus({ ids: [], status: 'closed', by: 'lead', at: '2026-11-21T10:00:00.000Z' })).toEqual({ updated: [], missing: [] });
    const empty = newStore();
    expect(await empty.findings.setStatus({ ids: ['abcdefabcdefabcd'], status: 'closed', by: 'lead', at: '2026-11-21T10:00:00.000Z' })).toEqual({ updated: [], missing: ['abcdefabcdefabcd'] });
    fresh.close();
    empty.close();
  });

  it('rejects a finding it cannot index and keeps the rest; throws when nothing could be written', async () => {
    const fresh = newStore();
    const broken: FindingDocument = structuredClone(findings[0]);
    broken.cloud_api_abuse.finding_id = 'badbadbadbadbad0';
    broken.cloud_api_abuse.chain.first_seen = 'yesterday';
    expect(await fresh.findings.write([broken, findings[1]])).toEqual({ written: 1, rejected: [{ id: 'badbadbadbadbad0', reason: expect.stringContaining('first_seen') }] });
    await expect(fresh.findings.write([broken])).rejects.toThrow('none of 1 findings could be written');
    const controller = new AbortController();
    controller.abort();
    await expect(fresh.findings.write(findings, { signal: controller.signal })).rejects.toThrow('aborted');
    fresh.close();
  });

  it('returns every finding with its total when nothing is filtered', async () => {
    const page = await store.findings.list(query());
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
    expect((await ids({ providers: ['gcp', 'azure'] })).length).toBeGreaterThan(0);

    const account = findings[0].cloud_api_abuse.chain.accounts[0];
    const inAccount = expected((f) => f.cloud_api_abuse.chain.accounts.includes(account));
    expect(inAccount.length).toBeLessThan(findings.length);
    expect(await ids({ accounts: [account] })).toEqual(inAccount);
    expect(await ids({ accounts: [account, 'no-such-account'] })).toEqual(inAccount);

    const root = findings[0].cloud_api_abuse.root_identity;
    expect(await ids({ identity: root.id })).toEqual(expected((f) => f.cloud_api_abuse.root_identity.id === root.id));
    // Exact, not a substring.
    expect(await ids({ identity: root.id.slice(0, -1) })).toEqual([]);

    const technique = findings.flatMap((f) => f.cloud_api_abuse.techniques.map((t) => t.id)).find((t) => expected((f) => f.cloud_api_abuse.techniques.some((x) => x.id === t)).length < findings.length);
    if (!technique) throw new Error('the day should have a technique some findings lack');
    const withTechnique = expected((f) => f.cloud_api_abuse.techniques.some((t) => t.id === technique));
    expect(await ids({ techniques: [technique] })).toEqual(withTechnique);
    expect(await ids({ techniques: [technique], severities: ['critical'] })).toEqual(
      expected((f) => withTechnique.includes(idOf(f)) && f.kibana.alert.severity === 'critical'),
    );
  });

  it('keeps the findings whose chain overlaps [from, to), `to` exclusive', async () => {
    const from = ms('2026-11-20T12:00:00Z');
    const to = ms('2026-11-20T16:00:00Z');
    const overlapping = expected((f) => ms(f.cloud_api_abuse.chain.last_seen) >= from && ms(f.cloud_api_abuse.chain.first_seen) < to);
    expect(overlapping.length).toBeGreaterThan(0);
    expect(overlapping.length).toBeLessThan(findings.length);
    expect(await ids({ from, to })).toEqual(overlapping);
    const start = ms(findings[0].cloud_api_abuse.chain.first_seen);
    expect(await ids({ to: start })).not.toContain(idOf(findings[0]));
    expect(await ids({ from: start, to: start + 1 })).toContain(idOf(findings[0]));
  });

  it('filters by workflow status after an analyst closes a finding', async () => {
    const fresh = newStore();
    await fresh.findings.write(findings);
    const closed = idOf(findings[0]);
    await fresh.findings.setStatus({ ids: [closed], status: 'closed', by: 'lead', at: '2026-11-21T09:00:00.000Z' });
    expect((await fresh.findings.list(query({ statuses: ['closed'] }))).findings.map(idOf)).toEqual([closed]);
    const open = await fresh.findings.list(query({ statuses: ['open', 'acknowledged'] }));
    expect(open.total).toBe(findings.length - 1);
    expect(open.findings.map(idOf)).not.toContain(closed);
    fresh.close();
  });

  it.each(FINDING_SORT_FIELDS.flatMap((field) => (['asc', 'desc'] as const).map((order) => [field, order] as const)))('sorts by %s %s, then by finding id', async (field, order) => {
    const dir = order === 'asc' ? 1 : -1;
    const sorted = [...findings].sort((a, b) => (sortValue[field](a) - sortValue[field](b)) * dir || (idOf(a) < idOf(b) ? -1 : 1));
    expect((await store.findings.list(query({ sort: { field, order } }))).findings.map(idOf)).toEqual(sorted.map(idOf));
  });

  it('pages without overlap or gaps, with the total on every page, within the result window', async () => {
    const sort = { field: 'last_seen', order: 'desc' } as const;
    const all = (await store.findings.list(query({ sort }))).findings.map(idOf);
    const paged: string[] = [];
    for (let page = 0; page < findings.length; page++) {
      const res = await store.findings.list(query({ sort, page, perPage: 1 }));
      expect(res.total).toBe(findings.length);
      paged.push(...res.findings.map(idOf));
    }
    expect(paged).toEqual(all);
    expect((await store.findings.list(query({ sort, page: 1, perPage: 2 }))).findings.map(idOf)).toEqual(all.slice(2, 4));
    expect(await store.findings.list(query({ sort, page: findings.length, perPage: 1 }))).toEqual({ total: findings.length, findings: [] });
    await expect(store.findings.list(query({ page: 200, perPage: 100 }))).rejects.toThrow('beyond the first 10000 findings');
  });

  it('finds free text in root identities, evidence principals and actions, whatever its case', async () => {
    const root = findings[0].cloud_api_abuse.root_identity;
    const action = findings[0].cloud_api_abuse.evidence[0].action;
    for (const text of [root.name.toUpperCase(), action.toLowerCase(), root.id.slice(3, 12), ` ${root.name} `]) {
      const want = expected(containsText(text));
      expect(want.length).toBeGreaterThan(0);
      expect([text, await ids({ search: text })]).toEqual([text, want]);
    }
    expect((await ids({ search: root.name })).length).toBeLessThan(findings.length);
    expect(await ids({ search: root.name, severities: ['low'] })).toEqual(expected((f) => containsText(root.name)(f) && f.kibana.alert.severity === 'low'));
  });

  it('matches LIKE and GLOB wildcards, quotes and SQL typed as search text literally', async () => {
    for (const text of ['%', '_', '*', '?', "'", '"', '\\', '%a%', 'a_b', "x' OR '1'='1", '"; DROP TABLE findings; --']) {
      expect([text, await ids({ search: text })]).toEqual([text, expected(containsText(text))]);
    }
    expect((await store.findings.list(query())).total).toBe(findings.length);

    const fresh = newStore();
    const variant = (id: string, name: string): FindingDocument => {
      const f = structuredClone(findings[0]);
      f.cloud_api_abuse.finding_id = id;
      f.cloud_api_abuse.root_identity.name = name;
      return f;
    };
    await fresh.findings.write([variant('aaaaaaaaaaaaaaa1', "ops%team_'blue'"), variant('aaaaaaaaaaaaaaa2', 'opsXteamY-blue-')]);
    const found = async (search: string): Promise<string[]> => (await fresh.findings.list(query({ search }))).findings.map(idOf).sort();
    expect(await found('OPS%TEAM_')).toEqual(['aaaaaaaaaaaaaaa1']);
    expect(await found("'blue'")).toEqual(['aaaaaaaaaaaaaaa1']);
    expect(await found('%')).toEqual(['aaaaaaaaaaaaaaa1']);
    expect(await found('blue')).toEqual(['aaaaaaaaaaaaaaa1', 'aaaaaaaaaaaaaaa2']);
    // Equal on every sort field: the finding id decides, in both directions.
    for (const order of ['asc', 'desc'] as const) {
      expect((await fresh.findings.list(query({ sort: { field: 'risk_score', order } }))).findings.map(idOf)).toEqual(['aaaaaaaaaaaaaaa1', 'aaaaaaaaaaaaaaa2']);
    }
    fresh.close();
  });

  it('answers an empty page for a store without findings', async () => {
    const empty = newStore();
    expect(await empty.findings.list(query({ search: 'x' }))).toEqual({ total: 0, findings: [] });
    empty.close();
  });

  it('keeps findings and their workflow in the file across reopening', async () => {
    const file = path.join(tempDir(), 'reopen.sqlite');
    const first = openHostStore(file);
    await first.findings.write(findings);
    await first.findings.setStatus({ ids: [idOf(findings[1])], status: 'acknowledged', by: 'lead', at: '2026-11-21T09:00:00.000Z' });
    first.close();
    const again = openHostStore(file);
    expect((await again.findings.list(query())).total).toBe(findings.length);
    expect((await again.findings.get(idOf(findings[1])))?.cloud_api_abuse.workflow.status).toBe('acknowledged');
    again.close();
  });
});

describe('SqliteFindingsStore.histogram', () => {
  let findings: FindingDocument[];
  let store: HostStore;
  const firstSeen = (f: FindingDocument): number => ms(f.cloud_api_abuse.chain.first_seen);

  beforeAll(async () => {
    findings = (await smallDay()).findings;
    store = newStore();
    await store.findings.write(findings);
  });
  afterAll(() => store.close());

  function expectedBuckets(from: number, to: number, step: number, keep: (f: FindingDocument) => boolean = () => true): Map<number, Record<Severity, number>> {
    const out = new Map<number, Record<Severity, number>>();
    for (let t = Math.floor(from / step) * step; t < to; t += step) out.set(t, zero());
    for (const f of findings.filter(keep)) {
      const t = firstSeen(f);
      if (t < Math.floor(from / step) * step || t >= to) continue;
      const counts = out.get(Math.floor(t / step) * step);
      if (counts) counts[f.kibana.alert.severity]++;
    }
    return out;
  }

  it('counts findings by when their chain started and by severity, over the query range', async () => {
    const from = ms('2026-11-20T00:00:00Z');
    const to = ms('2026-11-21T00:00:00Z');
    const res = await store.findings.histogram({ from, to }, 24);
    const { interval, ms: step } = histogramInterval(from, to, 24);
    expect(res.interval).toBe('1h');
    expect(res.buckets).toEqual([...expectedBuckets(from, to, step)].map(([t, counts]) => ({ time: new Date(t).toISOString(), counts })));
    expect(res.buckets.filter((b) => SEVERITIES.some((s) => b.counts[s] > 0)).length).toBeGreaterThan(1);
    const totals = zero();
    for (const f of findings.filter((f) => ms(f.cloud_api_abuse.chain.last_seen) >= from && firstSeen(f) < to)) totals[f.kibana.alert.severity]++;
    expect(res.bySeverity).toEqual(totals);
    expect(interval).toBe(res.interval);
  });

  it('applies the list filters to the buckets and the totals', async () => {
    const from = ms('2026-11-20T06:00:00Z');
    const to = ms('2026-11-20T20:00:00Z');
    const keep = (f: FindingDocument): boolean => f.cloud.provider === 'aws' && ['high', 'critical'].includes(f.kibana.alert.severity);
    const res = await store.findings.histogram({ from, to, providers: ['aws'], severities: ['high', 'critical'] }, 12);
    const step = histogramInterval(from, to, 12).ms;
    expect(res.buckets.map((b) => b.counts)).toEqual([...expectedBuckets(from, to, step, keep).values()]);
    const totals = zero();
    for (const f of findings.filter((f) => keep(f) && ms(f.cloud_api_abuse.chain.last_seen) >= from && firstSeen(f) < to)) totals[f.kibana.alert.severity]++;
    expect(res.bySeverity).toEqual(totals);
    expect(totals.high + totals.critical).toBeGreaterThan(0);
  });

  it('spans the findings themselves when the range is left open', async () => {
    const res = await store.findings.histogram({}, 30);
    const starts = findings.map(firstSeen);
    const { interval, ms: step } = histogramInterval(Math.min(...starts), Math.max(...starts) + 1, 30);
    expect(res.interval).toBe(interval);
    const summed = zero();
    for (const b of res.buckets) for (const s of SEVERITIES) summed[s] += b.counts[s];
    const totals = zero();
    for (const f of findings) totals[f.kibana.alert.severity]++;
    expect(summed).toEqual(totals);
    expect(res.bySeverity).toEqual(totals);
    expect(res.buckets[0].time).toBe(new Date(Math.floor(Math.min(...starts) / step) * step).toISOString());
  });

  it('answers no buckets and zero totals when nothing matches an open range', async () => {
    const empty = newStore();
    expect(await empty.findings.histogram({}, 30)).toEqual({ interval: expect.any(String), buckets: [], bySeverity: zero() });
    empty.close();
    const res = await store.findings.histogram({ search: 'nobody-has-this-name' }, 10);
    expect(res).toEqual({ interval: expect.any(String), buckets: [], bySeverity: zero() });
  });
});

describe('SqliteFindingsStore.summary', () => {
  let findings: FindingDocument[];
  let store: HostStore;
  let es: Harness;

  beforeAll(async () => {
    // The generated day (every provider), the real AWS chains, and more equally risky chains than the privileged
    // actions are read from, each with its own action: which of them are read depends on the finding-id tie-break.
    const equallyRisky = Array.from({ length: 120 }, (_, i) =>
      makeFinding({ id: ((i * 7919) % 120).toString(16).padStart(32, 'c'), riskScore: 40, severity: 'medium', account: `1111222233${String(i % 4).padStart(2, '0')}`, actions: ['ConsoleLogin', `PutRolePolicy${i % 13}`] }),
    );
    findings = [...(await smallDay()).findings, ...(await summaryFindings()), ...equallyRisky];
    store = newStore();
    await store.findings.write(findings);
    es = harness('sqlite-parity');
    await es.store.ensureInstalled();
    await es.store.write(findings);
    const change = { ids: findings.slice(0, 5).map(idOf), status: 'closed' as const, by: 'soc-analyst', at: '2026-11-21T08:00:00.000Z' };
    await store.findings.setStatus(change);
    await es.store.setStatus(change);
  });
  afterAll(() => store.close());

  const filters: [string, Parameters<HostStore['findings']['summary']>[0], number, boolean][] = [
    ['nothing filtered', {}, 10, true],
    ['the longest lists', {}, 50, true],
    ['three entries', {}, 3, true],
    ['providers', { providers: ['gcp', 'azure'] }, 10, true],
    ['severities', { severities: ['critical', 'high'] }, 10, true],
    ['a time range', { from: ms('2026-11-20T06:00:00Z'), to: ms('2026-11-20T18:00:00Z') }, 10, true],
    ['an account', { accounts: ['123837392027'] }, 10, true],
    ['an identity', { identity: 'arn:aws:iam::123837392027:user/bert-jan' }, 10, true],
    ['workflow status', { statuses: ['open'] }, 20, true],
    ['free text', { search: 'policy' }, 10, true],
    ['nothing matching', { search: 'nobody-has-this-name' }, 10, false],
  ];

  it.each(filters)('answers what the Elasticsearch store answers for %s', async (_name, filter, size, matches) => {
    const fromSqlite = await store.findings.summary(filter, size);
    expect(fromSqlite).toEqual(await es.store.summary(filter, size));
    expect(fromSqlite.total > 0).toBe(matches);
  });

  it('reads privileged actions from the riskiest findings only, the equally risky ones by finding id', async () => {
    const accounts = ['111122223300', '111122223301', '111122223302', '111122223303'];
    const summary = await store.findings.summary({ accounts }, 50);
    const equallyRisky = findings.filter((f) => f.cloud_api_abuse.chain.accounts.some((a) => accounts.includes(a)));
    expect(summary.total).toBe(120);
    expect(summary.privilegedActionsFrom).toBe(100);
    const read = [...equallyRisky].sort((x, y) => (idOf(x) < idOf(y) ? -1 : 1)).slice(0, 100);
    const counts = new Map<string, number>();
    for (const f of read) counts.set(f.cloud_api_abuse.evidence[1].action, (counts.get(f.cloud_api_abuse.evidence[1].action) ?? 0) + 1);
    expect(new Map(summary.topPrivilegedActions.map((a) => [a.action, a.count]))).toEqual(counts);
  });

  it('covers every provider of the generated day', async () => {
    const summary = await store.findings.summary({}, 50);
    expect(new Set(summary.byProviderAccount.map((p) => p.provider))).toEqual(new Set(['aws', 'gcp', 'azure']));
    expect(new Set(summary.topIdentities.map((p) => p.provider))).toEqual(new Set(['aws', 'gcp', 'azure']));
  });
});
