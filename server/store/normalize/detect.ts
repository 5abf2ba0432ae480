/**
 * Recognizes which log and encoding a record is, from its own keys (the user never says which cloud). Checks are
 * ordered from the most specific markers to the loosest, and only read own properties.
 */
import { isSignInCategory } from './entra_signin';
import { field, get, isObject, str, type JsonObject } from './get';
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

export function detectShape(r: JsonObject): RecordShape | undefined {
  if (isCloudTrail(r)) return 'aws.cloudtrail.raw';
  if (isObject(field(r, 'protoPayload', 'protopayload')) || isCloudAuditLogName(str(field(r, 'logName', 'logname'))) || isBareAuditLog(r)) {
    return 'gcp.audit.raw';
  }
  const ecs = ecsShape(r);
  if (ecs !== undefined) return ecs;
  return azureShape(r);
}

function isCloudTrail(r: JsonObject): boolean {
  if (field(r, 'eventName', 'eventname') !== undefined || field(r, 'eventSource', 'eventsource') !== undefined) return true;
  return (
    isObject(field(r, 'userIdentity', 'useridentity')) &&
    (field(r, 'eventVersion', 'eventversion') !== undefined ||
      field(r, 'recipientAccountId') !== undefined ||
      field(r, 'awsRegion', 'awsregion') !== undefined)
  );
}

/** An AuditLog message on its own: methodName with no other provider's operation field. */
export function isBareAuditLog(r: JsonObject): boolean {
  return typeof field(r, 'methodName') === 'string' && field(r, 'operationName', 'operationname') === undefined;
}

function isCloudAuditLogName(logName: string | undefined): boolean {
  return logName !== undefined && logName.includes('cloudaudit.googleapis.com');
}

/** The Elastic dataset an ECS document belongs to; undefined when the record is not an ECS document. */
export function ecsDataset(r: JsonObject): string | undefined {
  const declared =
    str(get(get(r, 'data_stream'), 'dataset')) ??
    str(get(get(r, 'event'), 'dataset')) ??
    str(get(r, 'data_stream.dataset')) ??
    str(get(r, 'event.dataset'));
  if (declared !== undefined) return declared;
  const aws = get(r, 'aws');
  if (isObject(get(aws, 'cloudtrail'))) return 'aws.cloudtrail';
  if (isObject(get(get(r, 'gcp'), 'audit'))) return 'gcp.audit';
  const azure = get(r, 'azure');
  if (isObject(azure)) {
    if (isObject(get(azure, 'signinlogs'))) return 'azure.signinlogs';
    if (isObject(get(azure, 'auditlogs'))) return 'azure.auditlogs';
    if (isObject(get(azure, 'activitylogs'))) return 'azure.activitylogs';
  }
  if (!Object.prototype.hasOwnProperty.call(r, '@timestamp') && !isObject(get(r, 'ecs'))) return undefined;
  // documents exported with dotted keys: {"azure.auditlogs.operation_name": ...}
  for (const key of Object.keys(r)) {
    for (const dataset of ECS_DATASETS.keys()) if (key.startsWith(`${dataset}.`)) return dataset;
  }
  return isObject(get(r, 'event')) && isObject(get(r, 'ecs')) ? '' : undefined;
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
  const category = str(field(r, 'category'));
  if (category !== undefined) {
    if (OTHER_ENTRA_CATEGORIES.has(category)) return undefined;
    if (isSignInCategory(category)) return 'azure.signinlogs.raw';
    if (category === 'AuditLogs') return 'azure.auditlogs.raw';
    if (category === 'kube-audit' || category === 'kube-audit-admin') return 'azure.kubeaudit.raw';
  }
  const props = get(r, 'properties');
  if (isObject(props) && (isObject(get(props, 'initiatedBy')) || get(props, 'activityDisplayName') !== undefined)) {
    return 'azure.auditlogs.raw';
  }
  if (field(r, 'operationName', 'operationname') !== undefined && AZURE_ENVELOPE.some((k) => Object.prototype.hasOwnProperty.call(r, k))) {
    return 'azure.activitylogs.raw';
  }
  return undefined;
}
