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
import { field, firstStr, get, get2, isObject, num, str, type JsonObject } from './get';
import { jsonObjectFromString } from './json_string';
import { callerSource } from './source';
import { parseTime } from './time';

export function normalizeActivityLogRaw(r: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  const category = str(field(r, 'category'));
  if (category === 'kube-audit' || category === 'kube-audit-admin') return normalizeKubeAudit(r, origin);
  const operationName = operationNameOf(r);
  if (operationName === undefined) return { ok: false, reason: 'Azure Activity log record without operationName' };
  const operation = operationName.toUpperCase();
  const resourceId = str(field(r, 'resourceId', 'resourceid'));
  const uri = str(field(r, 'uri'));
  const service =
    providerOfOperation(operation) ??
    providerOfResourceId(resourceId) ??
    (category?.startsWith('Storage') || (uri !== undefined && uri.includes('.core.windows.net')) ? 'MICROSOFT.STORAGE' : undefined);
  if (service === undefined) {
    return { ok: false, reason: `Azure Activity log record without a resource provider (operationName ${clip(operationName, 100)})` };
  }

  const identity = get(r, 'identity');
  const claims = get(identity, 'claims');
  const caller = callerFromClaims(claims, get2(identity, 'authorization', 'evidence'), 'raw', str(field(r, 'caller')));
  const properties = propertiesOf(r);
  const time = parseTime(field(r, 'time')) ?? parseTime(field(r, 'eventTimestamp')) ?? parseTime(field(r, 'p_event_time')) ?? null;
  const { outcome, errorCode } = activityOutcome(r, properties);
  const callerAddress = firstStr(field(r, 'callerIpAddress', 'calleripaddress'), get(claims, 'ipaddr'));
  const userAgent = firstStr(get(properties, 'userAgentHeader'), get(properties, 'userAgent'));

  const event: AuditEvent = {
    id:
      clip(firstStr(field(r, 'eventDataId'), get(properties, 'eventDataId'), field(r, 'id'))) ??
      derivedId([
        str(field(r, 'correlationId', 'correlationid')),
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
  const account = subscriptionOfResourceId(resourceId) ?? str(field(r, 'subscriptionId'));
  if (account !== undefined) event.account = clip(account);
  const region = str(field(r, 'location'));
  if (region !== undefined) event.region = clip(region);
  if (errorCode !== undefined) event.errorCode = errorCode;
  const credential = azureTokenCredential(caller) ?? storageCredential(identity);
  if (credential !== undefined) event.credential = credential;
  if (properties !== undefined) event.request = properties;
  if (origin !== undefined) event.origin = origin;
  return { ok: true, event };
}

/** operationName as a string, or the REST API's {value, localizedValue}. */
function operationNameOf(r: JsonObject): string | undefined {
  const op = field(r, 'operationName', 'operationname');
  return str(op) ?? str(get(op, 'value'));
}

function propertiesOf(r: JsonObject): JsonObject | undefined {
  const p = field(r, 'properties');
  if (isObject(p)) return p;
  return typeof p === 'string' ? jsonObjectFromString(p) : undefined;
}

function activityOutcome(r: JsonObject, properties: JsonObject | undefined): { outcome: Outcome; errorCode?: string } {
  const status = field(r, 'status');
  const result = firstStr(field(r, 'resultType', 'resulttype'), get(status, 'value'), status);
  let outcome = azureOutcome(result);
  // storage resource logs report an HTTP status instead of a resultType
  const httpStatus = num(field(r, 'statusCode')) ?? num(get(properties, 'statusCode'));
  if (outcome === 'unknown' && result === undefined && httpStatus !== undefined) outcome = httpStatus < 400 ? 'success' : 'failure';
  if (outcome === 'unknown' && result === undefined && get(properties, 'metricResponseType') === 'Success') outcome = 'success';
  if (outcome !== 'failure') return { outcome };
  const code = firstStr(field(r, 'resultSignature', 'resultsignature'), field(r, 'statusText'), httpStatus, get(properties, 'statusCode'));
  return code !== undefined ? { outcome, errorCode: clip(code) } : { outcome };
}

/** Storage data-plane calls authorized by a SAS token or an account key, named by their hash. */
function storageCredential(identity: unknown): AuditEvent['credential'] {
  const type = str(get(identity, 'type'));
  const hash = str(get(identity, 'tokenHash'));
  if (hash === undefined) return undefined;
  if (type === 'SAS') return { id: clip(hash) as string, kind: 'token' };
  if (type === 'AccountKey') return { id: clip(hash) as string, kind: 'long_term' };
  return undefined;
}
