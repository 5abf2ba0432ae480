/** How the coverage page names scopes and shows shares, hours and times; shared by the table, details and chart. */
import moment from 'moment';
import type { CoverageProblem, CoverageScope } from '../../common/coverage';
import type { CloudProvider } from '../../common/audit_event';

export const PROVIDER_LABEL: Record<CloudProvider, string> = { aws: 'AWS', gcp: 'Google Cloud', azure: 'Azure' };

/** What the provider calls the scope's account. */
export const ACCOUNT_NOUN: Record<CloudProvider, string> = { aws: 'account', gcp: 'project', azure: 'subscription' };

export function scopeKey(s: Pick<CoverageScope, 'provider' | 'account' | 'region'>): string {
  return `${s.provider}/${s.account}/${s.region}`;
}

export function scopeLabel(s: Pick<CoverageScope, 'provider' | 'account' | 'region'>): string {
  return `${PROVIDER_LABEL[s.provider]} ${s.account} ${s.region}`;
}

/** Where a problem applies: a whole provider, or one account/region. */
export function problemWhere(p: CoverageProblem): string {
  return [PROVIDER_LABEL[p.provider], p.account, p.region].filter(Boolean).join(' · ');
}

export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** Below half traceable, the server reports a problem; the colours follow the same line. */
export function traceabilityColor(share: number | null): 'success' | 'warning' | 'danger' | 'subdued' {
  if (share === null) return 'subdued';
  if (share >= 0.8) return 'success';
  return share >= 0.5 ? 'warning' : 'danger';
}

export function gapHours(gap: { start: string; end: string }): number {
  return Math.round((Date.parse(gap.end) - Date.parse(gap.start)) / 3_600_000);
}

export function longestGapHours(gaps: { start: string; end: string }[]): number {
  return gaps.reduce((max, g) => Math.max(max, gapHours(g)), 0);
}

export function formatHours(hours: number): string {
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

/** Audit logs are in UTC and so are the incidents told from them: times are shown in UTC, saying so. */
export function formatTime(iso: string): string {
  return moment.utc(iso).format('MMM D, YYYY HH:mm [UTC]');
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
