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
import { arr, bool, isObject, obj, str, type JsonObject } from './get';
import { intern } from './intern';
import { jsonObjectFromString } from './json_string';
import { callerSource } from './source';
import { parseTime } from './time';

export function normalizeCloudTrailRaw(r: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  // Reads are written out per field, not through get/field helpers: each site keeps its own inline cache, and the
  // lower-case spelling (Panther) is read only when the canonical key is absent or null.
  // the shared copies (see intern.ts): the catalog and the analytic look these two up again and again
  const eventName = intern(str(r.eventName ?? r.eventname));
  if (eventName === undefined) return { ok: false, reason: 'CloudTrail record without eventName' };
  const eventSource = intern(str(r.eventSource ?? r.eventsource)) ?? SIGNIN_EVENTS.get(eventName);
  if (eventSource === undefined) {
    return { ok: false, reason: `CloudTrail record without eventSource (eventName ${clip(eventName, 100)})` };
  }

  const ui = obj(r.userIdentity ?? r.useridentity);
  const session = obj(ui?.sessionContext);
  const attributes = obj(session?.attributes);
  const issuer = obj(session?.sessionIssuer);
  const additional = obj(r.additionalEventData ?? r.additionaleventdata);
  const response = objectOrJson(r.responseElements ?? r.responseelements);
  const request = objectOrJson(r.requestParameters ?? r.requestparameters);

  const identity: AwsIdentity = {
    type: str(ui?.type),
    principalId: str(ui?.principalId),
    arn: str(ui?.arn),
    accountId: str(ui?.accountId),
    userName: str(ui?.userName),
    issuerArn: str(issuer?.arn),
    issuerName: str(issuer?.userName),
    invokedBy: str(ui?.invokedBy),
    accessKeyId: str(ui?.accessKeyId),
    mfaAuthenticated: bool(attributes?.mfaAuthenticated),
    creationDate: parseTime(attributes?.creationDate),
    sourceIdentity: str(session?.sourceIdentity),
    ec2RoleDelivery: session?.ec2RoleDelivery !== undefined ? true : undefined,
    fromConsole: bool(r.sessionCredentialFromConsole ?? r.sessioncredentialfromconsole),
    onBehalfOfUserId: str(obj(ui?.onBehalfOf)?.userId),
    signInUserName: str(additional?.UserName),
  };
  if (eventName === 'ConsoleLogin') {
    const used = additional?.MFAUsed;
    if (used === 'Yes') identity.consoleMfaUsed = true;
    else if (used === 'No') identity.consoleMfaUsed = false;
  }

  const loginResult = str(response?.ConsoleLogin) ?? str(objectOrJson(r.serviceEventDetails)?.UserAuthentication);
  const { outcome, errorCode } = awsOutcome(str(r.errorCode ?? r.errorcode), str(r.errorMessage ?? r.errormessage), loginResult);

  const time = parseTime(r.eventTime ?? r.eventtime) ?? parseTime(r['@timestamp']) ?? parseTime(r.p_event_time) ?? null;
  const account = str(r.recipientAccountId ?? r.recipientaccountid) ?? identity.accountId;
  const region = str(r.awsRegion ?? r.awsregion);
  const sourceAddress = str(r.sourceIPAddress ?? r.sourceipaddress);

  const resources: string[] = [];
  const listed = arr(r.resources);
  if (listed !== undefined) {
    for (const res of listed) {
      const o = obj(res);
      pushBounded(resources, str(o?.ARN) ?? str(o?.arn));
    }
  }
  addAwsRequestTargets(request, resources);

  const event: AuditEvent = {
    id:
      clip(str(r.eventID ?? r.eventid)) ??
      derivedId([
        str(r.requestID ?? r.requestid),
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
    source: callerSource(sourceAddress, str(r.userAgent ?? r.useragent)),
    resources,
    raw: r,
  };
  if (account !== undefined) event.account = clip(account);
  if (region !== undefined) event.region = clip(region);
  if (errorCode !== undefined) event.errorCode = errorCode;
  const readOnly = bool(r.readOnly ?? r.readonly);
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
  const credentials = obj(response?.credentials);
  const accessKey = obj(response?.accessKey);
  return {
    eventName,
    outcome,
    caller,
    roleArn: str(request?.roleArn),
    roleSessionName: str(request?.roleSessionName),
    sourceIdentity: str(request?.sourceIdentity),
    federatedName: str(request?.name),
    targetPrincipal: str(request?.targetPrincipal),
    requestUserName: str(request?.userName),
    credentialsKeyId: str(credentials?.accessKeyId),
    expiration: parseTime(credentials?.expiration),
    assumedRoleArn: str(obj(response?.assumedRoleUser)?.arn),
    federatedUserArn: str(obj(response?.federatedUser)?.arn),
    createdKeyId: str(accessKey?.accessKeyId),
    createdKeyUser: str(accessKey?.userName),
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
