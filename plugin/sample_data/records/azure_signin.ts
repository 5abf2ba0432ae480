/**
 * Entra ID sign-in log records as diagnostic settings export them (one JSON object per line): interactive and
 * non-interactive user sign-ins, service-principal and managed-identity sign-ins. `properties.id` is the record's id;
 * `properties.uniqueTokenIdentifier` is the `uti` claim of the token it issued.
 */
import type { DayClock } from '../clock';
import type { Rng } from '../random';
import type { SampleNetwork } from '../scenario/networks';
import { AZURE_TENANT } from '../scenario/org';
import type { JsonObject } from './json';

export type SignInCategory = 'SignInLogs' | 'NonInteractiveUserSignInLogs' | 'ServicePrincipalSignInLogs' | 'ManagedIdentitySignInLogs';

export interface UserSignInSpec {
  time: number;
  category: 'SignInLogs' | 'NonInteractiveUserSignInLogs';
  upn: string;
  userId: string;
  displayName: string;
  app: { id: string; name: string };
  resource: { id: string; name: string };
  ip: string;
  network: SampleNetwork;
  userAgent: string;
  clientAppUsed: 'Browser' | 'Mobile Apps and Desktop clients';
  device: { operatingSystem: string; browser: string };
  mfa: boolean;
  authenticationProtocol?: 'none' | 'deviceCode' | 'ropc';
  sessionId: string;
  uti: string;
  correlationId: string;
  risk?: 'none' | 'low' | 'medium' | 'high';
}

export interface AppSignInSpec {
  time: number;
  category: 'ServicePrincipalSignInLogs' | 'ManagedIdentitySignInLogs';
  appId: string;
  name: string;
  servicePrincipalId: string;
  resource: { id: string; name: string };
  /** Service principals sign in from where they run; managed identities have no client address. */
  ip?: string;
  network?: SampleNetwork;
  credentialType: 'clientSecret' | 'certificate' | 'federatedIdentityCredential' | 'managedIdentity';
  uti: string;
  correlationId: string;
  managedIdentityResourceId?: string;
}

export interface SignInResult {
  route: string;
  record: JsonObject;
  id: string;
}

export function signInRoute(category: SignInCategory): string {
  return `azure/signin/${category}`;
}

function location(n: SampleNetwork | undefined): JsonObject {
  if (!n) return {};
  return { city: n.city, countryOrRegion: n.country, geoCoordinates: { latitude: n.latitude, longitude: n.longitude } };
}

function envelope(category: SignInCategory, time: string, ip: string, correlationId: string, identity: string, country: string, properties: JsonObject): JsonObject {
  return {
    time,
    resourceId: `/tenants/${AZURE_TENANT.id}/providers/Microsoft.aadiam`,
    operationName: 'Sign-in activity',
    operationVersion: '1.0',
    category,
    tenantId: AZURE_TENANT.id,
    resultType: '0',
    resultSignature: 'None',
    durationMs: 0,
    callerIpAddress: ip,
    correlationId,
    identity,
    Level: '4',
    location: country,
    properties,
  };
}

export function buildUserSignIn(s: UserSignInSpec, rng: Rng, clock: DayClock): SignInResult {
  const id = rng.uuid();
  const time = clock.ticks(s.time, rng.digits(4));
  const interactive = s.category === 'SignInLogs';
  const risk = s.risk ?? 'none';
  const properties: JsonObject = {
    id,
    createdDateTime: time.replace('Z', '+00:00'),
    userDisplayName: s.displayName,
    userPrincipalName: s.upn,
    userId: s.userId,
    appId: s.app.id,
    appDisplayName: s.app.name,
    ipAddress: s.ip,
    status: { errorCode: 0 },
    clientAppUsed: s.clientAppUsed,
    userAgent: s.userAgent,
    deviceDetail: { deviceId: '', operatingSystem: s.device.operatingSystem, browser: s.device.browser },
    location: location(s.network),
    correlationId: s.correlationId,
    conditionalAccessStatus: 'success',
    appliedConditionalAccessPolicies: [],
    originalRequestId: rng.uuid(),
    isInteractive: interactive,
    tokenIssuerName: '',
    tokenIssuerType: 'AzureAD',
    processingTimeInMilliseconds: rng.int(40, 400),
    riskDetail: 'none',
    riskLevelAggregated: risk,
    riskLevelDuringSignIn: risk,
    riskState: risk === 'none' ? 'none' : 'atRisk',
    riskEventTypes: [],
    riskEventTypes_v2: [],
    resourceDisplayName: s.resource.name,
    resourceId: s.resource.id,
    resourceTenantId: AZURE_TENANT.id,
    homeTenantId: AZURE_TENANT.id,
    authenticationDetails: interactive
      ? [
          { authenticationStepDateTime: time, authenticationMethod: 'Password', authenticationMethodDetail: 'Password in the cloud', succeeded: true, authenticationStepResultDetail: 'Correct password', authenticationStepRequirement: 'Primary authentication' },
          ...(s.mfa
            ? [{ authenticationStepDateTime: time, authenticationMethod: 'Mobile app notification', succeeded: true, authenticationStepResultDetail: 'MFA successfully completed', authenticationStepRequirement: 'Multi-factor authentication' }]
            : []),
        ]
      : [{ authenticationStepDateTime: time, authenticationMethod: 'Previously satisfied', succeeded: true, authenticationStepResultDetail: 'First factor requirement satisfied by claim in the token', authenticationStepRequirement: 'Primary authentication' }],
    authenticationRequirement: s.mfa ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
    authenticationProtocol: s.authenticationProtocol ?? 'none',
    incomingTokenType: interactive ? 'none' : 'primaryRefreshToken',
    userType: 'Member',
    crossTenantAccessType: 'none',
    autonomousSystemNumber: s.network.asn,
    uniqueTokenIdentifier: s.uti,
    sessionId: s.sessionId,
    isTenantRestricted: false,
  };
  return { route: signInRoute(s.category), record: envelope(s.category, time, s.ip, s.correlationId, s.displayName, s.network.country, properties), id };
}

export function buildAppSignIn(s: AppSignInSpec, rng: Rng, clock: DayClock): SignInResult {
  const id = rng.uuid();
  const time = clock.ticks(s.time, rng.digits(4));
  const properties: JsonObject = {
    id,
    createdDateTime: time.replace('Z', '+00:00'),
    appId: s.appId,
    appDisplayName: s.name,
    ipAddress: s.ip ?? '',
    status: { errorCode: 0 },
    location: location(s.network),
    correlationId: s.correlationId,
    conditionalAccessStatus: 'notApplied',
    originalRequestId: rng.uuid(),
    isInteractive: false,
    tokenIssuerType: 'AzureAD',
    processingTimeInMilliseconds: rng.int(10, 200),
    resourceDisplayName: s.resource.name,
    resourceId: s.resource.id,
    resourceTenantId: AZURE_TENANT.id,
    homeTenantId: AZURE_TENANT.id,
    servicePrincipalId: s.servicePrincipalId,
    servicePrincipalName: s.name,
    clientCredentialType: s.credentialType,
    managedIdentityType: s.category === 'ManagedIdentitySignInLogs' ? 'systemAssigned' : undefined,
    autonomousSystemNumber: s.network?.asn,
    uniqueTokenIdentifier: s.uti,
    servicePrincipalCredentialKeyId: s.credentialType === 'clientSecret' || s.credentialType === 'certificate' ? rng.uuid() : undefined,
  };
  return {
    route: signInRoute(s.category),
    record: envelope(s.category, time, s.ip ?? '', s.correlationId, s.name, s.network?.country ?? '', properties),
    id,
  };
}
