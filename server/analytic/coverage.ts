/**
 * Coverage (DESIGN §3.8): per provider/account/region, whether reads are logged as well as writes, silent gaps
 * against the usual event rate, logging tamper, sign-in and Data Access logs, and the share of privileged actions
 * that trace back to an accountable person. Fed by the engine, so it sees the same lineage.
 */
import type { AuditEvent, CloudProvider } from '../../common/audit_event';
import type { CoverageProblem, CoverageReport, CoverageScope } from '../../common/coverage';
import type { RootIdentity } from '../../common/finding';
import type { Classification } from './catalog/types';
import { isHumanRoot, principalOf } from './identity';

export const HOUR = 3_600_000;
/** Tamper events listed per scope (the rest are not listed). */
export const MAX_TAMPER = 100;
/** A silent stretch is a gap when at least this many hours pass without events where this many were expected. */
const GAP_MIN_HOURS = 2;
const GAP_MIN_EXPECTED = 20;
const LOW_TRACEABILITY = 0.5;

/**
 * What the report needs of one provider/account/region, however it was gathered: event by event (CoverageAnalyzer)
 * or from a cluster's aggregations.
 */
export interface ScopeSummary {
  provider: CloudProvider;
  account: string;
  region: string;
  events: number;
  first: number;
  last: number;
  reads: number;
  writes: number;
  /** Events per hour (epoch ms / HOUR, floored); hours without events are absent. */
  hours: Map<number, number>;
  /** The first MAX_TAMPER tamper events, in the order they happened. */
  tamper: CoverageScope['tamper_events'];
  /** Successful privileged actions, and those that trace back to a person. */
  privileged: number;
  traceable: number;
}

export interface CoverageSummary {
  scopes: ScopeSummary[];
  /** GCP Data Access audit logs (reads) were seen. */
  dataAccessLogged: boolean;
  /** Entra ID sign-in logs were seen. */
  signInLogs: boolean;
}

export class CoverageAnalyzer {
  private readonly scopes = new Map<string, ScopeSummary>();
  private readonly dataAccess = new Set<string>();
  private readonly signIns = new Set<string>();

  observe(e: AuditEvent, time: number, cls: Classification | undefined, root: RootIdentity): void {
    if (e.log === 'azure.signinlogs') this.signIns.add(e.account ?? '');
    if (e.provider === 'gcp' && e.readOnly) this.dataAccess.add(e.account ?? '');
    const account = e.account ?? 'unknown';
    const region = e.region ?? 'global';
    const key = `${e.provider}|${account}|${region}`;
    let s = this.scopes.get(key);
    if (!s) {
      s = { provider: e.provider, account, region, events: 0, first: time, last: time, reads: 0, writes: 0, hours: new Map(), tamper: [], privileged: 0, traceable: 0 };
      this.scopes.set(key, s);
    }
    s.events++;
    if (time < s.first) s.first = time;
    if (time > s.last) s.last = time;
    if (e.readOnly === true) s.reads++;
    else if (e.readOnly === false) s.writes++;
    const hour = Math.floor(time / HOUR);
    s.hours.set(hour, (s.hours.get(hour) ?? 0) + 1);
    if (cls?.category === 'tamper' && s.tamper.length < MAX_TAMPER) {
      s.tamper.push({ event_id: e.id, time: new Date(time).toISOString(), action: e.action, principal: principalOf(e) });
    }
    if (cls?.category === 'privileged' && e.outcome !== 'failure') {
      s.privileged++;
      if (isHumanRoot(root) || e.actor.human) s.traceable++;
    }
  }

  report(): CoverageReport {
    return buildCoverageReport({ scopes: [...this.scopes.values()], dataAccessLogged: this.dataAccess.size > 0, signInLogs: this.signIns.size > 0 });
  }
}

/** The report over scope summaries: usual rates, gaps, problems and their fixes, traceability. */
export function buildCoverageReport(summary: CoverageSummary): CoverageReport {
  const scopes = [...summary.scopes].sort((a, b) => (a.provider + a.account + a.region < b.provider + b.account + b.region ? -1 : 1));
  const events = scopes.reduce((n, s) => n + s.events, 0);
  const first = scopes.reduce((t, s) => Math.min(t, s.first), Infinity);
  const last = scopes.reduce((t, s) => Math.max(t, s.last), -Infinity);
  const problems: CoverageProblem[] = [];
  const out: CoverageScope[] = scopes.map((s) => scopeReport(s, last, problems));
  const providers = [...new Set(scopes.map((s) => s.provider))].sort().map((provider) => {
    const mine = scopes.filter((s) => s.provider === provider);
    const reads = mine.reduce((n, s) => n + s.reads, 0);
    const entry: CoverageReport['providers'][number] = { provider, events: mine.reduce((n, s) => n + s.events, 0), reads_logged: reads > 0 };
    if (provider === 'gcp') entry.data_access_logged = summary.dataAccessLogged;
    if (provider === 'azure') entry.sign_in_logs = summary.signInLogs;
    providerProblems(provider, entry, problems);
    return entry;
  });
  const privileged = scopes.reduce((n, s) => n + s.privileged, 0);
  const traceable = scopes.reduce((n, s) => n + s.traceable, 0);
  return {
    generated_from: {
      events,
      first_seen: events ? new Date(first).toISOString() : null,
      last_seen: events ? new Date(last).toISOString() : null,
    },
    providers,
    scopes: out,
    traceability: { privileged, traceable, share: privileged ? round(traceable / privileged) : null },
    problems,
  };
}

/** `last`: the last event of any scope, so a scope that fell silent while others kept logging shows a gap. */
function scopeReport(s: ScopeSummary, last: number, problems: CoverageProblem[]): CoverageScope {
  const counts = [...s.hours.values()].sort((a, b) => a - b);
  const usual = counts.length ? counts[Math.floor(counts.length / 2)] : 0;
  const gaps = gapsOf(s, usual, last);
  const where = { provider: s.provider, account: s.account, region: s.region };
  for (const g of gaps) {
    problems.push({
      kind: 'gap',
      severity: 'warning',
      ...where,
      text: `No events from ${s.provider} ${s.account} ${s.region} between ${g.start} and ${g.end}, where about ${g.expected_events} were expected (${usual}/hour usually)`,
      fix: fixForGap(s.provider),
    });
  }
  if (s.tamper.length) {
    problems.push({
      kind: 'tamper',
      severity: 'critical',
      ...where,
      text: `Logging was changed ${s.tamper.length} time(s): ${[...new Set(s.tamper.map((t) => `${t.action} by ${t.principal}`))].slice(0, 5).join('; ')}`,
      fix: 'Confirm the change was planned; otherwise re-enable and restore the trail, sink or diagnostic setting, and investigate the finding that contains it.',
      evidence: s.tamper.map((t) => t.event_id),
    });
  }
  const traceability = s.privileged ? round(s.traceable / s.privileged) : null;
  if (traceability !== null && s.privileged >= 10 && traceability < LOW_TRACEABILITY) {
    problems.push({
      kind: 'low_traceability',
      severity: 'info',
      ...where,
      text: `Only ${Math.round(traceability * 100)}% of ${s.privileged} privileged actions trace back to a person`,
      fix: traceabilityFix(s.provider),
    });
  }
  const hourly = [...s.hours.entries()].sort((a, b) => a[0] - b[0]).map(([h, n]) => ({ hour: new Date(h * HOUR).toISOString(), events: n }));
  return {
    ...where,
    events: s.events,
    first_seen: new Date(s.first).toISOString(),
    last_seen: new Date(s.last).toISOString(),
    usual_per_hour: usual,
    reads: s.reads,
    writes: s.writes,
    gaps,
    tamper_events: s.tamper,
    privileged: s.privileged,
    privileged_traceable: s.traceable,
    traceability,
    hourly,
  };
}

/** Runs of empty hours inside the observed span, and a silent tail when other sources kept logging. */
function gapsOf(s: ScopeSummary, usual: number, last: number): CoverageScope['gaps'] {
  const gaps: CoverageScope['gaps'] = [];
  if (usual === 0) return gaps;
  const firstHour = Math.floor(s.first / HOUR);
  const lastHour = Math.floor(Math.max(s.last, last) / HOUR);
  let runStart: number | undefined;
  for (let h = firstHour; h <= lastHour + 1; h++) {
    const empty = h <= lastHour && !s.hours.has(h);
    if (empty && runStart === undefined) runStart = h;
    if (!empty && runStart !== undefined) {
      const hours = h - runStart;
      const expected = hours * usual;
      if (hours >= GAP_MIN_HOURS && expected >= GAP_MIN_EXPECTED) {
        gaps.push({ start: new Date(runStart * HOUR).toISOString(), end: new Date(h * HOUR).toISOString(), expected_events: expected });
      }
      runStart = undefined;
    }
  }
  return gaps;
}

function providerProblems(provider: CloudProvider, p: CoverageReport['providers'][number], problems: CoverageProblem[]): void {
  if (provider === 'aws' && !p.reads_logged) {
    problems.push({
      kind: 'no_reads',
      severity: 'warning',
      provider,
      text: 'CloudTrail shows write events only: reconnaissance (Describe*, List*, Get*) is invisible',
      fix: 'Set the trail\'s management event selector to ReadWriteType "All" (aws cloudtrail put-event-selectors ... ReadWriteType=All).',
    });
  }
  if (provider === 'gcp' && !p.data_access_logged) {
    problems.push({
      kind: 'no_data_access',
      severity: 'warning',
      provider,
      text: 'No GCP Data Access audit logs: service-account impersonation (GenerateAccessToken) and reads are invisible',
      fix: 'Enable DATA_READ and ADMIN_READ audit logs for iamcredentials.googleapis.com and iam.googleapis.com (IAM > Audit Logs, or the auditConfigs of the project or organization policy) and route them to the same sink.',
    });
  }
  if (provider === 'azure' && !p.sign_in_logs) {
    problems.push({
      kind: 'no_sign_in_logs',
      severity: 'warning',
      provider,
      text: 'No Entra ID sign-in logs: logins from new locations cannot be tied to the Azure actions that follow',
      fix: 'Add an Entra ID diagnostic setting exporting SignInLogs, NonInteractiveUserSignInLogs, ServicePrincipalSignInLogs and ManagedIdentitySignInLogs to the same Event Hub or storage account.',
    });
  }
}

function fixForGap(provider: CloudProvider): string {
  switch (provider) {
    case 'aws':
      return 'Check the trail is logging (aws cloudtrail get-trail-status), is multi-region, and that delivery to S3 and the shipper (Elastic Agent SQS/S3 input) kept up.';
    case 'gcp':
      return 'Check the log sink still exists and exports cloudaudit.googleapis.com logs, and that the Pub/Sub subscription the shipper reads is not backlogged.';
    default:
      return 'Check the subscription\'s diagnostic setting still exports the Activity log, and that the Event Hub consumer kept up.';
  }
}

function traceabilityFix(provider: CloudProvider): string {
  switch (provider) {
    case 'aws':
      return 'Require sourceIdentity on role assumptions (sts:SetSourceIdentity in trust policies) and move people to IAM Identity Center so role sessions name the person.';
    case 'gcp':
      return 'Have people act through their own accounts or impersonation (which logs the delegating principal), not through shared service-account keys.';
    default:
      return 'Have people act through their own Entra ID accounts rather than shared service principals; use PIM for elevated roles.';
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
