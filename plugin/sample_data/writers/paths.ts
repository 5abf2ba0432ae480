/**
 * Where each log lands, laid out as the providers' own exports to object storage:
 * - CloudTrail S3 delivery: one gzipped `{"Records":[...]}` file per 5 minutes per account and region;
 * - GCP log sink to Cloud Storage: one NDJSON file per hour per log (colons left out of the file name so that the
 *   files can be copied to every OS: `HH-00-00_HH-59-59_S0.json` instead of `HH:00:00_HH:59:59_S0.json`);
 * - Azure diagnostic settings to a storage account: one JSON-lines `PT1H.json` per hour, Activity log per subscription,
 *   Entra ID sign-ins per category container.
 */
import { AZURE_TENANT } from '../scenario/org';

function ymd(ms: number): { y: string; m: string; d: string; hh: string; mm: string } {
  const iso = new Date(ms).toISOString();
  return { y: iso.slice(0, 4), m: iso.slice(5, 7), d: iso.slice(8, 10), hh: iso.slice(11, 13), mm: iso.slice(14, 16) };
}

export type RouteKind = 'aws' | 'gcp' | 'azure-activity' | 'azure-signin';

export function routeKind(route: string): RouteKind {
  if (route.startsWith('aws/')) return 'aws';
  if (route.startsWith('gcp/')) return 'gcp';
  if (route.startsWith('azure/activity/')) return 'azure-activity';
  if (route.startsWith('azure/signin/')) return 'azure-signin';
  throw new Error(`unknown route ${route}`);
}

/** `aws/<account>/<region>` for the 5-minute window starting at `slotStart`; `suffix` is 16 random alphanumerics. */
export function cloudTrailPath(route: string, slotStart: number, suffix: string): string {
  const [, account, region] = route.split('/');
  const t = ymd(slotStart);
  return `aws/AWSLogs/${account}/CloudTrail/${region}/${t.y}/${t.m}/${t.d}/${account}_CloudTrail_${region}_${t.y}${t.m}${t.d}T${t.hh}${t.mm}Z_${suffix}.json.gz`;
}

/** `gcp/activity` or `gcp/data_access`. */
export function gcpAuditPath(route: string, hourStart: number): string {
  const log = route.slice('gcp/'.length);
  const t = ymd(hourStart);
  return `gcp/cloudaudit.googleapis.com/${log}/${t.y}/${t.m}/${t.d}/${t.hh}-00-00_${t.hh}-59-59_S0.json`;
}

/** `azure/activity/<subscription>`. */
export function azureActivityPath(route: string, hourStart: number): string {
  const sub = route.slice('azure/activity/'.length).toUpperCase();
  const t = ymd(hourStart);
  return `azure/insights-activity-logs/resourceId=/SUBSCRIPTIONS/${sub}/y=${t.y}/m=${t.m}/d=${t.d}/h=${t.hh}/m=00/PT1H.json`;
}

/** `azure/signin/<category>`, e.g. `azure/signin/SignInLogs`. */
export function azureSignInPath(route: string, hourStart: number): string {
  const category = route.slice('azure/signin/'.length).toLowerCase();
  const t = ymd(hourStart);
  return `azure/insights-logs-${category}/resourceId=/tenants/${AZURE_TENANT.id}/providers/Microsoft.aadiam/y=${t.y}/m=${t.m}/d=${t.d}/h=${t.hh}/m=00/PT1H.json`;
}

export function hourlyPath(route: string, hourStart: number): string {
  const kind = routeKind(route);
  if (kind === 'gcp') return gcpAuditPath(route, hourStart);
  if (kind === 'azure-activity') return azureActivityPath(route, hourStart);
  if (kind === 'azure-signin') return azureSignInPath(route, hourStart);
  throw new Error(`${route} is not an hourly log`);
}
