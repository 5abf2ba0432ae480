/** Azure identities of the sample day and their habits. Weights are relative to the other Azure identities. */
import { ALWAYS_ON, CI_PIPELINES, CUSTOMER_TRAFFIC, type DailyProfile, workday } from '../../clock';
import type { AzureSubscription } from '../org';

/** An ARM operation name, or `signin:<app>` for a background token refresh of a Microsoft 365 app. */
export interface AzureHabit {
  op: string;
  weight: number;
  args?: Record<string, string>;
}

interface AzureIdentityBase {
  key: string;
  subscription: AzureSubscription['key'];
  weight: number;
  profile: DailyProfile;
  habits: AzureHabit[];
  /** RBAC role that grants its actions (evidence.role). */
  role: string;
}

/** A person in the Azure portal or with the Azure CLI; also signs in to Microsoft 365 apps all day. */
export interface AzureUserIdentity extends AzureIdentityBase {
  kind: 'azure-user';
  person: string;
  via: 'portal' | 'cli';
}

/** An app registration signing in with a federated credential from CI (Terraform). */
export interface AzureServicePrincipalIdentity extends AzureIdentityBase {
  kind: 'azure-sp';
  name: string;
  network: string;
}

/** A managed identity of an Azure resource. */
export interface AzureManagedIdentity extends AzureIdentityBase {
  kind: 'azure-mi';
  name: string;
  /** Resource id (relative to the subscription) of the resource that owns the identity. */
  resource: string;
  /** Host number of the resource's outbound address in azure-westeurope. */
  host: number;
}

/** A Microsoft first-party service acting in the subscription (no sign-in in the tenant's logs). */
export interface AzureFirstPartyIdentity extends AzureIdentityBase {
  kind: 'azure-first-party';
  appId: string;
  name: string;
  host: number;
}

export type AzureIdentity = AzureUserIdentity | AzureServicePrincipalIdentity | AzureManagedIdentity | AzureFirstPartyIdentity;

const h = (op: string, weight: number, args?: Record<string, string>): AzureHabit => ({ op, weight, args });

const M365 = [h('signin:teams', 10), h('signin:office', 6)];

const PORTAL: AzureHabit[] = [
  ...M365,
  h('MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION', 2),
  h('MICROSOFT.WEB/SITES/CONFIG/LIST/ACTION', 2),
  h('MICROSOFT.COMPUTE/VIRTUALMACHINES/START/ACTION', 1),
  h('MICROSOFT.COMPUTE/VIRTUALMACHINES/RESTART/ACTION', 1),
  h('MICROSOFT.RESOURCES/TAGS/WRITE', 2),
  h('MICROSOFT.INSIGHTS/METRICALERTS/WRITE', 1),
  h('MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE', 0.5),
  h('MICROSOFT.WEB/SITES/RESTART/ACTION', 0.5),
  h('MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE', 0.5),
];

const CLI: AzureHabit[] = [
  ...M365,
  h('MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/LISTCLUSTERUSERCREDENTIAL/ACTION', 3),
  h('MICROSOFT.COMPUTE/VIRTUALMACHINES/START/ACTION', 1),
  h('MICROSOFT.COMPUTE/VIRTUALMACHINES/DEALLOCATE/ACTION', 1),
  h('MICROSOFT.RESOURCES/TAGS/WRITE', 1),
  h('MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION', 1),
];

export const AZURE_IDENTITIES: readonly AzureIdentity[] = [
  // People.
  { kind: 'azure-user', key: 'azure:user:julia.schmidt', subscription: 'prod', person: 'julia.schmidt', via: 'portal', role: 'Owner', weight: 3, profile: workday(1), habits: PORTAL },
  { kind: 'azure-user', key: 'azure:user:karim.benali', subscription: 'prod', person: 'karim.benali', via: 'portal', role: 'Virtual Machine Contributor', weight: 2.5, profile: workday(1), habits: PORTAL },
  { kind: 'azure-user', key: 'azure:user:amelie.martin', subscription: 'prod', person: 'amelie.martin', via: 'portal', role: 'Contributor', weight: 2, profile: workday(1), habits: PORTAL },
  { kind: 'azure-user', key: 'azure:user:oliver.brown', subscription: 'shared', person: 'oliver.brown', via: 'portal', role: 'Contributor', weight: 2, profile: workday(0), habits: PORTAL },
  { kind: 'azure-user', key: 'azure:user:nina.patel', subscription: 'prod', person: 'nina.patel', via: 'portal', role: 'Contributor', weight: 2, profile: workday(-5), habits: PORTAL },
  { kind: 'azure-user', key: 'azure:user:ines.moreau', subscription: 'shared', person: 'ines.moreau', via: 'portal', role: 'Contributor', weight: 1.5, profile: workday(1), habits: PORTAL },
  { kind: 'azure-user', key: 'azure:user:tom.fischer', subscription: 'prod', person: 'tom.fischer', via: 'cli', role: 'Contributor', weight: 2, profile: workday(1), habits: CLI },
  { kind: 'azure-user', key: 'azure:user:lena.novak', subscription: 'shared', person: 'lena.novak', via: 'cli', role: 'Contributor', weight: 1.5, profile: workday(1), habits: CLI },
  { kind: 'azure-user', key: 'azure:user:david.kim', subscription: 'prod', person: 'david.kim', via: 'cli', role: 'Contributor', weight: 1.5, profile: workday(-8), habits: CLI },
  // Terraform from GitHub Actions.
  {
    kind: 'azure-sp', key: 'azure:sp:terraform-prod', subscription: 'prod', name: 'sp-terraform-github', network: 'ci-github-runners', role: 'Owner', weight: 8, profile: CI_PIPELINES,
    habits: [
      h('MICROSOFT.RESOURCES/TAGS/WRITE', 4), h('MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE', 2), h('MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WRITE', 2), h('MICROSOFT.STORAGE/STORAGEACCOUNTS/WRITE', 2),
      h('MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION', 3), h('MICROSOFT.WEB/SITES/WRITE', 2), h('MICROSOFT.KEYVAULT/VAULTS/WRITE', 1), h('MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/AGENTPOOLS/WRITE', 0.5),
      h('MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE', 0.3, { assigneeType: 'ServicePrincipal', roleDefinitionId: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1' }),
    ],
  },
  {
    kind: 'azure-sp', key: 'azure:sp:terraform-shared', subscription: 'shared', name: 'sp-terraform-github', network: 'ci-github-runners', role: 'Owner', weight: 3, profile: CI_PIPELINES,
    habits: [h('MICROSOFT.RESOURCES/TAGS/WRITE', 3), h('MICROSOFT.STORAGE/STORAGEACCOUNTS/WRITE', 1), h('MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION', 2), h('MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/WRITE', 1), h('MICROSOFT.KEYVAULT/VAULTS/WRITE', 1)],
  },
  // Managed identities.
  {
    kind: 'azure-mi', key: 'azure:mi:aks-nw-prod', subscription: 'prod', name: 'aks-nw-prod-agentpool', role: 'Contributor', weight: 8, profile: CUSTOMER_TRAFFIC, host: 11_201,
    resource: '/resourceGroups/rg-aks-prod/providers/Microsoft.ContainerService/managedClusters/aks-nw-prod',
    habits: [h('MICROSOFT.NETWORK/LOADBALANCERS/WRITE', 3), h('MICROSOFT.COMPUTE/VIRTUALMACHINESCALESETS/WRITE', 2), h('MICROSOFT.COMPUTE/DISKS/WRITE', 2), h('MICROSOFT.NETWORK/NETWORKINTERFACES/WRITE', 1)],
  },
  {
    kind: 'azure-mi', key: 'azure:mi:app-nw-portal-prod', subscription: 'prod', name: 'app-nw-portal-prod', role: 'Storage Account Contributor', weight: 5, profile: CUSTOMER_TRAFFIC, host: 20_405,
    resource: '/resourceGroups/rg-web-prod/providers/Microsoft.Web/sites/app-nw-portal-prod',
    habits: [h('MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION', 1, { storageAccount: 'stnwprodweb01' })],
  },
  {
    kind: 'azure-mi', key: 'azure:mi:vm-monitor-01', subscription: 'shared', name: 'vm-monitor-01', role: 'Log Analytics Contributor', weight: 4, profile: ALWAYS_ON, host: 30_777,
    resource: '/resourceGroups/rg-monitoring-shared/providers/Microsoft.Compute/virtualMachines/vm-monitor-01',
    habits: [h('MICROSOFT.OPERATIONALINSIGHTS/WORKSPACES/SHAREDKEYS/ACTION', 3), h('MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION', 1, { storageAccount: 'stnwsharedlogs01' })],
  },
  {
    kind: 'azure-mi', key: 'azure:mi:vm-web-01', subscription: 'prod', name: 'vm-web-01', role: 'Storage Account Contributor', weight: 3, profile: CUSTOMER_TRAFFIC, host: 20_411,
    resource: '/resourceGroups/rg-web-prod/providers/Microsoft.Compute/virtualMachines/vm-web-01',
    habits: [h('MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION', 1, { storageAccount: 'stnwprodweb01' })],
  },
  // Azure Backup taking and pruning VM snapshots.
  {
    kind: 'azure-first-party', key: 'azure:service:backup-prod', subscription: 'prod', appId: '262044b1-e2ce-469f-a196-69ab7ada62d3', name: 'Backup Management Service', role: 'Backup Contributor', weight: 4,
    profile: [1.6, 1.8, 1.8, 1.6, 1.2, 0.6, 0.4, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.4, 0.6, 1, 1.4], host: 40_990,
    habits: [h('MICROSOFT.COMPUTE/SNAPSHOTS/WRITE', 2, { resourceGroup: 'rg-data-prod' }), h('MICROSOFT.COMPUTE/SNAPSHOTS/DELETE', 1, { resourceGroup: 'rg-data-prod' })],
  },
];
