/** Entra ID audit log records as diagnostic settings export them (category AuditLogs, `properties.initiatedBy`). */
import type { EventOrigin, NormalizeResult } from '../../../common/audit_event';
import { tenantOfResourceId } from './azure_common';
import { auditEvent } from './entra_audit';
import { field, firstStr, get, obj, str, type JsonObject } from './get';
import { parseTime } from './time';

export function normalizeAuditLogRaw(r: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  const props = obj(field(r, 'properties'));
  const action = firstStr(field(r, 'operationName', 'operationname'), get(props, 'activityDisplayName'), get(props, 'operationName'));
  if (action === undefined) return { ok: false, reason: 'Entra ID audit record without operationName or activityDisplayName' };
  const event = auditEvent(
    {
      action,
      id: firstStr(get(props, 'id'), field(r, 'id')),
      time: parseTime(field(r, 'time')) ?? parseTime(get(props, 'activityDateTime')) ?? parseTime(field(r, 'p_event_time')) ?? null,
      tenantId: firstStr(field(r, 'tenantId', 'tenantid'), tenantOfResourceId(str(field(r, 'resourceId', 'resourceid')))),
      initiatedBy: get(props, 'initiatedBy'),
      result: firstStr(get(props, 'result'), field(r, 'result'), field(r, 'resultType', 'resulttype')),
      resultReason: str(get(props, 'resultReason')),
      callerIp: str(field(r, 'callerIpAddress', 'calleripaddress')),
      targets: get(props, 'targetResources'),
      correlationId: firstStr(field(r, 'correlationId', 'correlationid'), get(props, 'correlationId')),
      request: props,
    },
    'raw',
    r,
    origin,
  );
  return { ok: true, event };
}
