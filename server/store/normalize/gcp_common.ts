/**
 * Cloud Audit Logs semantics shared by the raw and ECS normalizers: principal kinds, log kinds, read/write,
 * status codes, credential minting.
 */
import type { Actor, ActorType, MintedCredential, Outcome } from '../../../common/audit_event';
import { clip, MAX_CHAIN } from './clip';
import { get, get2, isObject, obj, str } from './get';

/** Google-managed service agents act for Google, not for the customer's workloads. Reads the email in place. */
export function isGoogleServiceAgent(email: string): boolean {
  if (email.startsWith('system:')) return true;
  const at = email.indexOf('@');
  if (at < 0) return false;
  const domainLength = email.length - at - 1;
  if (domainLength === CLOUD_SERVICES.length && email.endsWith(CLOUD_SERVICES)) return true;
  if (!endsDomain(email, domainLength, IAM_DOMAIN)) return false;
  if (email.startsWith('gcp-sa-', at + 1) || endsDomain(email, domainLength, SYSTEM_IAM_DOMAIN)) return true;
  return at > 8 && email.startsWith('service-') && isDigits(email, 8, at);
}

const CLOUD_SERVICES = 'cloudservices.gserviceaccount.com';
const IAM_DOMAIN = '.iam.gserviceaccount.com';
const SYSTEM_IAM_DOMAIN = '-system.iam.gserviceaccount.com';

/** The domain (the last `domainLength` characters of `email`) ends with `suffix`. */
function endsDomain(email: string, domainLength: number, suffix: string): boolean {
  return domainLength >= suffix.length && email.endsWith(suffix);
}

/** s[from, to) is non-empty and all ASCII digits. */
function isDigits(s: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function isServiceAccountEmail(email: string): boolean {
  return email.endsWith('.gserviceaccount.com');
}

export function gcpActorType(email: string | undefined, subject: string | undefined): ActorType {
  if (email !== undefined) {
    if (isGoogleServiceAgent(email)) return 'service';
    if (isServiceAccountEmail(email)) return 'service_account';
    if (email.includes('@')) return 'user';
  }
  if (subject !== undefined) {
    if (subject.startsWith('principal://') || subject.startsWith('principalSet://')) return 'federated';
    if (subject.startsWith('serviceAccount:')) return 'service_account';
    if (subject.startsWith('user:')) return 'user';
  }
  return 'unknown';
}

/** <sa>@<project>.iam.gserviceaccount.com -> project: the caller's own project. */
function projectOfServiceAccount(email: string): string | undefined {
  const suffix = '.iam.gserviceaccount.com';
  if (!email.endsWith(suffix) || isGoogleServiceAgent(email)) return undefined;
  const at = email.indexOf('@');
  return at > 0 ? email.slice(at + 1, email.length - suffix.length) : undefined;
}

/** serviceAccountDelegationInfo, first-party principals in order (first = original caller). */
export function delegationChain(info: unknown): string[] | undefined {
  if (!Array.isArray(info) || info.length === 0) return undefined;
  const chain: string[] = [];
  for (const item of info) {
    if (chain.length >= MAX_CHAIN) break;
    const o = obj(item);
    const principal =
      str(obj(o?.firstPartyPrincipal)?.principalEmail) ??
      str(obj(o?.first_party_principal)?.principal_email) ??
      str(o?.principalSubject) ??
      str(obj(o?.thirdPartyPrincipal)?.principalSubject);
    if (principal !== undefined) chain.push(clip(principal) as string);
  }
  return chain.length > 0 ? chain : undefined;
}

export function gcpActor(email: string | undefined, subject: string | undefined, chain: string[] | undefined): Actor {
  const actor: Actor = { type: gcpActorType(email, subject) };
  const id = subject ?? email;
  if (id !== undefined) actor.id = clip(id);
  if (email !== undefined) {
    actor.name = clip(email);
    const project = projectOfServiceAccount(email);
    if (project !== undefined) actor.account = clip(project);
  }
  if (chain !== undefined) {
    actor.delegationChain = chain;
    const first = chain[0];
    if (first.includes('@') && !isServiceAccountEmail(first)) actor.human = first;
  }
  return actor;
}

export type GcpLogKind = 'activity' | 'data_access' | 'system_event' | 'policy';

/** projects/p/logs/cloudaudit.googleapis.com%2Fdata_access -> data_access */
export function gcpLogKind(logName: string | undefined): GcpLogKind | undefined {
  if (logName === undefined) return undefined;
  if (logName.endsWith('data_access')) return 'data_access';
  if (logName.endsWith('activity')) return 'activity';
  if (logName.endsWith('system_event')) return 'system_event';
  if (logName.endsWith('policy')) return 'policy';
  return undefined;
}

/** projects/<id>/logs/... -> <id>; organizations/<id>/... and folders/<id>/... are kept whole. */
export function scopeOfLogName(logName: string | undefined): string | undefined {
  if (logName === undefined) return undefined;
  const slash = logName.indexOf('/');
  const second = slash > 0 ? logName.indexOf('/', slash + 1) : -1;
  if (second < 0) return undefined;
  const kind = logName.slice(0, slash);
  const id = logName.slice(slash + 1, second);
  if (kind === 'projects') return id;
  if (kind === 'organizations' || kind === 'folders' || kind === 'billingAccounts') return `${kind}/${id}`;
  return undefined;
}

/** Admin Activity is writes; Data Access is reads unless its permissions say DATA_WRITE. */
export function gcpReadOnly(kind: GcpLogKind | undefined, authorizationInfo: unknown): boolean | undefined {
  if (kind === 'activity' || kind === 'system_event') return false;
  if (kind !== 'data_access' || !Array.isArray(authorizationInfo)) return undefined;
  let read = false;
  for (const a of authorizationInfo) {
    const o = obj(a);
    const type = o?.permissionType ?? o?.permission_type;
    if (type === 'DATA_WRITE' || type === 'ADMIN_WRITE') return false;
    if (type === 'DATA_READ' || type === 'ADMIN_READ') read = true;
  }
  return read ? true : undefined;
}

const GRPC_CODES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
  'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED',
  'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
];

/** google.rpc.Status: code 0 or no status is success; other codes are failures named as gRPC names them. */
export function gcpOutcome(code: unknown): { outcome: Outcome; errorCode?: string } {
  const n = typeof code === 'number' ? code : typeof code === 'string' && code.length < 8 ? Number(code) : 0;
  if (!Number.isInteger(n) || n === 0) return { outcome: 'success' };
  return { outcome: 'failure', errorCode: GRPC_CODES[n] ?? String(n) };
}

/** Permission prefixes whose API host is not `<prefix>.googleapis.com`. */
const PERMISSION_SERVICES = new Map([['resourcemanager', 'cloudresourcemanager.googleapis.com']]);
const VERSION_PREFIXES = new Set(['v1', 'v2', 'beta', 'alpha']);

/**
 * serviceName is always present in Cloud Audit Logs, but hand-made records (Panther fixtures) omit it: infer the API
 * from the operation producer, the authorization resource, the methodName or the permission checked.
 */
export function inferGcpService(
  methodName: string | undefined,
  producer: unknown,
  authorizationInfo: unknown,
  resourceName?: string,
): string | undefined {
  if (typeof producer === 'string' && (producer.endsWith('.googleapis.com') || producer === 'k8s.io')) return producer;
  const first = Array.isArray(authorizationInfo) ? authorizationInfo[0] : undefined;
  const attrService = get2(first, 'resourceAttributes', 'service');
  if (typeof attrService === 'string' && attrService.endsWith('.googleapis.com')) return attrService;
  if (methodName !== undefined) {
    if (methodName.startsWith('io.k8s.')) return 'k8s.io';
    const parts = methodName.split('.');
    if (parts.length >= 3) {
      if (parts[0] === 'google') {
        const api = parts[1] === 'cloud' || parts[1] === 'api' ? parts[2] : parts[1];
        return `${api.toLowerCase()}.googleapis.com`;
      }
      if (VERSION_PREFIXES.has(parts[0])) return `${parts[1]}.googleapis.com`;
      if (isLowerWord(parts[0])) return `${parts[0]}.googleapis.com`;
    }
  }
  const permission = get(first, 'permission');
  if (typeof permission === 'string') {
    const dot = permission.indexOf('.');
    const prefix = dot > 0 ? permission.slice(0, dot) : '';
    if (isLowerWord(prefix)) return PERMISSION_SERVICES.get(prefix) ?? `${prefix}.googleapis.com`;
  }
  // projects, folders and organizations themselves (their IAM policy, their tags) belong to Resource Manager
  if (resourceName !== undefined && CONTAINER_RESOURCE.test(resourceName)) return 'cloudresourcemanager.googleapis.com';
  return undefined;
}

const CONTAINER_RESOURCE = /^(?:projects|folders|organizations)\/[^/]+$/;

function isLowerWord(s: string): boolean {
  if (s.length === 0 || s.length > 40) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** projects/-/serviceAccounts/sa@p.iam.gserviceaccount.com -> sa@p.iam.gserviceaccount.com */
export function serviceAccountOfName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const i = name.indexOf('serviceAccounts/');
  if (i < 0) return undefined;
  const rest = name.slice(i + 16);
  const slash = rest.indexOf('/');
  const sa = slash >= 0 ? rest.slice(0, slash) : rest;
  return sa.length > 0 ? sa : undefined;
}

const TOKEN_METHODS = new Set(['GenerateAccessToken', 'GenerateIdToken', 'SignJwt', 'SignBlob']);

/**
 * Whether gcpMinted can find a credential in a call of this method: its last dotted segment is a token method or
 * CreateServiceAccountKey. Lets the normalizer skip gathering mint facts for every other call.
 */
export function gcpCanMint(methodName: string): boolean {
  for (const method of MINTING_METHODS) {
    if (!methodName.endsWith(method)) continue;
    const dot = methodName.length - method.length - 1;
    if (dot < 0 || methodName.charCodeAt(dot) === 46) return true;
  }
  return false;
}

const MINTING_METHODS = [...TOKEN_METHODS, 'CreateServiceAccountKey'];

export interface GcpMintFacts {
  service: string;
  methodName: string;
  outcome: Outcome;
  requestName?: string;
  resourceName?: string;
  /** resource.labels.email_id of a service_account resource */
  emailLabel?: string;
  /** response.name of CreateServiceAccountKey: projects/p/serviceAccounts/sa/keys/<id> */
  responseName?: string;
}

export function gcpMinted(f: GcpMintFacts): MintedCredential | undefined {
  if (f.outcome === 'failure') return undefined;
  const method = f.methodName.slice(f.methodName.lastIndexOf('.') + 1);
  const target = serviceAccountOfName(f.requestName) ?? f.emailLabel ?? serviceAccountOfName(f.resourceName);
  if (TOKEN_METHODS.has(method) && (f.service === 'iamcredentials.googleapis.com' || f.methodName.includes('IAMCredentials'))) {
    const minted: MintedCredential = { kind: 'token' };
    if (target !== undefined) minted.target = clip(target);
    return minted;
  }
  if (method === 'CreateServiceAccountKey') {
    const minted: MintedCredential = { kind: 'long_term' };
    if (target !== undefined) minted.target = clip(target);
    // later calls name the key as authenticationInfo.serviceAccountKeyName: //iam.googleapis.com/<response.name>
    if (f.responseName !== undefined) {
      minted.id = clip(f.responseName.startsWith('//') ? f.responseName : `//iam.googleapis.com/${f.responseName}`);
    }
    return minted;
  }
  return undefined;
}

/** startup-script and ssh-key changes live in protoPayload.metadata, next to the request. */
export function gcpRequest(request: unknown, metadata: unknown): Record<string, unknown> | undefined {
  const r = isObject(request) ? request : undefined;
  const m = isObject(metadata) ? metadata : undefined;
  if (m === undefined) return r;
  if (r === undefined) return m;
  return { ...m, ...r }; // spread defines own properties: a `__proto__` key stays a plain key
}
