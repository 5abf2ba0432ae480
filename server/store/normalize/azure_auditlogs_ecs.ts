/** Entra ID audit logs as Elastic's Azure integration indexes them (`logs-azure.auditlogs-*`). */
import type { EventOrigin, NormalizeResult } from '../../../common/audit_event';
import { tenantOfResourceId } from './azure_common';
import { at, fieldPath as p } from './ecs_path';
import { auditEvent } from './entra_audit';
import { firstStr, obj, str, type JsonObject } from './get';
import { parseTime } from './time';

const F = {
  timestamp: p('@timestamp'),
  id: p('event.id'),
  operation: p('azure.auditlogs.operation_name'),
  displayName: p('azure.auditlogs.properties.activity_display_name'),
  propId: p('azure.auditlogs.properties.id'),
  result: p('azure.auditlogs.properties.result'),
  resultReason: p('azure.auditlogs.properties.result_reason'),
  initiatedBy: p('azure.auditlogs.properties.initiated_by'),
  targets: p('azure.auditlogs.properties.target_resources'),
  props: p('azure.auditlogs.properties'),
  outcome: p('event.outcome'),
  tenant: p('azure.tenant_id'),
  resourceId: p('azure.resource.id'),
  correlation: p('azure.correlation_id'),
  sourceIp: p('source.ip'),
};

export function normalizeAuditLogEcs(doc: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  const action = firstStr(at(doc, F.operation), at(doc, F.displayName));
  if (action === undefined) return { ok: false, reason: 'Entra ID audit ECS document without azure.auditlogs.operation_name' };
  const event = auditEvent(
    {
      action,
      id: firstStr(at(doc, F.propId), at(doc, F.id)),
      time: parseTime(at(doc, F.timestamp)) ?? null,
      tenantId: firstStr(at(doc, F.tenant), tenantOfResourceId(str(at(doc, F.resourceId)))),
      initiatedBy: at(doc, F.initiatedBy),
      result: firstStr(at(doc, F.result), at(doc, F.outcome)),
      resultReason: str(at(doc, F.resultReason)),
      callerIp: str(at(doc, F.sourceIp)),
      targets: at(doc, F.targets),
      correlationId: str(at(doc, F.correlation)),
      request: obj(at(doc, F.props)),
    },
    'ecs',
    doc,
    origin,
  );
  return { ok: true, event };
}
