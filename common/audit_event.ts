/**
 * The canonical audit event: every cloud audit record (AWS CloudTrail, GCP Cloud Audit Logs, Azure Activity log,
 * Entra ID sign-in and audit logs), raw or as Elastic's integrations index it (ECS), is normalized into this shape.
 * The analytic sees nothing else. Times are epoch milliseconds (UTC).
 */

export type CloudProvider = 'aws' | 'gcp' | 'azure';

/** Which log the record came from (one per Elastic data stream). */
export type LogSource =
  | 'aws.cloudtrail'
  | 'gcp.audit'
  | 'azure.activitylogs'
  | 'azure.signinlogs'
  | 'azure.auditlogs';

/** `raw`: the provider's own record; `ecs`: a document as Elastic's integration indexes it. */
export type Encoding = 'raw' | 'ecs';

export type Outcome = 'success' | 'failure' | 'unknown';

/**
 * user: IAM user, Google user account, Entra user. role: AWS assumed role session. root: AWS root.
 * federated: FederatedUser, SAML/web-identity/Identity Center users. service: the provider acting for itself
 * (AWSService, Google service agents, Microsoft first-party). service_account: GCP service account, Entra service
 * principal / application. managed_identity: Azure managed identity.
 */
export type ActorType =
  | 'user'
  | 'role'
  | 'root'
  | 'federated'
  | 'service'
  | 'service_account'
  | 'managed_identity'
  | 'unknown';

/**
 * long_term: AWS AKIA keys, GCP service-account keys. temporary: STS session credentials (ASIA). console: a console
 * (or CloudShell) session. instance: credentials delivered to a compute resource (EC2 instance profile, GCE/Azure VM
 * identity). token: OAuth/OIDC access tokens (GCP, Entra ID).
 */
export type CredentialKind = 'long_term' | 'temporary' | 'console' | 'instance' | 'token' | 'unknown';

export interface Actor {
  type: ActorType;
  /** Stable principal id: AWS principalId (AIDA..., AROA...:session), GCP principalSubject, Entra object id. */
  id?: string;
  /** IAM user or role name, Google email, Entra UPN / app display name. */
  name?: string;
  /** AWS ARN of the caller (user or assumed-role session). */
  arn?: string;
  /** The caller's own account (AWS userIdentity.accountId, Azure tenant). */
  account?: string;
  /** AWS role session name (the last ARN segment of an assumed-role session). */
  sessionName?: string;
  /** What issued the session: AWS sessionIssuer ARN (the role), Entra app id for service principals. */
  issuer?: string;
  /** The human behind the call where the log says so: sourceIdentity, SAML/SSO subject, GCP original delegator. */
  human?: string;
  /** AWS service that made the call on the principal's behalf (userIdentity.invokedBy). */
  invokedBy?: string;
  /** GCP serviceAccountDelegationInfo, first-party principals in order (first = the original caller). */
  delegationChain?: string[];
  /** MFA used for this session / sign-in, when the log tells. */
  mfa?: boolean;
  /** Azure client application id (claims.appid / sign-in appId). */
  appId?: string;
}

export interface Credential {
  /** Access key id, session id, token id (Entra `uti`), or GCP service-account key name. */
  id: string;
  kind: CredentialKind;
  /** When the credential was issued, if the record carries it (AWS sessionContext.attributes.creationDate). */
  issuedAt?: number;
  /** AWS sessionCredentialFromConsole: signed with console-session credentials (console or CloudShell). */
  fromConsole?: boolean;
}

/** A credential that this event created: STS AssumeRole*, GetSessionToken, GCP GenerateAccessToken, a sign-in. */
export interface MintedCredential {
  /** The new credential's id when the record carries it (AWS responseElements.credentials.accessKeyId, Entra uti). */
  id?: string;
  kind: CredentialKind;
  /** What the credential acts as: role ARN, service-account email, the signed-in user. */
  target?: string;
  sessionName?: string;
  expiresAt?: number;
  /** AWS sourceIdentity set on the request; persists through role chaining. */
  sourceIdentity?: string;
}

export interface EventSource {
  /** Caller IP when the record has one (not a service name). */
  ip?: string;
  /** Non-IP caller address, e.g. `ec2.amazonaws.com`, `gce-internal-ip`. */
  address?: string;
  userAgent?: string;
  /** Present when the pipeline enriched it (ECS) or the log carries it (Entra sign-in location). */
  geo?: { country?: string; city?: string };
  asn?: number;
  asOrg?: string;
}

/** Where a record was read from, for reports and evidence. */
export interface EventOrigin {
  file?: string;
  /** 1-based line for line-oriented files; 1-based record index within a JSON document otherwise. */
  line?: number;
  /** Elasticsearch index and _id when read from a cluster. */
  index?: string;
  docId?: string;
}

export interface AuditEvent {
  /** The provider's own event id: CloudTrail eventID, GCP insertId, Azure eventDataId / id / sign-in id. */
  id: string;
  /** Epoch ms; null when the record carries no usable time (the analytic skips such events and says so). */
  time: number | null;
  provider: CloudProvider;
  log: LogSource;
  encoding: Encoding;
  /** The account acted upon: AWS recipientAccountId, GCP project id, Azure subscription id (tenant for Entra). */
  account?: string;
  region?: string;
  /** AWS eventSource (iam.amazonaws.com), GCP serviceName (iam.googleapis.com), Azure resource provider (MICROSOFT.COMPUTE). */
  service: string;
  /** AWS eventName, GCP methodName, Azure operationName (upper-cased), Entra sign-in: `SignIn`. */
  action: string;
  outcome: Outcome;
  errorCode?: string;
  /** True for reads (AWS readOnly, GCP data_access reads, Azure /READ), false for writes, undefined when unknown. */
  readOnly?: boolean;
  actor: Actor;
  credential?: Credential;
  source: EventSource;
  /** Target resource identifiers (ARNs, GCP resource names, Azure resource ids). */
  resources: string[];
  minted?: MintedCredential;
  /** Request parameters as logged (AWS requestParameters, GCP request, Azure properties), for rollback steps. */
  request?: Record<string, unknown>;
  /**
   * The provider's response (AWS responseElements, GCP response), kept by compacted events for rollback steps of
   * privileged calls once `raw` is dropped.
   */
  response?: unknown;
  /**
   * The original record (raw provider record, or the ECS document). Undefined once the event is compacted: the
   * origin (file and line, index and _id) finds it again.
   */
  raw: unknown;
  origin?: EventOrigin;
}

/** Result of normalizing one record: an event, or a specific reason it cannot be used. */
export type NormalizeResult =
  | { ok: true; event: AuditEvent }
  | { ok: false; reason: string };
