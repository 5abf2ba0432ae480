/**
 * CloudTrail as Elastic's AWS integration indexes it (`logs-aws.cloudtrail-*`). Mapped from the ECS fields
 * (reference/detection-landscape.md §3); `event.original` only fills what the pipeline does not carry
 * (sourceIdentity, ec2RoleDelivery, onBehalfOf, a minted key or request too large for the flattened copy).
 */
import type { AuditEvent, EventOrigin, NormalizeResult } from '../../../common/audit_event';
import { addAwsRequestTargets, awsActor, awsCredential, awsMinted, awsOutcome, canMint, type AwsIdentity } from './aws_common';
import { clip, pushBounded } from './clip';
import { derivedId } from './derived_id';
import { EcsOriginal } from './ecs_original';
import { at, fieldPath as p } from './ecs_path';
import { bool, firstStr, get, get2, isObject, obj, str, type JsonObject } from './get';
import { javaMapValue } from './java_map_text';
import { callerSource } from './source';
import { ecsGeo } from './ecs_geo';
import { parseTime } from './time';

const F = {
  timestamp: p('@timestamp'),
  id: p('event.id'),
  action: p('event.action'),
  provider: p('event.provider'),
  outcome: p('event.outcome'),
  account: p('cloud.account.id'),
  region: p('cloud.region'),
  recipient: p('aws.cloudtrail.recipient_account_id'),
  readOnly: p('aws.cloudtrail.read_only'),
  errorCode: p('aws.cloudtrail.error_code'),
  errorMessage: p('aws.cloudtrail.error_message'),
  fromConsole: p('aws.cloudtrail.session_credential_from_console'),
  requestId: p('aws.cloudtrail.request_id'),
  identityType: p('aws.cloudtrail.user_identity.type'),
  arn: p('aws.cloudtrail.user_identity.arn'),
  accessKeyId: p('aws.cloudtrail.user_identity.access_key_id'),
  invokedBy: p('aws.cloudtrail.user_identity.invoked_by'),
  mfaAuthenticated: p('aws.cloudtrail.user_identity.session_context.mfa_authenticated'),
  creationDate: p('aws.cloudtrail.user_identity.session_context.creation_date'),
  issuerArn: p('aws.cloudtrail.user_identity.session_context.session_issuer.arn'),
  consoleMfaUsed: p('aws.cloudtrail.console_login.additional_eventdata.mfa_used'),
  flatRequest: p('aws.cloudtrail.flattened.request_parameters'),
  flatResponse: p('aws.cloudtrail.flattened.response_elements'),
  flatAdditional: p('aws.cloudtrail.flattened.additional_eventdata'),
  flatServiceEvent: p('aws.cloudtrail.flattened.service_event_details'),
  requestText: p('aws.cloudtrail.request_parameters'),
  responseText: p('aws.cloudtrail.response_elements'),
  resources: p('aws.cloudtrail.resources'),
  userId: p('user.id'),
  userName: p('user.name'),
  sourceIp: p('source.ip'),
  sourceAddress: p('source.address'),
  userAgent: p('user_agent.original'),
};

export function normalizeCloudTrailEcs(doc: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  const eventName = str(at(doc, F.action));
  if (eventName === undefined) return { ok: false, reason: 'CloudTrail ECS document without event.action' };
  const eventSource = str(at(doc, F.provider));
  if (eventSource === undefined) {
    return { ok: false, reason: `CloudTrail ECS document without event.provider (event.action ${clip(eventName, 100)})` };
  }

  const original = new EcsOriginal(doc);
  const type = str(at(doc, F.identityType));
  const userName = str(at(doc, F.userName));
  const flatAdditional = obj(at(doc, F.flatAdditional));
  const identity: AwsIdentity = {
    type,
    principalId: str(at(doc, F.userId)),
    arn: str(at(doc, F.arn)),
    accountId: callerAccount(doc, type),
    // the pipeline writes the role name to user.name for assumed-role sessions
    userName: type === 'AssumedRole' ? undefined : userName,
    issuerArn: str(at(doc, F.issuerArn)),
    issuerName: type === 'AssumedRole' ? userName : undefined,
    invokedBy: str(at(doc, F.invokedBy)),
    accessKeyId: str(at(doc, F.accessKeyId)),
    mfaAuthenticated: bool(at(doc, F.mfaAuthenticated)),
    creationDate: parseTime(at(doc, F.creationDate)),
    fromConsole: bool(at(doc, F.fromConsole)),
    signInUserName: str(get(flatAdditional, 'UserName')),
  };
  if (eventName === 'ConsoleLogin') {
    identity.consoleMfaUsed = bool(at(doc, F.consoleMfaUsed)) ?? yesNo(get(flatAdditional, 'MFAUsed'));
  }
  fillFromOriginal(identity, original);

  const flatResponse = obj(at(doc, F.flatResponse));
  const responseText = str(at(doc, F.responseText));
  const loginResult =
    str(get(flatResponse, 'ConsoleLogin')) ??
    str(get(obj(at(doc, F.flatServiceEvent)), 'UserAuthentication')) ??
    (responseText !== undefined ? javaMapValue(responseText, 'ConsoleLogin') : undefined);
  const result = awsOutcome(str(at(doc, F.errorCode)), str(at(doc, F.errorMessage)), loginResult);
  // the pipeline may know of a failure the fields above do not show
  const outcome = result.outcome === 'success' && at(doc, F.outcome) === 'failure' ? 'failure' : result.outcome;
  const errorCode = result.errorCode;

  const time = parseTime(at(doc, F.timestamp)) ?? null;
  const sourceIp = str(at(doc, F.sourceIp));
  const source = callerSource(sourceIp ?? str(at(doc, F.sourceAddress)), str(at(doc, F.userAgent)));
  ecsGeo(doc, source);

  const request = ecsRequest(doc, original);
  const resources: string[] = [];
  const listed = at(doc, F.resources);
  if (Array.isArray(listed)) {
    for (const res of listed) pushBounded(resources, str(get(res, 'arn')));
  } else if (isObject(listed)) {
    const arns = get(listed, 'arn');
    if (Array.isArray(arns)) for (const a of arns) pushBounded(resources, str(a));
    else pushBounded(resources, str(arns));
  }
  addAwsRequestTargets(request, resources);

  const account = firstStr(at(doc, F.recipient), identity.accountId);
  const region = str(at(doc, F.region));
  const event: AuditEvent = {
    id:
      clip(str(at(doc, F.id))) ??
      derivedId([str(at(doc, F.requestId)), time, eventName, eventSource, identity.arn ?? identity.principalId, sourceIp]),
    time,
    provider: 'aws',
    log: 'aws.cloudtrail',
    encoding: 'ecs',
    service: clip(eventSource) as string,
    action: clip(eventName) as string,
    outcome,
    actor: awsActor(identity),
    source,
    resources,
    raw: doc,
  };
  if (account !== undefined) event.account = clip(account);
  if (region !== undefined) event.region = clip(region);
  if (errorCode !== undefined) event.errorCode = errorCode;
  const readOnly = bool(at(doc, F.readOnly));
  if (readOnly !== undefined) event.readOnly = readOnly;
  const credential = awsCredential(identity);
  if (credential !== undefined) event.credential = credential;
  const minted = canMint(eventName)
    ? awsMinted(mintFacts(doc, eventName, outcome, identity, request, flatResponse, responseText, original))
    : undefined;
  if (minted !== undefined) event.minted = minted;
  if (request !== undefined) event.request = request;
  if (origin !== undefined) event.origin = origin;
  return { ok: true, event };
}

/** The pipeline fills cloud.account.id with the recipient when the caller has no account (AWSService). */
function callerAccount(doc: JsonObject, type: string | undefined): string | undefined {
  const account = str(at(doc, F.account));
  const noOwnAccount = type === 'AWSService' || type === 'SAMLUser' || type === 'WebIdentityUser';
  return noOwnAccount && account === str(at(doc, F.recipient)) ? undefined : account;
}

function yesNo(v: unknown): boolean | undefined {
  return v === 'Yes' ? true : v === 'No' ? false : undefined;
}

/** Identity facts the pipeline drops (detection-landscape.md §3: "Not mapped"). */
function fillFromOriginal(identity: AwsIdentity, original: EcsOriginal): void {
  const wanted = original.mentions('"sourceIdentity"') || original.mentions('"ec2RoleDelivery"') || original.mentions('"onBehalfOf"');
  if (!wanted) return;
  const ui = get(original.record(), 'userIdentity');
  const session = get(ui, 'sessionContext');
  identity.sourceIdentity = str(get(session, 'sourceIdentity'));
  if (get(session, 'ec2RoleDelivery') !== undefined) identity.ec2RoleDelivery = true;
  identity.onBehalfOfUserId = str(get2(ui, 'onBehalfOf', 'userId'));
}

/** requestParameters: the flattened copy, or the original when the copy was too large to index. */
function ecsRequest(doc: JsonObject, original: EcsOriginal): JsonObject | undefined {
  const flat = obj(at(doc, F.flatRequest));
  if (flat !== undefined) return flat;
  if (at(doc, F.requestText) === undefined || !original.mentions('"requestParameters"')) return undefined;
  return obj(get(original.record(), 'requestParameters'));
}

function mintFacts(
  doc: JsonObject,
  eventName: string,
  outcome: AuditEvent['outcome'],
  caller: AwsIdentity,
  request: JsonObject | undefined,
  flatResponse: JsonObject | undefined,
  responseText: string | undefined,
  original: EcsOriginal,
) {
  const requestText = str(at(doc, F.requestText));
  const fromRequest = (key: string): string | undefined =>
    str(get(request, key)) ?? (requestText !== undefined ? javaMapValue(requestText, key) : undefined);
  const credentials = get(flatResponse, 'credentials');
  let keyId = str(get(credentials, 'accessKeyId')) ?? str(get2(flatResponse, 'accessKey', 'accessKeyId'));
  let expiration = get(credentials, 'expiration');
  if (keyId === undefined && responseText !== undefined) {
    keyId = javaMapValue(responseText, 'accessKeyId');
    expiration ??= javaMapValue(responseText, 'expiration');
  }
  let response: unknown = flatResponse;
  if (keyId === undefined && responseText === undefined && original.mentions('"accessKeyId"')) {
    response = get(original.record(), 'responseElements');
    keyId = str(get2(response, 'credentials', 'accessKeyId')) ?? str(get2(response, 'accessKey', 'accessKeyId'));
    expiration ??= get2(response, 'credentials', 'expiration');
  }
  const createdKeyUser =
    str(get2(response, 'accessKey', 'userName')) ??
    (eventName === 'CreateAccessKey' && responseText !== undefined ? javaMapValue(responseText, 'userName') : undefined);
  return {
    eventName,
    outcome,
    caller,
    roleArn: fromRequest('roleArn'),
    roleSessionName: fromRequest('roleSessionName'),
    sourceIdentity: fromRequest('sourceIdentity'),
    federatedName: fromRequest('name'),
    targetPrincipal: fromRequest('targetPrincipal'),
    requestUserName: fromRequest('userName'),
    credentialsKeyId: eventName === 'CreateAccessKey' ? undefined : keyId,
    expiration: parseTime(expiration),
    assumedRoleArn: str(get2(response, 'assumedRoleUser', 'arn')),
    federatedUserArn: str(get2(response, 'federatedUser', 'arn')),
    createdKeyId: eventName === 'CreateAccessKey' ? keyId : undefined,
    createdKeyUser,
  };
}

