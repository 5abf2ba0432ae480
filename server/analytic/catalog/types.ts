import type { CloudProvider } from '../../../common/audit_event';
import type { EntryCondition } from './conditions';

/** What an API call means for an attack chain. */
export type ActionCategory = 'auth_shift' | 'privileged' | 'recon' | 'tamper';

/** Kinds of privileged action (DESIGN.md §3.1). */
export type PrivilegedKind =
  | 'iam' // IAM / permission writes: users, keys, roles, policies, bindings, role assignments
  | 'compute_execution' // run a command on a machine: SSM SendCommand, VM runCommand, serial console
  | 'code_change' // change code or boot-time data: Lambda code, user data, startup scripts, extensions
  | 'secrets' // read secrets and credential material: GetSecretValue, GetPasswordData, listKeys
  | 'data_exposure' // share or expose data: snapshot/AMI sharing, bucket policies, public ACLs
  | 'data_access' // read stored data: object downloads (collection from cloud storage)
  | 'network_exposure' // open the network: security-group ingress, firewall rules, public IPs
  | 'destruction' // destroy data or resources: delete buckets/DBs/snapshots, KMS key deletion
  | 'org_account'; // organization / account / tenant level changes

/** Kinds of authentication-context shift. */
export type AuthShiftKind =
  | 'credential_minted' // STS AssumeRole*, GetSessionToken, GetFederationToken, AssumeRoot
  | 'console_login' // ConsoleLogin, GetSigninToken, Identity Center UserAuthentication
  | 'cloudshell' // CloudShell environment/session started (AWS, GCP, Azure)
  | 'impersonation' // GCP GenerateAccessToken / SignJwt / SignBlob, Azure token for another identity
  | 'key_created' // a new long-term credential: CreateAccessKey, SA key create, app credential added
  | 'sign_in'; // Entra ID sign-in

export type ReconKind = 'enumeration' | 'identity_check' | 'secrets_listing';

export type TamperKind = 'logging_disabled' | 'logging_deleted' | 'logging_modified' | 'detection_disabled';

export type ActionKind = PrivilegedKind | AuthShiftKind | ReconKind | TamperKind;

/**
 * How to undo one privileged action. `text` and `command` are templates: `{name}` is replaced by the request
 * parameter at that dotted path (e.g. `{userName}`, `{policyArn}`, `{resource.labels.instance_id}`), or by
 * `{resource}` (first target resource), `{account}`, `{region}`.
 */
export interface RollbackTemplate {
  text: string;
  command?: string;
}

export interface CatalogEntry {
  provider: CloudProvider;
  /** AWS eventSource, GCP serviceName, Azure resource provider (upper case). Omitted: any service. */
  service?: string;
  /**
   * AWS eventName (exact), GCP methodName (exact, or a suffix such as `.SetIamPolicy` when `match: 'suffix'`),
   * Azure operationName (case-insensitive exact).
   */
  action: string;
  match?: 'exact' | 'suffix';
  /**
   * Narrows the entry to events whose request (or caller) matches, e.g. GetParameter only with decryption.
   * Of the entries sharing an action, conditional ones are tried first (in table order), then the unconditional one;
   * an event no entry accepts falls through to the generic read rules.
   */
  when?: EntryCondition;
  category: ActionCategory;
  kind: ActionKind;
  /** MITRE ATT&CK technique ids, e.g. T1098.001. */
  techniques: string[];
  /** Plain words for explanations: "attached a managed policy to an IAM user". */
  summary: string;
  rollback?: RollbackTemplate;
  /** A privileged action that also shifts the authentication context: CreateAccessKey creates a long-term key. */
  shift?: AuthShiftKind;
}

/** Result of classifying one event against the catalog. */
export interface Classification {
  category: ActionCategory;
  kind: ActionKind;
  techniques: string[];
  summary: string;
  rollback?: RollbackTemplate;
  /** See CatalogEntry.shift. */
  shift?: AuthShiftKind;
  /** Matched from an explicit catalog entry (true) or a generic rule such as Describe-, List- or Get- reads (false). */
  explicit: boolean;
}

/** Interface the call was made through (DESIGN.md §3.1). */
export type InterfaceKind = 'console' | 'cloudshell' | 'cli' | 'sdk' | 'iac' | 'ci' | 'service' | 'unknown';

export interface InterfaceInfo {
  kind: InterfaceKind;
  /** Tool family, stable across versions: aws-cli, gcloud, azure-cli, boto3, aws-sdk-go, terraform, github-actions,
   * aws-console, stratus-red-team, ... Used as the "user agent family" in baselines. */
  tool: string;
  /** SDK language when known: python, go, java, javascript, dotnet, ruby, php, rust, cpp, powershell. */
  language?: string;
  /** Operating system named in the user agent: linux, macos, windows, amazon-linux, ... */
  os?: string;
  /** The client OS is a desktop OS (macOS, Windows, desktop Linux): the call came from a workstation. */
  workstation: boolean;
  /** A known attack-simulation or offensive tool (stratus-red-team, pacu, Kali, TruffleHog ...). */
  offensive?: boolean;
}
