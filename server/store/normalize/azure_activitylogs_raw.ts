/**
 * Azure Activity log records as diagnostic settings export them (Event Hub, storage), the REST API shape
 * (`operationName: {value}`), storage resource logs (StorageRead/Write/Delete: `GetBlob`, caller `ip:port`), and
 * Panther's lower-cased variants. AKS kube-audit records go to their own normalizer.
 */
import type { AuditEvent, EventOrigin, NormalizeResult, Outcome } from '../../../common/audit_event';
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
import { normalizeKubeAudit } from './azure_kube_audit';
import { clip } from './clip';
import { derivedId } from './derived_id';
import { isObject, num, obj, str, type JsonObject } from './get';
import { jsonObjectFromString } from './json_string';
import { callerSource } from './source';
import { parseTime } from './time';

export function normalizeActivityLogRaw(r: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  // Reads are written out per field (see aws_cloudtrail_raw.ts); get(x, k) is obj(x)?.k.
  const category = str(r.category);
  if (category === 'kube-audit' || category === 'kube-audit-admin') return normalizeKubeAudit(r, origin);
  const operationName = operationNameOf(r);
  if (operationName === undefined) return { ok: false, reason: 'Azure Activity log record without operationName' };
  const { operation, provider } = operationOf(operationName);
  const resourceId = str(r.resourceId ?? r.resourceid);
  const uri = str(r.uri);
  const service =
    provider ??
    providerOfResourceId(resourceId) ??
    (category?.startsWith('Storage') || (uri !== undefined && uri.includes('.core.windows.net')) ? 'MICROSOFT.STORAGE' : undefined);
  if (service === undefined) {
    return { ok: false, reason: `Azure Activity log record without a resource provider (operationName ${clip(operationName, 100)})` };
  }

  const identity = obj(r.identity);
  const claims = obj(identity?.claims);
  const caller = callerFromClaims(claims, obj(identity?.authorization)?.evidence, 'raw', str(r.caller));
  const properties = propertiesOf(r);
  const time = parseTime(r.time) ?? parseTime(r.eventTimestamp) ?? parseTime(r.p_event_time) ?? null;
  const { outcome, errorCode } = activityOutcome(r, properties);
  const callerAddress = str(r.callerIpAddress ?? r.calleripaddress) ?? str(claims?.ipaddr);
  const userAgent = str(properties?.userAgentHeader) ?? str(properties?.userAgent);

  const event: AuditEvent = {
    id:
      clip(str(r.eventDataId) ?? str(properties?.eventDataId) ?? str(r.id)) ??
      derivedId([
        str(r.correlationId ?? r.correlationid),
        time,
        operation,
        resourceId?.toUpperCase(),
        caller.objectId ?? caller.principalId,
        callerAddress,
      ]),
    time,
    provider: 'azure',
    log: 'azure.activitylogs',
    encoding: 'raw',
    service: clip(service) as string,
    action: clip(operation) as string,
    outcome,
    readOnly: azureReadOnly(operation, category),
    actor: azureActor(caller),
    source: callerSource(callerAddress, userAgent),
    resources: resourceId !== undefined ? [clip(resourceId) as string] : [],
    raw: r,
  };
  const account = subscriptionOfResourceId(resourceId) ?? str(r.subscriptionId);
  if (account !== undefined) event.account = clip(account);
  const region = str(r.location);
  if (region !== undefined) event.region = clip(region);
  if (errorCode !== undefined) event.errorCode = errorCode;
  const credential = azureTokenCredential(caller) ?? storageCredential(identity);
  if (credential !== undefined) event.credential = credential;
  if (properties !== undefined) event.request = properties;
  if (origin !== undefined) event.origin = origin;
  return { ok: true, event };
}

interface Operation {
  /** operationName upper-cased: the event's action */
  operation: string;
  /** its resource provider, when the operation names one */
  provider: string | undefined;
}

// A log repeats few operation names: each is upper-cased and split once, and events share the resulting strings.
const OPERATION_CACHE_LIMIT = 4096;
const operations = new Map<string, Operation>();

function operationOf(operationName: string): Operation {
  let found = operations.get(operationName);
  if (found === undefined) {
    const operation = operationName.toUpperCase();
    found = { operation, provider: providerOfOperation(operation) };
    if (operations.size >= OPERATION_CACHE_LIMIT) operations.clear();
    operations.set(operationName, found);
  }
  return found;
}

/** operationName as a string, or the REST API's {value, localizedValue}. */
function operationNameOf(r: JsonObject): string | undefined {
  const op = r.operationName ?? r.operationname;
  return str(op) ?? str(obj(op)?.value);
}

function propertiesOf(r: JsonObject): JsonObject | undefined {
  const p = r.properties;
  if (isObject(p)) return p;
  return typeof p === 'string' ? jsonObjectFromString(p) : undefined;
}

function activityOutcome(r: JsonObject, properties: JsonObject | undefined): { outcome: Outcome; errorCode?: string } {
  const status = r.status;
  const result = str(r.resultType ?? r.resulttype) ?? str(obj(status)?.value) ?? str(status);
  let outcome = azureOutcome(result);
  // storage resource logs report an HTTP status instead of a resultType
  const httpStatus = num(r.statusCode) ?? num(properties?.statusCode);
  if (outcome === 'unknown' && result === undefined && httpStatus !== undefined) outcome = httpStatus < 400 ? 'success' : 'failure';
  if (outcome === 'unknown' && result === undefined && properties?.metricResponseType === 'Success') outcome = 'success';
  if (outcome !== 'failure') return { outcome };
  const code = str(r.resultSignature ?? r.resultsignature) ?? str(r.statusText) ?? str(httpStatus) ?? str(properties?.statusCode);
  return code !== undefined ? { outcome, errorCode: clip(code) } : { outcome };
}

/** Storage data-plane calls authorized by a SAS token or an account key, named by their hash. */
function storageCredential(identity: JsonObject | undefined): AuditEvent['credential'] {
  const type = str(identity?.type);
  const hash = str(identity?.tokenHash);
  if (hash === undefined) return undefined;
  if (type === 'SAS') return { id: clip(hash) as string, kind: 'token' };
  if (type === 'AccountKey') return { id: clip(hash) as string, kind: 'long_term' };
  return undefined;
}
