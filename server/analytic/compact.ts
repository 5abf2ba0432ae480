/**
 * Events wait in reorder windows and chains; the whole original record need not wait with them. A compacted event
 * keeps what the analytic reads (the request and response only for privileged calls, where rollback steps and
 * grants to outsiders need them) and finds its original record again through its origin when someone asks.
 */
import type { AuditEvent } from '../../common/audit_event';
import type { Classification } from './catalog/types';
import { responseOf } from './catalog';

export function compactEvent(e: AuditEvent, classify: (e: AuditEvent) => Classification | undefined): AuditEvent {
  if (classify(e)?.category === 'privileged') {
    const response = responseOf(e);
    if (response !== undefined) e.response = response;
  } else {
    e.request = undefined;
  }
  e.raw = undefined;
  return e;
}
