/** What the user filters findings by, and its translation into the API's query parameters. */
import type { FindingsHistogramParams } from '../../common/api';
import type { CloudProvider } from '../../common/audit_event';
import type { Severity, WorkflowStatus } from '../../common/finding';

export interface FindingsFilters {
  severities: Severity[];
  providers: CloudProvider[];
  statuses: WorkflowStatus[];
  accounts: string[];
  techniques: string[];
  identity?: string;
  search: string;
}

export const NO_FILTERS: FindingsFilters = { severities: [], providers: [], statuses: [], accounts: [], techniques: [], search: '' };

/** The same shapes the server accepts, so a typed value is refused here rather than answered with a 400. */
export const ACCOUNT_PATTERN = /^[A-Za-z0-9._:@/-]{1,128}$/;
export const TECHNIQUE_PATTERN = /^T\d{4}(?:\.\d{3})?$/;

export function hasActiveFilters(f: FindingsFilters): boolean {
  return f.severities.length + f.providers.length + f.statuses.length + f.accounts.length + f.techniques.length > 0 || !!f.identity || f.search.trim() !== '';
}

/** Only the filters in use: an empty list means "any", so it is left out rather than sent empty. */
export function toFilterParams(f: FindingsFilters, range: { from: string; to: string } | undefined): FindingsHistogramParams {
  const params: FindingsHistogramParams = {};
  if (range) Object.assign(params, range);
  if (f.severities.length) params.severities = f.severities;
  if (f.providers.length) params.providers = f.providers;
  if (f.statuses.length) params.statuses = f.statuses;
  if (f.accounts.length) params.accounts = f.accounts;
  if (f.techniques.length) params.techniques = f.techniques;
  if (f.identity) params.identity = f.identity;
  const search = f.search.trim();
  if (search) params.search = search;
  return params;
}
