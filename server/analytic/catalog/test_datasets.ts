import * as fs from 'fs';
import * as path from 'path';
import type { Actor, ActorType, AuditEvent, CredentialKind } from '../../../common/audit_event';
import { asRecord } from './conditions';

/**
 * Test helper: reads the shared real datasets and maps records to AuditEvents with just the fields the catalog and
 * interface detection use. Deliberately minimal and independent of the real normalizers (written in parallel).
 */

export const DATASETS = path.resolve(__dirname, '../../../../shared/datasets');

type Json = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export function invictusRecords(): Json[] {
  const folder = path.join(DATASETS, 'aws/invictus-ir-2023-07-10/CloudTrail');
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => (JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as { Records: Json[] }).Records);
}

export interface PantherCase {
  rule_id: string;
  test_name: string;
  expected_result: boolean;
  log: Json;
}

export function pantherCases(file: string): PantherCase[] {
  return fs
    .readFileSync(path.join(DATASETS, 'multi/panther-rule-tests', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as PantherCase)
    .filter((testCase) => asRecord(testCase.log) !== undefined);
}

/** Raw records kept inside ECS pipeline fixtures (`event.original`). */
export function ecsOriginals(relativeFile: string): Json[] {
  const expected = JSON.parse(fs.readFileSync(path.join(DATASETS, 'ecs/elastic-integrations', relativeFile), 'utf8')) as { expected: Json[] };
  return expected.expected
    .map((doc) => str(asRecord(doc.event)?.original))
    .filter((original): original is string => original !== undefined)
    .map((original) => JSON.parse(original) as Json);
}

const AWS_ACTOR: Record<string, ActorType> = {
  IAMUser: 'user', AssumedRole: 'role', Root: 'root', FederatedUser: 'federated', SAMLUser: 'federated',
  WebIdentityUser: 'federated', IdentityCenterUser: 'federated', AWSService: 'service',
};
const IP = /^[0-9.]+$|:/;

export function cloudTrailEvent(record: Json): AuditEvent {
  const identity = asRecord(record.userIdentity) ?? {};
  const arn = str(identity.arn);
  const actor: Actor = { type: AWS_ACTOR[str(identity.type) ?? ''] ?? 'unknown' };
  if (str(identity.userName)) actor.name = str(identity.userName);
  if (arn) actor.arn = arn;
  if (str(identity.invokedBy)) actor.invokedBy = str(identity.invokedBy);
  if (arn?.includes(':assumed-role/')) actor.sessionName = arn.slice(arn.lastIndexOf('/') + 1);
  const issuer = str(asRecord(asRecord(identity.sessionContext)?.sessionIssuer)?.arn);
  if (issuer) actor.issuer = issuer;
  const keyId = str(identity.accessKeyId);
  const kind: CredentialKind = keyId?.startsWith('AKIA') ? 'long_term' : keyId?.startsWith('ASIA') ? 'temporary' : 'unknown';
  const source = str(record.sourceIPAddress);
  const fromConsole = record.sessionCredentialFromConsole === true || record.sessionCredentialFromConsole === 'true';
  return {
    id: str(record.eventID) ?? 'unknown',
    time: Date.parse(String(record.eventTime)),
    provider: 'aws',
    log: 'aws.cloudtrail',
    encoding: 'raw',
    account: str(record.recipientAccountId),
    region: str(record.awsRegion),
    service: str(record.eventSource) ?? '',
    action: str(record.eventName) ?? '',
    outcome: record.errorCode ? 'failure' : 'success',
    errorCode: str(record.errorCode),
    readOnly: typeof record.readOnly === 'boolean' ? record.readOnly : undefined,
    actor,
    credential: keyId ? { id: keyId, kind, ...(fromConsole ? { fromConsole } : {}) } : undefined,
    source: { ...(source && IP.test(source) ? { ip: source } : { address: source }), userAgent: str(record.userAgent) },
    resources: ((record.resources as Json[] | undefined) ?? []).map((resource) => str(resource.ARN)).filter((v): v is string => !!v),
    request: asRecord(record.requestParameters),
    raw: record,
  };
}

export function gcpAuditEvent(entry: Json): AuditEvent {
  const proto = asRecord(entry.protoPayload) ?? {};
  const metadata = asRecord(proto.requestMetadata) ?? {};
  const authentication = asRecord(proto.authenticationInfo) ?? {};
  const email = str(authentication.principalEmail);
  const keyName = str(authentication.serviceAccountKeyName);
  return {
    id: str(entry.insertId) ?? 'unknown',
    time: Date.parse(String(entry.timestamp)),
    provider: 'gcp',
    log: 'gcp.audit',
    encoding: 'raw',
    account: str(asRecord(asRecord(entry.resource)?.labels)?.project_id),
    service: str(proto.serviceName) ?? '',
    action: str(proto.methodName) ?? '',
    outcome: asRecord(proto.status)?.code ? 'failure' : 'success',
    actor: { type: email?.endsWith('.gserviceaccount.com') ? 'service_account' : email ? 'user' : 'unknown', name: email },
    credential: keyName ? { id: keyName, kind: 'long_term' } : undefined,
    source: { ip: str(metadata.callerIp), userAgent: str(metadata.callerSuppliedUserAgent) },
    resources: str(proto.resourceName) ? [String(proto.resourceName)] : [],
    request: asRecord(proto.request),
    raw: entry,
  };
}

const SIGN_IN_ACTION: Record<string, string> = {
  SignInLogs: 'SIGNIN', NonInteractiveUserSignInLogs: 'SIGNIN', ServicePrincipalSignInLogs: 'SERVICEPRINCIPALSIGNIN',
  MicrosoftServicePrincipalSignInLogs: 'SERVICEPRINCIPALSIGNIN', ManagedIdentitySignInLogs: 'MANAGEDIDENTITYSIGNIN',
};

/** Azure Activity, Entra sign-in and Entra audit records, as the normalizer names them. */
export function azureEvent(record: Json): AuditEvent {
  const category = str(record.category) ?? '';
  const properties = asRecord(record.properties) ?? {};
  const operation = str(record.operationName) ?? '';
  const signIn = SIGN_IN_ACTION[category];
  const entra = signIn !== undefined || category === 'AuditLogs' || (str(record.resourceId) ?? '').toLowerCase().includes('microsoft.aadiam');
  const action = signIn ?? operation.toUpperCase();
  const claims = asRecord(asRecord(record.identity)?.claims) ?? {};
  const appId = str(properties.appId) ?? str(claims.appid);
  return {
    id: str(record.correlationId) ?? 'unknown',
    time: Date.parse(String(record.time)),
    provider: 'azure',
    log: signIn ? 'azure.signinlogs' : entra ? 'azure.auditlogs' : 'azure.activitylogs',
    encoding: 'raw',
    service: entra ? 'MICROSOFT.AADIAM' : action.slice(0, Math.max(0, action.indexOf('/'))),
    action,
    outcome: 'success',
    actor: { type: category === 'ServicePrincipalSignInLogs' ? 'service_account' : 'user', ...(appId ? { appId } : {}) },
    source: { ip: str(record.callerIpAddress), userAgent: str(properties.userAgent) },
    resources: str(record.resourceId) ? [String(record.resourceId)] : [],
    request: properties,
    raw: record,
  };
}
