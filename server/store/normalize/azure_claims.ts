import type { AzureCaller } from './azure_common';
import { obj, str, type JsonObject } from './get';

/**
 * Claim names as the raw Activity log writes them. Elastic's pipeline replaces dots in claim names with `_`, so each
 * name also has its ECS spelling, computed once here.
 */
const CLAIMS = {
  upn: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
  name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  oid: 'http://schemas.microsoft.com/identity/claims/objectidentifier',
  tid: 'http://schemas.microsoft.com/identity/claims/tenantid',
};

interface ClaimNames {
  upn: string;
  name: string;
  email: string;
  oid: string;
  tid: string;
}

const RAW: ClaimNames = CLAIMS;
const ECS: ClaimNames = {
  upn: CLAIMS.upn.replace(/\./g, '_'),
  name: CLAIMS.name.replace(/\./g, '_'),
  email: CLAIMS.email.replace(/\./g, '_'),
  oid: CLAIMS.oid.replace(/\./g, '_'),
  tid: CLAIMS.tid.replace(/\./g, '_'),
};

/**
 * The caller facts of an Activity log record from its `identity.claims` and `identity.authorization.evidence`.
 * Each encoding reads its own claim names at its own sites, so every read sees one name (a fast, cached read).
 */
export function callerFromClaims(
  claims: unknown,
  evidence: unknown,
  encoding: 'raw' | 'ecs',
  caller: string | undefined,
): AzureCaller {
  return encoding === 'raw' ? rawCaller(obj(claims), obj(evidence), caller) : ecsCaller(obj(claims), obj(evidence), caller);
}

function rawCaller(c: JsonObject | undefined, evidence: JsonObject | undefined, caller: string | undefined): AzureCaller {
  return {
    upn: str(c?.[RAW.upn]) ?? str(c?.upn),
    nameClaim: str(c?.[RAW.name]) ?? str(c?.name) ?? str(c?.[RAW.email]),
    objectId: str(c?.[RAW.oid]) ?? str(c?.oid),
    principalId: str(evidence?.principalId),
    principalType: str(evidence?.principalType),
    idtyp: str(c?.idtyp),
    appId: str(c?.appid) ?? str(c?.azp),
    tenantId: str(c?.[RAW.tid]) ?? str(c?.tid),
    managedIdentityResource: str(c?.xms_mirid),
    caller,
    tokenId: str(c?.uti),
    issuedAt: str(c?.iat),
  };
}

function ecsCaller(c: JsonObject | undefined, evidence: JsonObject | undefined, caller: string | undefined): AzureCaller {
  return {
    upn: str(c?.[ECS.upn]) ?? str(c?.upn),
    nameClaim: str(c?.[ECS.name]) ?? str(c?.name) ?? str(c?.[ECS.email]),
    objectId: str(c?.[ECS.oid]) ?? str(c?.oid),
    principalId: str(evidence?.principal_id),
    principalType: str(evidence?.principal_type),
    idtyp: str(c?.idtyp),
    appId: str(c?.appid) ?? str(c?.azp),
    tenantId: str(c?.[ECS.tid]) ?? str(c?.tid),
    managedIdentityResource: str(c?.xms_mirid),
    caller,
    tokenId: str(c?.uti),
    issuedAt: str(c?.iat),
  };
}
