/**
 * What every detection path feeds the analytic: a normalized event without what the analytic never reads. The
 * original record is re-read through the event's origin when an analyst asks for it, so chains and reorder windows
 * hold only the compact form.
 */
import type { EventOrigin, NormalizeResult } from '../../../common/audit_event';
import { compactEvent } from '../../analytic/compact';
import { defaultCatalog } from '../../analytic/default_catalog';
import { normalizeRecord } from './index';

export function normalizeCompact(record: unknown, origin?: EventOrigin): NormalizeResult {
  const result = normalizeRecord(record, origin);
  if (result.ok) compactEvent(result.event, defaultCatalog.classify);
  return result;
}
