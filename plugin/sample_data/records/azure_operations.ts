/**
 * Azure Resource Manager operations the sample day performs, as data: the RBAC action, the target resource, and the
 * HTTP status the Activity log records on success. Keys are the operation names in upper case as the log writes them.
 */
import type { Rng } from '../random';
import type { AzureSubscription } from '../scenario/org';

export interface AzureOperationContext {
  rng: Rng;
  subscription: AzureSubscription;
  args: Readonly<Record<string, string | undefined>>;
}

export interface AzureOperation {
  /** Upper-case operationName, e.g. MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION. */
  name: string;
  /** RBAC action as the authorization block spells it. */
  action: string;
  /** Resource id in the case ARM uses (the log upper-cases it). */
  resourceId: (c: AzureOperationContext) => string;
  successStatus: 'OK' | 'Created' | 'Accepted' | 'NoContent';
  /** Request body the Start record carries, as a JSON string. */
  requestBody?: (c: AzureOperationContext) => string;
  /** Operations at subscription or tenant scope are logged with location `global`. */
  global?: boolean;
}

const OPS = new Map<string, AzureOperation>();

function def(op: AzureOperation): void {
  OPS.set(op.name, op);
}

export function azureOperation(name: string): AzureOperation {
  const op = OPS.get(name.toUpperCase());
  if (!op) throw new Error(`unknown Azure operation ${name}`);
  return op;
}

export function allAzureOperations(): AzureOperation[] {
  return [...OPS.values()];
}

const sub = (c: AzureOperationContext): string => `/subscriptions/${c.subscription.id}`;
function pickNamed<T extends { name: string; resourceGroup: string }>(c: AzureOperationContext, items: readonly T[], argName: string): T {
  const wanted = c.args[argName];
  const found = wanted ? items.find((i) => i.name === wanted) : undefined;
  if (found) return found;
  if (!items.length) throw new Error(`${c.subscription.name} has no resources for ${argName}`);
  return c.rng.pick(items);
}
const vm = (c: AzureOperationContext): string => {
  const v = pickNamed(c, c.subscription.vms, 'vm');
  return `${sub(c)}/resourceGroups/${v.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${v.name}`;
};
const storage = (c: AzureOperationContext): string => {
  const s = pickNamed(c, c.subscription.storageAccounts, 'storageAccount');
  return `${sub(c)}/resourceGroups/${s.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${s.name}`;
};
const vault = (c: AzureOperationContext): string => {
  const k = pickNamed(c, c.subscription.keyVaults, 'vault');
  return `${sub(c)}/resourceGroups/${k.resourceGroup}/providers/Microsoft.KeyVault/vaults/${k.name}`;
};
const webApp = (c: AzureOperationContext): string => {
  const w = c.subscription.webApps.length ? pickNamed(c, c.subscription.webApps, 'webApp') : { name: 'app-nw-status', resourceGroup: c.subscription.resourceGroups[0] };
  return `${sub(c)}/resourceGroups/${w.resourceGroup}/providers/Microsoft.Web/sites/${w.name}`;
};
const aks = (c: AzureOperationContext): string => {
  const a = c.subscription.aksClusters.length ? pickNamed(c, c.subscription.aksClusters, 'cluster') : { name: 'aks-nw-shared', resourceGroup: c.subscription.resourceGroups[0] };
  return `${sub(c)}/resourceGroups/${a.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${a.name}`;
};
const rg = (c: AzureOperationContext): string => `${sub(c)}/resourceGroups/${c.args.resourceGroup ?? c.rng.pick(c.subscription.resourceGroups)}`;

def({ name: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/START/ACTION', action: 'Microsoft.Compute/virtualMachines/start/action', resourceId: vm, successStatus: 'OK' });
def({ name: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RESTART/ACTION', action: 'Microsoft.Compute/virtualMachines/restart/action', resourceId: vm, successStatus: 'OK' });
def({ name: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/DEALLOCATE/ACTION', action: 'Microsoft.Compute/virtualMachines/deallocate/action', resourceId: vm, successStatus: 'OK' });
def({ name: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE', action: 'Microsoft.Compute/virtualMachines/write', resourceId: vm, successStatus: 'OK' });
def({
  name: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION',
  action: 'Microsoft.Compute/virtualMachines/runCommand/action',
  resourceId: vm,
  successStatus: 'OK',
  requestBody: (c) => JSON.stringify({ commandId: c.args.commandId ?? 'RunShellScript', script: [c.args.script ?? 'systemctl status nginx'] }),
});
def({ name: 'MICROSOFT.COMPUTE/VIRTUALMACHINESCALESETS/WRITE', action: 'Microsoft.Compute/virtualMachineScaleSets/write', resourceId: (c) => `${sub(c)}/resourceGroups/MC_rg-aks-prod_aks-nw-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-${c.rng.digits(8)}-vmss`, successStatus: 'OK' });
def({ name: 'MICROSOFT.COMPUTE/SNAPSHOTS/WRITE', action: 'Microsoft.Compute/snapshots/write', resourceId: (c) => `${rg(c)}/providers/Microsoft.Compute/snapshots/AzureBackup_${c.rng.hex(8)}`, successStatus: 'Accepted' });
def({ name: 'MICROSOFT.COMPUTE/SNAPSHOTS/DELETE', action: 'Microsoft.Compute/snapshots/delete', resourceId: (c) => `${rg(c)}/providers/Microsoft.Compute/snapshots/AzureBackup_${c.rng.hex(8)}`, successStatus: 'Accepted' });
def({ name: 'MICROSOFT.COMPUTE/DISKS/WRITE', action: 'Microsoft.Compute/disks/write', resourceId: (c) => `${rg(c)}/providers/Microsoft.Compute/disks/pvc-${c.rng.uuid()}`, successStatus: 'Accepted' });
def({ name: 'MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE', action: 'Microsoft.Network/networkSecurityGroups/securityRules/write', resourceId: (c) => `${rg(c)}/providers/Microsoft.Network/networkSecurityGroups/nsg-web/securityRules/allow-https-lb`, successStatus: 'Created', requestBody: () => JSON.stringify({ properties: { protocol: 'Tcp', sourceAddressPrefix: 'AzureLoadBalancer', destinationPortRange: '443', access: 'Allow', priority: 310, direction: 'Inbound' } }) });
def({ name: 'MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WRITE', action: 'Microsoft.Network/networkSecurityGroups/write', resourceId: (c) => `${rg(c)}/providers/Microsoft.Network/networkSecurityGroups/nsg-web`, successStatus: 'OK' });
def({ name: 'MICROSOFT.NETWORK/LOADBALANCERS/WRITE', action: 'Microsoft.Network/loadBalancers/write', resourceId: (c) => `${sub(c)}/resourceGroups/MC_rg-aks-prod_aks-nw-prod_westeurope/providers/Microsoft.Network/loadBalancers/kubernetes`, successStatus: 'OK' });
def({ name: 'MICROSOFT.NETWORK/NETWORKINTERFACES/WRITE', action: 'Microsoft.Network/networkInterfaces/write', resourceId: (c) => `${rg(c)}/providers/Microsoft.Network/networkInterfaces/nic-${c.rng.hex(4)}`, successStatus: 'OK' });
def({ name: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION', action: 'Microsoft.Storage/storageAccounts/listKeys/action', resourceId: storage, successStatus: 'OK' });
def({ name: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/WRITE', action: 'Microsoft.Storage/storageAccounts/write', resourceId: (c) => (c.args.newStorageAccount ? `${rg(c)}/providers/Microsoft.Storage/storageAccounts/${c.args.newStorageAccount}` : storage(c)), successStatus: 'OK' });
def({ name: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/BLOBSERVICES/CONTAINERS/WRITE', action: 'Microsoft.Storage/storageAccounts/blobServices/containers/write', resourceId: (c) => `${storage(c)}/blobServices/default/containers/backup-${c.rng.hex(3)}`, successStatus: 'OK' });
def({ name: 'MICROSOFT.KEYVAULT/VAULTS/WRITE', action: 'Microsoft.KeyVault/vaults/write', resourceId: vault, successStatus: 'OK' });
def({
  name: 'MICROSOFT.KEYVAULT/VAULTS/ACCESSPOLICIES/WRITE',
  action: 'Microsoft.KeyVault/vaults/accessPolicies/write',
  resourceId: (c) => `${vault(c)}/accessPolicies/add`,
  successStatus: 'OK',
  requestBody: (c) => JSON.stringify({ properties: { accessPolicies: [{ tenantId: c.args.tenantId ?? '', objectId: c.args.objectId ?? '', permissions: { secrets: ['get', 'list'], keys: [], certificates: [] } }] } }),
});
def({ name: 'MICROSOFT.WEB/SITES/WRITE', action: 'Microsoft.Web/sites/write', resourceId: webApp, successStatus: 'OK' });
def({ name: 'MICROSOFT.WEB/SITES/RESTART/ACTION', action: 'Microsoft.Web/sites/restart/action', resourceId: webApp, successStatus: 'OK' });
def({ name: 'MICROSOFT.WEB/SITES/CONFIG/LIST/ACTION', action: 'Microsoft.Web/sites/config/list/action', resourceId: (c) => `${webApp(c)}/config/appsettings`, successStatus: 'OK' });
def({ name: 'MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/LISTCLUSTERUSERCREDENTIAL/ACTION', action: 'Microsoft.ContainerService/managedClusters/listClusterUserCredential/action', resourceId: aks, successStatus: 'OK' });
def({ name: 'MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/AGENTPOOLS/WRITE', action: 'Microsoft.ContainerService/managedClusters/agentPools/write', resourceId: (c) => `${aks(c)}/agentPools/nodepool1`, successStatus: 'OK' });
def({ name: 'MICROSOFT.RESOURCES/TAGS/WRITE', action: 'Microsoft.Resources/tags/write', resourceId: (c) => `${rg(c)}/providers/Microsoft.Resources/tags/default`, successStatus: 'OK' });
def({ name: 'MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE', action: 'Microsoft.Resources/deployments/write', resourceId: (c) => `${rg(c)}/providers/Microsoft.Resources/deployments/deploy-${c.rng.hex(4)}`, successStatus: 'Created' });
def({ name: 'MICROSOFT.RESOURCES/SUBSCRIPTIONS/RESOURCEGROUPS/WRITE', action: 'Microsoft.Resources/subscriptions/resourceGroups/write', resourceId: rg, successStatus: 'Created' });
def({ name: 'MICROSOFT.INSIGHTS/METRICALERTS/WRITE', action: 'Microsoft.Insights/metricAlerts/write', resourceId: (c) => `${rg(c)}/providers/Microsoft.Insights/metricAlerts/cpu-high-${c.rng.hex(2)}`, successStatus: 'OK' });
def({ name: 'MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/WRITE', action: 'Microsoft.Insights/diagnosticSettings/write', resourceId: (c) => `${storage(c)}/providers/Microsoft.Insights/diagnosticSettings/to-law`, successStatus: 'OK' });
def({ name: 'MICROSOFT.OPERATIONALINSIGHTS/WORKSPACES/SHAREDKEYS/ACTION', action: 'Microsoft.OperationalInsights/workspaces/sharedKeys/action', resourceId: (c) => `${sub(c)}/resourceGroups/rg-monitoring-shared/providers/Microsoft.OperationalInsights/workspaces/law-nw-shared`, successStatus: 'OK' });
def({
  name: 'MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE',
  action: 'Microsoft.Authorization/roleAssignments/write',
  resourceId: (c) => `${c.args.scope ?? sub(c)}/providers/Microsoft.Authorization/roleAssignments/${c.args.assignmentId ?? c.rng.uuid()}`,
  successStatus: 'Created',
  global: true,
  requestBody: (c) =>
    JSON.stringify({
      Id: c.args.assignmentId ?? '',
      Properties: {
        PrincipalId: c.args.assigneeId ?? '',
        PrincipalType: c.args.assigneeType ?? 'ServicePrincipal',
        RoleDefinitionId: `/subscriptions/${c.subscription.id}/providers/Microsoft.Authorization/roleDefinitions/${c.args.roleDefinitionId ?? 'acdd72a7-3385-48ef-bd42-f606fba81ae7'}`,
        Scope: c.args.scope ?? `/subscriptions/${c.subscription.id}`,
      },
    }),
});
def({ name: 'MICROSOFT.PORTAL/CONSOLES/WRITE', action: 'Microsoft.Portal/consoles/write', resourceId: (c) => `${sub(c)}/providers/Microsoft.Portal/consoles/default`, successStatus: 'OK', global: true });
