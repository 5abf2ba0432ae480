/** GCP identities of the sample day and their habits. Weights are relative to the other GCP identities. */
import { ALWAYS_ON, CI_PIPELINES, CUSTOMER_TRAFFIC, type DailyProfile, workday } from '../../clock';
import type { GcpProject } from '../org';

export interface GcpHabit {
  method: string;
  weight: number;
  args?: Record<string, string>;
}

interface GcpIdentityBase {
  key: string;
  project: GcpProject['key'];
  weight: number;
  profile: DailyProfile;
  habits: GcpHabit[];
  /** Share of reads refused with PERMISSION_DENIED (people trying what they may not). */
  deniedRate?: number;
}

/** A person in the Cloud Console or with gcloud on their laptop. */
export interface GcpUserIdentity extends GcpIdentityBase {
  kind: 'gcp-user';
  person: string;
  via: 'console' | 'gcloud';
}

/** A workload's service account: GKE workload identity, a VM's attached account, a batch job. */
export interface GcpWorkloadIdentity extends GcpIdentityBase {
  kind: 'gcp-workload';
  /** Account id before `@`; `default-compute` means `<number>-compute@developer.gserviceaccount.com`. */
  account: string;
  /** `private` (Private Google Access), `gce-internal-ip`, or a VM's public address (host number in gcp-europe-west1). */
  caller: 'private' | 'gce-internal-ip' | { vmHost: number };
  userAgent: 'gkeMetadata' | 'goStorage' | 'javaClient' | 'pythonClient';
}

/** A Google-managed service agent acting in the project. */
export interface GcpServiceAgentIdentity extends GcpIdentityBase {
  kind: 'gcp-service-agent';
  /** Full e-mail template; `{number}` is replaced by the project number. */
  email: string;
  userAgent?: 'migController';
}

/** Terraform in GitHub Actions: workload identity federation, then the terraform service account. */
export interface GcpTerraformIdentity extends GcpIdentityBase {
  kind: 'gcp-terraform';
  repository: string;
}

export type GcpIdentity = GcpUserIdentity | GcpWorkloadIdentity | GcpServiceAgentIdentity | GcpTerraformIdentity;

const h = (method: string, weight: number, args?: Record<string, string>): GcpHabit => ({ method, weight, args });

const CONSOLE: GcpHabit[] = [
  h('compute.instances.list', 10),
  h('compute.instances.aggregatedList', 4),
  h('compute.instances.get', 6),
  h('compute.firewalls.list', 2),
  h('storage.buckets.list', 4),
  h('storage.objects.list', 5),
  h('storage.buckets.get', 2),
  h('logging.ListLogEntries', 8),
  h('monitoring.ListTimeSeries', 8),
  h('resourcemanager.GetIamPolicy', 2),
  h('resourcemanager.GetProject', 3),
  h('container.ListClusters', 2),
  h('container.GetCluster', 2),
  h('bigquery.InsertJob', 3),
  h('bigquery.GetQueryResults', 3),
  h('iam.ListServiceAccounts', 1),
  h('compute.instances.setLabels', 0.3),
];

const GCLOUD: GcpHabit[] = [
  h('compute.instances.list', 8),
  h('compute.instances.get', 5),
  h('container.GetCluster', 4),
  h('storage.objects.list', 6),
  h('storage.objects.get', 6),
  h('storage.objects.create', 2),
  h('logging.ListLogEntries', 4),
  h('resourcemanager.GetProject', 2),
  h('secretmanager.ListSecrets', 1),
  h('artifactregistry.DockerGetManifest', 2),
  h('compute.instances.start', 0.2),
  h('compute.instances.stop', 0.2),
];

const TERRAFORM: GcpHabit[] = [
  h('compute.instances.get', 10),
  h('compute.firewalls.list', 3),
  h('storage.buckets.get', 6),
  h('storage.getIamPermissions', 4),
  h('iam.GetServiceAccount', 5),
  h('resourcemanager.GetIamPolicy', 4),
  h('container.GetCluster', 3),
  h('storage.objects.get', 3, { bucket: 'northwind-prod-4821-exports', object: 'terraform/state/default.tfstate' }),
  h('storage.objects.create', 1, { bucket: 'northwind-prod-4821-exports', object: 'terraform/state/default.tfstate' }),
  h('compute.instances.setLabels', 1),
  h('resourcemanager.SetIamPolicy', 0.3),
];

export const GCP_IDENTITIES: readonly GcpIdentity[] = [
  // Workloads.
  {
    kind: 'gcp-workload', key: 'gcp:sa:orders-api', project: 'prod', account: 'orders-api', caller: 'private', userAgent: 'javaClient', weight: 16, profile: CUSTOMER_TRAFFIC,
    habits: [h('storage.objects.get', 10, { bucket: 'northwind-prod-4821-uploads', prefix: 'orders/' }), h('storage.objects.create', 8, { bucket: 'northwind-prod-4821-uploads', prefix: 'orders/' }), h('pubsub.Publish', 10, { topic: 'order-events' }), h('secretmanager.AccessSecretVersion', 1, { secret: 'orders-db-password' }), h('cloudkms.Decrypt', 2)],
  },
  {
    kind: 'gcp-workload', key: 'gcp:sa:ml-inference', project: 'prod', account: 'ml-inference', caller: 'gce-internal-ip', userAgent: 'pythonClient', weight: 6, profile: CUSTOMER_TRAFFIC,
    habits: [h('storage.objects.get', 10, { bucket: 'northwind-prod-4821-ml-models', prefix: 'models/v42/' }), h('storage.objects.list', 2, { bucket: 'northwind-prod-4821-ml-models' })],
  },
  {
    kind: 'gcp-workload', key: 'gcp:sa:default-compute-prod', project: 'prod', account: 'default-compute', caller: { vmHost: 20_117 }, userAgent: 'goStorage', weight: 8, profile: ALWAYS_ON,
    habits: [h('storage.objects.get', 8, { bucket: 'northwind-prod-4821-exports', prefix: 'config/' }), h('secretmanager.AccessSecretVersion', 2, { secret: 'jwt-signing-key' }), h('compute.instances.get', 2, { instance: 'api-gateway-1' })],
  },
  {
    kind: 'gcp-workload', key: 'gcp:sa:etl-runner', project: 'data', account: 'etl-runner', caller: { vmHost: 88_402 }, userAgent: 'pythonClient', weight: 12, profile: ALWAYS_ON,
    habits: [h('bigquery.InsertJob', 6), h('bigquery.GetQueryResults', 6), h('storage.objects.list', 3, { bucket: 'northwind-data-7730-lake-raw' }), h('storage.objects.get', 8, { bucket: 'northwind-data-7730-lake-raw', prefix: 'events/2026/11/20/' }), h('storage.objects.create', 6, { bucket: 'northwind-data-7730-lake-curated', prefix: 'daily/' }), h('pubsub.Publish', 2, { topic: 'lake-ingest' })],
  },
  {
    kind: 'gcp-workload', key: 'gcp:sa:deploy-admin', project: 'prod', account: 'deploy-admin', caller: 'private', userAgent: 'gkeMetadata', weight: 3, profile: CI_PIPELINES,
    habits: [h('container.GetCluster', 6), h('compute.instances.list', 4), h('compute.instances.get', 4), h('artifactregistry.DockerGetManifest', 4), h('compute.instances.setLabels', 0.5)],
  },
  // Google service agents.
  {
    kind: 'gcp-service-agent', key: 'gcp:agent:gke-robot-prod', project: 'prod', email: 'service-{number}@container-engine-robot.iam.gserviceaccount.com', weight: 10, profile: ALWAYS_ON,
    habits: [h('compute.instances.list', 4), h('compute.instances.get', 6), h('compute.instanceGroupManagers.get', 6)],
  },
  {
    kind: 'gcp-service-agent', key: 'gcp:agent:gke-robot-data', project: 'data', email: 'service-{number}@container-engine-robot.iam.gserviceaccount.com', weight: 5, profile: ALWAYS_ON,
    habits: [h('compute.instances.list', 4), h('compute.instances.get', 6), h('compute.instanceGroupManagers.get', 6)],
  },
  {
    kind: 'gcp-service-agent', key: 'gcp:agent:cloudservices-prod', project: 'prod', email: '{number}@cloudservices.gserviceaccount.com', userAgent: 'migController', weight: 1, profile: CUSTOMER_TRAFFIC,
    habits: [h('compute.instances.insert', 1), h('compute.instances.delete', 1)],
  },
  // CI/CD.
  { kind: 'gcp-terraform', key: 'gcp:terraform:prod', project: 'prod', repository: 'northwind-labs/infrastructure', weight: 8, profile: CI_PIPELINES, habits: TERRAFORM },
  // People.
  { kind: 'gcp-user', key: 'gcp:user:gina.rossi', project: 'prod', person: 'gina.rossi', via: 'gcloud', deniedRate: 0.01, weight: 2.2, profile: workday(1), habits: GCLOUD },
  { kind: 'gcp-user', key: 'gcp:user:hiro.tanaka', project: 'prod', person: 'hiro.tanaka', via: 'console', deniedRate: 0.01, weight: 2, profile: workday(1), habits: CONSOLE },
  { kind: 'gcp-user', key: 'gcp:user:sofia.garcia', project: 'data', person: 'sofia.garcia', via: 'console', weight: 1.5, profile: workday(1), habits: CONSOLE },
  { kind: 'gcp-user', key: 'gcp:user:emma.wilson', project: 'prod', person: 'emma.wilson', via: 'console', weight: 1, profile: workday(0), habits: CONSOLE.filter((x) => x.method !== 'compute.instances.setLabels') },
  { kind: 'gcp-user', key: 'gcp:user:lars.andersen', project: 'prod', person: 'lars.andersen', via: 'gcloud', weight: 1.5, profile: workday(1), habits: GCLOUD },
  { kind: 'gcp-user', key: 'gcp:user:tom.fischer', project: 'data', person: 'tom.fischer', via: 'gcloud', deniedRate: 0.02, weight: 1.5, profile: workday(1), habits: GCLOUD },
  { kind: 'gcp-user', key: 'gcp:user:raj.iyer', project: 'prod', person: 'raj.iyer', via: 'console', deniedRate: 0.02, weight: 1.2, profile: workday(5.5), habits: CONSOLE },
  { kind: 'gcp-user', key: 'gcp:user:zoe.clark', project: 'data', person: 'zoe.clark', via: 'console', weight: 1, profile: workday(0), habits: CONSOLE },
  { kind: 'gcp-user', key: 'gcp:user:pedro.alves', project: 'prod', person: 'pedro.alves', via: 'gcloud', weight: 1.2, profile: workday(0), habits: GCLOUD },
];
