/**
 * CloudTrail semantics shared by the raw and ECS normalizers: both extract the same `AwsIdentity` / `AwsMintFacts`
 * from their own encoding, and these functions turn them into actor, credential and minted credential, so the two
 * encodings of one record give the same answer.
 */
import type { Actor, ActorType, Credential, CredentialKind, MintedCredential, Outcome } from '../../../common/audit_event';
import { clip, pushBounded } from './clip';

export interface AwsIdentity {
  type?: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  userName?: string;
  /** sessionContext.sessionIssuer */
  issuerArn?: string;
  issuerName?: string;
  invokedBy?: string;
  accessKeyId?: string;
  mfaAuthenticated?: boolean;
  creationDate?: number;
  sourceIdentity?: string;
  ec2RoleDelivery?: boolean;
  fromConsole?: boolean;
  onBehalfOfUserId?: string;
  /** additionalEventData.UserName on IAM Identity Center sign-in events */
  signInUserName?: string;
  /** ConsoleLogin additionalEventData.MFAUsed */
  consoleMfaUsed?: boolean;
}

const ACTOR_TYPES = new Map<string, ActorType>([
  ['IAMUser', 'user'],
  ['AssumedRole', 'role'],
  ['Root', 'root'],
  ['FederatedUser', 'federated'],
  ['SAMLUser', 'federated'],
  ['WebIdentityUser', 'federated'],
  ['IdentityCenterUser', 'federated'],
  ['AWSService', 'service'],
]);

export function awsActorType(type: string | undefined, invokedBy: string | undefined): ActorType {
  if (type === undefined) return invokedBy !== undefined ? 'service' : 'unknown'; // service events omit the type
  return ACTOR_TYPES.get(type) ?? 'unknown';
}

/** EC2 instance ids: i- followed by 8 (old) or 17 hex digits. Instance-profile sessions are named after them. */
const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

export function isInstanceId(s: string | undefined): boolean {
  return s !== undefined && INSTANCE_ID.test(s);
}

/** arn:aws:sts::123:assumed-role/Role/Session -> Session */
export function sessionNameOfArn(arn: string | undefined): string | undefined {
  const slash = sessionSlash(arn);
  return slash < 0 ? undefined : (arn as string).slice(slash + 1);
}

/**
 * Index of the slash before the session name of an assumed-role ARN (a non-empty name follows it), or -1. The actor
 * and the credential of one event ask about the same ARN in turn: the last answer is kept.
 */
function sessionSlash(arn: string | undefined): number {
  if (arn === undefined) return -1;
  if (arn === lastArn) return lastSessionSlash;
  const marker = arn.indexOf(':assumed-role/');
  const slash = marker < 0 ? -1 : arn.lastIndexOf('/');
  lastArn = arn;
  lastSessionSlash = marker >= 0 && slash < arn.length - 1 && slash > marker + 13 ? slash : -1;
  return lastSessionSlash;
}

let lastArn: string | undefined;
let lastSessionSlash = -1;

/** The session name of an assumed-role ARN is an EC2 instance id (see INSTANCE_ID), read in place. */
function isInstanceSessionArn(arn: string | undefined): boolean {
  const slash = sessionSlash(arn);
  if (slash < 0) return false;
  const s = arn as string;
  const length = s.length - slash - 1;
  if ((length !== 10 && length !== 19) || s.charCodeAt(slash + 1) !== 105 /* i */ || s.charCodeAt(slash + 2) !== 45 /* - */) {
    return false;
  }
  for (let i = slash + 3; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** arn:aws:sts::123:assumed-role/Role/Session -> Role */
function roleNameOfArn(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const i = arn.indexOf(':assumed-role/');
  if (i < 0) return undefined;
  const rest = arn.slice(i + 14);
  const slash = rest.indexOf('/');
  return slash > 0 ? rest.slice(0, slash) : rest || undefined;
}

function lastSegment(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  return name.length > 0 && name !== arn ? name : undefined;
}

/** IAM Identity Center permission-set roles carry the signed-in user as the session name. */
function isIdentityCenterRole(issuerArn: string | undefined): boolean {
  return issuerArn !== undefined && issuerArn.includes('/aws-reserved/sso.amazonaws.com/');
}

export function awsActor(id: AwsIdentity): Actor {
  const type = awsActorType(id.type, id.invokedBy);
  const actor: Actor = { type };
  const sessionName = type === 'role' ? sessionNameOfArn(id.arn) : undefined;
  let name: string | undefined;
  switch (type) {
    case 'role':
      name = id.issuerName ?? roleNameOfArn(id.arn);
      break;
    case 'root':
      name = 'root';
      break;
    case 'service':
      name = id.invokedBy;
      break;
    case 'federated':
      name = id.userName ?? id.signInUserName ?? lastSegment(id.arn);
      break;
    case 'user':
      name = id.userName ?? lastSegment(id.arn);
      break;
    default:
      name = id.userName;
  }
  if (id.principalId !== undefined) actor.id = clip(id.principalId);
  if (name !== undefined) actor.name = clip(name);
  if (id.arn !== undefined) actor.arn = clip(id.arn);
  if (id.accountId !== undefined) actor.account = clip(id.accountId);
  if (sessionName !== undefined) actor.sessionName = clip(sessionName);
  if (id.issuerArn !== undefined) actor.issuer = clip(id.issuerArn);
  const human =
    id.sourceIdentity ??
    (id.type === 'SAMLUser' || id.type === 'IdentityCenterUser' ? id.signInUserName ?? id.userName : undefined) ??
    id.onBehalfOfUserId ??
    (isIdentityCenterRole(id.issuerArn) ? sessionName : undefined);
  if (human !== undefined) actor.human = clip(human);
  if (id.invokedBy !== undefined) actor.invokedBy = clip(id.invokedBy);
  const mfa = id.consoleMfaUsed ?? id.mfaAuthenticated;
  if (mfa !== undefined) actor.mfa = mfa;
  return actor;
}

export function awsCredentialKind(id: AwsIdentity): CredentialKind {
  if (id.fromConsole === true) return 'console';
  if (id.type === 'AssumedRole' && (id.ec2RoleDelivery === true || isInstanceSessionArn(id.arn))) {
    return 'instance';
  }
  const key = id.accessKeyId;
  if (key !== undefined) {
    if (key.startsWith('AKIA')) return 'long_term';
    if (key.startsWith('ASIA')) return 'temporary';
  }
  return 'unknown';
}

export function awsCredential(id: AwsIdentity): Credential | undefined {
  if (id.accessKeyId === undefined) return undefined;
  const credential: Credential = { id: clip(id.accessKeyId) as string, kind: awsCredentialKind(id) };
  if (id.creationDate !== undefined) credential.issuedAt = id.creationDate;
  if (id.fromConsole !== undefined) credential.fromConsole = id.fromConsole;
  return credential;
}

/** What a CloudTrail record says about a credential it created, whatever the encoding. */
export interface AwsMintFacts {
  eventName: string;
  outcome: Outcome;
  caller: AwsIdentity;
  roleArn?: string;
  roleSessionName?: string;
  sourceIdentity?: string;
  /** GetFederationToken requestParameters.name */
  federatedName?: string;
  /** AssumeRoot requestParameters.targetPrincipal */
  targetPrincipal?: string;
  /** requestParameters.userName (CreateAccessKey for another user) */
  requestUserName?: string;
  credentialsKeyId?: string;
  expiration?: number;
  assumedRoleArn?: string;
  federatedUserArn?: string;
  /** responseElements.accessKey */
  createdKeyId?: string;
  createdKeyUser?: string;
}

const STS_MINTS = new Set([
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'GetSessionToken',
  'GetFederationToken',
  'AssumeRoot',
]);

/** Events that can create a credential; others skip gathering mint facts altogether. */
export function canMint(eventName: string): boolean {
  // all of them start with A, C or G: most events are answered without a Set lookup
  const first = eventName.charCodeAt(0);
  if (first !== 65 && first !== 67 && first !== 71) return false;
  return STS_MINTS.has(eventName) || eventName === 'CreateAccessKey' || eventName === 'ConsoleLogin' || eventName === 'GetSigninToken';
}

export function awsMinted(f: AwsMintFacts): MintedCredential | undefined {
  if (f.outcome === 'failure') return undefined;
  const callerName = f.caller.userName ?? f.caller.signInUserName;
  if (STS_MINTS.has(f.eventName)) {
    const instanceDelivery = f.caller.type === 'AWSService' && f.caller.invokedBy === 'ec2.amazonaws.com';
    const minted: MintedCredential = { kind: instanceDelivery ? 'instance' : 'temporary' };
    if (f.credentialsKeyId !== undefined) minted.id = clip(f.credentialsKeyId);
    let target: string | undefined;
    if (f.eventName === 'GetSessionToken') target = f.caller.arn ?? callerName;
    else if (f.eventName === 'GetFederationToken') target = f.federatedUserArn ?? f.federatedName;
    else if (f.eventName === 'AssumeRoot') target = f.targetPrincipal;
    else target = f.roleArn;
    if (target !== undefined) minted.target = clip(target);
    const sessionName = f.roleSessionName ?? sessionNameOfArn(f.assumedRoleArn);
    if (sessionName !== undefined) minted.sessionName = clip(sessionName);
    if (f.expiration !== undefined) minted.expiresAt = f.expiration;
    if (f.sourceIdentity !== undefined) minted.sourceIdentity = clip(f.sourceIdentity);
    return minted;
  }
  if (f.eventName === 'CreateAccessKey') {
    const minted: MintedCredential = { kind: 'long_term' };
    if (f.createdKeyId !== undefined) minted.id = clip(f.createdKeyId);
    const target = f.requestUserName ?? f.createdKeyUser ?? callerName;
    if (target !== undefined) minted.target = clip(target);
    return minted;
  }
  if (f.eventName === 'ConsoleLogin' || f.eventName === 'GetSigninToken') {
    const minted: MintedCredential = { kind: 'console' };
    const target = f.caller.arn ?? callerName;
    if (target !== undefined) minted.target = clip(target);
    return minted;
  }
  return undefined;
}

/** ConsoleLogin / UserAuthentication report their result in the response, not as an error code. */
export function awsOutcome(
  errorCode: string | undefined,
  errorMessage: string | undefined,
  loginResult: string | undefined,
): { outcome: Outcome; errorCode?: string } {
  if (errorCode !== undefined) return { outcome: 'failure', errorCode: clip(errorCode) };
  if (loginResult === 'Failure') return { outcome: 'failure', errorCode: clip(errorMessage ?? 'Failure') };
  if (errorMessage !== undefined) return { outcome: 'failure', errorCode: clip(errorMessage) };
  return SUCCESS;
}

/** Most calls succeed: they share one frozen result. */
const SUCCESS: { outcome: Outcome; errorCode?: string } = Object.freeze({ outcome: 'success' });

/**
 * Targets named in requestParameters that identify a resource well enough to act on (contain, roll back): roleArn,
 * policyArn, bucketName (as its ARN), instanceId, secretId, functionName, trailName, in that order. Read field by
 * field rather than through a key list, so each read keeps its own inline cache.
 */
export function addAwsRequestTargets(request: Record<string, unknown> | undefined, out: string[]): void {
  if (request === undefined) return;
  pushTarget(out, request.roleArn);
  pushTarget(out, request.policyArn);
  const bucket = request.bucketName;
  if (typeof bucket === 'string' && bucket.length > 0) pushBounded(out, `arn:aws:s3:::${bucket}`);
  pushTarget(out, request.instanceId);
  pushTarget(out, request.secretId);
  pushTarget(out, request.functionName);
  pushTarget(out, request.trailName);
}

function pushTarget(out: string[], v: unknown): void {
  if (typeof v === 'string' && v.length > 0) pushBounded(out, v);
}
