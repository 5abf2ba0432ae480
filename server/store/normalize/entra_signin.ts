/**
 * Entra ID sign-in semantics shared by the raw and ECS normalizers: both extract `SignInFacts` from their encoding
 * and `signInEvent` builds the event, so the two encodings of one sign-in agree.
 */
import type { Actor, ActorType, AuditEvent, Encoding, EventOrigin, MintedCredential, Outcome } from '../../../common/audit_event';
import { clip, pushBounded } from './clip';
import { derivedId } from './derived_id';
import { lowerCaseLookup } from './lower_case_lookup';
import { callerSource } from './source';

export const ENTRA_SERVICE = 'MICROSOFT.AADIAM';

export interface SignInFacts {
  category: string;
  id?: string;
  time: number | null;
  tenantId?: string;
  homeTenantId?: string;
  userId?: string;
  upn?: string;
  appId?: string;
  appName?: string;
  servicePrincipalId?: string;
  servicePrincipalName?: string;
  tokenId?: string;
  /** properties.status.errorCode */
  errorCode?: string;
  resultType?: string;
  result?: string;
  ip?: string;
  userAgent?: string;
  country?: string;
  city?: string;
  asn?: number;
  authenticationRequirement?: string;
  /** authenticationDetails say a multi-factor step was satisfied */
  mfaSatisfied?: boolean;
  audience?: string;
  correlationId?: string;
  request?: Record<string, unknown>;
}

interface CategoryMeaning {
  action: string;
  actorType: ActorType;
  user: boolean;
}

const CATEGORIES = new Map<string, CategoryMeaning>([
  ['signinlogs', { action: 'SIGNIN', actorType: 'user', user: true }],
  ['noninteractiveusersigninlogs', { action: 'SIGNIN', actorType: 'user', user: true }],
  ['serviceprincipalsigninlogs', { action: 'SERVICEPRINCIPALSIGNIN', actorType: 'service_account', user: false }],
  ['microsoftserviceprincipalsigninlogs', { action: 'SERVICEPRINCIPALSIGNIN', actorType: 'service', user: false }],
  ['managedidentitysigninlogs', { action: 'MANAGEDIDENTITYSIGNIN', actorType: 'managed_identity', user: false }],
]);

const meaningOf = lowerCaseLookup(CATEGORIES, 64);

export function isSignInCategory(category: string): boolean {
  // every sign-in category ends in "s" (…SignInLogs): Activity log categories (Administrative, Policy) stop here
  const last = category.length > 0 ? category.charCodeAt(category.length - 1) | 32 : 0;
  return last === 115 && meaningOf(category) !== undefined;
}

const MFA_DETAIL = /MFA|multi-?factor/i;
const NUMERIC = /^\d+$/;

/** authenticationDetails: a succeeded step whose result says MFA was performed or satisfied. */
export function mfaFromDetails(details: unknown): boolean | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const d of details) {
    if (typeof d !== 'object' || d === null) continue;
    const succeeded = (d as Record<string, unknown>).succeeded;
    const detail = (d as Record<string, unknown>).authenticationStepResultDetail;
    if (succeeded === true && typeof detail === 'string' && MFA_DETAIL.test(detail)) return true;
  }
  return undefined;
}

function signInOutcome(f: SignInFacts): { outcome: Outcome; errorCode?: string } {
  if (f.errorCode !== undefined) {
    return f.errorCode === '0' ? { outcome: 'success' } : { outcome: 'failure', errorCode: clip(f.errorCode) };
  }
  if (f.resultType !== undefined) {
    const r = f.resultType.toLowerCase();
    if (r === '0' || r === 'success' || r === 'succeeded') return { outcome: 'success' };
    if (r === 'failure' || r === 'failed') return { outcome: 'failure' };
    if (NUMERIC.test(r)) return { outcome: 'failure', errorCode: clip(f.resultType) };
  }
  const result = f.result?.toLowerCase();
  if (result === 'success') return { outcome: 'success' };
  if (result === 'failure') return { outcome: 'failure' };
  return { outcome: 'unknown' };
}

function signInActor(f: SignInFacts, meaning: CategoryMeaning): Actor {
  const actor: Actor = { type: meaning.actorType };
  const id = meaning.user ? f.userId : f.servicePrincipalId ?? f.appId;
  const name = meaning.user ? f.upn?.toLowerCase() : f.servicePrincipalName ?? f.appName;
  if (id !== undefined) actor.id = clip(id);
  if (name !== undefined) actor.name = clip(name);
  const account = f.homeTenantId ?? f.tenantId;
  if (account !== undefined) actor.account = clip(account);
  if (f.appId !== undefined) actor.appId = clip(f.appId);
  const requirement = f.authenticationRequirement;
  const mfa =
    requirement === 'multiFactorAuthentication'
      ? true
      : requirement === 'singleFactorAuthentication'
        ? (f.mfaSatisfied ?? false) // a single-factor requirement can still be met by an MFA claim in the token
        : f.mfaSatisfied;
  if (mfa !== undefined) actor.mfa = mfa;
  return actor;
}

export function signInEvent(f: SignInFacts, encoding: Encoding, raw: unknown, origin: EventOrigin | undefined): AuditEvent {
  const meaning = meaningOf(f.category) ?? { action: 'SIGNIN', actorType: 'unknown', user: true };
  const { outcome, errorCode } = signInOutcome(f);
  const actor = signInActor(f, meaning);
  const source = callerSource(f.ip, f.userAgent);
  if (f.country !== undefined || f.city !== undefined) {
    source.geo = {};
    if (f.country !== undefined) source.geo.country = clip(f.country, 128);
    if (f.city !== undefined) source.geo.city = clip(f.city, 128);
  }
  if (f.asn !== undefined) source.asn = f.asn;
  const resources: string[] = [];
  pushBounded(resources, f.audience);
  const event: AuditEvent = {
    id: clip(f.id) ?? derivedId([f.correlationId, f.time, meaning.action, actor.id, f.ip]),
    time: f.time,
    provider: 'azure',
    log: 'azure.signinlogs',
    encoding,
    service: ENTRA_SERVICE,
    action: meaning.action,
    outcome,
    actor,
    source,
    resources,
    raw,
  };
  if (f.tenantId !== undefined) event.account = clip(f.tenantId);
  if (errorCode !== undefined) event.errorCode = errorCode;
  if (outcome === 'success') {
    // a successful sign-in issues a token, which later Activity log records name by its `uti` claim
    const minted: MintedCredential = { kind: 'token' };
    if (f.tokenId !== undefined) minted.id = clip(f.tokenId);
    const target = meaning.user ? f.upn?.toLowerCase() : f.servicePrincipalName ?? f.appName ?? f.appId;
    if (target !== undefined) minted.target = clip(target);
    event.minted = minted;
  }
  if (f.request !== undefined) event.request = f.request;
  if (origin !== undefined) event.origin = origin;
  return event;
}
