/**
 * Recognizes which log and encoding a record is, from its own keys (the user never says which cloud). Checks are
 * ordered from the most specific markers to the loosest, and only read own properties.
 */
import { isSignInCategory } from './entra_signin';
import { isObject, obj, str, type JsonObject } from './get';
import type { RecordShape } from './record_shape';

const ECS_DATASETS = new Map<string, RecordShape>([
  ['aws.cloudtrail', 'aws.cloudtrail.ecs'],
  ['gcp.audit', 'gcp.audit.ecs'],
  ['azure.activitylogs', 'azure.activitylogs.ecs'],
  ['azure.signinlogs', 'azure.signinlogs.ecs'],
  ['azure.auditlogs', 'azure.auditlogs.ecs'],
]);

/** Fields any Azure resource-log record carries next to its operationName. */
const AZURE_ENVELOPE = [
  'resourceId',
  'resourceid',
  'category',
  'callerIpAddress',
  'calleripaddress',
  'tenantId',
  'correlationId',
  'time',
  'identity',
  'resultType',
  'properties',
];

// Reads are written out per field (see aws_cloudtrail_raw.ts). `field(r, a, b) !== undefined` is
// `r.a !== undefined || r.b !== undefined`, and `isObject(field(r, a, b))` is `isObject(r.a ?? r.b)`.
export function detectShape(r: JsonObject): RecordShape | undefined {
  if (isCloudTrail(r)) return 'aws.cloudtrail.raw';
  if (isObject(r.protoPayload ?? r.protopayload) || isCloudAuditLogName(str(r.logName ?? r.logname)) || isBareAuditLog(r)) {
    return 'gcp.audit.raw';
  }
  const ecs = ecsShape(r);
  if (ecs !== undefined) return ecs;
  return azureShape(r);
}

function isCloudTrail(r: JsonObject): boolean {
  if (r.eventName !== undefined || r.eventname !== undefined || r.eventSource !== undefined || r.eventsource !== undefined) {
    return true;
  }
  return (
    isObject(r.userIdentity ?? r.useridentity) &&
    (r.eventVersion !== undefined ||
      r.eventversion !== undefined ||
      r.recipientAccountId !== undefined ||
      r.awsRegion !== undefined ||
      r.awsregion !== undefined)
  );
}

/** An AuditLog message on its own: methodName with no other provider's operation field. */
export function isBareAuditLog(r: JsonObject): boolean {
  return typeof r.methodName === 'string' && r.operationName === undefined && r.operationname === undefined;
}

function isCloudAuditLogName(logName: string | undefined): boolean {
  return logName !== undefined && logName.includes('cloudaudit.googleapis.com');
}

/** The Elastic dataset an ECS document belongs to; undefined when the record is not an ECS document. */
export function ecsDataset(r: JsonObject): string | undefined {
  const declared =
    str(obj(r.data_stream)?.dataset) ?? str(obj(r.event)?.dataset) ?? str(r['data_stream.dataset']) ?? str(r['event.dataset']);
  if (declared !== undefined) return declared;
  if (isObject(obj(r.aws)?.cloudtrail)) return 'aws.cloudtrail';
  if (isObject(obj(r.gcp)?.audit)) return 'gcp.audit';
  const azure = r.azure;
  if (isObject(azure)) {
    if (isObject(azure.signinlogs)) return 'azure.signinlogs';
    if (isObject(azure.auditlogs)) return 'azure.auditlogs';
    if (isObject(azure.activitylogs)) return 'azure.activitylogs';
  }
  if (!Object.prototype.hasOwnProperty.call(r, '@timestamp') && !isObject(r.ecs)) return undefined;
  // documents exported with dotted keys: {"azure.auditlogs.operation_name": ...}
  for (const key of Object.keys(r)) {
    for (const dataset of ECS_DATASETS.keys()) if (key.startsWith(`${dataset}.`)) return dataset;
  }
  return isObject(r.event) && isObject(r.ecs) ? '' : undefined;
}

function ecsShape(r: JsonObject): RecordShape | undefined {
  const dataset = ecsDataset(r);
  return dataset === undefined ? undefined : ECS_DATASETS.get(dataset);
}

/** Entra ID diagnostic categories that are neither sign-ins nor audits, nor Activity log records. */
export const OTHER_ENTRA_CATEGORIES = new Set([
  'MicrosoftGraphActivityLogs',
  'ProvisioningLogs',
  'ADFSSignInLogs',
  'RiskyUsers',
  'UserRiskEvents',
  'RiskyServicePrincipals',
  'ServicePrincipalRiskEvents',
  'NetworkAccessTrafficLogs',
]);

function azureShape(r: JsonObject): RecordShape | undefined {
  const category = str(r.category);
  if (category !== undefined) {
    if (OTHER_ENTRA_CATEGORIES.has(category)) return undefined;
    if (isSignInCategory(category)) return 'azure.signinlogs.raw';
    if (category === 'AuditLogs') return 'azure.auditlogs.raw';
    if (category === 'kube-audit' || category === 'kube-audit-admin') return 'azure.kubeaudit.raw';
  }
  const props = r.properties;
  if (isObject(props) && (isObject(props.initiatedBy) || props.activityDisplayName !== undefined)) {
    return 'azure.auditlogs.raw';
  }
  if ((r.operationName !== undefined || r.operationname !== undefined) && hasEnvelopeField(r)) return 'azure.activitylogs.raw';
  return undefined;
}

function hasEnvelopeField(r: JsonObject): boolean {
  for (const key of AZURE_ENVELOPE) if (Object.prototype.hasOwnProperty.call(r, key)) return true;
  return false;
}
