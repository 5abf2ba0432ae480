/** Azure Activity log as Elastic's Azure integration indexes it (`logs-azure.activitylogs-*`). */
import type { AuditEvent, EventOrigin, NormalizeResult } from '../../../common/audit_event';
import { callerFromClaims } from './azure_claims';
import {
  azureActor,
  azureOutcome,
  azureReadOnly,
  azureTokenCredential,
  providerOfOperation,
  providerOfResourceId,
  subscriptionOfResourceId,
} from './azure_common';
import { clip } from './clip';
import { derivedId } from './derived_id';
import { ecsGeo } from './ecs_geo';
import { at, fieldPath as p } from './ecs_path';
import { firstStr, obj, str, type JsonObject } from './get';
import { callerSource } from './source';
import { parseTime } from './time';

const F = {
  timestamp: p('@timestamp'),
  id: p('event.id'),
  action: p('event.action'),
  outcome: p('event.outcome'),
  operation: p('azure.activitylogs.operation_name'),
  category: p('azure.activitylogs.category'),
  resultType: p('azure.activitylogs.result_type'),
  resultSignature: p('azure.activitylogs.result_signature'),
  claims: p('azure.activitylogs.identity.claims'),
  evidence: p('azure.activitylogs.identity.authorization.evidence'),
  caller: p('azure.activitylogs.caller'),
  properties: p('azure.activitylogs.properties'),
  eventDataId: p('azure.activitylogs.event_data_id'),
  eventDataIdKept: p('azure.activitylogs.eventDataId'),
  geoName: p('geo.name'),
  resourceId: p('azure.resource.id'),
  cloudResourceId: p('cloud.resource_id'),
  subscription: p('azure.subscription_id'),
  account: p('cloud.account.id'),
  region: p('cloud.region'),
  location: p('azure.activitylogs.location'),
  correlationId: p('azure.correlation_id'),
  sourceIp: p('source.ip'),
  clientIp: p('client.ip'),
  sourceAddress: p('source.address'),
  userAgent: p('user_agent.original'),
};

export function normalizeActivityLogEcs(doc: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  const operationName = firstStr(at(doc, F.operation), at(doc, F.action));
  if (operationName === undefined) return { ok: false, reason: 'Azure Activity log ECS document without operation_name or event.action' };
  const operation = operationName.toUpperCase();
  const resourceId = firstStr(at(doc, F.resourceId), at(doc, F.cloudResourceId));
  const category = str(at(doc, F.category));
  const service =
    providerOfOperation(operation) ??
    providerOfResourceId(resourceId) ??
    (category?.startsWith('Storage') ? 'MICROSOFT.STORAGE' : undefined);
  if (service === undefined) {
    return { ok: false, reason: `Azure Activity log ECS document without a resource provider (operation ${clip(operationName, 100)})` };
  }

  const caller = callerFromClaims(at(doc, F.claims), at(doc, F.evidence), 'ecs', str(at(doc, F.caller)));
  const time = parseTime(at(doc, F.timestamp)) ?? null;
  const resultType = str(at(doc, F.resultType));
  const ecsOutcome = at(doc, F.outcome);
  const outcome =
    resultType !== undefined
      ? azureOutcome(resultType)
      : ecsOutcome === 'success' || ecsOutcome === 'failure'
        ? ecsOutcome
        : 'unknown';
  const sourceIp = firstStr(at(doc, F.sourceIp), at(doc, F.clientIp));
  const source = callerSource(sourceIp ?? str(at(doc, F.sourceAddress)), str(at(doc, F.userAgent)));
  ecsGeo(doc, source);

  const event: AuditEvent = {
    id:
      clip(firstStr(at(doc, F.eventDataId), at(doc, F.eventDataIdKept), at(doc, F.id))) ??
      derivedId([
        str(at(doc, F.correlationId)),
        time,
        operation,
        resourceId?.toUpperCase(),
        caller.objectId ?? caller.principalId,
        sourceIp,
      ]),
    time,
    provider: 'azure',
    log: 'azure.activitylogs',
    encoding: 'ecs',
    service: clip(service) as string,
    action: clip(operation) as string,
    outcome,
    readOnly: azureReadOnly(operation, category),
    actor: azureActor(caller),
    source,
    resources: resourceId !== undefined ? [clip(resourceId) as string] : [],
    raw: doc,
  };
  const account = firstStr(at(doc, F.subscription), subscriptionOfResourceId(resourceId), at(doc, F.account));
  if (account !== undefined) event.account = clip(account.toLowerCase());
  const region = firstStr(at(doc, F.location), at(doc, F.geoName), at(doc, F.region));
  if (region !== undefined) event.region = clip(region);
  if (outcome === 'failure') {
    const code = str(at(doc, F.resultSignature));
    if (code !== undefined) event.errorCode = clip(code);
  }
  const credential = azureTokenCredential(caller);
  if (credential !== undefined) event.credential = credential;
  const properties = obj(at(doc, F.properties));
  if (properties !== undefined) event.request = properties;
  if (origin !== undefined) event.origin = origin;
  return { ok: true, event };
}
