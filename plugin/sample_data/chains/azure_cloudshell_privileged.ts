/**
 * julia.schmidt (Owner of the production subscription) uses the Azure portal from Berlin. At 15:09 she signs in to
 * the portal from Hanoi, opens Cloud Shell for the first time (its storage account is created), and from the shell's
 * az CLI makes an outside guest Owner of the subscription, grants herself Key Vault secret access and lists storage
 * account keys.
 */
import { entraTokenId } from '../ids';
import { type AzureCaller, userClaims } from '../records/azure_activity';
import { hostIp, network } from '../scenario/networks';
import { AZURE_MANAGEMENT_RESOURCE, AZURE_SUBSCRIPTIONS, AZURE_TENANT, MICROSOFT_APPS } from '../scenario/org';
import { personOf } from '../scenario/people';
import { BROWSER, BROWSER_DETAIL } from '../scenario/user_agents';
import type { ChainDefinition } from './chain';
import { AzureChain } from './chain_builder';

const subscription = AZURE_SUBSCRIPTIONS.prod;
const CLOUD_SHELL_UA = 'python/3.9.19 (Linux-5.15.164.1-microsoft-standard-x86_64-with-glibc2.35) AZURECLI/2.66.0 (DEB)';

export const azureCloudShellPrivileged: ChainDefinition = {
  id: 'azure-cloudshell-privileged',
  title: 'Azure portal sign-in from a new country, Cloud Shell, an outside Owner role assignment, Key Vault access and storage keys',
  provider: 'azure',
  techniques: ['T1078.004', 'T1059.009', 'T1098.003', 'T1555.006', 'T1552'],
  build(ctx) {
    const julia = personOf('julia.schmidt');
    const [givenName, surname] = julia.displayName.split(' ');
    const oid = ctx.dir.azureObjectId(julia.email);
    const attackerNet = network('attacker-vnpt-vn');
    const attackerIp = hostIp('attacker-vnpt-vn', 4410);
    const shellNet = network('azure-cloudshell-westeurope');
    const shellIp = hostIp('azure-cloudshell-westeurope', 8123);
    const sessionId = ctx.rng.uuid();
    const chain = new AzureChain(ctx, '15:09:12', subscription);
    const evidence = { principalId: oid, principalType: 'User' as const, role: 'Owner', roleAssignmentScope: `/subscriptions/${subscription.id}` };

    const portalUti = entraTokenId(ctx.rng);
    chain.userSignIn(0, {
      category: 'SignInLogs',
      upn: julia.email,
      userId: oid,
      displayName: julia.displayName,
      app: MICROSOFT_APPS.azurePortal,
      resource: AZURE_MANAGEMENT_RESOURCE,
      ip: attackerIp,
      network: attackerNet,
      userAgent: BROWSER.chromeWindows,
      clientAppUsed: 'Browser',
      device: BROWSER_DETAIL.chromeWindows,
      mfa: true,
      sessionId,
      uti: portalUti,
      correlationId: ctx.rng.uuid(),
      risk: 'medium',
    });
    const portal: AzureCaller = {
      ...evidence,
      callerIp: attackerIp,
      claims: userClaims({ upn: julia.email, objectId: oid, givenName, surname, displayName: julia.displayName, appId: MICROSOFT_APPS.azurePortal.id, ipAddress: attackerIp, uti: portalUti, issuedAt: chain.now, mfa: true }, ctx.rng),
    };
    chain.operation({ op: 'MICROSOFT.PORTAL/CONSOLES/WRITE', gap: [40, 90] }, portal);
    chain.operation({ op: 'MICROSOFT.RESOURCES/SUBSCRIPTIONS/RESOURCEGROUPS/WRITE', gap: [5, 15], args: { resourceGroup: 'cloud-shell-storage-westeurope' } }, portal);
    chain.operation(
      { op: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/WRITE', gap: [3, 10], args: { resourceGroup: 'cloud-shell-storage-westeurope', newStorageAccount: `cs21003${ctx.rng.hex(6)}` } },
      portal,
    );

    const shellUti = entraTokenId(ctx.rng);
    chain.userSignIn([60, 120], {
      category: 'NonInteractiveUserSignInLogs',
      upn: julia.email,
      userId: oid,
      displayName: julia.displayName,
      app: MICROSOFT_APPS.azureCli,
      resource: AZURE_MANAGEMENT_RESOURCE,
      ip: shellIp,
      network: shellNet,
      userAgent: CLOUD_SHELL_UA,
      clientAppUsed: 'Mobile Apps and Desktop clients',
      device: { operatingSystem: 'Linux', browser: '' },
      mfa: true,
      sessionId,
      uti: shellUti,
      correlationId: ctx.rng.uuid(),
    });
    const shell: AzureCaller = {
      ...evidence,
      callerIp: shellIp,
      claims: userClaims({ upn: julia.email, objectId: oid, givenName, surname, displayName: julia.displayName, appId: MICROSOFT_APPS.azureCli.id, ipAddress: shellIp, uti: shellUti, issuedAt: chain.now, mfa: true }, ctx.rng),
    };
    chain.operation(
      {
        op: 'MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE',
        gap: [60, 150],
        args: { assigneeId: ctx.dir.azureObjectId('guest:nw.helpdesk.contractor@outlook.com'), assigneeType: 'User', roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', assignmentId: ctx.rng.uuid() },
      },
      shell,
    );
    chain.operation({ op: 'MICROSOFT.KEYVAULT/VAULTS/ACCESSPOLICIES/WRITE', gap: [30, 90], args: { vault: 'kv-nw-prod-01', objectId: oid, tenantId: AZURE_TENANT.id } }, shell);
    chain.operation({ op: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION', gap: [30, 90], args: { storageAccount: 'stnwproddata01' } }, shell);
    chain.operation({ op: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION', gap: [10, 30], args: { storageAccount: 'stnwprodweb01' } }, shell);
    return { rootIdentity: julia.email.toLowerCase(), events: chain.events };
  },
};
