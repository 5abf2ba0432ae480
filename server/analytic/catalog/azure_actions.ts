import { forService } from './table';
import type { CatalogEntry } from './types';

/**
 * Azure Activity log operations: service = resource provider, action = operationName, both upper-cased and matched
 * ignoring case. The operation name carries its provider namespace, so the index keys Azure entries on the action
 * alone; an operation nested under another resource (`.../PROVIDERS/MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/WRITE`)
 * matches by its last provider segment. Entra ID entries are in entra_actions.ts.
 */

const authShift: CatalogEntry[] = [
  ...forService('azure', 'MICROSOFT.PORTAL', [
    { action: 'MICROSOFT.PORTAL/CONSOLES/WRITE', category: 'auth_shift', kind: 'cloudshell', techniques: ['T1059.009'],
      summary: 'started an Azure Cloud Shell console' },
  ]),
];

const iamWrites: CatalogEntry[] = [
  ...forService('azure', 'MICROSOFT.AUTHORIZATION', [
    { action: 'MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE', category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
      summary: 'assigned an Azure RBAC role',
      rollback: { text: 'Delete the role assignment {resource} if unexpected.', command: 'az role assignment delete --ids {resource}' } },
    { action: 'MICROSOFT.AUTHORIZATION/ROLEDEFINITIONS/WRITE', category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
      summary: 'created or changed a custom Azure role',
      rollback: { text: 'Restore the previous permissions of the role {resource}, or delete it if new.' } },
    { action: 'MICROSOFT.AUTHORIZATION/ELEVATEACCESS/ACTION', category: 'privileged', kind: 'iam', techniques: ['T1548.005', 'T1098.003'],
      summary: 'elevated a Global Administrator to User Access Administrator over every subscription',
      rollback: { text: 'Remove the User Access Administrator assignment at root scope (/).',
        command: 'az role assignment delete --role "User Access Administrator" --scope "/" --assignee <objectId>' } },
    { action: 'MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTSCHEDULEREQUESTS/WRITE', category: 'privileged', kind: 'iam', techniques: ['T1548.005'],
      summary: 'requested an Azure role activation or assignment through PIM',
      rollback: { text: 'Cancel or remove the role assignment schedule {resource}.' } },
  ]),
  ...forService('azure', 'MICROSOFT.MANAGEDIDENTITY', [
    { action: 'MICROSOFT.MANAGEDIDENTITY/USERASSIGNEDIDENTITIES/FEDERATEDIDENTITYCREDENTIALS/WRITE', category: 'privileged', kind: 'iam',
      shift: 'key_created', techniques: ['T1098.001'], summary: 'let an external identity sign in as a managed identity (federated credential)',
      rollback: { text: 'Delete the federated credential {resource} if unexpected.', command: 'az resource delete --ids {resource}' } },
  ]),
  ...forService('azure', 'MICROSOFT.KEYVAULT', [
    { action: 'MICROSOFT.KEYVAULT/VAULTS/ACCESSPOLICIES/WRITE', category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
      summary: 'changed who may read a Key Vault (access policy)', rollback: { text: 'Remove the access policy entries added to {resource}.' } },
  ]),
  ...forService('azure', 'MICROSOFT.CONTAINERSERVICE', [
    { action: 'MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/RBAC.AUTHORIZATION.K8S.IO/CLUSTERROLEBINDINGS/WRITE', category: 'privileged',
      kind: 'iam', techniques: ['T1098.003'], summary: 'bound a Kubernetes cluster role in AKS', rollback: { text: 'Delete the binding {resource} if unexpected.' } },
    { action: 'MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/RBAC.AUTHORIZATION.K8S.IO/ROLEBINDINGS/WRITE', category: 'privileged',
      kind: 'iam', techniques: ['T1098.003'], summary: 'bound a Kubernetes role in AKS', rollback: { text: 'Delete the binding {resource} if unexpected.' } },
  ]),
  ...forService('azure', 'MICROSOFT.KUBERNETES', [
    { action: 'MICROSOFT.KUBERNETES/CONNECTEDCLUSTERS/RBAC.AUTHORIZATION.K8S.IO/CLUSTERROLEBINDINGS/WRITE', category: 'privileged',
      kind: 'iam', techniques: ['T1098.003'], summary: 'bound a Kubernetes cluster role on an Arc cluster', rollback: { text: 'Delete the binding {resource} if unexpected.' } },
    { action: 'MICROSOFT.KUBERNETES/CONNECTEDCLUSTERS/RBAC.AUTHORIZATION.K8S.IO/ROLEBINDINGS/WRITE', category: 'privileged',
      kind: 'iam', techniques: ['T1098.003'], summary: 'bound a Kubernetes role on an Arc cluster', rollback: { text: 'Delete the binding {resource} if unexpected.' } },
  ]),
];

const RUN_COMMAND_REVIEW = 'Not reversible: review the script and its output on {resource}.';

const computeExecution: CatalogEntry[] = [
  ...forService('azure', 'MICROSOFT.COMPUTE', [
    { action: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION', category: 'privileged', kind: 'compute_execution', techniques: ['T1651'],
      summary: 'ran a command on a VM (Run Command)', rollback: { text: RUN_COMMAND_REVIEW } },
    { action: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMANDS/WRITE', category: 'privileged', kind: 'compute_execution', techniques: ['T1651'],
      summary: 'created a managed Run Command on a VM',
      rollback: { text: `${RUN_COMMAND_REVIEW} Delete the run command afterwards.`, command: 'az vm run-command delete --ids {resource} --yes' } },
    { action: 'MICROSOFT.COMPUTE/VIRTUALMACHINESCALESETS/VIRTUALMACHINES/RUNCOMMAND/ACTION', category: 'privileged', kind: 'compute_execution',
      techniques: ['T1651'], summary: 'ran a command on a scale-set VM (Run Command)', rollback: { text: RUN_COMMAND_REVIEW } },
    { action: 'MICROSOFT.COMPUTE/VIRTUALMACHINESCALESETS/VIRTUALMACHINES/RUNCOMMANDS/WRITE', category: 'privileged', kind: 'compute_execution',
      techniques: ['T1651'], summary: 'created a managed Run Command on a scale-set VM', rollback: { text: RUN_COMMAND_REVIEW } },
  ]),
  ...forService('azure', 'MICROSOFT.HYBRIDCOMPUTE', [
    { action: 'MICROSOFT.HYBRIDCOMPUTE/MACHINES/RUNCOMMANDS/WRITE', category: 'privileged', kind: 'compute_execution', techniques: ['T1651'],
      summary: 'ran a command on an Arc-connected machine', rollback: { text: RUN_COMMAND_REVIEW } },
  ]),
  ...forService('azure', 'MICROSOFT.CONTAINERSERVICE', [
    { action: 'MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/RUNCOMMAND/ACTION', category: 'privileged', kind: 'compute_execution',
      techniques: ['T1609', 'T1651'], summary: 'ran a command in an AKS cluster (Run Command)', rollback: { text: RUN_COMMAND_REVIEW } },
  ]),
  ...forService('azure', 'MICROSOFT.SERIALCONSOLE', [
    { action: 'MICROSOFT.SERIALCONSOLE/SERIALPORTS/CONNECT/ACTION', category: 'privileged', kind: 'compute_execution', techniques: ['T1021.008'],
      summary: 'connected to the serial console of a VM', rollback: { text: 'Review the serial console session on {resource}.' } },
  ]),
  ...forService('azure', 'MICROSOFT.AUTOMATION', [
    { action: 'MICROSOFT.AUTOMATION/AUTOMATIONACCOUNTS/JOBS/WRITE', category: 'privileged', kind: 'compute_execution', techniques: ['T1651'],
      summary: 'started an Automation runbook job', rollback: { text: 'Review the runbook job {resource} and what it did with the account identity.' } },
  ]),
];

const codeChange: CatalogEntry[] = [
  ...forService('azure', 'MICROSOFT.COMPUTE', [
    { action: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/EXTENSIONS/WRITE', category: 'privileged', kind: 'code_change', techniques: ['T1651', 'T1059'],
      summary: 'installed or changed a VM extension (runs code on the VM)',
      rollback: { text: 'Remove the extension if unexpected and review what it ran.', command: 'az vm extension delete --ids {resource}' } },
    { action: 'MICROSOFT.COMPUTE/VIRTUALMACHINESCALESETS/EXTENSIONS/WRITE', category: 'privileged', kind: 'code_change', techniques: ['T1651', 'T1059'],
      summary: 'installed or changed a scale-set extension (runs code on every instance)',
      rollback: { text: 'Remove the extension if unexpected and review what it ran.' } },
    { action: 'MICROSOFT.COMPUTE/GALLERIES/APPLICATIONS/VERSIONS/WRITE', category: 'privileged', kind: 'code_change', techniques: ['T1651'],
      summary: 'published a VM application version (installed on the VMs that use it)',
      rollback: { text: 'Delete the version {resource} and check the VMs it was installed on.' } },
  ]),
  ...forService('azure', 'MICROSOFT.HYBRIDCOMPUTE', [
    { action: 'MICROSOFT.HYBRIDCOMPUTE/MACHINES/EXTENSIONS/WRITE', category: 'privileged', kind: 'code_change', techniques: ['T1651', 'T1059'],
      summary: 'installed or changed an extension on an Arc-connected machine', rollback: { text: 'Remove the extension if unexpected.' } },
  ]),
  ...forService('azure', 'MICROSOFT.AUTOMATION', [
    { action: 'MICROSOFT.AUTOMATION/AUTOMATIONACCOUNTS/RUNBOOKS/WRITE', category: 'privileged', kind: 'code_change', techniques: ['T1651', 'T1059'],
      summary: 'created or changed an Automation runbook', rollback: { text: 'Restore the previous runbook content of {resource}.' } },
    { action: 'MICROSOFT.AUTOMATION/AUTOMATIONACCOUNTS/RUNBOOKS/DRAFT/WRITE', category: 'privileged', kind: 'code_change', techniques: ['T1651', 'T1059'],
      summary: 'changed the draft of an Automation runbook', rollback: { text: 'Discard the runbook draft {resource}.' } },
    { action: 'MICROSOFT.AUTOMATION/AUTOMATIONACCOUNTS/RUNBOOKS/PUBLISH/ACTION', category: 'privileged', kind: 'code_change', techniques: ['T1651', 'T1059'],
      summary: 'published an Automation runbook', rollback: { text: 'Restore the previous published runbook {resource}.' } },
  ]),
  ...forService('azure', 'MICROSOFT.WEB', [
    { action: 'MICROSOFT.WEB/SITES/FUNCTIONS/WRITE', category: 'privileged', kind: 'code_change', techniques: ['T1648'],
      summary: 'created or changed an Azure Function', rollback: { text: 'Redeploy the previous code of {resource}.' } },
  ]),
];

const ROTATE_KEYS = 'Treat the keys as disclosed: regenerate them and update their users.';

const secrets: CatalogEntry[] = [
  ...forService('azure', 'MICROSOFT.STORAGE', [
    { action: 'GETBLOB', category: 'privileged', kind: 'data_access', techniques: ['T1530'], summary: 'downloaded a blob from Azure Storage',
      rollback: { text: 'A download cannot be undone: review {resource} for sensitive data and rotate any secret it holds' } },
    { action: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'read the access keys of a storage account',
      rollback: { text: ROTATE_KEYS, command: 'az storage account keys renew --ids {resource} --key primary' } },
    { action: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/REGENERATEKEY/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'regenerated a storage account key (the caller receives the new key)', rollback: { text: ROTATE_KEYS } },
    { action: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTACCOUNTSAS/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'created an account SAS token for a storage account', rollback: { text: 'Rotate the key that signed the SAS to revoke it.' } },
    { action: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTSERVICESAS/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'created a service SAS token for a storage account', rollback: { text: 'Rotate the key that signed the SAS to revoke it.' } },
  ]),
  ...forService('azure', 'MICROSOFT.KEYVAULT', [
    { action: 'MICROSOFT.KEYVAULT/VAULTS/SECRETS/GETSECRET/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1555.006'],
      summary: 'read a Key Vault secret', rollback: { text: 'Rotate the secret {resource}.' } },
  ]),
  ...forService('azure', 'MICROSOFT.CONTAINERSERVICE', [
    { action: 'MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/LISTCLUSTERADMINCREDENTIAL/ACTION', category: 'privileged', kind: 'secrets',
      techniques: ['T1552'], summary: 'downloaded the admin kubeconfig of an AKS cluster',
      rollback: { text: 'Rotate the cluster certificates of {resource}.', command: 'az aks rotate-certs --ids {resource}' } },
    { action: 'MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/LISTCLUSTERUSERCREDENTIAL/ACTION', category: 'privileged', kind: 'secrets',
      techniques: ['T1552'], summary: 'downloaded the user kubeconfig of an AKS cluster', rollback: { text: 'Review what the kubeconfig was used for in {resource}.' } },
  ]),
  ...forService('azure', 'MICROSOFT.KUBERNETES', [
    { action: 'MICROSOFT.KUBERNETES/CONNECTEDCLUSTERS/LISTCLUSTERUSERCREDENTIAL/ACTION', category: 'privileged', kind: 'secrets',
      techniques: ['T1552'], summary: 'downloaded credentials of an Arc-connected Kubernetes cluster', rollback: { text: 'Review what the credentials were used for in {resource}.' } },
  ]),
  ...forService('azure', 'MICROSOFT.WEB', [
    { action: 'MICROSOFT.WEB/SITES/CONFIG/LIST/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'read the settings of a web app (connection strings, secrets)', rollback: { text: 'Rotate the secrets held in the app settings of {resource}.' } },
    { action: 'MICROSOFT.WEB/SITES/PUBLISHXML/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'downloaded the publishing credentials of a web app', rollback: { text: 'Reset the publishing profile of {resource}.' } },
    { action: 'MICROSOFT.WEB/SITES/HOSTRUNTIME/HOST/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'read the host keys of an Azure Functions app', rollback: { text: 'Renew the function host keys of {resource}.' } },
  ]),
  ...forService('azure', 'MICROSOFT.CONTAINERREGISTRY', [
    { action: 'MICROSOFT.CONTAINERREGISTRY/REGISTRIES/LISTCREDENTIALS/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'read the admin credentials of a container registry', rollback: { text: ROTATE_KEYS } },
  ]),
  ...forService('azure', 'MICROSOFT.DOCUMENTDB', [
    { action: 'MICROSOFT.DOCUMENTDB/DATABASEACCOUNTS/LISTKEYS/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'read the keys of a Cosmos DB account', rollback: { text: ROTATE_KEYS } },
    { action: 'MICROSOFT.DOCUMENTDB/DATABASEACCOUNTS/LISTCONNECTIONSTRINGS/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'read the connection strings of a Cosmos DB account', rollback: { text: ROTATE_KEYS } },
  ]),
  ...forService('azure', 'MICROSOFT.EVENTHUB', [
    { action: 'MICROSOFT.EVENTHUB/NAMESPACES/AUTHORIZATIONRULES/LISTKEYS/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'read the keys of an Event Hubs namespace', rollback: { text: ROTATE_KEYS } },
  ]),
  ...forService('azure', 'MICROSOFT.SERVICEBUS', [
    { action: 'MICROSOFT.SERVICEBUS/NAMESPACES/AUTHORIZATIONRULES/LISTKEYS/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'read the keys of a Service Bus namespace', rollback: { text: ROTATE_KEYS } },
  ]),
  ...forService('azure', 'MICROSOFT.COGNITIVESERVICES', [
    { action: 'MICROSOFT.COGNITIVESERVICES/ACCOUNTS/LISTKEYS/ACTION', category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'read the keys of an Azure AI services account', rollback: { text: ROTATE_KEYS } },
  ]),
];

const dataExposure: CatalogEntry[] = [
  ...forService('azure', 'MICROSOFT.COMPUTE', [
    { action: 'MICROSOFT.COMPUTE/DISKS/BEGINGETACCESS/ACTION', category: 'privileged', kind: 'data_exposure', techniques: ['T1537', 'T1530'],
      summary: 'created a download link (SAS) for a managed disk',
      rollback: { text: 'Revoke the download link of {resource}.', command: 'az disk revoke-access --ids {resource}' } },
    { action: 'MICROSOFT.COMPUTE/SNAPSHOTS/BEGINGETACCESS/ACTION', category: 'privileged', kind: 'data_exposure', techniques: ['T1537', 'T1530'],
      summary: 'created a download link (SAS) for a disk snapshot',
      rollback: { text: 'Revoke the download link of {resource}.', command: 'az snapshot revoke-access --ids {resource}' } },
  ]),
  ...forService('azure', 'MICROSOFT.SQL', [
    { action: 'MICROSOFT.SQL/SERVERS/DATABASES/EXPORT/ACTION', category: 'privileged', kind: 'data_exposure', techniques: ['T1537'],
      summary: 'exported an Azure SQL database', rollback: { text: 'Check the export destination; delete the exported data if unexpected.' } },
  ]),
];

const networkExposure: CatalogEntry[] = [
  ...forService('azure', 'MICROSOFT.NETWORK', [
    { action: 'MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE', category: 'privileged', kind: 'network_exposure',
      techniques: ['T1562.007'], summary: 'created or changed a network security group rule',
      rollback: { text: 'Restore the previous rule, or delete it if new.', command: 'az network nsg rule delete --ids {resource}' } },
    { action: 'MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/DELETE', category: 'privileged', kind: 'network_exposure',
      techniques: ['T1562.007'], summary: 'deleted a network security group rule (removing a deny rule opens traffic)',
      rollback: { text: 'Recreate the rule {resource} if it protected something.' } },
    { action: 'MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/DELETE', category: 'privileged', kind: 'network_exposure', techniques: ['T1562.007'],
      summary: 'deleted a network security group', rollback: { text: 'Recreate the network security group {resource} and re-associate it.' } },
    { action: 'MICROSOFT.NETWORK/PUBLICIPADDRESSES/WRITE', category: 'privileged', kind: 'network_exposure', techniques: ['T1562.007'],
      summary: 'created or changed a public IP address', rollback: { text: 'Check what {resource} is attached to; delete it if unexpected.' } },
    { action: 'MICROSOFT.NETWORK/FIREWALLPOLICIES/RULECOLLECTIONGROUPS/WRITE', category: 'privileged', kind: 'network_exposure',
      techniques: ['T1562.007'], summary: 'changed Azure Firewall rules', rollback: { text: 'Restore the previous rule collection group {resource}.' } },
    { action: 'MICROSOFT.NETWORK/FIREWALLPOLICIES/DELETE', category: 'privileged', kind: 'network_exposure', techniques: ['T1562.007'],
      summary: 'deleted an Azure Firewall policy', rollback: { text: 'Recreate the firewall policy {resource}.' } },
  ]),
  ...forService('azure', 'MICROSOFT.SQL', [
    { action: 'MICROSOFT.SQL/SERVERS/FIREWALLRULES/WRITE', category: 'privileged', kind: 'network_exposure', techniques: ['T1562.007'],
      summary: 'opened the firewall of an Azure SQL server',
      rollback: { text: 'Delete the firewall rule {resource} if unexpected.', command: 'az sql server firewall-rule delete --ids {resource}' } },
  ]),
];

const destruction: CatalogEntry[] = [
  ...forService('azure', 'MICROSOFT.COMPUTE', [
    { action: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1578.003', 'T1485'],
      summary: 'deleted a VM', rollback: { text: 'Recreate the VM from its disks or backups.' } },
    { action: 'MICROSOFT.COMPUTE/DISKS/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a managed disk', rollback: { text: 'Restore the disk from a snapshot or backup.' } },
    { action: 'MICROSOFT.COMPUTE/SNAPSHOTS/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1490'],
      summary: 'deleted a disk snapshot', rollback: { text: 'The snapshot {resource} cannot be recovered; check other backups.' } },
    { action: 'MICROSOFT.COMPUTE/RESTOREPOINTCOLLECTIONS/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1490'],
      summary: 'deleted VM restore points', rollback: { text: 'Check the remaining backups of the VM.' } },
  ]),
  ...forService('azure', 'MICROSOFT.STORAGE', [
    { action: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a storage account', rollback: { text: 'Recover the storage account within 14 days (if its name is still free).' } },
    { action: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/BLOBSERVICES/CONTAINERS/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a blob container', rollback: { text: 'Restore the container from soft delete if enabled.' } },
    { action: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/BLOBSERVICES/CONTAINERS/IMMUTABILITYPOLICIES/DELETE', category: 'privileged', kind: 'destruction',
      techniques: ['T1490'], summary: 'removed the immutability policy of a blob container', rollback: { text: 'Set the immutability policy on {resource} again.' } },
    { action: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/FILESERVICES/SHARES/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a file share', rollback: { text: 'Restore the share from soft delete if enabled.' } },
  ]),
  ...forService('azure', 'MICROSOFT.KEYVAULT', [
    { action: 'MICROSOFT.KEYVAULT/VAULTS/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a Key Vault', rollback: { text: 'Recover the vault from soft delete.', command: 'az keyvault recover --name <vault-name>' } },
    { action: 'MICROSOFT.KEYVAULT/VAULTS/KEYS/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a Key Vault key (data encrypted with it becomes unreadable)', rollback: { text: 'Recover the key {resource} from soft delete.' } },
    { action: 'MICROSOFT.KEYVAULT/VAULTS/KEYS/PURGE/ACTION', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'purged a deleted Key Vault key (no recovery possible)', rollback: { text: 'The key is gone; restore it from a key backup if one exists.' } },
    { action: 'MICROSOFT.KEYVAULT/LOCATIONS/DELETEDVAULTS/PURGE/ACTION', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'purged a deleted Key Vault (no recovery possible)', rollback: { text: 'The vault and its keys are gone; restore from backups of its secrets.' } },
  ]),
  ...forService('azure', 'MICROSOFT.SQL', [
    { action: 'MICROSOFT.SQL/SERVERS/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted an Azure SQL server', rollback: { text: 'Restore the databases from long-term backups.' } },
    { action: 'MICROSOFT.SQL/SERVERS/DATABASES/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted an Azure SQL database', rollback: { text: 'Restore the deleted database from its backups.' } },
  ]),
  ...forService('azure', 'MICROSOFT.RESOURCES', [
    { action: 'MICROSOFT.RESOURCES/SUBSCRIPTIONS/RESOURCEGROUPS/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a resource group and everything in it', rollback: { text: 'Recreate the resources of {resource} from backups and templates.' } },
  ]),
  ...forService('azure', 'MICROSOFT.RECOVERYSERVICES', [
    { action: 'MICROSOFT.RECOVERYSERVICES/VAULTS/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1490'],
      summary: 'deleted a Recovery Services vault', rollback: { text: 'Backups in the vault are gone; re-protect the workloads.' } },
    { action: 'MICROSOFT.RECOVERYSERVICES/VAULTS/BACKUPFABRICS/PROTECTIONCONTAINERS/PROTECTEDITEMS/DELETE', category: 'privileged',
      kind: 'destruction', techniques: ['T1490'], summary: 'stopped backups and deleted backup data of an item', rollback: { text: 'Undelete the backup item from soft delete.' } },
    { action: 'MICROSOFT.RECOVERYSERVICES/VAULTS/BACKUPFABRICS/PROTECTIONCONTAINERS/DELETE', category: 'privileged', kind: 'destruction',
      techniques: ['T1490'], summary: 'removed a backup protection container', rollback: { text: 'Re-register the container and re-protect its items.' } },
  ]),
  ...forService('azure', 'MICROSOFT.AUTHORIZATION', [
    { action: 'MICROSOFT.AUTHORIZATION/LOCKS/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'removed a resource lock (protection against deletion)', rollback: { text: 'Recreate the lock {resource}.' } },
  ]),
  ...forService('azure', 'MICROSOFT.CONTAINERSERVICE', [
    { action: 'MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/DELETE', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted an AKS cluster', rollback: { text: 'Recreate the cluster and redeploy its workloads.' } },
  ]),
];

const orgAccount: CatalogEntry[] = [
  ...forService('azure', 'MICROSOFT.MANAGEMENT', [
    { action: 'MICROSOFT.MANAGEMENT/MANAGEMENTGROUPS/WRITE', category: 'privileged', kind: 'org_account', techniques: ['T1666'],
      summary: 'created or changed a management group', rollback: { text: 'Restore the previous hierarchy of {resource}.' } },
    { action: 'MICROSOFT.MANAGEMENT/MANAGEMENTGROUPS/DELETE', category: 'privileged', kind: 'org_account', techniques: ['T1666'],
      summary: 'deleted a management group', rollback: { text: 'Recreate the management group and re-apply its policies and roles.' } },
    { action: 'MICROSOFT.MANAGEMENT/MANAGEMENTGROUPS/SUBSCRIPTIONS/WRITE', category: 'privileged', kind: 'org_account', techniques: ['T1666'],
      summary: 'moved a subscription to another management group', rollback: { text: 'Move the subscription back to its previous management group.' } },
  ]),
  ...forService('azure', 'MICROSOFT.SUBSCRIPTION', [
    { action: 'MICROSOFT.SUBSCRIPTION/CANCEL/ACTION', category: 'privileged', kind: 'org_account', techniques: ['T1485', 'T1531'],
      summary: 'cancelled a subscription', rollback: { text: 'Reactivate the subscription before its resources are deleted.' } },
  ]),
  ...forService('azure', 'MICROSOFT.AUTHORIZATION', [
    { action: 'MICROSOFT.AUTHORIZATION/POLICYASSIGNMENTS/DELETE', category: 'privileged', kind: 'org_account', techniques: ['T1484'],
      summary: 'deleted an Azure Policy assignment (a guardrail)', rollback: { text: 'Assign the policy {resource} again.' } },
    { action: 'MICROSOFT.AUTHORIZATION/POLICYEXEMPTIONS/WRITE', category: 'privileged', kind: 'org_account', techniques: ['T1484'],
      summary: 'exempted resources from an Azure Policy', rollback: { text: 'Delete the exemption {resource} if unexpected.' } },
  ]),
];

const tamper: CatalogEntry[] = [
  ...forService('azure', 'MICROSOFT.INSIGHTS', [
    { action: 'MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/DELETE', category: 'tamper', kind: 'logging_deleted', techniques: ['T1562.008'],
      summary: 'deleted a diagnostic setting (logs stop being exported)', rollback: { text: 'Recreate the diagnostic setting {resource} with its previous destinations and categories.' } },
    { action: 'MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/WRITE', category: 'tamper', kind: 'logging_modified', techniques: ['T1562.008'],
      summary: 'changed a diagnostic setting (what logs are exported, and where)', rollback: { text: 'Restore the previous destinations and log categories of {resource}.' } },
    { action: 'MICROSOFT.INSIGHTS/LOGPROFILES/DELETE', category: 'tamper', kind: 'logging_deleted', techniques: ['T1562.008'],
      summary: 'deleted an Activity log profile', rollback: { text: 'Recreate the log profile or an equivalent diagnostic setting.' } },
    { action: 'MICROSOFT.INSIGHTS/DATACOLLECTIONRULES/DELETE', category: 'tamper', kind: 'logging_deleted', techniques: ['T1562.008'],
      summary: 'deleted a data collection rule', rollback: { text: 'Recreate the data collection rule {resource}.' } },
    { action: 'MICROSOFT.INSIGHTS/ACTIVITYLOGALERTS/DELETE', category: 'tamper', kind: 'detection_disabled', techniques: ['T1562.001'],
      summary: 'deleted an Activity log alert', rollback: { text: 'Recreate the alert {resource}.' } },
    { action: 'MICROSOFT.INSIGHTS/ALERTRULES/DELETE', category: 'tamper', kind: 'detection_disabled', techniques: ['T1562.001'],
      summary: 'deleted an alert rule', rollback: { text: 'Recreate the alert rule {resource}.' } },
    { action: 'MICROSOFT.INSIGHTS/METRICALERTS/DELETE', category: 'tamper', kind: 'detection_disabled', techniques: ['T1562.001'],
      summary: 'deleted a metric alert', rollback: { text: 'Recreate the metric alert {resource}.' } },
    { action: 'MICROSOFT.INSIGHTS/SCHEDULEDQUERYRULES/DELETE', category: 'tamper', kind: 'detection_disabled', techniques: ['T1562.001'],
      summary: 'deleted a log search alert rule', rollback: { text: 'Recreate the alert rule {resource}.' } },
    { action: 'MICROSOFT.INSIGHTS/ACTIONGROUPS/DELETE', category: 'tamper', kind: 'detection_disabled', techniques: ['T1562.001'],
      summary: 'deleted an alert action group (alerts stop notifying)', rollback: { text: 'Recreate the action group {resource}.' } },
  ]),
  ...forService('azure', 'MICROSOFT.AADIAM', [
    { action: 'MICROSOFT.AADIAM/DIAGNOSTICSETTINGS/DELETE', category: 'tamper', kind: 'logging_deleted', techniques: ['T1562.008'],
      summary: 'deleted an Entra ID diagnostic setting (sign-in and audit logs stop being exported)',
      rollback: { text: 'Recreate the Entra ID diagnostic setting with its previous destinations.' } },
    { action: 'MICROSOFT.AADIAM/DIAGNOSTICSETTINGS/WRITE', category: 'tamper', kind: 'logging_modified', techniques: ['T1562.008'],
      summary: 'changed an Entra ID diagnostic setting', rollback: { text: 'Restore the previous Entra ID log categories and destinations.' } },
  ]),
  ...forService('azure', 'MICROSOFT.EVENTHUB', [
    { action: 'MICROSOFT.EVENTHUB/NAMESPACES/EVENTHUBS/DELETE', category: 'tamper', kind: 'logging_deleted', techniques: ['T1562.008'],
      summary: 'deleted an Event Hub (often the pipe that exports logs to the SIEM)', rollback: { text: 'Recreate the Event Hub {resource} and re-point the diagnostic settings that used it.' } },
  ]),
  ...forService('azure', 'MICROSOFT.OPERATIONALINSIGHTS', [
    { action: 'MICROSOFT.OPERATIONALINSIGHTS/WORKSPACES/DELETE', category: 'tamper', kind: 'logging_deleted', techniques: ['T1562.008'],
      summary: 'deleted a Log Analytics workspace', rollback: { text: 'Recover the workspace within 14 days.' } },
  ]),
  ...forService('azure', 'MICROSOFT.NETWORK', [
    { action: 'MICROSOFT.NETWORK/NETWORKWATCHERS/FLOWLOGS/DELETE', category: 'tamper', kind: 'logging_deleted', techniques: ['T1562.008'],
      summary: 'deleted a network flow log', rollback: { text: 'Recreate the flow log {resource}.' } },
    { action: 'MICROSOFT.NETWORK/NETWORKWATCHERS/DELETE', category: 'tamper', kind: 'logging_deleted', techniques: ['T1562.008'],
      summary: 'deleted a Network Watcher (and its flow logs)', rollback: { text: 'Recreate the Network Watcher and its flow logs.' } },
  ]),
  ...forService('azure', 'MICROSOFT.SECURITY', [
    { action: 'MICROSOFT.SECURITY/PRICINGS/WRITE', when: { path: '', mentions: 'free' }, category: 'tamper', kind: 'detection_disabled',
      techniques: ['T1562.001'], summary: 'downgraded a Microsoft Defender for Cloud plan to Free',
      rollback: { text: 'Set the Defender plan {resource} back to Standard.' } },
    { action: 'MICROSOFT.SECURITY/PRICINGS/WRITE', when: { not: { path: '', mentions: 'pricingtier' } }, category: 'tamper',
      kind: 'detection_disabled', techniques: ['T1562.001'], summary: 'changed a Microsoft Defender for Cloud plan (the new tier was not logged)',
      rollback: { text: 'Check the tier of the Defender plan {resource}.' } },
    { action: 'MICROSOFT.SECURITY/ALERTSSUPPRESSIONRULES/WRITE', category: 'tamper', kind: 'detection_disabled', techniques: ['T1562.001'],
      summary: 'created or changed a Defender alert suppression rule', rollback: { text: 'Delete the suppression rule {resource} if unexpected.' } },
  ]),
  ...forService('azure', 'MICROSOFT.SECURITYINSIGHTS', [
    { action: 'MICROSOFT.SECURITYINSIGHTS/ALERTRULES/DELETE', category: 'tamper', kind: 'detection_disabled', techniques: ['T1562.001'],
      summary: 'deleted a Microsoft Sentinel analytics rule', rollback: { text: 'Recreate the rule {resource}.' } },
    { action: 'MICROSOFT.SECURITYINSIGHTS/DATACONNECTORS/DELETE', category: 'tamper', kind: 'logging_deleted', techniques: ['T1562.008'],
      summary: 'deleted a Microsoft Sentinel data connector', rollback: { text: 'Reconnect the data connector {resource}.' } },
  ]),
];

const recon: CatalogEntry[] = [
  ...forService('azure', 'MICROSOFT.AUTHORIZATION', [
    { action: 'MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/READ', category: 'recon', kind: 'enumeration', techniques: ['T1069.003'], summary: 'listed Azure role assignments' },
    { action: 'MICROSOFT.AUTHORIZATION/ROLEDEFINITIONS/READ', category: 'recon', kind: 'enumeration', techniques: ['T1069.003'], summary: 'listed Azure role definitions' },
  ]),
  ...forService('azure', 'MICROSOFT.COMPUTE', [
    { action: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/READ', category: 'recon', kind: 'enumeration', techniques: ['T1580'], summary: 'listed or read VMs' },
  ]),
  ...forService('azure', 'MICROSOFT.NETWORK', [
    { action: 'MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/READ', category: 'recon', kind: 'enumeration', techniques: ['T1580'], summary: 'read network security groups' },
    { action: 'MICROSOFT.NETWORK/PUBLICIPADDRESSES/READ', category: 'recon', kind: 'enumeration', techniques: ['T1580'], summary: 'listed public IP addresses' },
  ]),
  ...forService('azure', 'MICROSOFT.STORAGE', [
    { action: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/READ', category: 'recon', kind: 'enumeration', techniques: ['T1619'], summary: 'listed or read storage accounts' },
  ]),
  ...forService('azure', 'MICROSOFT.KEYVAULT', [
    { action: 'MICROSOFT.KEYVAULT/VAULTS/READ', category: 'recon', kind: 'enumeration', techniques: ['T1526'], summary: 'listed or read Key Vaults' },
    { action: 'MICROSOFT.KEYVAULT/VAULTS/SECRETS/READ', category: 'recon', kind: 'secrets_listing', techniques: ['T1526'], summary: 'listed Key Vault secrets' },
  ]),
  ...forService('azure', 'MICROSOFT.RESOURCES', [
    { action: 'MICROSOFT.RESOURCES/SUBSCRIPTIONS/RESOURCEGROUPS/READ', category: 'recon', kind: 'enumeration', techniques: ['T1580'], summary: 'listed resource groups' },
    { action: 'MICROSOFT.RESOURCES/SUBSCRIPTIONS/READ', category: 'recon', kind: 'enumeration', techniques: ['T1580'], summary: 'listed subscriptions' },
  ]),
];

export const azureActions: CatalogEntry[] = [
  ...authShift,
  ...iamWrites,
  ...computeExecution,
  ...codeChange,
  ...secrets,
  ...dataExposure,
  ...networkExposure,
  ...destruction,
  ...orgAccount,
  ...tamper,
  ...recon,
];
