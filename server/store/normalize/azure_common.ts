/**
 * Azure Activity log semantics shared by the raw and ECS normalizers: resource provider, subscription, result, the
 * caller from token claims and RBAC evidence.
 */
import type { Actor, ActorType, Credential, Outcome } from '../../../common/audit_event';
import { clip } from './clip';
import { lowerCaseLookup } from './lower_case_lookup';
import { parseTime } from './time';

/** Microsoft.Compute/virtualMachines/write -> MICROSOFT.COMPUTE */
export function providerOfOperation(operation: string): string | undefined {
  const slash = operation.indexOf('/');
  const head = slash > 0 ? operation.slice(0, slash) : '';
  return head.includes('.') ? head.toUpperCase() : undefined;
}

/** The provider that owns the resource: the last `/providers/<ns>/` segment of a resource id. */
export function providerOfResourceId(resourceId: string | undefined): string | undefined {
  if (resourceId === undefined) return undefined;
  const upper = resourceId.toUpperCase();
  const i = upper.lastIndexOf('/PROVIDERS/');
  if (i < 0) return undefined;
  const rest = upper.slice(i + 11);
  const slash = rest.indexOf('/');
  const ns = slash >= 0 ? rest.slice(0, slash) : rest;
  return ns.includes('.') ? ns : undefined;
}

/** /SUBSCRIPTIONS/<id>/... -> <id> (lower-cased: the same GUID is logged in either case). */
export function subscriptionOfResourceId(resourceId: string | undefined): string | undefined {
  return segmentAfter(resourceId, '/subscriptions/');
}

export function tenantOfResourceId(resourceId: string | undefined): string | undefined {
  return segmentAfter(resourceId, '/tenants/');
}

/** The segment after `marker` (lower-case ASCII), lower-cased, from the first place the marker occurs in any case. */
function segmentAfter(resourceId: string | undefined, marker: string): string | undefined {
  if (resourceId === undefined) return undefined;
  // Usual case: the id starts with the marker and the segment is ASCII; only the segment is lower-cased then.
  if (startsWithIgnoringCase(resourceId, marker)) {
    let end = marker.length;
    while (end < resourceId.length) {
      const c = resourceId.charCodeAt(end);
      if (c === 47 /* / */ || c > 127) break;
      end++;
    }
    if (end === resourceId.length || resourceId.charCodeAt(end) === 47) {
      return end > marker.length ? resourceId.slice(marker.length, end).toLowerCase() : undefined;
    }
  }
  const lower = resourceId.toLowerCase();
  const i = lower.indexOf(marker);
  if (i < 0) return undefined;
  const rest = lower.slice(i + marker.length);
  const slash = rest.indexOf('/');
  const id = slash >= 0 ? rest.slice(0, slash) : rest;
  return id.length > 0 ? id : undefined;
}

/** `s` begins with `lower` (lower-case ASCII), ignoring the case of ASCII letters in `s`. */
function startsWithIgnoringCase(s: string, lower: string): boolean {
  if (s.length < lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** `s` equals `lower` (lower-case ASCII) ignoring the case of ASCII letters in `s`. */
function equalsIgnoringCase(s: string, lower: string): boolean {
  return s.length === lower.length && startsWithIgnoringCase(s, lower);
}

/**
 * resultType / status: Success and Succeeded are successes, Failure and Failed failures; Start, Accept... unknown.
 * Compared without lower-casing: no character outside ASCII lower-cases to a letter of these words.
 */
export function azureOutcome(result: string | undefined): Outcome {
  if (result === undefined) return 'unknown';
  if (equalsIgnoringCase(result, 'success') || equalsIgnoringCase(result, 'succeeded')) return 'success';
  if (equalsIgnoringCase(result, 'failure') || equalsIgnoringCase(result, 'failed')) return 'failure';
  return 'unknown';
}

export function azureReadOnly(operation: string, category: string | undefined): boolean {
  if (category === 'StorageRead') return true;
  if (category === 'StorageWrite' || category === 'StorageDelete') return false;
  return operation.endsWith('/READ');
}

/** What the claims and RBAC evidence of one Activity log record say about the caller. */
export interface AzureCaller {
  upn?: string;
  /** `name` claim, or emailaddress: a UPN for users, "Microsoft.Advisor" for Microsoft's own services */
  nameClaim?: string;
  objectId?: string;
  principalId?: string;
  principalType?: string;
  idtyp?: string;
  appId?: string;
  tenantId?: string;
  /** xms_mirid: the managed identity's resource id, present only on managed-identity tokens */
  managedIdentityResource?: string;
  /** top-level `caller`: a UPN, or an object / app id for applications */
  caller?: string;
  tokenId?: string;
  issuedAt?: string;
}

const PRINCIPAL_TYPES = new Map<string, ActorType>([
  ['user', 'user'],
  ['serviceprincipal', 'service_account'],
  ['application', 'service_account'],
  ['managedidentity', 'managed_identity'],
  ['msi', 'managed_identity'],
]);

const principalTypeOf = lowerCaseLookup(PRINCIPAL_TYPES, 64);

export function azureActorType(c: AzureCaller): ActorType {
  if (c.managedIdentityResource !== undefined) return 'managed_identity';
  const byEvidence = c.principalType !== undefined ? principalTypeOf(c.principalType) : undefined;
  if (byEvidence !== undefined) return byEvidence;
  if (c.idtyp === 'user') return 'user';
  if (c.idtyp === 'app') return 'service_account';
  if (c.upn !== undefined || isEmail(c.nameClaim) || isEmail(c.caller)) return 'user';
  if (c.nameClaim !== undefined && c.nameClaim.startsWith('Microsoft.')) return 'service';
  if (c.appId !== undefined) return 'service_account';
  return 'unknown';
}

function isEmail(s: string | undefined): boolean {
  return s !== undefined && s.includes('@');
}

export function azureActor(c: AzureCaller): Actor {
  const actor: Actor = { type: azureActorType(c) };
  const id = c.objectId ?? c.principalId ?? (c.caller !== undefined && !isEmail(c.caller) ? c.caller : undefined);
  if (id !== undefined) actor.id = clip(id);
  const upn = c.upn ?? (isEmail(c.nameClaim) ? c.nameClaim : undefined) ?? (isEmail(c.caller) ? c.caller : undefined);
  const name = upn !== undefined ? upn.toLowerCase() : c.nameClaim;
  if (name !== undefined) actor.name = clip(name);
  if (c.tenantId !== undefined) actor.account = clip(c.tenantId);
  if (c.appId !== undefined) actor.appId = clip(c.appId);
  return actor;
}

/** The `uti` claim names the token, which Entra sign-in logs call uniqueTokenIdentifier. */
export function azureTokenCredential(c: AzureCaller): Credential | undefined {
  if (c.tokenId === undefined) return undefined;
  const credential: Credential = { id: clip(c.tokenId) as string, kind: 'token' };
  const issuedAt = parseTime(c.issuedAt !== undefined ? Number(c.issuedAt) : undefined);
  if (issuedAt !== undefined) credential.issuedAt = issuedAt;
  return credential;
}
