import type { EntryCondition } from './conditions';
import { forService } from './table';
import type { CatalogEntry } from './types';

/**
 * GCP Cloud Audit Logs actions: service = serviceName, action = methodName. Method names come in versioned and
 * differently cased variants (`v1.compute.instances.setMetadata`, `beta.compute...`, `google.iam.admin.v1.SetIAMPolicy`
 * vs `SetIamPolicy`), so most entries match a dotted suffix, ignoring case.
 */

const SUFFIX = 'suffix' as const;

/** setMetadata and setCommonInstanceMetadata record the changed keys in protoPayload.metadata, not in the request. */
const STARTUP_SCRIPT: EntryCondition = { in: 'details', path: '', mentions: 'startup-script' };
const SSH_KEYS: EntryCondition = { in: 'details', path: '', mentions: 'ssh-keys' };
/** The record does not say which metadata keys changed (older exports, trimmed documents). */
const NO_DETAILS: EntryCondition = { not: { in: 'details', path: '', mentions: 'metadatadelta' } };
const COMPUTE_URI = 'https://www.googleapis.com/compute/v1/{resource}';

const authShift: CatalogEntry[] = [
  ...forService('gcp', 'iamcredentials.googleapis.com', [
    { action: 'GenerateAccessToken', match: SUFFIX, category: 'auth_shift', kind: 'impersonation', techniques: ['T1548.005', 'T1550.001'],
      summary: 'minted an access token for a service account (impersonation)' },
    { action: 'GenerateIdToken', match: SUFFIX, category: 'auth_shift', kind: 'impersonation', techniques: ['T1548.005', 'T1550.001'],
      summary: 'minted an ID token for a service account (impersonation)' },
    { action: 'SignJwt', match: SUFFIX, category: 'auth_shift', kind: 'impersonation', techniques: ['T1548.005', 'T1550.001'],
      summary: "signed a JWT with a service account's key (impersonation)" },
    { action: 'SignBlob', match: SUFFIX, category: 'auth_shift', kind: 'impersonation', techniques: ['T1548.005', 'T1550.001'],
      summary: "signed data with a service account's key (impersonation)" },
  ]),
  ...forService('gcp', 'sts.googleapis.com', [
    { action: 'SecurityTokenService.ExchangeToken', match: SUFFIX, category: 'auth_shift', kind: 'credential_minted',
      techniques: ['T1550.001'], summary: 'exchanged an external token for a Google token (workload identity federation)' },
  ]),
  ...forService('gcp', 'cloudshell.googleapis.com', [
    { action: 'CloudShellService.StartEnvironment', match: SUFFIX, category: 'auth_shift', kind: 'cloudshell', techniques: ['T1059.009'],
      summary: 'started a Google Cloud Shell environment' },
    { action: 'CloudShellService.AuthorizeEnvironment', match: SUFFIX, category: 'auth_shift', kind: 'cloudshell', techniques: ['T1059.009'],
      summary: "sent the user's credentials into Google Cloud Shell" },
  ]),
];

const iamWrites: CatalogEntry[] = [
  ...forService('gcp', 'iam.googleapis.com', [
    { action: 'SetIAMPolicy', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1098.003', 'T1548.005'],
      summary: 'changed who may use or impersonate a service account',
      rollback: { text: 'Remove the bindings added on {resource} (see the policy delta of the event).' } },
    { action: 'CreateServiceAccountKey', match: SUFFIX, category: 'privileged', kind: 'iam', shift: 'key_created', techniques: ['T1098.001'],
      summary: 'created a key for a service account',
      rollback: { text: 'Disable, then delete, the new key {response.name}.' } },
    { action: 'UploadServiceAccountKey', match: SUFFIX, category: 'privileged', kind: 'iam', shift: 'key_created', techniques: ['T1098.001'],
      summary: 'uploaded a public key for a service account',
      rollback: { text: 'Delete the uploaded key {response.name}.' } },
    { action: 'CreateServiceAccount', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1136.003'],
      summary: 'created a service account',
      rollback: { text: 'Delete the service account {response.email} if unexpected.', command: 'gcloud iam service-accounts delete {response.email}' } },
    { action: 'EnableServiceAccount', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1098'],
      summary: 'enabled a disabled service account',
      rollback: { text: 'Disable {name} again.' } },
    { action: 'CreateRole', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
      summary: 'created a custom IAM role', rollback: { text: 'Delete the role {response.name} if unexpected.' } },
    { action: 'UpdateRole', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
      summary: 'changed the permissions of a custom IAM role', rollback: { text: 'Restore the previous permissions of {name}.' } },
    { action: 'CreateWorkloadIdentityPoolProvider', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1484.002'],
      summary: 'trusted an external identity provider (workload identity federation)',
      rollback: { text: 'Delete the provider {workloadIdentityPoolProviderId} of {parent} if unexpected.' } },
    { action: 'UpdateWorkloadIdentityPoolProvider', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1484.002'],
      summary: 'changed a trusted external identity provider (workload identity federation)',
      rollback: { text: 'Restore the previous issuer and attribute condition of {resource}.' } },
    { action: 'CreateWorkforcePool', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1484.002'],
      summary: 'created a workforce identity pool', rollback: { text: 'Delete the workforce pool {workforcePoolId} if unexpected.' } },
    { action: 'CreateWorkforcePoolProvider', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1484.002'],
      summary: 'trusted an external identity provider for workforce sign-in', rollback: { text: 'Delete the provider if unexpected.' } },
    { action: 'UpdateWorkforcePool', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1484.002'],
      summary: 'changed a workforce identity pool', rollback: { text: 'Restore the previous settings of {resource}.' } },
  ]),
  ...forService('gcp', 'apikeys.googleapis.com', [
    { action: 'ApiKeys.CreateKey', match: SUFFIX, category: 'privileged', kind: 'iam', shift: 'key_created', techniques: ['T1098.001'],
      summary: 'created an API key', rollback: { text: 'Delete the API key if unexpected.', command: 'gcloud services api-keys list --project {account}' } },
  ]),
  ...forService('gcp', 'storage.googleapis.com', [
    { action: 'storage.hmacKeys.create', category: 'privileged', kind: 'iam', shift: 'key_created', techniques: ['T1098.001'],
      summary: 'created an HMAC key for Cloud Storage', rollback: { text: 'Deactivate and delete the HMAC key.', command: 'gcloud storage hmac list --project {account}' } },
  ]),
  ...forService('gcp', 'cloudresourcemanager.googleapis.com', [
    { action: 'InsertProjectOwnershipInvite', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
      summary: 'invited an outside account to own the project', rollback: { text: 'Revoke the ownership invitation for {member}.' } },
  ]),
  ...forService('gcp', 'compute.googleapis.com', [
    { action: 'compute.instances.setServiceAccount', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1548.005'],
      summary: 'changed the service account a VM runs as',
      rollback: { text: 'Put the previous service account back on the VM.', command: `gcloud compute instances describe ${COMPUTE_URI}` } },
    { action: 'compute.instances.insert', match: SUFFIX, when: { path: 'serviceAccounts.email', present: true }, category: 'privileged',
      kind: 'iam', techniques: ['T1548.005'], summary: 'created a VM running as a service account',
      rollback: { text: 'Review the VM and what it ran; delete it if unexpected.', command: `gcloud compute instances delete ${COMPUTE_URI}` } },
  ]),
  // Kubernetes (GKE) methods are unique without a service, and some exports lack serviceName.
  ...forService('gcp', undefined, [
    { action: 'clusterrolebindings.create', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
      summary: 'bound a Kubernetes cluster role', rollback: { text: 'Delete the binding {resource} if unexpected.' } },
    { action: 'rolebindings.create', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
      summary: 'bound a Kubernetes role', rollback: { text: 'Delete the binding {resource} if unexpected.' } },
    { action: 'serviceaccounts.token.create', match: SUFFIX, category: 'privileged', kind: 'iam', shift: 'key_created', techniques: ['T1528'],
      summary: 'created a token for a Kubernetes service account', rollback: { text: 'Rotate the service account {resource} (delete and recreate it) to invalidate bound tokens.' } },
  ]),
  ...forService('gcp', undefined, [
    { action: 'cloudsql.users.update', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1098'],
      summary: 'changed the password of a Cloud SQL user', rollback: { text: 'Set a new password for the user and review its sessions.' } },
    // Any other SetIamPolicy: a role binding change on a project, folder, organization or resource.
    { action: 'SetIamPolicy', match: SUFFIX, category: 'privileged', kind: 'iam', techniques: ['T1098.003'],
      summary: 'changed IAM role bindings',
      rollback: { text: 'Remove the bindings added on {resource} (see the policy delta of the event).' } },
  ]),
];

const computeExecution: CatalogEntry[] = [
  ...forService('gcp', 'compute.googleapis.com', [
    { action: 'compute.instances.setMetadata', match: SUFFIX, when: STARTUP_SCRIPT, category: 'privileged', kind: 'code_change',
      techniques: ['T1037', 'T1059'], summary: 'changed the startup script of a VM',
      rollback: { text: 'Remove or restore the startup script of the VM before it restarts.',
        command: `gcloud compute instances remove-metadata ${COMPUTE_URI} --keys=startup-script,startup-script-url` } },
    { action: 'compute.instances.setMetadata', match: SUFFIX, when: SSH_KEYS, category: 'privileged', kind: 'compute_execution',
      techniques: ['T1098.004', 'T1021.004'], summary: 'added SSH keys to a VM',
      rollback: { text: 'Remove the SSH keys that were added to the VM metadata.', command: `gcloud compute instances describe ${COMPUTE_URI} --format="value(metadata.items)"` } },
    { action: 'compute.instances.setMetadata', match: SUFFIX, when: NO_DETAILS, category: 'privileged', kind: 'code_change',
      techniques: ['T1037', 'T1098.004'], summary: 'changed VM metadata (startup scripts or SSH keys; the changed keys were not logged)',
      rollback: { text: 'Compare the VM metadata with its previous state; remove unexpected startup scripts or SSH keys.' } },
    { action: 'compute.projects.setCommonInstanceMetadata', match: SUFFIX, when: STARTUP_SCRIPT, category: 'privileged', kind: 'code_change',
      techniques: ['T1037', 'T1059'], summary: 'changed the project-wide startup script of every VM',
      rollback: { text: 'Remove or restore the project-wide startup script.', command: 'gcloud compute project-info remove-metadata --keys=startup-script,startup-script-url --project {account}' } },
    { action: 'compute.projects.setCommonInstanceMetadata', match: SUFFIX, when: SSH_KEYS, category: 'privileged', kind: 'compute_execution',
      techniques: ['T1098.004', 'T1021.004'], summary: 'added project-wide SSH keys (valid on every VM)',
      rollback: { text: 'Remove the SSH keys that were added to the project metadata.', command: 'gcloud compute project-info describe --format="value(commonInstanceMetadata.items)" --project {account}' } },
    { action: 'compute.projects.setCommonInstanceMetadata', match: SUFFIX, when: NO_DETAILS, category: 'privileged', kind: 'code_change',
      techniques: ['T1037', 'T1098.004'], summary: 'changed project-wide VM metadata (startup scripts or SSH keys; the changed keys were not logged)',
      rollback: { text: 'Compare the project metadata with its previous state; remove unexpected startup scripts or SSH keys.' } },
  ]),
  ...forService('gcp', undefined, [
    { action: 'ssh-serialport.v1.connect', match: SUFFIX, category: 'privileged', kind: 'compute_execution', techniques: ['T1021.008'],
      summary: 'connected to the serial console of a VM', rollback: { text: 'Review the serial console session; disable serial port access if unused.' } },
  ]),
  ...forService('gcp', 'oslogin.googleapis.com', [
    { action: 'OsLoginService.ImportSshPublicKey', match: SUFFIX, category: 'privileged', kind: 'compute_execution', shift: 'key_created',
      techniques: ['T1098.004'], summary: 'added an SSH key to an OS Login profile', rollback: { text: 'Delete the imported SSH key from the OS Login profile.' } },
  ]),
  // Kubernetes (GKE) methods are unique without a service, and some exports lack serviceName.
  ...forService('gcp', undefined, [
    { action: 'pods.exec.create', match: SUFFIX, category: 'privileged', kind: 'compute_execution', techniques: ['T1609'],
      summary: 'ran a command inside a Kubernetes pod (exec)', rollback: { text: 'Review what ran in {resource}.' } },
    { action: 'pods.attach.create', match: SUFFIX, category: 'privileged', kind: 'compute_execution', techniques: ['T1609'],
      summary: 'attached to a running Kubernetes pod', rollback: { text: 'Review what ran in {resource}.' } },
  ]),
  ...forService('gcp', 'cloudbuild.googleapis.com', [
    { action: 'CloudBuild.CreateBuild', match: SUFFIX, category: 'privileged', kind: 'compute_execution', techniques: ['T1648'],
      summary: 'ran a Cloud Build job (with the Cloud Build service account)', rollback: { text: 'Review the build steps and what they did with the build service account.' } },
  ]),
  ...forService('gcp', 'osconfig.googleapis.com', [
    { action: 'OsConfigService.ExecutePatchJob', match: SUFFIX, category: 'privileged', kind: 'compute_execution', techniques: ['T1651'],
      summary: 'ran an OS Config patch job (can run scripts on VMs)', rollback: { text: 'Review the pre- and post-patch scripts of the job.' } },
    { action: 'CreateOSPolicyAssignment', match: SUFFIX, category: 'privileged', kind: 'compute_execution', techniques: ['T1651'],
      summary: 'assigned an OS policy to VMs (runs configuration scripts)', rollback: { text: 'Delete the OS policy assignment if unexpected.' } },
  ]),
];

const codeChange: CatalogEntry[] = [
  ...forService('gcp', 'cloudfunctions.googleapis.com', [
    { action: 'UpdateFunction', match: SUFFIX, category: 'privileged', kind: 'code_change', techniques: ['T1648'],
      summary: 'changed the code or settings of a Cloud Function', rollback: { text: 'Redeploy the previous version of {resource}.' } },
    { action: 'CreateFunction', match: SUFFIX, category: 'privileged', kind: 'code_change', techniques: ['T1648'],
      summary: 'created a Cloud Function', rollback: { text: 'Delete {resource} if unexpected.' } },
  ]),
  ...forService('gcp', 'run.googleapis.com', [
    { action: 'Services.CreateService', match: SUFFIX, category: 'privileged', kind: 'code_change', techniques: ['T1648'],
      summary: 'deployed a Cloud Run service', rollback: { text: 'Delete {resource} if unexpected.' } },
    { action: 'Services.ReplaceService', match: SUFFIX, category: 'privileged', kind: 'code_change', techniques: ['T1648'],
      summary: 'redeployed a Cloud Run service', rollback: { text: 'Route traffic back to the previous revision of {resource}.' } },
    { action: 'Services.UpdateService', match: SUFFIX, category: 'privileged', kind: 'code_change', techniques: ['T1648'],
      summary: 'redeployed a Cloud Run service', rollback: { text: 'Route traffic back to the previous revision of {resource}.' } },
  ]),
  ...forService('gcp', 'appengine.googleapis.com', [
    { action: 'Versions.CreateVersion', match: SUFFIX, category: 'privileged', kind: 'code_change', techniques: ['T1648'],
      summary: 'deployed an App Engine version', rollback: { text: 'Migrate traffic back to the previous version.' } },
  ]),
];

const secrets: CatalogEntry[] = [
  ...forService('gcp', 'secretmanager.googleapis.com', [
    { action: 'AccessSecretVersion', match: SUFFIX, category: 'privileged', kind: 'secrets', techniques: ['T1555.006'],
      summary: 'read a secret from Secret Manager',
      rollback: { text: 'Treat {name} as disclosed: add a new version with a rotated value and disable the old one.' } },
  ]),
  // Kubernetes (GKE) methods are unique without a service, and some exports lack serviceName.
  ...forService('gcp', undefined, [
    { action: 'core.v1.secrets.get', match: SUFFIX, category: 'privileged', kind: 'secrets', techniques: ['T1552.007'],
      summary: 'read a Kubernetes secret', rollback: { text: 'Rotate the secret {resource}.' } },
    { action: 'core.v1.secrets.list', match: SUFFIX, category: 'privileged', kind: 'secrets', techniques: ['T1552.007'],
      summary: 'listed Kubernetes secrets (with their values)', rollback: { text: 'Rotate the secrets in {resource}.' } },
  ]),
  ...forService('gcp', 'cloudkms.googleapis.com', [
    { action: 'Decrypt', match: SUFFIX, when: { caller: 'direct' }, category: 'privileged', kind: 'secrets', techniques: ['T1552'],
      summary: 'decrypted data with a Cloud KMS key', rollback: { text: 'Treat the decrypted data as disclosed; rotate any secret it held.' } },
  ]),
];

const PUBLIC_MEMBER: EntryCondition = { anyOf: [{ path: '', mentions: 'allUsers' }, { path: '', mentions: 'allAuthenticatedUsers' }] };

const dataExposure: CatalogEntry[] = [
  ...forService('gcp', 'storage.googleapis.com', [
    { action: 'storage.setIamPermissions', category: 'privileged', kind: 'data_exposure', techniques: ['T1530', 'T1537'],
      summary: 'changed who may read or write a Cloud Storage bucket',
      rollback: { text: 'Remove the members added to {resource} (allUsers / allAuthenticatedUsers first).' } },
    { action: 'storage.buckets.update', when: PUBLIC_MEMBER, category: 'privileged', kind: 'data_exposure', techniques: ['T1530'],
      summary: 'made a Cloud Storage bucket public (ACL)', rollback: { text: 'Remove allUsers / allAuthenticatedUsers from the ACL of {resource}.' } },
  ]),
  ...forService('gcp', 'compute.googleapis.com', [
    { action: 'compute.images.setIamPolicy', match: SUFFIX, category: 'privileged', kind: 'data_exposure', techniques: ['T1537'],
      summary: 'shared a VM image', rollback: { text: 'Remove the bindings added on {resource}.', command: `gcloud compute images get-iam-policy ${COMPUTE_URI}` } },
    { action: 'compute.disks.setIamPolicy', match: SUFFIX, category: 'privileged', kind: 'data_exposure', techniques: ['T1537'],
      summary: 'shared a disk', rollback: { text: 'Remove the bindings added on {resource}.', command: `gcloud compute disks get-iam-policy ${COMPUTE_URI}` } },
    { action: 'compute.snapshots.setIamPolicy', match: SUFFIX, category: 'privileged', kind: 'data_exposure', techniques: ['T1537'],
      summary: 'shared a disk snapshot', rollback: { text: 'Remove the bindings added on {resource}.', command: `gcloud compute snapshots get-iam-policy ${COMPUTE_URI}` } },
    { action: 'compute.machineImages.setIamPolicy', match: SUFFIX, category: 'privileged', kind: 'data_exposure', techniques: ['T1537'],
      summary: 'shared a machine image', rollback: { text: 'Remove the bindings added on {resource}.' } },
  ]),
  ...forService('gcp', 'bigquery.googleapis.com', [
    { action: 'DatasetService.UpdateDataset', match: SUFFIX, when: PUBLIC_MEMBER, category: 'privileged', kind: 'data_exposure',
      techniques: ['T1530'], summary: 'made a BigQuery dataset public', rollback: { text: 'Remove allUsers / allAuthenticatedUsers from the access list of {resource}.' } },
    { action: 'DatasetService.PatchDataset', match: SUFFIX, when: PUBLIC_MEMBER, category: 'privileged', kind: 'data_exposure',
      techniques: ['T1530'], summary: 'made a BigQuery dataset public', rollback: { text: 'Remove allUsers / allAuthenticatedUsers from the access list of {resource}.' } },
  ]),
  ...forService('gcp', undefined, [
    { action: 'cloudsql.instances.export', match: SUFFIX, category: 'privileged', kind: 'data_exposure', techniques: ['T1537'],
      summary: 'exported a Cloud SQL database to a bucket', rollback: { text: 'Check the export destination; delete the exported data if unexpected.' } },
  ]),
];

const networkExposure: CatalogEntry[] = [
  ...forService('gcp', 'compute.googleapis.com', [
    { action: 'compute.firewalls.insert', match: SUFFIX, when: { path: 'alloweds', present: true }, category: 'privileged',
      kind: 'network_exposure', techniques: ['T1562.007'], summary: 'added a VPC firewall rule allowing traffic',
      rollback: { text: 'Delete the firewall rule {resource} if unexpected.', command: `gcloud compute firewall-rules delete ${COMPUTE_URI}` } },
    { action: 'compute.firewalls.patch', match: SUFFIX, category: 'privileged', kind: 'network_exposure', techniques: ['T1562.007'],
      summary: 'changed a VPC firewall rule', rollback: { text: 'Restore the previous ranges and ports of {resource}.' } },
    { action: 'compute.firewalls.update', match: SUFFIX, category: 'privileged', kind: 'network_exposure', techniques: ['T1562.007'],
      summary: 'changed a VPC firewall rule', rollback: { text: 'Restore the previous ranges and ports of {resource}.' } },
    { action: 'compute.firewalls.delete', match: SUFFIX, category: 'privileged', kind: 'network_exposure', techniques: ['T1562.007'],
      summary: 'deleted a VPC firewall rule (removing a deny rule opens traffic)', rollback: { text: 'Recreate the firewall rule {resource} if it protected something.' } },
    { action: 'compute.instances.addAccessConfig', match: SUFFIX, category: 'privileged', kind: 'network_exposure', techniques: ['T1562.007'],
      summary: 'gave a VM a public IP address', rollback: { text: 'Remove the external access config of the VM.' } },
  ]),
  ...forService('gcp', undefined, [
    { action: 'cloudsql.instances.update', match: SUFFIX, when: { path: '', mentions: '0.0.0.0/0' }, category: 'privileged',
      kind: 'network_exposure', techniques: ['T1562.007'], summary: 'opened a Cloud SQL instance to the whole internet',
      rollback: { text: 'Remove 0.0.0.0/0 from the authorized networks of {resource}.' } },
    { action: 'cloudsql.instances.patch', match: SUFFIX, when: { path: '', mentions: '0.0.0.0/0' }, category: 'privileged',
      kind: 'network_exposure', techniques: ['T1562.007'], summary: 'opened a Cloud SQL instance to the whole internet',
      rollback: { text: 'Remove 0.0.0.0/0 from the authorized networks of {resource}.' } },
  ]),
  ...forService('gcp', undefined, [
    { action: 'Firewall.CreateIngressRule', match: SUFFIX, category: 'privileged', kind: 'network_exposure', techniques: ['T1562.007'],
      summary: 'added an App Engine firewall rule', rollback: { text: 'Delete the rule if unexpected.' } },
    { action: 'Firewall.UpdateIngressRule', match: SUFFIX, category: 'privileged', kind: 'network_exposure', techniques: ['T1562.007'],
      summary: 'changed an App Engine firewall rule', rollback: { text: 'Restore the previous rule.' } },
    { action: 'Firewall.PatchIngressRule', match: SUFFIX, category: 'privileged', kind: 'network_exposure', techniques: ['T1562.007'],
      summary: 'changed an App Engine firewall rule', rollback: { text: 'Restore the previous rule.' } },
    { action: 'Firewall.DeleteIngressRule', match: SUFFIX, category: 'privileged', kind: 'network_exposure', techniques: ['T1562.007'],
      summary: 'deleted an App Engine firewall rule', rollback: { text: 'Recreate the rule if it protected something.' } },
  ]),
];

const destruction: CatalogEntry[] = [
  ...forService('gcp', 'compute.googleapis.com', [
    { action: 'compute.instances.delete', match: SUFFIX, category: 'privileged', kind: 'destruction', techniques: ['T1578.003', 'T1485'],
      summary: 'deleted a VM', rollback: { text: 'Recreate the VM from an image, machine image or snapshots.' } },
    { action: 'compute.disks.delete', match: SUFFIX, category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a disk', rollback: { text: 'Restore the disk from its latest snapshot.' } },
    { action: 'compute.snapshots.delete', match: SUFFIX, category: 'privileged', kind: 'destruction', techniques: ['T1490'],
      summary: 'deleted a disk snapshot', rollback: { text: 'The snapshot {resource} cannot be recovered; check other backups.' } },
  ]),
  ...forService('gcp', 'storage.googleapis.com', [
    { action: 'storage.buckets.delete', category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a Cloud Storage bucket', rollback: { text: 'Restore the bucket {resource} (soft delete) or recreate it from backups.' } },
    { action: 'storage.objects.get', category: 'privileged', kind: 'data_access', techniques: ['T1530'], summary: 'downloaded a Cloud Storage object',
      rollback: { text: 'A download cannot be undone: review {resource} for sensitive data and rotate any secret it holds' } },
  ]),
  ...forService('gcp', undefined, [
    { action: 'cloudsql.instances.delete', match: SUFFIX, category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a Cloud SQL instance', rollback: { text: 'Restore the instance from a retained backup.' } },
    { action: 'cloudsql.backupRuns.delete', match: SUFFIX, category: 'privileged', kind: 'destruction', techniques: ['T1490'],
      summary: 'deleted a Cloud SQL backup', rollback: { text: 'Check the remaining backups of the instance.' } },
  ]),
  ...forService('gcp', 'cloudkms.googleapis.com', [
    { action: 'DestroyCryptoKeyVersion', match: SUFFIX, category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'scheduled a Cloud KMS key version for destruction',
      rollback: { text: 'Restore the key version {resource} while it is scheduled for destruction (gcloud kms keys versions restore).' } },
    { action: 'UpdateCryptoKeyVersion', match: SUFFIX, when: { path: 'cryptoKeyVersion.state', equals: 'DISABLED' }, category: 'privileged',
      kind: 'destruction', techniques: ['T1485'], summary: 'disabled a Cloud KMS key version',
      rollback: { text: 'Enable the key version {resource} again (gcloud kms keys versions enable).' } },
  ]),
  ...forService('gcp', 'bigquery.googleapis.com', [
    { action: 'DatasetService.DeleteDataset', match: SUFFIX, category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a BigQuery dataset', rollback: { text: 'Undelete the dataset within its time-travel window.' } },
    { action: 'TableService.DeleteTable', match: SUFFIX, category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a BigQuery table', rollback: { text: 'Restore the table from a snapshot or time travel.' } },
  ]),
  ...forService('gcp', 'container.googleapis.com', [
    { action: 'ClusterManager.DeleteCluster', match: SUFFIX, category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a GKE cluster', rollback: { text: 'Recreate the cluster and redeploy its workloads.' } },
  ]),
  ...forService('gcp', 'secretmanager.googleapis.com', [
    { action: 'SecretManagerService.DeleteSecret', match: SUFFIX, category: 'privileged', kind: 'destruction', techniques: ['T1485'],
      summary: 'deleted a secret', rollback: { text: 'Recreate the secret {name} from its source.' } },
  ]),
  ...forService('gcp', 'iam.googleapis.com', [
    { action: 'DeleteServiceAccount', match: SUFFIX, category: 'privileged', kind: 'destruction', techniques: ['T1531'],
      summary: 'deleted a service account', rollback: { text: 'Undelete the service account within 30 days.', command: 'gcloud beta iam service-accounts undelete <numeric-id>' } },
  ]),
];

const orgAccount: CatalogEntry[] = [
  ...forService('gcp', 'cloudresourcemanager.googleapis.com', [
    { action: 'DeleteProject', match: SUFFIX, category: 'privileged', kind: 'org_account', techniques: ['T1485'],
      summary: 'deleted a project', rollback: { text: 'Restore the project {resource} within 30 days (gcloud projects undelete <project-id>).' } },
    { action: 'MoveProject', match: SUFFIX, category: 'privileged', kind: 'org_account', techniques: ['T1666'],
      summary: 'moved a project to another folder or organization', rollback: { text: 'Move {resource} back to its previous parent.' } },
    { action: 'MoveFolder', match: SUFFIX, category: 'privileged', kind: 'org_account', techniques: ['T1666'],
      summary: 'moved a folder', rollback: { text: 'Move {resource} back to its previous parent.' } },
    { action: 'SetOrgPolicy', match: SUFFIX, category: 'privileged', kind: 'org_account', techniques: ['T1484'],
      summary: 'changed an organization policy constraint', rollback: { text: 'Restore the previous constraint on {resource}.' } },
    { action: 'ClearOrgPolicy', match: SUFFIX, category: 'privileged', kind: 'org_account', techniques: ['T1484'],
      summary: 'removed an organization policy constraint', rollback: { text: 'Set the constraint on {resource} again.' } },
  ]),
  ...forService('gcp', 'orgpolicy.googleapis.com', [
    { action: 'OrgPolicy.CreatePolicy', match: SUFFIX, category: 'privileged', kind: 'org_account', techniques: ['T1484'],
      summary: 'set an organization policy', rollback: { text: 'Review the policy {resource}.' } },
    { action: 'OrgPolicy.UpdatePolicy', match: SUFFIX, category: 'privileged', kind: 'org_account', techniques: ['T1484'],
      summary: 'changed an organization policy', rollback: { text: 'Restore the previous policy {resource}.' } },
    { action: 'OrgPolicy.DeletePolicy', match: SUFFIX, category: 'privileged', kind: 'org_account', techniques: ['T1484'],
      summary: 'deleted an organization policy', rollback: { text: 'Recreate the policy {resource}.' } },
  ]),
  ...forService('gcp', 'admin.googleapis.com', [
    { action: 'inboundSsoProfileCreated', match: SUFFIX, category: 'privileged', kind: 'org_account', techniques: ['T1484.002'],
      summary: 'added an inbound SSO profile (a new party may sign users in)', rollback: { text: 'Delete the SSO profile if unexpected.' } },
    { action: 'inboundSsoProfileUpdated', match: SUFFIX, category: 'privileged', kind: 'org_account', techniques: ['T1484.002'],
      summary: 'changed an inbound SSO profile', rollback: { text: 'Restore the previous SSO profile settings.' } },
  ]),
];

const tamper: CatalogEntry[] = [
  ...forService('gcp', 'logging.googleapis.com', [
    { action: 'ConfigServiceV2.DeleteSink', match: SUFFIX, category: 'tamper', kind: 'logging_deleted', techniques: ['T1562.008'],
      summary: 'deleted a log sink (logs stop flowing to their destination)', rollback: { text: 'Recreate the sink {sinkName} with its previous destination and filter.' } },
    { action: 'ConfigServiceV2.UpdateSink', match: SUFFIX, category: 'tamper', kind: 'logging_modified', techniques: ['T1562.008'],
      summary: 'changed a log sink (destination, filter or exclusions)', rollback: { text: 'Restore the previous destination and filter of {sinkName}.' } },
    { action: 'ConfigServiceV2.DeleteBucket', match: SUFFIX, category: 'tamper', kind: 'logging_deleted', techniques: ['T1562.008'],
      summary: 'deleted a log bucket', rollback: { text: 'Undelete the log bucket {name} within 7 days.' } },
    { action: 'ConfigServiceV2.UpdateBucket', match: SUFFIX, category: 'tamper', kind: 'logging_modified', techniques: ['T1562.008'],
      summary: 'changed a log bucket (retention)', rollback: { text: 'Restore the previous retention of {name}.' } },
    { action: 'ConfigServiceV2.CreateExclusion', match: SUFFIX, category: 'tamper', kind: 'logging_modified', techniques: ['T1562.008'],
      summary: 'excluded logs from ingestion', rollback: { text: 'Delete the exclusion if unexpected.' } },
    { action: 'ConfigServiceV2.UpdateExclusion', match: SUFFIX, category: 'tamper', kind: 'logging_modified', techniques: ['T1562.008'],
      summary: 'changed a log exclusion', rollback: { text: 'Restore the previous exclusion filter of {name}.' } },
    { action: 'ConfigServiceV2.UpdateSettings', match: SUFFIX, category: 'tamper', kind: 'logging_modified', techniques: ['T1562.008'],
      summary: 'changed the default log routing settings', rollback: { text: 'Restore the previous logging settings of {name}.' } },
    { action: 'LoggingServiceV2.DeleteLog', match: SUFFIX, category: 'tamper', kind: 'logging_deleted', techniques: ['T1562.008'],
      summary: 'deleted a log and its entries', rollback: { text: 'The entries of {logName} are lost; check copies in sinks.' } },
  ]),
  ...forService('gcp', 'cloudresourcemanager.googleapis.com', [
    { action: 'SetIamPolicy', match: SUFFIX, when: { in: 'details', path: 'policyDelta.auditConfigDeltas', present: true }, category: 'tamper',
      kind: 'logging_modified', techniques: ['T1562.008'], summary: 'changed which Data Access audit logs are recorded',
      rollback: { text: 'Restore the audit configuration of {resource} (see auditConfigDeltas).' } },
  ]),
  ...forService('gcp', 'compute.googleapis.com', [
    { action: 'compute.subnetworks.patch', match: SUFFIX,
      when: { anyOf: [{ path: 'logConfig.enable', equals: false }, { path: 'enableFlowLogs', equals: false }] }, category: 'tamper',
      kind: 'logging_disabled', techniques: ['T1562.008'], summary: 'turned off VPC flow logs on a subnet',
      rollback: { text: 'Enable flow logs on the subnet again.', command: `gcloud compute networks subnets update ${COMPUTE_URI} --enable-flow-logs` } },
  ]),
  ...forService('gcp', 'monitoring.googleapis.com', [
    { action: 'AlertPolicyService.DeleteAlertPolicy', match: SUFFIX, category: 'tamper', kind: 'detection_disabled', techniques: ['T1562.001'],
      summary: 'deleted a Cloud Monitoring alert policy', rollback: { text: 'Recreate the alert policy {name}.' } },
    { action: 'NotificationChannelService.DeleteNotificationChannel', match: SUFFIX, category: 'tamper', kind: 'detection_disabled',
      techniques: ['T1562.001'], summary: 'deleted an alert notification channel', rollback: { text: 'Recreate the notification channel {name}.' } },
  ]),
  ...forService('gcp', 'securitycenter.googleapis.com', [
    { action: 'SecurityCenter.DeleteNotificationConfig', match: SUFFIX, category: 'tamper', kind: 'detection_disabled', techniques: ['T1562.001'],
      summary: 'stopped Security Command Center finding notifications', rollback: { text: 'Recreate the notification config {name}.' } },
    { action: 'SecurityCenter.CreateMuteConfig', match: SUFFIX, category: 'tamper', kind: 'detection_disabled', techniques: ['T1562.001'],
      summary: 'muted Security Command Center findings', rollback: { text: 'Delete the mute rule if unexpected.' } },
  ]),
];

const recon: CatalogEntry[] = [
  ...forService('gcp', undefined, [
    { action: 'TestIamPermissions', match: SUFFIX, category: 'recon', kind: 'enumeration', techniques: ['T1069.003'],
      summary: 'tested which permissions the caller holds' },
    { action: 'GetIamPolicy', match: SUFFIX, category: 'recon', kind: 'enumeration', techniques: ['T1069.003'],
      summary: 'read IAM role bindings' },
  ]),
  ...forService('gcp', 'iam.googleapis.com', [
    { action: 'ListServiceAccounts', match: SUFFIX, category: 'recon', kind: 'enumeration', techniques: ['T1087.004'], summary: 'listed service accounts' },
    { action: 'ListServiceAccountKeys', match: SUFFIX, category: 'recon', kind: 'enumeration', techniques: ['T1087.004'], summary: 'listed service account keys' },
    { action: 'ListRoles', match: SUFFIX, category: 'recon', kind: 'enumeration', techniques: ['T1069.003'], summary: 'listed IAM roles' },
    { action: 'QueryGrantableRoles', match: SUFFIX, category: 'recon', kind: 'enumeration', techniques: ['T1069.003'], summary: 'listed the roles grantable on a resource' },
  ]),
  ...forService('gcp', 'cloudresourcemanager.googleapis.com', [
    { action: 'ListProjects', match: SUFFIX, category: 'recon', kind: 'enumeration', techniques: ['T1580'], summary: 'listed projects' },
    { action: 'SearchProjects', match: SUFFIX, category: 'recon', kind: 'enumeration', techniques: ['T1580'], summary: 'searched projects' },
  ]),
  ...forService('gcp', 'compute.googleapis.com', [
    { action: 'compute.instances.list', match: SUFFIX, category: 'recon', kind: 'enumeration', techniques: ['T1580'], summary: 'listed VMs' },
    { action: 'compute.instances.aggregatedList', match: SUFFIX, category: 'recon', kind: 'enumeration', techniques: ['T1580'], summary: 'listed VMs in every zone' },
    { action: 'compute.firewalls.list', match: SUFFIX, category: 'recon', kind: 'enumeration', techniques: ['T1580'], summary: 'listed VPC firewall rules' },
  ]),
  ...forService('gcp', 'storage.googleapis.com', [
    { action: 'storage.buckets.list', category: 'recon', kind: 'enumeration', techniques: ['T1619'], summary: 'listed Cloud Storage buckets' },
    { action: 'storage.objects.list', category: 'recon', kind: 'enumeration', techniques: ['T1619'], summary: 'listed the objects of a bucket' },
  ]),
  ...forService('gcp', 'secretmanager.googleapis.com', [
    { action: 'SecretManagerService.ListSecrets', match: SUFFIX, category: 'recon', kind: 'secrets_listing', techniques: ['T1526'], summary: 'listed Secret Manager secrets' },
    { action: 'SecretManagerService.ListSecretVersions', match: SUFFIX, category: 'recon', kind: 'secrets_listing', techniques: ['T1526'], summary: 'listed the versions of a secret' },
  ]),
  ...forService('gcp', 'logging.googleapis.com', [
    { action: 'ConfigServiceV2.ListSinks', match: SUFFIX, category: 'recon', kind: 'enumeration', techniques: ['T1518.001'], summary: 'listed log sinks' },
  ]),
];

export const gcpActions: CatalogEntry[] = [
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
