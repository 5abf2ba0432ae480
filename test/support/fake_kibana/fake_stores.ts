/**
 * In-memory stores behind the route interfaces. Each records the typed arguments it was called with (what a route
 * test asserts) and can be told to fail (what a route must turn into a safe 500).
 */
import type { CloudProvider } from '../../../common/audit_event';
import type { CoverageReport } from '../../../common/coverage';
import { SUMMARY_EVIDENCE_FINDINGS, type SummaryProviderAccount } from '../../../common/api';
import { SEVERITIES, type FindingDocument, type Severity } from '../../../common/finding';
import { summarySize, topPrivilegedActions, topProviderAccounts } from '../../../server/store/elasticsearch/findings/summary';
import type { ExpectedAutomationFile } from '../../../server/analytic/automation';
import type {
  AutomationConfigStore,
  CoverageSource,
  DetectionControl,
  DetectionHealth,
  EvidenceStore,
  FindingsHistogram,
  FindingsPage,
  FindingsQuery,
  FindingsStore,
  FindingsSummary,
  FindingSortField,
  IdentityProfile,
  IdentityProfilesPage,
  IdentityProfileStore,
  StatusChange,
  WriteResult,
} from '../../../server/store/types';
import type { FindingsFilter } from '../../../server/routes/findings_query';

/** Per-method errors a fake throws instead of answering. */
class Failures<M extends string> {
  private readonly errors = new Map<M, Error>();

  failWith(method: M, error: Error): void {
    this.errors.set(method, error);
  }

  heal(method: M): void {
    this.errors.delete(method);
  }

  check(method: M): void {
    const error = this.errors.get(method);
    if (error) throw error;
  }
}

/** Does the finding pass the filter? The semantics FindingsQuery documents, done by hand. */
export function findingMatches(f: FindingDocument, q: FindingsFilter): boolean {
  const a = f.cloud_api_abuse;
  const first = Date.parse(a.chain.first_seen);
  const last = Date.parse(a.chain.last_seen);
  if (q.to !== undefined && first >= q.to) return false;
  if (q.from !== undefined && last < q.from) return false;
  if (q.severities && !q.severities.includes(f.kibana.alert.severity)) return false;
  if (q.providers && !q.providers.includes(a.root_identity.provider)) return false;
  if (q.accounts && !q.accounts.some((acc) => a.chain.accounts.includes(acc) || f.cloud.account?.id === acc)) return false;
  if (q.identity !== undefined && a.root_identity.id !== q.identity) return false;
  if (q.statuses && !q.statuses.includes(a.workflow.status)) return false;
  if (q.techniques && !q.techniques.some((t) => a.techniques.some((ft) => ft.id === t))) return false;
  if (q.search !== undefined) {
    const needle = q.search.toLowerCase();
    const haystack = [a.root_identity.id, a.root_identity.name, ...a.evidence.flatMap((e) => [e.principal, e.action])];
    if (!haystack.some((h) => h.toLowerCase().includes(needle))) return false;
  }
  return true;
}

function sortValue(f: FindingDocument, field: FindingSortField): number {
  switch (field) {
    case 'risk_score':
      return f.kibana.alert.risk_score;
    case 'first_seen':
      return Date.parse(f.cloud_api_abuse.chain.first_seen);
    case 'last_seen':
      return Date.parse(f.cloud_api_abuse.chain.last_seen);
    case 'severity':
      return SEVERITIES.indexOf(f.kibana.alert.severity);
    case 'event_count':
      return f.cloud_api_abuse.chain.event_count;
  }
}

function zeroCounts(): Record<Severity, number> {
  return { low: 0, medium: 0, high: 0, critical: 0 };
}

type FindingsMethod = 'ensureInstalled' | 'write' | 'list' | 'histogram' | 'summary' | 'get' | 'setStatus';

/** The riskiest first, then by finding id (the stores' order for "riskiest"). */
function riskiestFirst(x: FindingDocument, y: FindingDocument): number {
  const a = x.cloud_api_abuse.finding_id;
  const b = y.cloud_api_abuse.finding_id;
  return y.kibana.alert.risk_score - x.kibana.alert.risk_score || (a < b ? -1 : a > b ? 1 : 0);
}

export class FakeFindingsStore extends Failures<FindingsMethod> implements FindingsStore {
  readonly findings = new Map<string, FindingDocument>();
  readonly calls = {
    list: [] as FindingsQuery[],
    histogram: [] as { query: FindingsFilter; buckets: number }[],
    summary: [] as { query: FindingsFilter; size: number }[],
    get: [] as string[],
    setStatus: [] as StatusChange[],
    write: [] as FindingDocument[][],
  };

  constructor(findings: FindingDocument[] = []) {
    super();
    for (const f of findings) this.findings.set(f.cloud_api_abuse.finding_id, f);
  }

  async ensureInstalled(): Promise<void> {
    this.check('ensureInstalled');
  }

  async write(findings: FindingDocument[]): Promise<WriteResult> {
    this.check('write');
    this.calls.write.push(findings);
    for (const f of findings) {
      const id = f.cloud_api_abuse.finding_id;
      const existing = this.findings.get(id);
      this.findings.set(id, existing ? { ...f, cloud_api_abuse: { ...f.cloud_api_abuse, workflow: existing.cloud_api_abuse.workflow } } : f);
    }
    return { written: findings.length, rejected: [] };
  }

  async list(query: FindingsQuery): Promise<FindingsPage> {
    this.calls.list.push(query);
    this.check('list');
    const direction = query.sort.order === 'asc' ? 1 : -1;
    const matching = [...this.findings.values()]
      .filter((f) => findingMatches(f, query))
      .sort((x, y) => direction * (sortValue(x, query.sort.field) - sortValue(y, query.sort.field)));
    const start = query.page * query.perPage;
    return { total: matching.length, findings: matching.slice(start, start + query.perPage) };
  }

  async histogram(query: FindingsFilter, buckets: number): Promise<FindingsHistogram> {
    this.calls.histogram.push({ query, buckets });
    this.check('histogram');
    const matching = [...this.findings.values()].filter((f) => findingMatches(f, query));
    const starts = matching.map((f) => Date.parse(f.cloud_api_abuse.chain.first_seen));
    const from = query.from ?? (starts.length ? Math.min(...starts) : 0);
    const to = query.to ?? (starts.length ? Math.max(...starts) + 1 : from + 1);
    const width = Math.max(1, Math.ceil((to - from) / buckets));
    const count = Math.max(1, Math.ceil((to - from) / width));
    const out = Array.from({ length: count }, (_, i) => ({ time: new Date(from + i * width).toISOString(), counts: zeroCounts() }));
    const bySeverity = zeroCounts();
    matching.forEach((f, i) => {
      const slot = Math.min(count - 1, Math.max(0, Math.floor((starts[i] - from) / width)));
      out[slot].counts[f.kibana.alert.severity] += 1;
      bySeverity[f.kibana.alert.severity] += 1;
    });
    return { interval: `${width}ms`, buckets: out, bySeverity };
  }

  async summary(query: FindingsFilter, size: number): Promise<FindingsSummary> {
    this.calls.summary.push({ query, size });
    this.check('summary');
    const n = summarySize(size);
    const matching = [...this.findings.values()].filter((f) => findingMatches(f, query)).sort(riskiestFirst);
    const byIdentity = new Map<string, FindingDocument[]>();
    const pairs = new Map<string, SummaryProviderAccount>();
    for (const f of matching) {
      const id = f.cloud_api_abuse.root_identity.id;
      byIdentity.set(id, [...(byIdentity.get(id) ?? []), f]);
      for (const account of new Set(f.cloud_api_abuse.chain.accounts)) {
        const key = `${f.cloud.provider} ${account}`;
        const pair = pairs.get(key) ?? { provider: f.cloud.provider, account, count: 0, bySeverity: zeroCounts() };
        pair.count++;
        pair.bySeverity[f.kibana.alert.severity]++;
        pairs.set(key, pair);
      }
    }
    const topIdentities = [...byIdentity]
      .sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, n)
      .map(([id, [riskiest, ...rest]]) => {
        const root = riskiest.cloud_api_abuse.root_identity;
        return { id, name: root.name, provider: root.provider, count: rest.length + 1, maxRisk: riskiest.kibana.alert.risk_score };
      });
    const read = matching.slice(0, SUMMARY_EVIDENCE_FINDINGS);
    return {
      total: matching.length,
      topIdentities,
      topPrivilegedActions: topPrivilegedActions(read.map((f) => f.cloud_api_abuse.evidence), n),
      privilegedActionsFrom: read.length,
      byProviderAccount: topProviderAccounts([...pairs.values()], n),
    };
  }

  async get(id: string): Promise<FindingDocument | undefined> {
    this.calls.get.push(id);
    this.check('get');
    return this.findings.get(id);
  }

  async setStatus(change: StatusChange): Promise<{ updated: string[]; missing: string[] }> {
    this.calls.setStatus.push(change);
    this.check('setStatus');
    const updated: string[] = [];
    const missing: string[] = [];
    for (const id of change.ids) {
      const f = this.findings.get(id);
      if (!f) {
        missing.push(id);
        continue;
      }
      const workflow = { status: change.status, updated_at: change.at, updated_by: change.by, ...(change.note !== undefined && { note: change.note }) };
      this.findings.set(id, { ...f, cloud_api_abuse: { ...f.cloud_api_abuse, workflow } });
      updated.push(id);
    }
    return { updated, missing };
  }
}

type Evidence = FindingDocument['cloud_api_abuse']['evidence'];

export class FakeEvidenceStore extends Failures<'records'> implements EvidenceStore {
  readonly calls: Evidence[] = [];

  /** Raw records by event id; an event without one comes back with an error, as a moved file would. */
  constructor(readonly recordsById: Map<string, unknown> = new Map()) {
    super();
  }

  async records(evidence: Evidence): Promise<{ event_id: string; record?: unknown; error?: string }[]> {
    this.calls.push(evidence);
    this.check('records');
    return evidence.map((e) =>
      this.recordsById.has(e.event_id) ? { event_id: e.event_id, record: this.recordsById.get(e.event_id) } : { event_id: e.event_id, error: 'record not found at its origin' },
    );
  }
}

export class FakeAutomationConfigStore extends Failures<'get' | 'put'> implements AutomationConfigStore {
  readonly puts: { config: ExpectedAutomationFile; by: string }[] = [];

  constructor(public config: ExpectedAutomationFile = { down_weight: 0.3, expected_automation: [] }) {
    super();
  }

  async get(): Promise<ExpectedAutomationFile> {
    this.check('get');
    return this.config;
  }

  async put(config: ExpectedAutomationFile, by: string): Promise<void> {
    this.puts.push({ config, by });
    this.check('put');
    this.config = config;
  }
}

export class FakeDetectionControl extends Failures<'health' | 'runNow'> implements DetectionControl {
  runNowCalls = 0;

  constructor(public healthReport: DetectionHealth = { enabled: true, consecutiveFailures: 0, running: false }) {
    super();
  }

  async health(): Promise<DetectionHealth> {
    this.check('health');
    return this.healthReport;
  }

  async runNow(): Promise<{ scheduled: boolean }> {
    this.runNowCalls += 1;
    this.check('runNow');
    return { scheduled: true };
  }
}

export class FakeCoverageSource extends Failures<'report'> implements CoverageSource {
  readonly calls: { from: number; to: number }[] = [];

  constructor(public reportValue: CoverageReport = emptyCoverage()) {
    super();
  }

  async report(range: { from: number; to: number }): Promise<CoverageReport> {
    this.calls.push(range);
    this.check('report');
    return this.reportValue;
  }
}

export function emptyCoverage(): CoverageReport {
  return {
    generated_from: { events: 0, first_seen: null, last_seen: null },
    providers: [],
    scopes: [],
    traceability: { privileged: 0, traceable: 0, share: null },
    problems: [],
  };
}

/** Profiles in memory, listed like the Elasticsearch store: busiest first, provider filter, plain-text root id match. */
export class FakeIdentityProfileStore extends Failures<'list' | 'write'> implements IdentityProfileStore {
  readonly profiles = new Map<string, IdentityProfile>();
  readonly calls: { providers?: string[]; search?: string; page: number; perPage: number }[] = [];

  async ensureInstalled(): Promise<void> {}

  async write(profiles: IdentityProfile[]): Promise<void> {
    this.check('write');
    for (const p of profiles) this.profiles.set(p.id, p);
  }

  async list(query: { providers?: CloudProvider[]; search?: string; page: number; perPage: number }): Promise<IdentityProfilesPage> {
    this.calls.push(query);
    this.check('list');
    const needle = query.search?.toLowerCase();
    const matching = [...this.profiles.values()]
      .filter((p) => (!query.providers || query.providers.includes(p.provider)) && (!needle || p.root_id.toLowerCase().includes(needle)))
      .sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : 1));
    return { total: matching.length, profiles: matching.slice(query.page * query.perPage, (query.page + 1) * query.perPage) };
  }
}
