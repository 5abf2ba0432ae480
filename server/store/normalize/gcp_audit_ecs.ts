/**
 * Cloud Audit Logs as Elastic's GCP integration indexes them (`logs-gcp.audit-*`). Principal fields moved from
 * `client.user.*` to `user.*` across pipeline versions; both are read.
 */
import type { AuditEvent, EventOrigin, NormalizeResult } from '../../../common/audit_event';
import { clip } from './clip';
import { derivedId } from './derived_id';
import { ecsGeo } from './ecs_geo';
import { at, fieldPath as p } from './ecs_path';
import {
  delegationChain,
  gcpActor,
  gcpLogKind,
  gcpMinted,
  gcpOutcome,
  gcpReadOnly,
  gcpRequest,
  inferGcpService,
  scopeOfLogName,
} from './gcp_common';
import { firstStr, get, get2, str, type JsonObject } from './get';
import { EcsOriginal } from './ecs_original';
import { callerSource } from './source';
import { parseTime } from './time';

const F = {
  timestamp: p('@timestamp'),
  id: p('event.id'),
  action: p('event.action'),
  outcome: p('event.outcome'),
  service: p('service.name'),
  logName: p('log.logger'),
  logKind: p('event.provider'),
  project: p('cloud.project.id'),
  region: p('cloud.region'),
  zone: p('cloud.availability_zone'),
  statusCode: p('gcp.audit.status.code'),
  authorizationInfo: p('gcp.audit.authorization_info'),
  keyName: p('gcp.audit.authentication_info.service_account_key_name'),
  delegation: p('gcp.audit.authentication_info.service_account_delegation_info'),
  resourceName: p('gcp.audit.resource_name'),
  request: p('gcp.audit.request'),
  response: p('gcp.audit.response'),
  metadata: p('gcp.audit.metadata'),
  userEmail: p('user.email'),
  userId: p('user.id'),
  clientEmail: p('client.user.email'),
  clientId: p('client.user.id'),
  sourceIp: p('source.ip'),
  sourceAddress: p('source.address'),
  userAgent: p('user_agent.original'),
  operationId: p('gcp.audit.logentry_operation.id'),
  locations: p('gcp.audit.resource_location.current_locations'),
};

export function normalizeGcpAuditEcs(doc: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  const methodName = str(at(doc, F.action));
  if (methodName === undefined) return { ok: false, reason: 'GCP audit ECS document without event.action' };
  const authorizationInfo = at(doc, F.authorizationInfo);
  const resourceName = str(at(doc, F.resourceName));
  const service = str(at(doc, F.service)) ?? inferGcpService(methodName, undefined, authorizationInfo, resourceName);
  if (service === undefined) {
    return { ok: false, reason: `GCP audit ECS document without service.name (event.action ${clip(methodName, 100)})` };
  }

  const logName = str(at(doc, F.logName));
  const status = gcpOutcome(at(doc, F.statusCode));
  const outcome = status.outcome === 'success' && at(doc, F.outcome) === 'failure' ? 'failure' : status.outcome;
  const time = parseTime(at(doc, F.timestamp)) ?? null;
  const email = firstStr(at(doc, F.userEmail), at(doc, F.clientEmail));
  const subject = firstStr(at(doc, F.userId), at(doc, F.clientId));
  const original = new EcsOriginal(doc);
  const sourceIp = str(at(doc, F.sourceIp));
  const request = at(doc, F.request);
  const source = callerSource(sourceIp ?? str(at(doc, F.sourceAddress)) ?? originalCallerIp(original), str(at(doc, F.userAgent)));
  ecsGeo(doc, source);

  // the pipeline drops `private` / `gce-internal-ip` callers and the resourceName of Kubernetes clusters
  const resource = resourceName ?? originalResource(original);
  const event: AuditEvent = {
    id: clip(str(at(doc, F.id))) ?? derivedId([str(at(doc, F.operationId)), time, methodName, resourceName, subject ?? email, sourceIp]),
    time,
    provider: 'gcp',
    log: 'gcp.audit',
    encoding: 'ecs',
    service: clip(service) as string,
    action: clip(methodName) as string,
    outcome,
    actor: gcpActor(email, subject, delegationChain(at(doc, F.delegation))),
    source,
    resources: resource !== undefined ? [clip(resource) as string] : [],
    raw: doc,
  };
  const account = str(at(doc, F.project)) ?? scopeOfLogName(logName);
  if (account !== undefined) event.account = clip(account);
  const locations = at(doc, F.locations);
  const region =
    firstStr(at(doc, F.region), at(doc, F.zone), Array.isArray(locations) ? locations[0] : undefined) ?? originalRegion(original);
  if (region !== undefined) event.region = clip(region);
  if (status.errorCode !== undefined) event.errorCode = status.errorCode;
  const readOnly = gcpReadOnly(gcpLogKind(logName ?? str(at(doc, F.logKind))), authorizationInfo);
  if (readOnly !== undefined) event.readOnly = readOnly;
  const keyName = str(at(doc, F.keyName));
  if (keyName !== undefined) event.credential = { id: clip(keyName) as string, kind: 'long_term' };
  const minted = gcpMinted({
    service,
    methodName,
    outcome,
    requestName: str(get(request, 'name')),
    resourceName,
    responseName: str(get(at(doc, F.response), 'name')),
  });
  if (minted !== undefined) event.minted = minted;
  const merged = gcpRequest(request, at(doc, F.metadata));
  if (merged !== undefined) event.request = merged;
  if (origin !== undefined) event.origin = origin;
  return { ok: true, event };
}

function originalCallerIp(original: EcsOriginal): string | undefined {
  return original.mentions('"callerIp"') ? str(get(get2(original.record(), 'protoPayload', 'requestMetadata'), 'callerIp')) : undefined;
}

function originalResource(original: EcsOriginal): string | undefined {
  return original.mentions('"resourceName"') ? str(get2(original.record(), 'protoPayload', 'resourceName')) : undefined;
}

function originalRegion(original: EcsOriginal): string | undefined {
  if (!original.mentions('"labels"')) return undefined;
  const labels = get2(original.record(), 'resource', 'labels');
  return firstStr(get(labels, 'location'), get(labels, 'zone'), get(labels, 'region'));
}
