/**
 * Azure Activity log records as diagnostic settings write them to a storage account (one JSON object per line), and
 * the token claims they carry. Each record has its own `eventDataId` (at the top level and in properties).
 */
import type { DayClock } from '../clock';
import { base64 } from '../ids';
import type { Rng } from '../random';
import { AZURE_TENANT, type AzureSubscription } from '../scenario/org';
import { type AzureOperation, azureOperation } from './azure_operations';
import type { JsonObject } from './json';

/** The caller of an ARM operation: its token's claims and the RBAC evidence that let it act. */
export interface AzureCaller {
  claims: JsonObject;
  callerIp: string;
  principalId: string;
  principalType: 'User' | 'ServicePrincipal';
  /** Role that granted the action (evidence.role). */
  role: string;
  roleAssignmentScope: string;
}

export interface UserTokenSpec {
  upn: string;
  objectId: string;
  givenName: string;
  surname: string;
  displayName: string;
  appId: string;
  ipAddress: string;
  uti: string;
  issuedAt: number;
  mfa: boolean;
}

const CLAIM = {
  acr: 'http://schemas.microsoft.com/claims/authnclassreference',
  amr: 'http://schemas.microsoft.com/claims/authnmethodsreferences',
  surname: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  givenname: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  oid: 'http://schemas.microsoft.com/identity/claims/objectidentifier',
  scope: 'http://schemas.microsoft.com/identity/claims/scope',
  nameid: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier',
  tid: 'http://schemas.microsoft.com/identity/claims/tenantid',
  name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  upn: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
  idp: 'http://schemas.microsoft.com/identity/claims/identityprovider',
};

/** Built-in role definition ids (without dashes, as the evidence block writes them). */
export const ROLE_DEFINITIONS: Record<string, string> = {
  Owner: '8e3af657a8ff443ca75c2fe8c4bcb635',
  Contributor: 'b24988ac618042a0ab8820f7382dd24c',
  'Virtual Machine Contributor': '9980e02cc2be4d7394e8173b1dc7cf3c',
  'Storage Account Contributor': '17d1049b9a844c52bce0615e2ed80e0f',
  'Azure Kubernetes Service Cluster User Role': '4abbcc35e782437ab5ed3afc3a6b2c83',
  'Backup Contributor': '5e467623bb1f42f4a55dfe920e2ad7b9',
  'Log Analytics Contributor': '92aaf0da9dab42b6a6b2a2b6a2d41a0c',
};

const epoch = (ms: number): string => String(Math.floor(ms / 1000));

/** Claims of a user's ARM access token; built once per token and shared by the records made with it. */
export function userClaims(t: UserTokenSpec, rng: Rng): JsonObject {
  return {
    aud: 'https://management.core.windows.net/',
    iss: `https://sts.windows.net/${AZURE_TENANT.id}/`,
    iat: epoch(t.issuedAt),
    nbf: epoch(t.issuedAt),
    exp: epoch(t.issuedAt + 75 * 60_000),
    [CLAIM.acr]: '1',
    aio: base64(rng, 56),
    [CLAIM.amr]: t.mfa ? 'pwd,mfa' : 'pwd',
    appid: t.appId,
    appidacr: '0',
    [CLAIM.surname]: t.surname,
    [CLAIM.givenname]: t.givenName,
    idtyp: 'user',
    ipaddr: t.ipAddress,
    name: t.displayName,
    [CLAIM.oid]: t.objectId,
    puid: rng.hex(8).toUpperCase(),
    rh: `0.${base64(rng, 54)}.`,
    [CLAIM.scope]: 'user_impersonation',
    sid: rng.uuid(),
    [CLAIM.nameid]: base64(rng, 43),
    [CLAIM.tid]: AZURE_TENANT.id,
    [CLAIM.name]: t.upn,
    [CLAIM.upn]: t.upn,
    uti: t.uti,
    ver: '1.0',
    xms_tcdt: '1581434218',
  };
}

export interface AppTokenSpec {
  appId: string;
  objectId: string;
  uti: string;
  issuedAt: number;
  /** 1: client secret, 2: certificate or federated credential. */
  appidacr: '1' | '2';
  /** Managed identities name their Azure resource. */
  managedIdentityResourceId?: string;
}

export function appClaims(t: AppTokenSpec, rng: Rng): JsonObject {
  return {
    aud: 'https://management.core.windows.net/',
    iss: `https://sts.windows.net/${AZURE_TENANT.id}/`,
    iat: epoch(t.issuedAt),
    nbf: epoch(t.issuedAt),
    exp: epoch(t.issuedAt + (t.managedIdentityResourceId ? 24 * 3600_000 : 3600_000)),
    aio: base64(rng, 56),
    appid: t.appId,
    appidacr: t.appidacr,
    [CLAIM.idp]: `https://sts.windows.net/${AZURE_TENANT.id}/`,
    idtyp: 'app',
    [CLAIM.oid]: t.objectId,
    rh: `0.${base64(rng, 54)}.`,
    sub: t.objectId,
    [CLAIM.tid]: AZURE_TENANT.id,
    uti: t.uti,
    ver: '1.0',
    xms_mirid: t.managedIdentityResourceId,
    xms_tcdt: '1581434218',
  };
}

export interface AzureActivitySpec {
  time: number;
  subscription: AzureSubscription;
  operation: AzureOperation | string;
  caller: AzureCaller;
  resultType: 'Start' | 'Success' | 'Failure';
  correlationId: string;
  /** Resolved resource id (same for the Start and Success records of one operation). */
  resourceId: string;
  requestBody?: string;
}

export function azureActivityRoute(subscription: AzureSubscription): string {
  return `azure/activity/${subscription.id}`;
}

export interface AzureActivityResult {
  route: string;
  record: JsonObject;
  eventDataId: string;
}

export function buildAzureActivity(spec: AzureActivitySpec, rng: Rng, clock: DayClock): AzureActivityResult {
  const op = typeof spec.operation === 'string' ? azureOperation(spec.operation) : spec.operation;
  const eventDataId = rng.uuid();
  const entity = spec.resourceId;
  const common = {
    eventCategory: 'Administrative',
    entity,
    message: op.action,
    hierarchy: `${AZURE_TENANT.id}/${AZURE_TENANT.managementGroup}/${spec.subscription.id}`,
  };
  let properties: JsonObject;
  let signature: string;
  if (spec.resultType === 'Start') {
    properties = { requestbody: spec.requestBody, ...common, eventDataId };
    signature = 'Started.';
  } else if (spec.resultType === 'Success') {
    properties = { statusCode: op.successStatus, serviceRequestId: rng.uuid(), ...common, eventDataId };
    signature = `Succeeded.${op.successStatus}`;
  } else {
    properties = {
      statusCode: 'Forbidden',
      statusMessage: JSON.stringify({ error: { code: 'AuthorizationFailed', message: `The client does not have authorization to perform action '${op.action}'.` } }),
      ...common,
      eventDataId,
    };
    signature = 'Failed.Forbidden';
  }
  const c = spec.caller;
  const record: JsonObject = {
    time: clock.ticks(spec.time, rng.digits(4)),
    resourceId: entity.toUpperCase(),
    operationName: op.name,
    category: 'Administrative',
    resultType: spec.resultType,
    resultSignature: signature,
    durationMs: spec.resultType === 'Start' ? 0 : rng.int(40, 4000),
    callerIpAddress: c.callerIp,
    correlationId: spec.correlationId,
    identity: {
      authorization: {
        scope: entity,
        action: op.action,
        evidence:
          spec.resultType === 'Failure'
            ? undefined
            : {
                role: c.role,
                roleAssignmentScope: c.roleAssignmentScope,
                // One assignment per principal and role: derive its id from both so that it is stable all day.
                roleAssignmentId: (c.principalId.replace(/-/g, '').slice(0, 20) + (ROLE_DEFINITIONS[c.role] ?? '')).slice(0, 32),
                roleDefinitionId: ROLE_DEFINITIONS[c.role] ?? '',
                principalId: c.principalId.replace(/-/g, ''),
                principalType: c.principalType,
              },
      },
      claims: c.claims,
    },
    level: spec.resultType === 'Failure' ? 'Error' : 'Information',
    location: op.global ? 'global' : spec.subscription.location,
    properties,
    tenantId: AZURE_TENANT.id,
    eventDataId,
  };
  return { route: azureActivityRoute(spec.subscription), record, eventDataId };
}
