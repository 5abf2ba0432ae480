import type { AzureCaller } from './azure_common';
import { firstStr, get, str } from './get';

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

/** The caller facts of an Activity log record from its `identity.claims` and `identity.authorization.evidence`. */
export function callerFromClaims(
  claims: unknown,
  evidence: unknown,
  encoding: 'raw' | 'ecs',
  caller: string | undefined,
): AzureCaller {
  const n = encoding === 'raw' ? RAW : ECS;
  return {
    upn: firstStr(get(claims, n.upn), get(claims, 'upn')),
    nameClaim: firstStr(get(claims, n.name), get(claims, 'name'), get(claims, n.email)),
    objectId: firstStr(get(claims, n.oid), get(claims, 'oid')),
    principalId: encoding === 'raw' ? str(get(evidence, 'principalId')) : str(get(evidence, 'principal_id')),
    principalType: encoding === 'raw' ? str(get(evidence, 'principalType')) : str(get(evidence, 'principal_type')),
    idtyp: str(get(claims, 'idtyp')),
    appId: firstStr(get(claims, 'appid'), get(claims, 'azp')),
    tenantId: firstStr(get(claims, n.tid), get(claims, 'tid')),
    managedIdentityResource: str(get(claims, 'xms_mirid')),
    caller,
    tokenId: str(get(claims, 'uti')),
    issuedAt: str(get(claims, 'iat')),
  };
}
