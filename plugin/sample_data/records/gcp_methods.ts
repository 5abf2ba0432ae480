/**
 * The GCP API methods the sample day calls, as data: which audit log records them, the permission checked, the
 * monitored resource, and request/response/metadata where the real logs carry them. Keys are short names
 * (`compute.instances.list`); `method` is the methodName the log shows.
 */
import type { Rng } from '../random';
import type { GcpProject } from '../scenario/org';
import type { GcpCaller } from './gcp_audit';
import type { Json, JsonObject } from './json';

export interface GcpMethodContext {
  rng: Rng;
  time: number;
  project: GcpProject;
  args: Readonly<Record<string, string | undefined>>;
  caller: GcpCaller;
}

export interface GcpTarget {
  resourceName: string;
  type: string;
  labels: Record<string, string>;
  location?: string;
  authResource?: string;
  resourceAttributes?: JsonObject;
}

export interface GcpMethod {
  key: string;
  service: string;
  method: string;
  log: 'activity' | 'data_access';
  permission: string;
  permissionType?: 'ADMIN_READ' | 'DATA_READ' | 'DATA_WRITE';
  readOnly: boolean;
  listing?: boolean;
  /** Long-running compute operation: logged twice (first and last). */
  operation?: boolean;
  /** gcloud command that calls it, for user agents. */
  gcloud: string;
  target: (c: GcpMethodContext) => GcpTarget;
  request?: (c: GcpMethodContext, resourceName: string) => JsonObject;
  response?: (c: GcpMethodContext, resourceName: string, op?: { id: string; phase: 'first' | 'last' }) => JsonObject;
  metadata?: (c: GcpMethodContext) => JsonObject;
  serviceData?: (c: GcpMethodContext) => JsonObject;
}

const METHODS = new Map<string, GcpMethod>();

function def(m: GcpMethod): void {
  METHODS.set(m.key, m);
}

export function gcpMethod(key: string): GcpMethod {
  const m = METHODS.get(key);
  if (!m) throw new Error(`unknown GCP method ${key}`);
  return m;
}

export function allGcpMethods(): GcpMethod[] {
  return [...METHODS.values()];
}

const arg = (c: GcpMethodContext, name: string, fallback: () => string): string => c.args[name] ?? fallback();

function instance(c: GcpMethodContext): { name: string; id: string; zone: string } {
  const name = c.args.instance;
  const found = name ? c.project.instances.find((i) => i.name === name) : undefined;
  return found ?? c.rng.pick(c.project.instances);
}

function instanceTarget(c: GcpMethodContext): GcpTarget {
  const i = instance(c);
  return {
    resourceName: `projects/${c.project.id}/zones/${i.zone}/instances/${i.name}`,
    type: 'gce_instance',
    labels: { instance_id: i.id, project_id: c.project.id, zone: i.zone },
    location: i.zone,
    resourceAttributes: { name: `projects/${c.project.id}/zones/${i.zone}/instances/${i.name}`, service: 'compute', type: 'compute.instances' },
  };
}

function zoneListTarget(c: GcpMethodContext): GcpTarget {
  const zone = c.rng.pick(c.project.zones);
  return {
    resourceName: `projects/${c.project.id}/zones/${zone}/instances`,
    type: 'gce_instance',
    labels: { instance_id: '', project_id: c.project.id, zone },
    location: zone,
    authResource: `projects/${c.project.id}`,
    resourceAttributes: { name: `projects/${c.project.id}`, service: 'resourcemanager', type: 'resourcemanager.projects' },
  };
}

function computeOperation(type: string) {
  return (c: GcpMethodContext, resourceName: string, op?: { id: string; phase: 'first' | 'last' }): JsonObject => {
    const id = op?.id ?? `operation-${c.time}-${c.rng.hex(6)}`;
    const zone = resourceName.split('/')[3] ?? '';
    return {
      '@type': 'type.googleapis.com/operation',
      id: c.rng.digits(19),
      insertTime: new Date(c.time).toISOString(),
      name: id,
      operationType: type,
      progress: op?.phase === 'last' ? '100' : '0',
      selfLink: `https://www.googleapis.com/compute/v1/projects/${c.project.id}/zones/${zone}/operations/${id}`,
      status: op?.phase === 'last' ? 'DONE' : 'RUNNING',
      targetLink: `https://www.googleapis.com/compute/v1/${resourceName}`,
      user: c.caller.email ?? '',
      zone: `https://www.googleapis.com/compute/v1/projects/${c.project.id}/zones/${zone}`,
    };
  };
}

function computeRead(key: string, method: string, permission: string, listing: boolean, target: (c: GcpMethodContext) => GcpTarget, gcloud: string): void {
  def({ key, service: 'compute.googleapis.com', method, log: 'data_access', permission, permissionType: 'ADMIN_READ', readOnly: true, listing, gcloud, target, request: () => ({ '@type': `type.googleapis.com/compute.${key.split('.').slice(1).join('.')}` }) });
}

computeRead('compute.instances.list', 'v1.compute.instances.list', 'compute.instances.list', true, zoneListTarget, 'gcloud.compute.instances.list');
computeRead('compute.instances.aggregatedList', 'beta.compute.instances.aggregatedList', 'compute.instances.list', true, (c) => ({
  resourceName: `projects/${c.project.id}/global/instances`,
  type: 'gce_instance',
  labels: { instance_id: '', project_id: c.project.id, zone: '' },
  location: 'global',
  authResource: `projects/${c.project.id}`,
}), 'gcloud.compute.instances.list');
computeRead('compute.instances.get', 'v1.compute.instances.get', 'compute.instances.get', false, instanceTarget, 'gcloud.compute.instances.describe');
computeRead('compute.firewalls.list', 'v1.compute.firewalls.list', 'compute.firewalls.list', true, (c) => ({
  resourceName: `projects/${c.project.id}/global/firewalls`,
  type: 'gce_firewall_rule',
  labels: { firewall_rule_id: '', project_id: c.project.id },
  location: 'global',
}), 'gcloud.compute.firewall-rules.list');
computeRead('compute.instanceGroupManagers.get', 'v1.compute.instanceGroupManagers.get', 'compute.instanceGroupManagers.get', false, (c) => {
  const zone = c.rng.pick(c.project.zones);
  return {
    resourceName: `projects/${c.project.id}/zones/${zone}/instanceGroupManagers/gke-${c.project.cluster}-default-pool-${c.rng.hex(4)}-grp`,
    type: 'gce_instance_group_manager',
    labels: { instance_group_manager_id: c.rng.digits(19), instance_group_manager_name: `gke-${c.project.cluster}-default-pool-grp`, location: zone, project_id: c.project.id },
    location: zone,
  };
}, 'gcloud.compute.instance-groups.managed.describe');

function computeWrite(key: string, verb: string, extra: Partial<GcpMethod> = {}): void {
  def({
    key,
    service: 'compute.googleapis.com',
    method: `v1.compute.instances.${verb}`,
    log: 'activity',
    permission: `compute.instances.${verb}`,
    readOnly: false,
    operation: true,
    gcloud: `gcloud.compute.instances.${verb.replace(/[A-Z]/g, (x) => '-' + x.toLowerCase())}`,
    target: instanceTarget,
    request: () => ({ '@type': `type.googleapis.com/compute.instances.${verb}` }),
    response: computeOperation(verb),
    ...extra,
  });
}

computeWrite('compute.instances.setLabels', 'setLabels', { gcloud: 'gcloud.compute.instances.add-labels' });
computeWrite('compute.instances.start', 'start');
computeWrite('compute.instances.stop', 'stop');
computeWrite('compute.instances.reset', 'reset');
computeWrite('compute.instances.insert', 'insert', { gcloud: 'gcloud.compute.instances.create' });
computeWrite('compute.instances.delete', 'delete');
computeWrite('compute.instances.setMetadata', 'setMetadata', {
  gcloud: 'gcloud.compute.instances.add-metadata',
  metadata: (c) => ({
    '@type': 'type.googleapis.com/google.cloud.audit.GceInstanceAuditMetadata',
    instanceMetadataDelta: c.args.metadataKey ? { addedMetadataKeys: [c.args.metadataKey] } : { modifiedMetadataKeys: ['enable-oslogin'] },
  }),
  request: (c) => ({
    '@type': 'type.googleapis.com/compute.instances.setMetadata',
    Metadata: { Fingerprint: c.rng.hex(8), Items: [{ Key: c.args.metadataKey ?? 'enable-oslogin' }] },
  }),
});

// Cloud Storage.
function bucketTarget(c: GcpMethodContext, objectName?: string): GcpTarget {
  const bucket = arg(c, 'bucket', () => c.rng.pick(c.project.buckets));
  return {
    resourceName: objectName === undefined ? `projects/_/buckets/${bucket}` : `projects/_/buckets/${bucket}/objects/${objectName}`,
    type: 'gcs_bucket',
    labels: { bucket_name: bucket, location: c.project.region, project_id: c.project.id },
    location: c.project.region,
  };
}
const objectName = (c: GcpMethodContext): string => arg(c, 'object', () => `${c.args.prefix ?? 'data/'}${c.rng.hex(6)}.json`);

def({ key: 'storage.objects.get', service: 'storage.googleapis.com', method: 'storage.objects.get', log: 'data_access', permission: 'storage.objects.get', permissionType: 'DATA_READ', readOnly: true, gcloud: 'gcloud.storage.cp', target: (c) => bucketTarget(c, objectName(c)) });
def({ key: 'storage.objects.create', service: 'storage.googleapis.com', method: 'storage.objects.create', log: 'data_access', permission: 'storage.objects.create', permissionType: 'DATA_WRITE', readOnly: false, gcloud: 'gcloud.storage.cp', target: (c) => bucketTarget(c, objectName(c)) });
def({ key: 'storage.objects.list', service: 'storage.googleapis.com', method: 'storage.objects.list', log: 'data_access', permission: 'storage.objects.list', permissionType: 'DATA_READ', readOnly: true, listing: true, gcloud: 'gcloud.storage.ls', target: (c) => bucketTarget(c) });
def({ key: 'storage.buckets.list', service: 'storage.googleapis.com', method: 'storage.buckets.list', log: 'data_access', permission: 'storage.buckets.list', permissionType: 'ADMIN_READ', readOnly: true, listing: true, gcloud: 'gcloud.storage.ls', target: (c) => ({ resourceName: `projects/_/buckets`, type: 'gcs_bucket', labels: { bucket_name: '', location: 'global', project_id: c.project.id }, authResource: `projects/_/buckets` }) });
def({ key: 'storage.buckets.get', service: 'storage.googleapis.com', method: 'storage.buckets.get', log: 'data_access', permission: 'storage.buckets.get', permissionType: 'ADMIN_READ', readOnly: true, gcloud: 'gcloud.storage.buckets.describe', target: (c) => bucketTarget(c) });
def({ key: 'storage.getIamPermissions', service: 'storage.googleapis.com', method: 'storage.getIamPermissions', log: 'data_access', permission: 'storage.buckets.getIamPolicy', permissionType: 'ADMIN_READ', readOnly: true, gcloud: 'gcloud.storage.buckets.get-iam-policy', target: (c) => bucketTarget(c) });

// IAM and service-account credentials.
function saTarget(c: GcpMethodContext): GcpTarget {
  const email = arg(c, 'serviceAccount', () => `terraform@${c.project.id}.iam.gserviceaccount.com`);
  const uid = arg(c, 'serviceAccountId', () => '1' + c.rng.digits(20));
  return {
    resourceName: `projects/-/serviceAccounts/${uid}`,
    type: 'service_account',
    labels: { email_id: email, project_id: c.project.id, unique_id: uid },
    resourceAttributes: { name: `projects/-/serviceAccounts/${uid}` },
  };
}
def({
  key: 'iam.ListServiceAccounts', service: 'iam.googleapis.com', method: 'google.iam.admin.v1.ListServiceAccounts', log: 'data_access', permission: 'iam.serviceAccounts.list', permissionType: 'ADMIN_READ', readOnly: true, listing: true,
  gcloud: 'gcloud.iam.service-accounts.list',
  target: (c) => ({ resourceName: `projects/${c.project.id}`, type: 'service_account', labels: { email_id: '', project_id: c.project.id, unique_id: '' } }),
  request: (c) => ({ '@type': 'type.googleapis.com/google.iam.admin.v1.ListServiceAccountsRequest', name: `projects/${c.project.id}` }),
});
def({
  key: 'iam.GetServiceAccount', service: 'iam.googleapis.com', method: 'google.iam.admin.v1.GetServiceAccount', log: 'data_access', permission: 'iam.serviceAccounts.get', permissionType: 'ADMIN_READ', readOnly: true,
  gcloud: 'gcloud.iam.service-accounts.describe', target: saTarget,
  request: (c) => ({ '@type': 'type.googleapis.com/google.iam.admin.v1.GetServiceAccountRequest', name: `projects/${c.project.id}/serviceAccounts/${c.args.serviceAccount ?? ''}` }),
});
def({
  key: 'iam.ListServiceAccountKeys', service: 'iam.googleapis.com', method: 'google.iam.admin.v1.ListServiceAccountKeys', log: 'data_access', permission: 'iam.serviceAccountKeys.list', permissionType: 'ADMIN_READ', readOnly: true, listing: true,
  gcloud: 'gcloud.iam.service-accounts.keys.list', target: saTarget,
});
def({
  key: 'iam.CreateServiceAccountKey', service: 'iam.googleapis.com', method: 'google.iam.admin.v1.CreateServiceAccountKey', log: 'activity', permission: 'iam.serviceAccountKeys.create', readOnly: false,
  gcloud: 'gcloud.iam.service-accounts.keys.create', target: saTarget,
  request: (c) => ({ '@type': 'type.googleapis.com/google.iam.admin.v1.CreateServiceAccountKeyRequest', name: `projects/${c.project.id}/serviceAccounts/${c.args.serviceAccount ?? ''}`, private_key_type: 2 }),
  response: (c) => ({
    '@type': 'type.googleapis.com/google.iam.admin.v1.ServiceAccountKey',
    key_algorithm: 2,
    key_origin: 2,
    key_type: 1,
    name: `projects/${c.project.id}/serviceAccounts/${c.args.serviceAccount ?? ''}/keys/${c.args.keyId ?? c.rng.hex(20)}`,
    private_key_type: 2,
    valid_after_time: { seconds: Math.floor(c.time / 1000) },
    valid_before_time: { seconds: 253402300799 },
  }),
});
def({
  key: 'iamcredentials.GenerateAccessToken', service: 'iamcredentials.googleapis.com', method: 'GenerateAccessToken', log: 'data_access', permission: 'iam.serviceAccounts.getAccessToken', permissionType: 'ADMIN_READ', readOnly: true,
  gcloud: 'gcloud.auth.print-access-token',
  target: saTarget,
  request: (c) => ({ '@type': 'type.googleapis.com/google.iam.credentials.v1.GenerateAccessTokenRequest', name: `projects/-/serviceAccounts/${c.args.serviceAccount ?? ''}` }),
  metadata: (c) => ({ identityDelegationChain: [`projects/-/serviceAccounts/${c.args.serviceAccount ?? ''}`] }),
});

// Project IAM policy.
function projectTarget(c: GcpMethodContext): GcpTarget {
  return {
    resourceName: `projects/${c.project.id}`,
    type: 'project',
    labels: { project_id: c.project.id },
    resourceAttributes: { name: `projects/${c.project.id}`, service: 'cloudresourcemanager.googleapis.com', type: 'cloudresourcemanager.googleapis.com/Project' },
  };
}
function policyBindings(c: GcpMethodContext): Json[] {
  const bindings: Json[] = [
    { members: [`serviceAccount:service-${c.project.number}@compute-system.iam.gserviceaccount.com`], role: 'roles/compute.serviceAgent' },
    { members: [`serviceAccount:${c.project.number}-compute@developer.gserviceaccount.com`, `serviceAccount:${c.project.number}@cloudservices.gserviceaccount.com`], role: 'roles/editor' },
    { members: ['group:platform-admins@northwind-labs.example', `serviceAccount:terraform@${c.project.id}.iam.gserviceaccount.com`], role: 'roles/owner' },
    { members: ['group:engineering@northwind-labs.example'], role: 'roles/viewer' },
  ];
  if (c.args.addMember && c.args.addRole) bindings.push({ members: [c.args.addMember], role: c.args.addRole });
  return bindings;
}
def({
  key: 'resourcemanager.GetIamPolicy', service: 'cloudresourcemanager.googleapis.com', method: 'GetIamPolicy', log: 'data_access', permission: 'resourcemanager.projects.getIamPolicy', permissionType: 'ADMIN_READ', readOnly: true,
  gcloud: 'gcloud.projects.get-iam-policy', target: projectTarget,
  request: (c) => ({ '@type': 'type.googleapis.com/google.iam.v1.GetIamPolicyRequest', resource: c.project.id, options: { requestedPolicyVersion: 3 } }),
});
def({
  key: 'resourcemanager.SetIamPolicy', service: 'cloudresourcemanager.googleapis.com', method: 'SetIamPolicy', log: 'activity', permission: 'resourcemanager.projects.setIamPolicy', readOnly: false,
  gcloud: 'gcloud.projects.add-iam-policy-binding', target: projectTarget,
  request: (c) => ({ '@type': 'type.googleapis.com/google.iam.v1.SetIamPolicyRequest', resource: c.project.id, policy: { bindings: policyBindings(c), etag: 'BwY' + c.rng.alnum(9) + '=' } }),
  response: (c) => ({ '@type': 'type.googleapis.com/google.iam.v1.Policy', bindings: policyBindings(c), etag: 'BwY' + c.rng.alnum(9) + '=', version: 1 }),
  serviceData: (c) => ({
    '@type': 'type.googleapis.com/google.iam.v1.logging.AuditData',
    policyDelta: { bindingDeltas: [{ action: 'ADD', member: c.args.addMember ?? `serviceAccount:ci-runner@${c.project.id}.iam.gserviceaccount.com`, role: c.args.addRole ?? 'roles/storage.objectViewer' }] },
  }),
});
def({ key: 'resourcemanager.GetProject', service: 'cloudresourcemanager.googleapis.com', method: 'GetProject', log: 'data_access', permission: 'resourcemanager.projects.get', permissionType: 'ADMIN_READ', readOnly: true, gcloud: 'gcloud.projects.describe', target: projectTarget });

// Secrets, Pub/Sub, BigQuery, Logging, Monitoring, GKE, Artifact Registry, KMS.
function audited(c: GcpMethodContext, service: string, method: string): Record<string, string> {
  return { method, project_id: c.project.id, service };
}
def({
  key: 'secretmanager.AccessSecretVersion', service: 'secretmanager.googleapis.com', method: 'google.cloud.secretmanager.v1.SecretManagerService.AccessSecretVersion', log: 'data_access',
  permission: 'secretmanager.versions.access', permissionType: 'DATA_READ', readOnly: true, gcloud: 'gcloud.secrets.versions.access',
  target: (c) => {
    const name = `projects/${c.project.number}/secrets/${arg(c, 'secret', () => c.rng.pick(c.project.secrets))}/versions/latest`;
    return { resourceName: name, type: 'audited_resource', labels: audited(c, 'secretmanager.googleapis.com', 'google.cloud.secretmanager.v1.SecretManagerService.AccessSecretVersion') };
  },
  request: (c) => ({ '@type': 'type.googleapis.com/google.cloud.secretmanager.v1.AccessSecretVersionRequest', name: `projects/${c.project.number}/secrets/${c.args.secret ?? c.project.secrets[0]}/versions/latest` }),
});
def({
  key: 'secretmanager.ListSecrets', service: 'secretmanager.googleapis.com', method: 'google.cloud.secretmanager.v1.SecretManagerService.ListSecrets', log: 'data_access',
  permission: 'secretmanager.secrets.list', permissionType: 'ADMIN_READ', readOnly: true, listing: true, gcloud: 'gcloud.secrets.list',
  target: (c) => ({ resourceName: `projects/${c.project.number}`, type: 'audited_resource', labels: audited(c, 'secretmanager.googleapis.com', 'google.cloud.secretmanager.v1.SecretManagerService.ListSecrets') }),
});
def({
  key: 'pubsub.Publish', service: 'pubsub.googleapis.com', method: 'google.pubsub.v1.Publisher.Publish', log: 'data_access', permission: 'pubsub.topics.publish', permissionType: 'DATA_WRITE', readOnly: false,
  gcloud: 'gcloud.pubsub.topics.publish',
  target: (c) => {
    const topic = arg(c, 'topic', () => c.rng.pick(c.project.topics));
    return { resourceName: `projects/${c.project.id}/topics/${topic}`, type: 'pubsub_topic', labels: { project_id: c.project.id, topic_id: topic } };
  },
});
def({
  key: 'bigquery.InsertJob', service: 'bigquery.googleapis.com', method: 'google.cloud.bigquery.v2.JobService.InsertJob', log: 'data_access', permission: 'bigquery.jobs.create', permissionType: 'DATA_WRITE', readOnly: false,
  gcloud: 'gcloud.bq.query',
  target: (c) => ({ resourceName: `projects/${c.project.id}/jobs/bquxjob_${c.rng.hex(4)}_${c.rng.hex(6)}`, type: 'bigquery_project', labels: { location: 'EU', project_id: c.project.id } }),
  metadata: (c) => {
    const ds = c.rng.pick(c.project.datasets);
    return {
      '@type': 'type.googleapis.com/google.cloud.audit.BigQueryAuditMetadata',
      jobInsertion: { job: { jobConfig: { queryConfig: { query: `SELECT order_date, SUM(total) FROM \`${c.project.id}.${ds}.orders\` GROUP BY 1`, statementType: 'SELECT' }, type: 'QUERY' }, jobName: `projects/${c.project.id}/jobs/bquxjob_${c.rng.hex(4)}` } },
    };
  },
});
def({
  key: 'bigquery.GetQueryResults', service: 'bigquery.googleapis.com', method: 'google.cloud.bigquery.v2.JobService.GetQueryResults', log: 'data_access', permission: 'bigquery.jobs.get', permissionType: 'DATA_READ', readOnly: true,
  gcloud: 'gcloud.bq.query',
  target: (c) => ({ resourceName: `projects/${c.project.id}/queries/bquxjob_${c.rng.hex(4)}`, type: 'bigquery_project', labels: { location: 'EU', project_id: c.project.id } }),
});
def({
  key: 'logging.ListLogEntries', service: 'logging.googleapis.com', method: 'google.logging.v2.LoggingServiceV2.ListLogEntries', log: 'data_access', permission: 'logging.logEntries.list', permissionType: 'DATA_READ', readOnly: true,
  gcloud: 'gcloud.logging.read',
  target: (c) => ({ resourceName: `projects/${c.project.id}`, type: 'project', labels: { project_id: c.project.id } }),
});
def({
  key: 'monitoring.ListTimeSeries', service: 'monitoring.googleapis.com', method: 'google.monitoring.v3.MetricService.ListTimeSeries', log: 'data_access', permission: 'monitoring.timeSeries.list', permissionType: 'DATA_READ', readOnly: true,
  gcloud: 'gcloud.monitoring.time-series.list',
  target: (c) => ({ resourceName: `projects/${c.project.id}`, type: 'audited_resource', labels: audited(c, 'monitoring.googleapis.com', 'google.monitoring.v3.MetricService.ListTimeSeries') }),
});
def({
  key: 'container.GetCluster', service: 'container.googleapis.com', method: 'google.container.v1.ClusterManager.GetCluster', log: 'data_access', permission: 'container.clusters.get', permissionType: 'ADMIN_READ', readOnly: true,
  gcloud: 'gcloud.container.clusters.get-credentials',
  target: (c) => ({
    resourceName: `projects/${c.project.id}/locations/${c.project.region}/clusters/${c.project.cluster}`,
    type: 'gke_cluster',
    labels: { cluster_name: c.project.cluster, location: c.project.region, project_id: c.project.id },
  }),
});
def({
  key: 'container.ListClusters', service: 'container.googleapis.com', method: 'google.container.v1.ClusterManager.ListClusters', log: 'data_access', permission: 'container.clusters.list', permissionType: 'ADMIN_READ', readOnly: true, listing: true,
  gcloud: 'gcloud.container.clusters.list',
  target: (c) => ({ resourceName: `projects/${c.project.id}/locations/-`, type: 'gke_cluster', labels: { cluster_name: '', location: '', project_id: c.project.id } }),
});
def({
  key: 'artifactregistry.DockerGetManifest', service: 'artifactregistry.googleapis.com', method: 'Docker-GetManifest', log: 'data_access', permission: 'artifactregistry.repositories.downloadArtifacts', permissionType: 'DATA_READ', readOnly: true,
  gcloud: 'gcloud.artifacts.docker.images.describe',
  target: (c) => ({
    resourceName: `projects/${c.project.id}/locations/europe/repositories/containers/dockerImages/orders-api`,
    type: 'audited_resource',
    labels: audited(c, 'artifactregistry.googleapis.com', 'Docker-GetManifest'),
  }),
});
def({
  key: 'cloudkms.Decrypt', service: 'cloudkms.googleapis.com', method: 'Decrypt', log: 'data_access', permission: 'cloudkms.cryptoKeyVersions.useToDecrypt', permissionType: 'DATA_READ', readOnly: true,
  gcloud: 'gcloud.kms.decrypt',
  target: (c) => ({
    resourceName: `projects/${c.project.id}/locations/${c.project.region}/keyRings/app/cryptoKeys/data-key`,
    type: 'cloudkms_cryptokey',
    labels: { crypto_key_id: 'data-key', key_ring_id: 'app', location: c.project.region, project_id: c.project.id },
  }),
});
