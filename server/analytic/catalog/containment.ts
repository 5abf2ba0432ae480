import type { ActorType, AuditEvent, CloudProvider, CredentialKind } from '../../../common/audit_event';
import type { ContainmentStep, RootIdentity } from '../../../common/finding';
import { fillTemplate } from './rollback';

export type { ContainmentStep };

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

/** `title`: what to do (may hold `{field}` placeholders); `detail`: why, and what it does not cover. */
interface StepTemplate {
  title: string;
  detail: string;
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
    { title: 'Deactivate the access key {credentialId} of {principalName}.',
      detail: 'Stops every new call signed with the stolen key; reversible if the owner still needs it.',
      command: 'aws iam update-access-key --user-name {principalName} --access-key-id {credentialId} --status Inactive' },
    { title: 'Delete the access key {credentialId} once the investigation no longer needs it.',
      detail: 'A deactivated key can be re-activated by anyone allowed to (UpdateAccessKey).',
      command: 'aws iam delete-access-key --user-name {principalName} --access-key-id {credentialId}' },
    { title: 'Review the other keys, console password, SSH keys and MFA devices of {principalName}.',
      detail: 'An intruder with IAM rights often adds a second credential (CreateAccessKey, CreateLoginProfile).',
      command: 'aws iam list-access-keys --user-name {principalName}' },
  ] },
  { provider: 'aws', actorTypes: ['user'], steps: [
    { title: 'Deny every session of {principalName} issued before {revokeBefore}.',
      detail: 'Session credentials minted from the key (GetSessionToken, console) stay valid after the key is deactivated, up to 36 hours.',
      command: `aws iam put-user-policy --user-name {principalName} --policy-name cloud-api-abuse-revoke-older-sessions --policy-document ${REVOKE_OLDER_SESSIONS}` },
  ] },
  { provider: 'aws', actorTypes: ['user'], credentialKinds: ['console'], steps: [
    { title: 'Remove the console password of {principalName}, then set a new one with the owner.',
      detail: 'A console session was used; the password (or a phished session) is compromised.',
      command: 'aws iam delete-login-profile --user-name {principalName}' },
    { title: 'Check the MFA devices of {principalName} and re-register them with the owner.',
      detail: 'Intruders register their own MFA device to keep console access.',
      command: 'aws iam list-mfa-devices --user-name {principalName}' },
  ] },
  { provider: 'aws', actorTypes: ['role', 'federated'], steps: [
    { title: 'Revoke the active sessions of the role {roleName} (deny tokens issued before {revokeBefore}).',
      detail: 'Role credentials cannot be revoked one by one; this is what the console "Revoke active sessions" does. Legitimate users re-assume the role.',
      command: `aws iam put-role-policy --role-name {roleName} --policy-name AWSRevokeOlderSessions --policy-document ${REVOKE_OLDER_SESSIONS}` },
    { title: 'Find the credential that assumed {roleName} (the chain root) and contain it too.',
      detail: 'Revoking the session does not stop whoever can assume the role again.' },
  ] },
  { provider: 'aws', credentialKinds: ['instance'], steps: [
    { title: 'Detach the instance profile from {instanceId} (list the association first).',
      detail: 'The instance keeps receiving fresh role credentials from its metadata service until the profile is removed.',
      command: 'aws ec2 describe-iam-instance-profile-associations --filters Name=instance-id,Values={instanceId} --region {region}' },
    { title: 'Isolate {instanceId} (security group without rules) and snapshot its volumes for forensics.',
      detail: 'Instance credentials used elsewhere mean the instance, or its metadata service, is compromised.' },
    { title: 'Restrict the role to its network with the aws:ec2InstanceSourceVPC / aws:EC2InstanceSourcePrivateIPv4 conditions.',
      detail: 'Stolen instance credentials then stop working outside the instance.' },
  ] },
  { provider: 'aws', actorTypes: ['federated'], steps: [
    { title: 'Disable {human} in the identity provider (SAML, OIDC or IAM Identity Center) and end their IdP sessions.',
      detail: 'Federated users come back through the IdP as long as it lets them.' },
  ] },
  { provider: 'aws', actorTypes: ['root'], steps: [
    { title: 'Secure the root user of account {account}: change its password, delete its access keys, re-register MFA.',
      detail: 'Root credentials bypass IAM policies; with centralized root access, remove them altogether (AssumeRoot).' },
  ] },
  // GCP
  { provider: 'gcp', actorTypes: ['service_account'], credentialKinds: ['long_term'], steps: [
    { title: 'Disable the key {keyId} of {principalName}.',
      detail: 'Stops new tokens from the stolen key file; reversible.',
      command: 'gcloud iam service-accounts keys disable {keyId} --iam-account {principalName}' },
    { title: 'Delete the key {keyId} once the investigation no longer needs it.',
      detail: 'A disabled key can be enabled again.',
      command: 'gcloud iam service-accounts keys delete {keyId} --iam-account {principalName}' },
  ] },
  { provider: 'gcp', actorTypes: ['service_account'], steps: [
    { title: 'Disable the service account {principalName}.',
      detail: 'Its access tokens stop working, including tokens minted by impersonation (GenerateAccessToken).',
      command: 'gcloud iam service-accounts disable {principalName}' },
    { title: 'Review who may impersonate or create keys for {principalName} (token creator, key admin roles).',
      detail: 'Impersonation rights let the intruder mint new tokens.',
      command: 'gcloud iam service-accounts get-iam-policy {principalName}' },
  ] },
  { provider: 'gcp', credentialKinds: ['instance'], steps: [
    { title: 'Stop the VM whose service-account token was used, or remove its service account.',
      detail: 'VM tokens are re-issued by the metadata server until the VM loses its service account.' },
  ] },
  { provider: 'gcp', actorTypes: ['user'], steps: [
    { title: 'Sign {principalName} out of every Google session and reset their password.',
      detail: 'Ends browser and gcloud sessions (Directory API users.signOut); tokens already issued expire within an hour.',
      command: 'curl -X POST -H "Authorization: Bearer $(gcloud auth print-access-token)" https://admin.googleapis.com/admin/directory/v1/users/{principalName}/signOut' },
    { title: 'Revoke the OAuth grants of {principalName} (gcloud, third-party applications).',
      detail: 'Refresh tokens held by tools survive a password reset.' },
  ] },
  // Azure / Entra ID
  { provider: 'azure', actorTypes: ['user'], steps: [
    { title: 'Revoke the sign-in sessions of {principalName} (Revoke-MgUserSignInSession -UserId {principalId}).',
      detail: 'Invalidates refresh tokens and session cookies; access tokens already issued last until they expire (about an hour) unless Continuous Access Evaluation applies.',
      command: 'az rest --method POST --url https://graph.microsoft.com/v1.0/users/{principalId}/revokeSignInSessions' },
    { title: 'Block sign-in for {principalName}, then reset the password and re-register MFA with the owner.',
      detail: 'Stops new sign-ins while the account is investigated.',
      command: 'az ad user update --id {principalId} --account-enabled false' },
  ] },
  { provider: 'azure', actorTypes: ['service_account'], steps: [
    { title: 'Disable the service principal of application {appId}.',
      detail: 'Stops new tokens for the application, whichever credential the intruder holds.',
      command: 'az ad sp update --id {appId} --set accountEnabled=false' },
    { title: 'Remove the secrets and certificates of application {appId} that its owners did not add.',
      detail: 'Added credentials are the usual persistence on applications.',
      command: 'az ad app credential list --id {appId}' },
    { title: 'Review the role assignments of the service principal.',
      detail: 'Shows what the stolen identity could reach.',
      command: 'az role assignment list --assignee {appId} --all' },
  ] },
  { provider: 'azure', actorTypes: ['managed_identity'], steps: [
    { title: 'Remove the role assignments of the managed identity {principalId}.',
      detail: 'Managed-identity tokens cannot be revoked and are cached up to 24 hours; removing its roles is what stops them.',
      command: 'az role assignment list --assignee {principalId} --all' },
    { title: 'Isolate the resource the identity is attached to.',
      detail: 'Whoever controls that resource can request new tokens.' },
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
      const step: ContainmentStep = { title: fillTemplate(template.title, resolve, 'text'), detail: template.detail };
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

/** A chain's root identity and the credentials it acted through (what the analytic knows after lineage). */
export interface ChainSubject {
  root: RootIdentity;
  credentials: { id: string; kind: CredentialKind; principal: string }[];
}

/**
 * Containment for a whole chain: the root identity, then every credential of the chain, steps de-duplicated.
 * `revokeBefore` (ISO time, usually the finding's detection time) fills the session-revocation policies.
 */
export function containmentForChain(subject: ChainSubject, revokeBefore?: string): ContainmentStep[] {
  const { root } = subject;
  const base: ContainmentInput = { provider: root.provider, actorType: root.type === 'instance' ? 'role' : root.type };
  assign(base, 'principalName', root.name);
  assign(base, 'principalId', root.id);
  assign(base, 'account', root.account);
  assign(base, 'human', root.human);
  assign(base, 'revokeBefore', revokeBefore);
  if (root.type === 'instance') {
    base.credentialKind = 'instance';
    assign(base, 'instanceId', root.id.slice(root.id.lastIndexOf('/') + 1));
    // arn:aws:ec2:<region>:<account>:instance/<id>
    const region = root.id.split(':')[3];
    if (region && region !== 'unknown') assign(base, 'region', region);
  }
  const perCredential = subject.credentials.map((credential) => credentialInput(base, credential));
  // An instance root acts through its role: name the role in the root's own steps too.
  const roleName = perCredential.find((input) => input.roleName)?.roleName;
  if (base.actorType === 'role' && roleName) base.roleName = roleName;
  const inputs = [base, ...perCredential];
  const seen = new Set<string>();
  const steps: ContainmentStep[] = [];
  for (const input of inputs) {
    for (const step of containmentSteps(input)) {
      const key = `${step.title}\n${step.command ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      steps.push(step);
    }
  }
  return steps;
}

function credentialInput(base: ContainmentInput, credential: ChainSubject['credentials'][number]): ContainmentInput {
  const input: ContainmentInput = { ...base, credentialKind: credential.kind };
  assign(input, 'credentialId', credential.id);
  if (base.provider !== 'aws') return input;
  const roleName = roleNameOf(credential.principal);
  // A temporary credential of a role session; a user's own keys, console and GetSessionToken sessions stay the user's.
  if (roleName && credential.kind !== 'long_term' && credential.kind !== 'console') {
    input.actorType = 'role';
    input.roleName = roleName;
  }
  return input;
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
