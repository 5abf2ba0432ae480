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
  gcpCanMint,
  gcpLogKind,
  gcpMinted,
  gcpOutcome,
  gcpReadOnly,
  gcpRequest,
  inferGcpService,
  scopeOfLogName,
} from './gcp_common';
import { arr, obj, str, type JsonObject } from './get';
import { intern } from './intern';
import { callerSource } from './source';
import { parseTime } from './time';

export function normalizeGcpAuditRaw(r: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  // Reads are written out per field (see aws_cloudtrail_raw.ts); get(x, k) is obj(x)?.k.
  // a bare AuditLog payload (the protoPayload without its LogEntry envelope) is accepted as its own payload
  const pp = obj(r.protoPayload ?? r.protopayload) ?? (isBareAuditLog(r) ? r : undefined);
  if (pp === undefined) return { ok: false, reason: 'GCP audit record without protoPayload' };
  const methodName = str(pp.methodName);
  if (methodName === undefined) return { ok: false, reason: 'GCP audit record without protoPayload.methodName' };
  const authorizationInfo = pp.authorizationInfo;
  const resourceName = str(pp.resourceName);
  const operation = obj(r.operation);
  const service = str(pp.serviceName) ?? inferGcpService(methodName, operation?.producer, authorizationInfo, resourceName);
  if (service === undefined) return { ok: false, reason: `GCP audit record without serviceName (methodName ${clip(methodName, 100)})` };

  const logName = str(r.logName ?? r.logname);
  const labels = obj(obj(r.resource)?.labels);
  const auth = obj(pp.authenticationInfo);
  const requestMetadata = obj(pp.requestMetadata);
  const { outcome, errorCode } = gcpOutcome(obj(pp.status)?.code);
  const time =
    parseTime(r.timestamp) ??
    parseTime(obj(requestMetadata?.requestAttributes)?.time) ??
    parseTime(r.receiveTimestamp ?? r.receivetimestamp) ??
    parseTime(r.p_event_time) ??
    null;
  const email = str(auth?.principalEmail);
  const subject = str(auth?.principalSubject);
  const callerIp = str(requestMetadata?.callerIp) ?? str(requestMetadata?.callerIP);
  const request = pp.request;

  const event: AuditEvent = {
    id:
      clip(str(r.insertId ?? r.insertid)) ??
      derivedId([str(operation?.id), time, methodName, resourceName, subject ?? email, callerIp]),
    time,
    provider: 'gcp',
    log: 'gcp.audit',
    encoding: 'raw',
    service: intern(clip(service) as string),
    action: intern(clip(methodName) as string),
    outcome,
    actor: gcpActor(email, subject, delegationChain(auth?.serviceAccountDelegationInfo)),
    source: callerSource(callerIp, str(requestMetadata?.callerSuppliedUserAgent)),
    resources: resourceName !== undefined ? [clip(resourceName) as string] : [],
    raw: r,
  };
  const account = str(labels?.project_id) ?? scopeOfLogName(logName);
  if (account !== undefined) event.account = clip(account);
  const region =
    str(labels?.location) ??
    str(labels?.zone) ??
    str(labels?.region) ??
    str(arr(obj(pp.resourceLocation)?.currentLocations)?.[0]);
  if (region !== undefined) event.region = clip(region);
  if (errorCode !== undefined) event.errorCode = errorCode;
  const readOnly = gcpReadOnly(gcpLogKind(logName), authorizationInfo);
  if (readOnly !== undefined) event.readOnly = readOnly;
  const keyName = str(auth?.serviceAccountKeyName);
  if (keyName !== undefined) event.credential = { id: clip(keyName) as string, kind: 'long_term' };
  const minted = gcpCanMint(methodName)
    ? gcpMinted({
        service,
        methodName,
        outcome,
        requestName: str(obj(request)?.name),
        resourceName,
        emailLabel: str(labels?.email_id),
        responseName: str(obj(pp.response)?.name),
      })
    : undefined;
  if (minted !== undefined) event.minted = minted;
  const merged = gcpRequest(request, pp.metadata);
  if (merged !== undefined) event.request = merged;
  if (origin !== undefined) event.origin = origin;
  return { ok: true, event };
}
