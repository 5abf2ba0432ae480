/**
 * Raw CloudTrail records: S3 delivery files, CloudTrail Lake / EventBridge exports, NDJSON, Logstash-reshaped records
 * (`@timestamp` instead of `eventTime`) and Panther fixtures (some with lower-cased keys and `p_event_time`).
 */
import type { AuditEvent, EventOrigin, NormalizeResult, Outcome } from '../../../common/audit_event';
import {
  addAwsRequestTargets,
  awsActor,
  awsCredential,
  awsMinted,
  awsOutcome,
  canMint,
  type AwsIdentity,
  type AwsMintFacts,
} from './aws_common';
import { clip, pushBounded } from './clip';
import { derivedId } from './derived_id';
import { arr, bool, field, firstStr, get, get2, isObject, obj, str, type JsonObject } from './get';
import { jsonObjectFromString } from './json_string';
import { callerSource } from './source';
import { parseTime } from './time';

export function normalizeCloudTrailRaw(r: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  const eventName = str(field(r, 'eventName', 'eventname'));
  if (eventName === undefined) return { ok: false, reason: 'CloudTrail record without eventName' };
  const eventSource = str(field(r, 'eventSource', 'eventsource')) ?? SIGNIN_EVENTS.get(eventName);
  if (eventSource === undefined) {
    return { ok: false, reason: `CloudTrail record without eventSource (eventName ${clip(eventName, 100)})` };
  }

  const ui = obj(field(r, 'userIdentity', 'useridentity'));
  const session = obj(get(ui, 'sessionContext'));
  const attributes = get(session, 'attributes');
  const issuer = get(session, 'sessionIssuer');
  const additional = obj(field(r, 'additionalEventData', 'additionaleventdata'));
  const response = objectOrJson(field(r, 'responseElements', 'responseelements'));
  const request = objectOrJson(field(r, 'requestParameters', 'requestparameters'));

  const identity: AwsIdentity = {
    type: str(get(ui, 'type')),
    principalId: str(get(ui, 'principalId')),
    arn: str(get(ui, 'arn')),
    accountId: str(get(ui, 'accountId')),
    userName: str(get(ui, 'userName')),
    issuerArn: str(get(issuer, 'arn')),
    issuerName: str(get(issuer, 'userName')),
    invokedBy: str(get(ui, 'invokedBy')),
    accessKeyId: str(get(ui, 'accessKeyId')),
    mfaAuthenticated: bool(get(attributes, 'mfaAuthenticated')),
    creationDate: parseTime(get(attributes, 'creationDate')),
    sourceIdentity: str(get(session, 'sourceIdentity')),
    ec2RoleDelivery: get(session, 'ec2RoleDelivery') !== undefined ? true : undefined,
    fromConsole: bool(field(r, 'sessionCredentialFromConsole', 'sessioncredentialfromconsole')),
    onBehalfOfUserId: str(get2(ui, 'onBehalfOf', 'userId')),
    signInUserName: str(get(additional, 'UserName')),
  };
  if (eventName === 'ConsoleLogin') {
    const used = get(additional, 'MFAUsed');
    if (used === 'Yes') identity.consoleMfaUsed = true;
    else if (used === 'No') identity.consoleMfaUsed = false;
  }

  const loginResult =
    str(get(response, 'ConsoleLogin')) ?? str(get(objectOrJson(field(r, 'serviceEventDetails')), 'UserAuthentication'));
  const { outcome, errorCode } = awsOutcome(
    str(field(r, 'errorCode', 'errorcode')),
    str(field(r, 'errorMessage', 'errormessage')),
    loginResult,
  );

  const time =
    parseTime(field(r, 'eventTime', 'eventtime')) ?? parseTime(r['@timestamp']) ?? parseTime(field(r, 'p_event_time')) ?? null;
  const account = firstStr(field(r, 'recipientAccountId', 'recipientaccountid'), identity.accountId);
  const region = str(field(r, 'awsRegion', 'awsregion'));
  const sourceAddress = str(field(r, 'sourceIPAddress', 'sourceipaddress'));

  const resources: string[] = [];
  const listed = arr(field(r, 'resources'));
  if (listed !== undefined) {
    for (const res of listed) pushBounded(resources, firstStr(get(res, 'ARN'), get(res, 'arn')));
  }
  addAwsRequestTargets(request, resources);

  const event: AuditEvent = {
    id:
      clip(str(field(r, 'eventID', 'eventid'))) ??
      derivedId([
        str(field(r, 'requestID', 'requestid')),
        time,
        eventName,
        eventSource,
        identity.arn ?? identity.principalId,
        sourceAddress,
      ]),
    time,
    provider: 'aws',
    log: 'aws.cloudtrail',
    encoding: 'raw',
    service: clip(eventSource) as string,
    action: clip(eventName) as string,
    outcome,
    actor: awsActor(identity),
    source: callerSource(sourceAddress, str(field(r, 'userAgent', 'useragent'))),
    resources,
    raw: r,
  };
  if (account !== undefined) event.account = clip(account);
  if (region !== undefined) event.region = clip(region);
  if (errorCode !== undefined) event.errorCode = errorCode;
  const readOnly = bool(field(r, 'readOnly', 'readonly'));
  if (readOnly !== undefined) event.readOnly = readOnly;
  const credential = awsCredential(identity);
  if (credential !== undefined) event.credential = credential;
  const minted = canMint(eventName) ? awsMinted(mintFacts(eventName, outcome, identity, request, response)) : undefined;
  if (minted !== undefined) event.minted = minted;
  if (request !== undefined) event.request = request;
  if (origin !== undefined) event.origin = origin;
  return { ok: true, event };
}

function mintFacts(
  eventName: string,
  outcome: Outcome,
  caller: AwsIdentity,
  request: JsonObject | undefined,
  response: JsonObject | undefined,
): AwsMintFacts {
  return {
    eventName,
    outcome,
    caller,
    roleArn: str(get(request, 'roleArn')),
    roleSessionName: str(get(request, 'roleSessionName')),
    sourceIdentity: str(get(request, 'sourceIdentity')),
    federatedName: str(get(request, 'name')),
    targetPrincipal: str(get(request, 'targetPrincipal')),
    requestUserName: str(get(request, 'userName')),
    credentialsKeyId: str(get2(response, 'credentials', 'accessKeyId')),
    expiration: parseTime(get2(response, 'credentials', 'expiration')),
    assumedRoleArn: str(get2(response, 'assumedRoleUser', 'arn')),
    federatedUserArn: str(get2(response, 'federatedUser', 'arn')),
    createdKeyId: str(get2(response, 'accessKey', 'accessKeyId')),
    createdKeyUser: str(get2(response, 'accessKey', 'userName')),
  };
}

/** Sign-in events come from one service only, so hand-made records that omit eventSource still place them. */
const SIGNIN_EVENTS = new Map(
  ['ConsoleLogin', 'GetSigninToken', 'CheckMfa', 'SwitchRole', 'ExitRole', 'RenewRole', 'UserAuthentication'].map(
    (name) => [name, 'signin.amazonaws.com'],
  ),
);

/** Some exports log requestParameters / responseElements as JSON text; parse it only when it is small. */
function objectOrJson(v: unknown): JsonObject | undefined {
  if (isObject(v)) return v;
  return typeof v === 'string' ? jsonObjectFromString(v) : undefined;
}
