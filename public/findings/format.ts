/** How the panel writes times, providers and identities. Times are shown in the browser's zone, like Kibana. */
import moment from 'moment';
import type { CloudProvider } from '../../common/audit_event';
import type { FindingDocument } from '../../common/finding';

export const PROVIDER_LABELS: Record<CloudProvider, string> = { aws: 'AWS', gcp: 'Google Cloud', azure: 'Azure' };

export function formatTime(iso: string | undefined): string {
  if (!iso) return '-';
  const m = moment(iso);
  return m.isValid() ? m.format('MMM D, YYYY HH:mm:ss') : iso;
}

/** A time inside a chain, whose day the header already says. */
export function formatClock(iso: string): string {
  const m = moment(iso);
  return m.isValid() ? m.format('HH:mm:ss') : iso;
}

/** The finding's headline: its heaviest reason, else the alert reason the rule would promote. */
export function findingTitle(finding: FindingDocument): string {
  const top = [...finding.cloud_api_abuse.reasons].sort((a, b) => b.weight - a.weight)[0];
  return top?.text ?? finding.kibana.alert.reason;
}

/** `arn:aws:sts::1:assumed-role/dev-admin/maintenance` -> `assumed-role/dev-admin/maintenance`: the part people read. */
export function shortPrincipal(principal: string): string {
  const arn = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:(.+)$/.exec(principal);
  return arn ? arn[1] : principal;
}
