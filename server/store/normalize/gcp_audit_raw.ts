/**
 * Cloud Audit Logs LogEntry records (protoPayload AuditLog), including Panther fixture variants: lower-cased keys
 * (`insertid`, `logname`, `protopayload`), `at_sign_type`, `callerIP`, and records without a timestamp.
 */
import type { AuditEvent, EventOrigin, NormalizeResult } from '../../../common/audit_event';
import { clip } from './clip';
import { derivedId } from './derived_id';
import { isBareAuditLog } from './detect';
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
import { arr, field, firstStr, get, get2, obj, str, type JsonObject } from './get';
import { callerSource } from './source';
import { parseTime } from './time';

export function normalizeGcpAuditRaw(r: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  // a bare AuditLog payload (the protoPayload without its LogEntry envelope) is accepted as its own payload
  const pp = obj(field(r, 'protoPayload', 'protopayload')) ?? (isBareAuditLog(r) ? r : undefined);
  if (pp === undefined) return { ok: false, reason: 'GCP audit record without protoPayload' };
  const methodName = str(get(pp, 'methodName'));
  if (methodName === undefined) return { ok: false, reason: 'GCP audit record without protoPayload.methodName' };
  const authorizationInfo = get(pp, 'authorizationInfo');
  const resourceName = str(get(pp, 'resourceName'));
  const service =
    str(get(pp, 'serviceName')) ?? inferGcpService(methodName, get(field(r, 'operation'), 'producer'), authorizationInfo, resourceName);
  if (service === undefined) return { ok: false, reason: `GCP audit record without serviceName (methodName ${clip(methodName, 100)})` };

  const logName = str(field(r, 'logName', 'logname'));
  const labels = get(field(r, 'resource'), 'labels');
  const auth = get(pp, 'authenticationInfo');
  const requestMetadata = get(pp, 'requestMetadata');
  const { outcome, errorCode } = gcpOutcome(get2(pp, 'status', 'code'));
  const time =
    parseTime(field(r, 'timestamp')) ??
    parseTime(get2(requestMetadata, 'requestAttributes', 'time')) ??
    parseTime(field(r, 'receiveTimestamp', 'receivetimestamp')) ??
    parseTime(field(r, 'p_event_time')) ??
    null;
  const email = str(get(auth, 'principalEmail'));
  const subject = str(get(auth, 'principalSubject'));
  const callerIp = firstStr(get(requestMetadata, 'callerIp'), get(requestMetadata, 'callerIP'));
  const request = get(pp, 'request');

  const event: AuditEvent = {
    id:
      clip(str(field(r, 'insertId', 'insertid'))) ??
      derivedId([str(get(field(r, 'operation'), 'id')), time, methodName, resourceName, subject ?? email, callerIp]),
    time,
    provider: 'gcp',
    log: 'gcp.audit',
    encoding: 'raw',
    service: clip(service) as string,
    action: clip(methodName) as string,
    outcome,
    actor: gcpActor(email, subject, delegationChain(get(auth, 'serviceAccountDelegationInfo'))),
    source: callerSource(callerIp, str(get(requestMetadata, 'callerSuppliedUserAgent'))),
    resources: resourceName !== undefined ? [clip(resourceName) as string] : [],
    raw: r,
  };
  const account = firstStr(get(labels, 'project_id')) ?? scopeOfLogName(logName);
  if (account !== undefined) event.account = clip(account);
  const region = firstStr(
    get(labels, 'location'),
    get(labels, 'zone'),
    get(labels, 'region'),
    arr(get2(pp, 'resourceLocation', 'currentLocations'))?.[0],
  );
  if (region !== undefined) event.region = clip(region);
  if (errorCode !== undefined) event.errorCode = errorCode;
  const readOnly = gcpReadOnly(gcpLogKind(logName), authorizationInfo);
  if (readOnly !== undefined) event.readOnly = readOnly;
  const keyName = str(get(auth, 'serviceAccountKeyName'));
  if (keyName !== undefined) event.credential = { id: clip(keyName) as string, kind: 'long_term' };
  const minted = gcpMinted({
    service,
    methodName,
    outcome,
    requestName: str(get(request, 'name')),
    resourceName,
    emailLabel: str(get(labels, 'email_id')),
    responseName: str(get2(pp, 'response', 'name')),
  });
  if (minted !== undefined) event.minted = minted;
  const merged = gcpRequest(request, get(pp, 'metadata'));
  if (merged !== undefined) event.request = merged;
  if (origin !== undefined) event.origin = origin;
  return { ok: true, event };
}
