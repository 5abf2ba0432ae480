import { forService } from './table';
import type { CatalogEntry } from './types';

/**
 * Entra ID sign-in and audit log operations. The normalizer emits sign-ins as service MICROSOFT.AADIAM with action
 * SIGNIN / SERVICEPRINCIPALSIGNIN / MANAGEDIDENTITYSIGNIN, and audit records with their activity name upper-cased
 * ("ADD MEMBER TO ROLE"). Matched ignoring case and surrounding spaces (some activity names end with a space).
 */

const AADIAM = 'MICROSOFT.AADIAM';
const GRAPH_ROLE_MEMBERS = 'Remove-MgDirectoryRoleMemberByRef -DirectoryRoleId <roleId> -DirectoryObjectId <objectId>';

const signIns: CatalogEntry[] = forService('azure', AADIAM, [
  { action: 'SIGNIN', category: 'auth_shift', kind: 'sign_in', techniques: ['T1078.004'], summary: 'signed in to Entra ID' },
  { action: 'SERVICEPRINCIPALSIGNIN', category: 'auth_shift', kind: 'sign_in', techniques: ['T1078.004'],
    summary: 'a service principal signed in to Entra ID (app credential used)' },
  { action: 'MANAGEDIDENTITYSIGNIN', category: 'auth_shift', kind: 'sign_in', techniques: ['T1078.004'],
    summary: 'a managed identity obtained a token' },
]);

const directoryWrites: CatalogEntry[] = forService('azure', AADIAM, [
  { action: 'ADD MEMBER TO ROLE', category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
    summary: 'added a member to an Entra ID directory role', rollback: { text: 'Remove the member from the role.', command: GRAPH_ROLE_MEMBERS } },
  { action: 'ADD SCOPED MEMBER TO ROLE', category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
    summary: 'added a scoped member to an Entra ID directory role', rollback: { text: 'Remove the scoped role assignment.' } },
  { action: 'ADD MEMBER TO ROLE IN PIM COMPLETED (PERMANENT)', category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
    summary: 'permanently assigned an Entra ID role through PIM', rollback: { text: 'Remove the PIM role assignment.' } },
  { action: 'ADD MEMBER TO ROLE IN PIM COMPLETED (TIMEBOUND)', category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
    summary: 'assigned an Entra ID role for a limited time through PIM', rollback: { text: 'Remove the PIM role assignment.' } },
  { action: 'ADD ELIGIBLE MEMBER TO ROLE IN PIM COMPLETED (PERMANENT)', category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
    summary: 'made a user permanently eligible for an Entra ID role', rollback: { text: 'Remove the eligible assignment.' } },
  { action: 'ADD ELIGIBLE MEMBER TO ROLE IN PIM COMPLETED (TIMEBOUND)', category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
    summary: 'made a user eligible for an Entra ID role for a limited time', rollback: { text: 'Remove the eligible assignment.' } },
  { action: 'ADD MEMBER TO ROLE COMPLETED (PIM ACTIVATION)', category: 'privileged', kind: 'iam', techniques: ['T1548.005'],
    summary: 'activated an eligible Entra ID role (PIM)', rollback: { text: 'Deactivate the role assignment.' } },
  { action: 'USER HAS ELEVATED THEIR ACCESS TO USER ACCESS ADMINISTRATOR FOR THEIR AZURE RESOURCES', category: 'privileged', kind: 'iam',
    techniques: ['T1548.005', 'T1098.003'], summary: 'a Global Administrator took control of every Azure subscription (elevate access)',
    rollback: { text: 'Remove the User Access Administrator assignment at root scope (/).',
      command: 'az role assignment delete --role "User Access Administrator" --scope "/" --assignee <objectId>' } },
  { action: 'ADD SERVICE PRINCIPAL CREDENTIALS', category: 'privileged', kind: 'iam', shift: 'key_created', techniques: ['T1098.001'],
    summary: 'added a secret or certificate to a service principal',
    rollback: { text: 'Delete the added credential.', command: 'az ad sp credential list --id <appId>' } },
  { action: 'UPDATE APPLICATION – CERTIFICATES AND SECRETS MANAGEMENT', category: 'privileged', kind: 'iam', shift: 'key_created',
    techniques: ['T1098.001'], summary: 'added or changed a secret or certificate of an application',
    rollback: { text: 'Delete the added credential.', command: 'az ad app credential list --id <appId>' } },
  { action: 'ADD OWNER TO APPLICATION', category: 'privileged', kind: 'iam', techniques: ['T1098'],
    summary: 'made someone an owner of an application (owners can add credentials)', rollback: { text: 'Remove the added owner.' } },
  { action: 'ADD OWNER TO SERVICE PRINCIPAL', category: 'privileged', kind: 'iam', techniques: ['T1098'],
    summary: 'made someone an owner of a service principal', rollback: { text: 'Remove the added owner.' } },
  { action: 'ADD APP ROLE ASSIGNMENT TO SERVICE PRINCIPAL', category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
    summary: 'granted an application permission (app role) to a service principal', rollback: { text: 'Remove the app role assignment.' } },
  { action: 'ADD DELEGATED PERMISSION GRANT', category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
    summary: 'granted delegated permissions to an application', rollback: { text: 'Delete the permission grant.' } },
  { action: 'CONSENT TO APPLICATION', category: 'privileged', kind: 'iam', techniques: ['T1528', 'T1098.003'],
    summary: 'consented to an application (it may act with the granted permissions)', rollback: { text: 'Revoke the consent and the permission grants of the application.' } },
  { action: 'ADD USER', category: 'privileged', kind: 'iam', techniques: ['T1136.003'],
    summary: 'created an Entra ID user', rollback: { text: 'Delete or disable the user if unexpected.' } },
  { action: 'INVITE EXTERNAL USER', category: 'privileged', kind: 'iam', techniques: ['T1136.003'],
    summary: 'invited a guest user', rollback: { text: 'Delete the guest user if unexpected.' } },
  { action: 'ADD SERVICE PRINCIPAL', category: 'privileged', kind: 'iam', techniques: ['T1136.003'],
    summary: 'created a service principal', rollback: { text: 'Delete the service principal if unexpected.' } },
  { action: 'ADD APPLICATION', category: 'privileged', kind: 'iam', techniques: ['T1136.003'],
    summary: 'registered an application', rollback: { text: 'Delete the application if unexpected.' } },
  { action: 'RESET PASSWORD (BY ADMIN)', category: 'privileged', kind: 'iam', techniques: ['T1098'],
    summary: "reset a user's password", rollback: { text: 'Reset the password again with the user and revoke their sessions.' } },
  { action: 'RESET USER PASSWORD', category: 'privileged', kind: 'iam', techniques: ['T1098'],
    summary: "reset a user's password", rollback: { text: 'Reset the password again with the user and revoke their sessions.' } },
  { action: 'ADMIN REGISTERED SECURITY INFO', category: 'privileged', kind: 'iam', techniques: ['T1556.006'],
    summary: 'registered an authentication method for another user', rollback: { text: 'Remove the registered method and check the user sign-ins.' } },
  { action: 'DISABLE STRONG AUTHENTICATION', category: 'privileged', kind: 'iam', techniques: ['T1556.006'],
    summary: 'turned off per-user MFA for a user', rollback: { text: 'Require MFA for the user again.' } },
  { action: 'DELETE USER', category: 'privileged', kind: 'destruction', techniques: ['T1531'],
    summary: 'deleted an Entra ID user', rollback: { text: 'Restore the user from deleted items within 30 days.' } },
]);

const tenantWrites: CatalogEntry[] = forService('azure', AADIAM, [
  { action: 'SET FEDERATION SETTINGS ON DOMAIN', category: 'privileged', kind: 'org_account', techniques: ['T1484.002'],
    summary: 'changed the federation (trusted sign-in provider) of a domain', rollback: { text: 'Restore the previous federation settings of the domain.' } },
  { action: 'SET DOMAIN AUTHENTICATION', category: 'privileged', kind: 'org_account', techniques: ['T1484.002'],
    summary: 'switched a domain between managed and federated sign-in', rollback: { text: 'Restore the previous authentication type of the domain.' } },
  { action: 'UPDATE CONDITIONAL ACCESS POLICY', category: 'privileged', kind: 'org_account', techniques: ['T1556.009'],
    summary: 'changed a Conditional Access policy', rollback: { text: 'Restore the previous policy (the old value is in the audit record).' } },
  { action: 'DELETE CONDITIONAL ACCESS POLICY', category: 'privileged', kind: 'org_account', techniques: ['T1556.009'],
    summary: 'deleted a Conditional Access policy', rollback: { text: 'Recreate the policy (the old value is in the audit record).' } },
  { action: 'ADD NAMED LOCATION', category: 'privileged', kind: 'org_account', techniques: ['T1556.009'],
    summary: 'added a Conditional Access named location (possibly trusted)', rollback: { text: 'Delete the named location if unexpected.' } },
  { action: 'UPDATE NAMED LOCATION', category: 'privileged', kind: 'org_account', techniques: ['T1556.009'],
    summary: 'changed a Conditional Access named location', rollback: { text: 'Restore the previous ranges of the named location.' } },
  { action: 'UPDATE POLICY', category: 'privileged', kind: 'org_account', techniques: ['T1484'],
    summary: 'changed a directory policy (Conditional Access, token lifetime, authorization)', rollback: { text: 'Restore the previous policy (the old value is in the audit record).' } },
  { action: 'DELETE POLICY', category: 'privileged', kind: 'org_account', techniques: ['T1484'],
    summary: 'deleted a directory policy', rollback: { text: 'Recreate the policy (the old value is in the audit record).' } },
  { action: 'AUTHENTICATION METHODS POLICY UPDATE', category: 'privileged', kind: 'org_account', techniques: ['T1556'],
    summary: 'changed the tenant authentication methods policy', rollback: { text: 'Restore the previous authentication methods policy.' } },
]);

export const entraActions: CatalogEntry[] = [...signIns, ...directoryWrites, ...tenantWrites];
