import type { ActorType, AuditEvent, CloudProvider, CredentialKind } from '../../../common/audit_event';
import { fillTemplate } from './rollback';

/** Who and what to contain, taken from the event that used the credential (or filled in by the caller). */
export interface ContainmentInput {
  provider: CloudProvider;
  actorType: ActorType;
  credentialKind?: CredentialKind;
  /** AWS access key id, GCP service-account key name, Entra token id. */
  credentialId?: string;
  /** IAM user name, Google email, Entra UPN or application name. */
  principalName?: string;
  /** AWS principal id, GCP principal subject, Entra object id. */
  principalId?: string;
  /** AWS: the role behind an assumed-role session. */
  roleName?: string;
  /** AWS: the EC2 instance whose role credentials were used (session name i-...). */
  instanceId?: string;
  /** Entra application (client) id of a service principal. */
  appId?: string;
  /** The human behind the session (source identity, SSO subject, GCP impersonator). */
  human?: string;
  account?: string;
  region?: string;
  /** ISO 8601 time: sessions issued before it are revoked. The analytic has no clock: the caller sets it. */
  revokeBefore?: string;
}

export interface ContainmentStep {
  /** What to do, with the identifiers filled in. */
  action: string;
  /** Why this step, and what it does not cover. */
  why: string;
  command?: string;
}

interface StepTemplate {
  action: string;
  why: string;
  command?: string;
}

/** Steps for a provider and kind of actor or credential; every matching playbook contributes, in table order. */
interface Playbook {
  provider: CloudProvider;
  actorTypes?: ActorType[];
  credentialKinds?: CredentialKind[];
  steps: StepTemplate[];
}

const REVOKE_OLDER_SESSIONS = `'{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["*"],"Resource":["*"],"Condition":{"DateLessThan":{"aws:TokenIssueTime":"{revokeBefore}"}}}]}'`;

export const PLAYBOOKS: Playbook[] = [
  // AWS
  { provider: 'aws', actorTypes: ['user'], credentialKinds: ['long_term'], steps: [
    { action: 'Deactivate the access key {credentialId} of {principalName}.',
      why: 'Stops every new call signed with the stolen key; reversible if the owner still needs it.',
      command: 'aws iam update-access-key --user-name {principalName} --access-key-id {credentialId} --status Inactive' },
    { action: 'Delete the access key {credentialId} once the investigation no longer needs it.',
      why: 'A deactivated key can be re-activated by anyone allowed to (UpdateAccessKey).',
      command: 'aws iam delete-access-key --user-name {principalName} --access-key-id {credentialId}' },
    { action: 'Review the other keys, console password, SSH keys and MFA devices of {principalName}.',
      why: 'An intruder with IAM rights often adds a second credential (CreateAccessKey, CreateLoginProfile).',
      command: 'aws iam list-access-keys --user-name {principalName}' },
  ] },
  { provider: 'aws', actorTypes: ['user'], steps: [
    { action: 'Deny every session of {principalName} issued before {revokeBefore}.',
      why: 'Session credentials minted from the key (GetSessionToken, console) stay valid after the key is deactivated, up to 36 hours.',
      command: `aws iam put-user-policy --user-name {principalName} --policy-name cloud-api-abuse-revoke-older-sessions --policy-document ${REVOKE_OLDER_SESSIONS}` },
  ] },
  { provider: 'aws', actorTypes: ['user'], credentialKinds: ['console'], steps: [
    { action: 'Remove the console password of {principalName}, then set a new one with the owner.',
      why: 'A console session was used; the password (or a phished session) is compromised.',
      command: 'aws iam delete-login-profile --user-name {principalName}' },
    { action: 'Check the MFA devices of {principalName} and re-register them with the owner.',
      why: 'Intruders register their own MFA device to keep console access.',
      command: 'aws iam list-mfa-devices --user-name {principalName}' },
  ] },
  { provider: 'aws', actorTypes: ['role', 'federated'], steps: [
    { action: 'Revoke the active sessions of the role {roleName} (deny tokens issued before {revokeBefore}).',
      why: 'Role credentials cannot be revoked one by one; this is what the console "Revoke active sessions" does. Legitimate users re-assume the role.',
      command: `aws iam put-role-policy --role-name {roleName} --policy-name AWSRevokeOlderSessions --policy-document ${REVOKE_OLDER_SESSIONS}` },
    { action: 'Find the credential that assumed {roleName} (the chain root) and contain it too.',
      why: 'Revoking the session does not stop whoever can assume the role again.' },
  ] },
  { provider: 'aws', credentialKinds: ['instance'], steps: [
    { action: 'Detach the instance profile from {instanceId} (list the association first).',
      why: 'The instance keeps receiving fresh role credentials from its metadata service until the profile is removed.',
      command: 'aws ec2 describe-iam-instance-profile-associations --filters Name=instance-id,Values={instanceId} --region {region}' },
    { action: 'Isolate {instanceId} (security group without rules) and snapshot its volumes for forensics.',
      why: 'Instance credentials used elsewhere mean the instance, or its metadata service, is compromised.' },
    { action: 'Restrict the role to its network with the aws:ec2InstanceSourceVPC / aws:EC2InstanceSourcePrivateIPv4 conditions.',
      why: 'Stolen instance credentials then stop working outside the instance.' },
  ] },
  { provider: 'aws', actorTypes: ['federated'], steps: [
    { action: 'Disable {human} in the identity provider (SAML, OIDC or IAM Identity Center) and end their IdP sessions.',
      why: 'Federated users come back through the IdP as long as it lets them.' },
  ] },
  { provider: 'aws', actorTypes: ['root'], steps: [
    { action: 'Secure the root user of account {account}: change its password, delete its access keys, re-register MFA.',
      why: 'Root credentials bypass IAM policies; with centralized root access, remove them altogether (AssumeRoot).' },
  ] },
  // GCP
  { provider: 'gcp', actorTypes: ['service_account'], credentialKinds: ['long_term'], steps: [
    { action: 'Disable the key {keyId} of {principalName}.',
      why: 'Stops new tokens from the stolen key file; reversible.',
      command: 'gcloud iam service-accounts keys disable {keyId} --iam-account {principalName}' },
    { action: 'Delete the key {keyId} once the investigation no longer needs it.',
      why: 'A disabled key can be enabled again.',
      command: 'gcloud iam service-accounts keys delete {keyId} --iam-account {principalName}' },
  ] },
  { provider: 'gcp', actorTypes: ['service_account'], steps: [
    { action: 'Disable the service account {principalName}.',
      why: 'Its access tokens stop working, including tokens minted by impersonation (GenerateAccessToken).',
      command: 'gcloud iam service-accounts disable {principalName}' },
    { action: 'Review who may impersonate or create keys for {principalName} (token creator, key admin roles).',
      why: 'Impersonation rights let the intruder mint new tokens.',
      command: 'gcloud iam service-accounts get-iam-policy {principalName}' },
  ] },
  { provider: 'gcp', credentialKinds: ['instance'], steps: [
    { action: 'Stop the VM whose service-account token was used, or remove its service account.',
      why: 'VM tokens are re-issued by the metadata server until the VM loses its service account.' },
  ] },
  { provider: 'gcp', actorTypes: ['user'], steps: [
    { action: 'Sign {principalName} out of every Google session and reset their password.',
      why: 'Ends browser and gcloud sessions (Directory API users.signOut); tokens already issued expire within an hour.',
      command: 'curl -X POST -H "Authorization: Bearer $(gcloud auth print-access-token)" https://admin.googleapis.com/admin/directory/v1/users/{principalName}/signOut' },
    { action: 'Revoke the OAuth grants of {principalName} (gcloud, third-party applications).',
      why: 'Refresh tokens held by tools survive a password reset.' },
  ] },
  // Azure / Entra ID
  { provider: 'azure', actorTypes: ['user'], steps: [
    { action: 'Revoke the sign-in sessions of {principalName} (Revoke-MgUserSignInSession -UserId {principalId}).',
      why: 'Invalidates refresh tokens and session cookies; access tokens already issued last until they expire (about an hour) unless Continuous Access Evaluation applies.',
      command: 'az rest --method POST --url https://graph.microsoft.com/v1.0/users/{principalId}/revokeSignInSessions' },
    { action: 'Block sign-in for {principalName}, then reset the password and re-register MFA with the owner.',
      why: 'Stops new sign-ins while the account is investigated.',
      command: 'az ad user update --id {principalId} --account-enabled false' },
  ] },
  { provider: 'azure', actorTypes: ['service_account'], steps: [
    { action: 'Disable the service principal of application {appId}.',
      why: 'Stops new tokens for the application, whichever credential the intruder holds.',
      command: 'az ad sp update --id {appId} --set accountEnabled=false' },
    { action: 'Remove the secrets and certificates of application {appId} that its owners did not add.',
      why: 'Added credentials are the usual persistence on applications.',
      command: 'az ad app credential list --id {appId}' },
    { action: 'Review the role assignments of the service principal.',
      why: 'Shows what the stolen identity could reach.',
      command: 'az role assignment list --assignee {appId} --all' },
  ] },
  { provider: 'azure', actorTypes: ['managed_identity'], steps: [
    { action: 'Remove the role assignments of the managed identity {principalId}.',
      why: 'Managed-identity tokens cannot be revoked and are cached up to 24 hours; removing its roles is what stops them.',
      command: 'az role assignment list --assignee {principalId} --all' },
    { action: 'Isolate the resource the identity is attached to.',
      why: 'Whoever controls that resource can request new tokens.' },
  ] },
];

/** The containment steps for one actor and credential, identifiers filled in (missing ones shown as `<name>`). */
export function containmentSteps(input: ContainmentInput): ContainmentStep[] {
  const fields: Record<string, string | undefined> = { ...input, keyId: keyIdOf(input) };
  const resolve = (name: string): string[] => {
    const value = fields[name];
    return value ? [value] : [];
  };
  const steps: ContainmentStep[] = [];
  for (const playbook of PLAYBOOKS) {
    if (!applies(playbook, input)) continue;
    for (const template of playbook.steps) {
      const step: ContainmentStep = { action: fillTemplate(template.action, resolve, 'text'), why: template.why };
      if (template.command) step.command = fillTemplate(template.command, resolve, 'command');
      steps.push(step);
    }
  }
  return steps;
}

function applies(playbook: Playbook, input: ContainmentInput): boolean {
  if (playbook.provider !== input.provider) return false;
  if (playbook.actorTypes && !playbook.actorTypes.includes(input.actorType)) return false;
  if (playbook.credentialKinds && !(input.credentialKind && playbook.credentialKinds.includes(input.credentialKind))) return false;
  return true;
}

const INSTANCE_SESSION = /^i-[0-9a-f]{8,17}$/;

/** Builds the containment input from an event made with the credential to contain. */
export function containmentInputFromEvent(event: AuditEvent): ContainmentInput {
  const { actor, credential } = event;
  const input: ContainmentInput = { provider: event.provider, actorType: actor.type };
  const instanceId = actor.sessionName && INSTANCE_SESSION.test(actor.sessionName) ? actor.sessionName : undefined;
  const credentialKind = instanceId && credential?.kind !== 'long_term' ? 'instance' : credential?.kind;
  assign(input, 'credentialKind', credentialKind);
  assign(input, 'credentialId', credential?.id);
  assign(input, 'principalName', actor.name);
  assign(input, 'principalId', actor.id);
  assign(input, 'roleName', event.provider === 'aws' ? roleNameOf(actor.issuer ?? actor.arn) : undefined);
  assign(input, 'instanceId', instanceId);
  assign(input, 'appId', actor.appId);
  assign(input, 'human', actor.human);
  assign(input, 'account', actor.account ?? event.account);
  assign(input, 'region', event.region);
  return input;
}

/** GCP key names end with the key id: //iam.googleapis.com/projects/p/serviceAccounts/sa/keys/<id>. */
function keyIdOf(input: ContainmentInput): string | undefined {
  if (input.provider !== 'gcp' || !input.credentialId) return undefined;
  return input.credentialId.slice(input.credentialId.lastIndexOf('/') + 1);
}

function assign<K extends keyof ContainmentInput>(input: ContainmentInput, key: K, value: ContainmentInput[K] | undefined): void {
  if (value !== undefined && value !== '') input[key] = value;
}

/** arn:aws:iam::1:role/path/Name -> Name; arn:aws:sts::1:assumed-role/Name/session -> Name. */
function roleNameOf(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  const resource = arn.split(':').slice(5).join(':');
  if (resource.startsWith('role/')) return resource.slice(resource.lastIndexOf('/') + 1);
  if (resource.startsWith('assumed-role/')) return resource.split('/')[1];
  return undefined;
}
