/**
 * CloudTrail records, built in the key order AWS writes them (see the invictus-ir delivery files), and the
 * userIdentity shapes of each kind of caller.
 */
import type { DayClock } from '../clock';
import type { Json, JsonObject } from './json';

export interface CtSessionAttributes {
  creationDate: string;
  mfaAuthenticated: boolean;
}

export interface IamUserRef {
  account: string;
  name: string;
  /** AIDA... */
  principalId: string;
}

export interface RoleRef {
  account: string;
  name: string;
  /** AROA... */
  principalId: string;
  /** IAM path, e.g. `/service-role/`; default `/`. */
  path?: string;
}

export function roleArn(role: RoleRef): string {
  return `arn:aws:iam::${role.account}:role${role.path ?? '/'}${role.name}`;
}

export function userArn(user: IamUserRef): string {
  return `arn:aws:iam::${user.account}:user/${user.name}`;
}

/** An IAM user signing with a long-term key (no session) or with console-session credentials (with attributes). */
export function iamUserIdentity(user: IamUserRef, accessKeyId?: string, session?: CtSessionAttributes): JsonObject {
  return {
    type: 'IAMUser',
    principalId: user.principalId,
    arn: userArn(user),
    accountId: user.account,
    accessKeyId,
    userName: user.name,
    sessionContext: session
      ? {
          sessionIssuer: {},
          webIdFederationData: {},
          attributes: { creationDate: session.creationDate, mfaAuthenticated: String(session.mfaAuthenticated) },
        }
      : undefined,
  };
}

export interface AssumedRoleExtras {
  sourceIdentity?: string;
  /** IMDS version that delivered instance credentials: `1.0` or `2.0`. */
  ec2RoleDelivery?: string;
  /** OIDC provider ARN for web-identity sessions. */
  federatedProvider?: string;
  invokedBy?: string;
}

export function assumedRoleIdentity(
  role: RoleRef,
  sessionName: string,
  accessKeyId: string | undefined,
  session: CtSessionAttributes,
  extras: AssumedRoleExtras = {},
): JsonObject {
  return {
    type: 'AssumedRole',
    principalId: `${role.principalId}:${sessionName}`,
    arn: `arn:aws:sts::${role.account}:assumed-role/${role.name}/${sessionName}`,
    accountId: role.account,
    accessKeyId,
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: role.principalId,
        arn: roleArn(role),
        accountId: role.account,
        userName: role.name,
      },
      webIdFederationData: extras.federatedProvider ? { federatedProvider: extras.federatedProvider, attributes: {} } : {},
      attributes: { creationDate: session.creationDate, mfaAuthenticated: String(session.mfaAuthenticated) },
      sourceIdentity: extras.sourceIdentity,
      ec2RoleDelivery: extras.ec2RoleDelivery,
    },
    invokedBy: extras.invokedBy,
  };
}

/** An AWS service acting for itself, e.g. ec2.amazonaws.com minting instance-profile credentials. */
export function awsServiceIdentity(invokedBy: string): JsonObject {
  return { type: 'AWSService', invokedBy };
}

export function webIdentityUserIdentity(providerArn: string, audience: string, subject: string): JsonObject {
  return {
    type: 'WebIdentityUser',
    principalId: `${providerArn}:${audience}:${subject}`,
    userName: subject,
    identityProvider: providerArn,
  };
}

export function samlUserIdentity(providerArn: string, nameQualifier: string, subject: string): JsonObject {
  return {
    type: 'SAMLUser',
    principalId: `${nameQualifier}:${subject}`,
    userName: subject,
    identityProvider: providerArn,
  };
}

export interface CtEvent {
  time: number;
  eventId: string;
  /** null for console sign-in events, which carry no request id. */
  requestId: string | null;
  recipientAccountId: string;
  region: string;
  eventSource: string;
  eventName: string;
  identity: JsonObject;
  sourceIp: string;
  userAgent: string;
  requestParameters: Json;
  responseElements: Json;
  additionalEventData?: JsonObject;
  resources?: Json[];
  readOnly: boolean;
  eventType?: 'AwsApiCall' | 'AwsConsoleSignIn' | 'AwsServiceEvent';
  category: 'Management' | 'Data';
  error?: { code: string; message: string };
  /** Host the client asked for; tlsDetails are left out when undefined (calls made inside AWS). */
  tlsHost?: string;
  fromConsole?: boolean;
  sharedEventId?: string;
  vpcEndpointId?: string;
  eventVersion?: string;
}

const TLS13 = { version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' };
const TLS12 = { version: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256' };

/** The record as CloudTrail delivers it. */
export function cloudTrailRecord(e: CtEvent, clock: DayClock): JsonObject {
  const tls = e.tlsHost === undefined ? undefined : e.userAgent.startsWith('Boto3/1.26') ? TLS12 : TLS13;
  return {
    eventVersion: e.eventVersion ?? (e.eventType === 'AwsConsoleSignIn' ? '1.08' : '1.09'),
    userIdentity: e.identity,
    eventTime: clock.seconds(e.time),
    eventSource: e.eventSource,
    eventName: e.eventName,
    awsRegion: e.region,
    sourceIPAddress: e.sourceIp,
    userAgent: e.userAgent,
    errorCode: e.error?.code,
    errorMessage: e.error?.message,
    requestParameters: e.requestParameters,
    responseElements: e.responseElements,
    additionalEventData: e.additionalEventData,
    requestID: e.requestId ?? undefined,
    eventID: e.eventId,
    readOnly: e.readOnly,
    resources: e.resources,
    eventType: e.eventType ?? 'AwsApiCall',
    managementEvent: e.category === 'Management',
    recipientAccountId: e.recipientAccountId,
    sharedEventID: e.sharedEventId,
    vpcEndpointId: e.vpcEndpointId,
    eventCategory: e.category,
    tlsDetails: tls
      ? { tlsVersion: tls.version, cipherSuite: tls.cipher, clientProvidedHostHeader: e.tlsHost }
      : undefined,
    sessionCredentialFromConsole: e.fromConsole ? 'true' : undefined,
  };
}
