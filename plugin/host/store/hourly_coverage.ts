/**
 * Coverage kept hour by hour, so the coverage page can ask for any range after the run. The engine feeds a
 * CoverageAnalyzer; this one also hands each event to the analyzer of its hour, and each hour's report is turned
 * back into the scope summaries buildCoverageReport takes (lossless: counts, first/last to the millisecond, hourly
 * counts, tamper events). Summing the hours of a range gives the report over that range, at hour granularity.
 */
import type { AuditEvent } from '../../../common/audit_event';
import type { CoverageReport, CoverageScope } from '../../../common/coverage';
import type { RootIdentity } from '../../../common/finding';
import type { Classification } from '../../../server/analytic/catalog/types';
import { buildCoverageReport, CoverageAnalyzer, HOUR, MAX_TAMPER, type ScopeSummary } from '../../../server/analytic/coverage';

/** A scope summary as JSON holds it (hours as pairs). */
export interface StoredScope extends Omit<ScopeSummary, 'hours'> {
  hours: [number, number][];
}

/** One hour of coverage: what buildCoverageReport needs, for the events of that hour. */
export interface CoverageHour {
  /** epoch ms / HOUR */
  hour: number;
  scopes: StoredScope[];
  dataAccessLogged: boolean;
  signInLogs: boolean;
}

export class HourlyCoverageAnalyzer extends CoverageAnalyzer {
  private readonly byHour = new Map<number, CoverageAnalyzer>();

  override observe(e: AuditEvent, time: number, cls: Classification | undefined, root: RootIdentity): void {
    super.observe(e, time, cls, root);
    const hour = Math.floor(time / HOUR);
    let analyzer = this.byHour.get(hour);
    if (!analyzer) {
      analyzer = new CoverageAnalyzer();
      this.byHour.set(hour, analyzer);
    }
    analyzer.observe(e, time, cls, root);
  }

  hours(): CoverageHour[] {
    return [...this.byHour.entries()].sort((a, b) => a[0] - b[0]).map(([hour, analyzer]) => hourOf(hour, analyzer.report()));
  }
}

function scopeSummaryOf(s: CoverageScope): StoredScope {
  return {
    provider: s.provider,
    account: s.account,
    region: s.region,
    events: s.events,
    first: Date.parse(s.first_seen),
    last: Date.parse(s.last_seen),
    reads: s.reads,
    writes: s.writes,
    hours: s.hourly.map((h) => [Math.floor(Date.parse(h.hour) / HOUR), h.events]),
    tamper: s.tamper_events,
    privileged: s.privileged,
    traceable: s.privileged_traceable,
  };
}

function hourOf(hour: number, report: CoverageReport): CoverageHour {
  return {
    hour,
    scopes: report.scopes.map(scopeSummaryOf),
    dataAccessLogged: report.providers.some((p) => p.data_access_logged === true),
    signInLogs: report.providers.some((p) => p.sign_in_logs === true),
  };
}

/** The report over a set of hours: scopes summed across hours, in hour order. */
export function reportOfHours(hours: readonly CoverageHour[]): CoverageReport {
  const scopes = new Map<string, ScopeSummary>();
  for (const h of [...hours].sort((a, b) => a.hour - b.hour)) {
    for (const s of h.scopes) {
      const key = `${s.provider}|${s.account}|${s.region}`;
      const into = scopes.get(key);
      if (!into) {
        scopes.set(key, { ...s, hours: new Map(s.hours), tamper: s.tamper.slice(0, MAX_TAMPER) });
        continue;
      }
      into.events += s.events;
      into.first = Math.min(into.first, s.first);
      into.last = Math.max(into.last, s.last);
      into.reads += s.reads;
      into.writes += s.writes;
      for (const [hour, n] of s.hours) into.hours.set(hour, (into.hours.get(hour) ?? 0) + n);
      for (const t of s.tamper) if (into.tamper.length < MAX_TAMPER) into.tamper.push(t);
      into.privileged += s.privileged;
      into.traceable += s.traceable;
    }
  }
  return buildCoverageReport({
    scopes: [...scopes.values()],
    dataAccessLogged: hours.some((h) => h.dataAccessLogged),
    signInLogs: hours.some((h) => h.signInLogs),
  });
}
