/** The coverage report's scopes that need attention on the dashboard: silent gaps and logging changes. */
import type { CoverageReport, CoverageScope } from '../../common/coverage';
import { longestGapHours } from '../coverage/coverage_format';

export interface CoverageGapRow {
  scope: CoverageScope;
  gaps: number;
  longestGapHours: number;
  tamperEvents: number;
  /** The latest logging change, e.g. StopLogging. */
  lastTamperAction?: string;
}

/** Scopes with tamper events first (someone switched logging off), then by the longest gap. */
export function coverageGapRows(report: CoverageReport): CoverageGapRow[] {
  return report.scopes
    .filter((s) => s.gaps.length > 0 || s.tamper_events.length > 0)
    .map((scope) => {
      const latest = [...scope.tamper_events].sort((a, b) => Date.parse(b.time) - Date.parse(a.time))[0];
      return {
        scope,
        gaps: scope.gaps.length,
        longestGapHours: longestGapHours(scope.gaps),
        tamperEvents: scope.tamper_events.length,
        ...(latest ? { lastTamperAction: latest.action } : {}),
      };
    })
    .sort((a, b) => b.tamperEvents - a.tamperEvents || b.longestGapHours - a.longestGapHours);
}
