/** The organisation of the sample day: its AWS accounts, GCP projects, Azure tenant and subscriptions, and what is in them. */

export const COMPANY_DOMAIN = 'northwind-labs.example';

export interface AwsInstance {
  id: string;
  region: string;
  name: string;
  /** The instance profile's role. */
  role: string;
}

export interface AwsAccount {
  key: 'prod' | 'dev' | 'shared';
  id: string;
  alias: string;
  regions: readonly string[];
  buckets: readonly string[];
  instances: readonly AwsInstance[];
  secrets: readonly string[];
  queues: readonly string[];
  tables: readonly string[];
  functions: readonly string[];
  kmsKeys: readonly string[];
  securityGroups: readonly string[];
  trail: string;
  guardDutyDetector: string;
  /** IAM user names (people and service users). */
  users: readonly string[];
  /** IAM role names. */
  roles: readonly string[];
}

export const AWS_ACCOUNTS: Record<AwsAccount['key'], AwsAccount> = {
  prod: {
    key: 'prod',
    id: '482913750264',
    alias: 'northwind-prod',
    regions: ['us-east-1', 'eu-west-1'],
    buckets: ['northwind-prod-orders-data', 'northwind-prod-static-assets', 'northwind-prod-reports', 'northwind-prod-backups', 'northwind-prod-app-config'],
    instances: [
      { id: 'i-0c8f3a61d2e47b905', region: 'us-east-1', name: 'orders-api-1', role: 'orders-app-server' },
      { id: 'i-07b2e9d4c1a58f362', region: 'us-east-1', name: 'orders-api-2', role: 'orders-app-server' },
      { id: 'i-0a5d71c3e9f24b688', region: 'us-east-1', name: 'batch-reports', role: 'batch-worker' },
      { id: 'i-03f6c8b2a7d19e451', region: 'eu-west-1', name: 'catalog-api-eu-1', role: 'catalog-app-server' },
    ],
    secrets: ['prod/orders/db-credentials', 'prod/payments/stripe-api-key', 'prod/reporting/warehouse', 'prod/app/session-signing-key'],
    queues: ['orders-events', 'payments-jobs', 'catalog-sync'],
    tables: ['orders', 'customers', 'payment-intents', 'catalog-items'],
    functions: ['image-resizer', 'nightly-report', 'orders-webhook'],
    kmsKeys: ['2f1c9b3e-8d4a-4e61-9a57-0c3e1b7d5f20', 'b7e0d1a4-3c2f-4b58-8e96-1f4a7c2d9e31'],
    securityGroups: ['sg-0a4c71e9d3b25f860', 'sg-03e9b1c7a5d42f816', 'sg-0f2d8a6c4e1b37a95'],
    trail: 'northwind-prod-org-trail',
    guardDutyDetector: '6ac9a1b2c3d4e5f60718293a4b5c6d7e',
    users: ['alice.nguyen', 'dana.kowalski', 'oliver.brown', 'zoe.clark', 'lars.andersen', 'chen.wei', 'svc-reporting', 'svc-backup'],
    roles: [
      'orders-app-server', 'batch-worker', 'catalog-app-server', 'eks-orders-api', 'eks-payments-worker', 'eks-catalog-sync',
      'lambda-image-resizer', 'lambda-nightly-report', 'lambda-orders-webhook', 'github-actions-deploy', 'EntraSSO-Engineer',
      'platform-admin', 'AWSServiceRoleForConfig',
    ],
  },
  dev: {
    key: 'dev',
    id: '739105628471',
    alias: 'northwind-dev',
    regions: ['us-east-1', 'us-west-2'],
    buckets: ['northwind-dev-artifacts', 'northwind-dev-orders-data', 'northwind-dev-scratch', 'northwind-dev-tfstate'],
    instances: [{ id: 'i-0e4b9d2f7a3c16580', region: 'us-west-2', name: 'dev-sandbox-1', role: 'dev-sandbox' }],
    secrets: ['dev/orders/db-credentials', 'dev/ci/github-token'],
    queues: ['orders-events-dev'],
    tables: ['orders-dev', 'customers-dev'],
    functions: ['image-resizer-dev', 'orders-webhook-dev'],
    kmsKeys: ['9c3e5a71-2b4d-4f86-a1c0-7d5e3b9f2a48'],
    securityGroups: ['sg-0b7e2c94f1a36d580', 'sg-06d1a8f3c5e29b740'],
    trail: 'northwind-dev-trail',
    guardDutyDetector: '2cb8e4f6a1d3c5b7e9f0a2c4d6e8f0a1',
    users: ['bruno.costa', 'priya.sharma', 'sam.taylor', 'david.kim', 'svc-ci-legacy'],
    roles: [
      'dev-sandbox', 'developer', 'dev-admin', 'github-actions-deploy', 'eks-orders-api-dev', 'lambda-image-resizer-dev',
      'lambda-orders-webhook-dev', 'EntraSSO-Developer', 'AWSServiceRoleForConfig',
    ],
  },
  shared: {
    key: 'shared',
    id: '215738904613',
    alias: 'northwind-shared-services',
    regions: ['us-east-1', 'eu-west-1'],
    buckets: ['northwind-shared-cloudtrail-logs', 'northwind-shared-backups', 'northwind-shared-jenkins-artifacts'],
    instances: [{ id: 'i-09d3a7e5c2b84f617', region: 'us-east-1', name: 'log-collector', role: 'log-collector' }],
    secrets: ['shared/jenkins/deploy-key', 'shared/backup/encryption-passphrase'],
    queues: ['backup-jobs'],
    tables: ['backup-catalog'],
    functions: ['log-forwarder'],
    kmsKeys: ['e4a7c1d9-5b3f-4e82-96a0-3c1d7f5b9e26'],
    securityGroups: ['sg-0e5a9c3f7b1d24680', 'sg-02c8f6a4e1b97d350'],
    trail: 'northwind-shared-trail',
    guardDutyDetector: '8ea2c4b6d8f0e1a3c5b7d9f1e3a5c7b9',
    users: ['ops-automation', 'break-glass-admin'],
    roles: ['log-collector', 'lambda-log-forwarder', 'EntraSSO-Auditor', 'AWSServiceRoleForConfig', 'OrganizationAccountAccessRole'],
  },
};

export interface GcpProject {
  key: 'prod' | 'data';
  id: string;
  number: string;
  region: string;
  zones: readonly string[];
  buckets: readonly string[];
  instances: readonly { name: string; id: string; zone: string }[];
  secrets: readonly string[];
  topics: readonly string[];
  datasets: readonly string[];
  cluster: string;
}

export const GCP_PROJECTS: Record<GcpProject['key'], GcpProject> = {
  prod: {
    key: 'prod',
    id: 'northwind-prod-4821',
    number: '731946205118',
    region: 'europe-west1',
    zones: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
    buckets: ['northwind-prod-4821-uploads', 'northwind-prod-4821-exports', 'northwind-prod-4821-ml-models'],
    instances: [
      { name: 'api-gateway-1', id: '4817263950184726351', zone: 'europe-west1-b' },
      { name: 'api-gateway-2', id: '6029384756102938475', zone: 'europe-west1-c' },
      { name: 'ml-inference-1', id: '2394857610293847561', zone: 'europe-west1-d' },
      { name: 'bastion-1', id: '8475610293847561029', zone: 'europe-west1-b' },
    ],
    secrets: ['orders-db-password', 'stripe-webhook-secret', 'jwt-signing-key'],
    topics: ['order-events', 'image-uploads'],
    datasets: ['analytics'],
    cluster: 'prod-gke-1',
  },
  data: {
    key: 'data',
    id: 'northwind-data-7730',
    number: '418273650924',
    region: 'europe-west4',
    zones: ['europe-west4-a', 'europe-west4-b'],
    buckets: ['northwind-data-7730-lake-raw', 'northwind-data-7730-lake-curated'],
    instances: [
      { name: 'etl-worker-1', id: '3928475610293847566', zone: 'europe-west4-a' },
      { name: 'notebook-ds-1', id: '7561029384756102931', zone: 'europe-west4-b' },
    ],
    secrets: ['warehouse-service-key'],
    topics: ['lake-ingest'],
    datasets: ['warehouse', 'marketing'],
    cluster: 'data-gke-1',
  },
};

export interface AzureSubscription {
  key: 'prod' | 'shared';
  id: string;
  name: string;
  location: string;
  resourceGroups: readonly string[];
  vms: readonly { name: string; resourceGroup: string }[];
  storageAccounts: readonly { name: string; resourceGroup: string }[];
  keyVaults: readonly { name: string; resourceGroup: string }[];
  webApps: readonly { name: string; resourceGroup: string }[];
  aksClusters: readonly { name: string; resourceGroup: string }[];
}

export const AZURE_TENANT = {
  id: 'c7d4e1a9-3b62-4f85-9e07-1a2b3c4d5e6f',
  domain: COMPANY_DOMAIN,
  managementGroup: 'northwind-root',
};

export const AZURE_SUBSCRIPTIONS: Record<AzureSubscription['key'], AzureSubscription> = {
  prod: {
    key: 'prod',
    id: '5f3a8c21-7d4e-4b96-a0c1-9e8d7f6a5b43',
    name: 'Northwind Production',
    location: 'westeurope',
    resourceGroups: ['rg-web-prod', 'rg-data-prod', 'rg-aks-prod'],
    vms: [
      { name: 'vm-web-01', resourceGroup: 'rg-web-prod' },
      { name: 'vm-web-02', resourceGroup: 'rg-web-prod' },
      { name: 'vm-sql-01', resourceGroup: 'rg-data-prod' },
      { name: 'vm-jump-01', resourceGroup: 'rg-web-prod' },
    ],
    storageAccounts: [
      { name: 'stnwprodweb01', resourceGroup: 'rg-web-prod' },
      { name: 'stnwproddata01', resourceGroup: 'rg-data-prod' },
    ],
    keyVaults: [{ name: 'kv-nw-prod-01', resourceGroup: 'rg-data-prod' }],
    webApps: [{ name: 'app-nw-portal-prod', resourceGroup: 'rg-web-prod' }],
    aksClusters: [{ name: 'aks-nw-prod', resourceGroup: 'rg-aks-prod' }],
  },
  shared: {
    key: 'shared',
    id: 'a1e9d3c7-6b52-48f4-8d1e-2c3b4a5f6e70',
    name: 'Northwind Shared Services',
    location: 'northeurope',
    resourceGroups: ['rg-identity-shared', 'rg-monitoring-shared', 'rg-backup-shared'],
    vms: [
      { name: 'vm-dc-01', resourceGroup: 'rg-identity-shared' },
      { name: 'vm-monitor-01', resourceGroup: 'rg-monitoring-shared' },
    ],
    storageAccounts: [
      { name: 'stnwsharedlogs01', resourceGroup: 'rg-monitoring-shared' },
      { name: 'stnwsharedbkp01', resourceGroup: 'rg-backup-shared' },
    ],
    keyVaults: [{ name: 'kv-nw-shared-01', resourceGroup: 'rg-identity-shared' }],
    webApps: [],
    aksClusters: [],
  },
};

/** Well-known Microsoft first-party application ids, as they appear in sign-ins and in Activity-log claims. */
export const MICROSOFT_APPS = {
  azurePortal: { id: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', name: 'Azure Portal' },
  azureCli: { id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', name: 'Microsoft Azure CLI' },
  azurePowerShell: { id: '1950a258-227b-4e31-a9cf-717495945fc2', name: 'Microsoft Azure PowerShell' },
  office: { id: '4765445b-32c6-49b0-83e6-1d93765276ca', name: 'OfficeHome' },
  teams: { id: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', name: 'Microsoft Teams' },
} as const;

export const AZURE_MANAGEMENT_RESOURCE = { id: '797f4846-ba00-4fd7-ba43-dac1f8f63013', name: 'Windows Azure Service Management API' };
