/**
 * AWS identities of the sample day and their habits: which calls they make (weighted), from where, with which agent.
 * Volume weights are relative to the other AWS identities; the generator scales them to the requested size.
 */
import { ALWAYS_ON, CI_PIPELINES, CUSTOMER_TRAFFIC, type DailyProfile, workday } from '../../clock';
import type { AwsScope } from '../../records/aws_apis';
import type { AwsAccount } from '../org';
import { personOf } from '../people';

export interface AwsHabit {
  api: string;
  weight: number;
  /** Default: the identity's region(s). */
  region?: string;
  args?: Record<string, string>;
}

/**
 * Ordinary failures: throttled service readers, people trying what they may not, clients asking for what is not there.
 * They make refusals and errors part of the background, so that an analytic cannot treat any error as an attack.
 */
export interface AwsBenignErrors {
  rate: number;
  kind: 'throttling' | 'denied' | 'not-found';
}

interface AwsIdentityBase {
  key: string;
  account: AwsAccount['key'];
  weight: number;
  profile: DailyProfile;
  habits: AwsHabit[];
  focus?: Partial<AwsScope>;
  errors?: AwsBenignErrors;
}

/** EC2 instance-profile credentials, minted by ec2.amazonaws.com and used from the instance's own address. */
export interface Ec2InstanceIdentity extends AwsIdentityBase {
  kind: 'ec2-instance';
  instanceId: string;
  /** User agent per service prefix of the API key (`ssm`, `logs`...), `default` otherwise. */
  agents: Record<string, string>;
  /** Host number of the instance's public IP in its region's AWS network. */
  publicHost: number;
}

/** Kubernetes pods on EKS with IAM roles for service accounts (AssumeRoleWithWebIdentity). */
export interface IrsaIdentity extends AwsIdentityBase {
  kind: 'eks-irsa';
  region: string;
  role: string;
  oidcId: string;
  namespace: string;
  serviceAccount: string;
  sdk: 'java' | 'go' | 'python';
  natHost: number;
}

export interface LambdaIdentity extends AwsIdentityBase {
  kind: 'lambda';
  region: string;
  functionName: string;
  role: string;
}

/** GitHub Actions: OIDC AssumeRoleWithWebIdentity into a deploy role, then Terraform. */
export interface GithubOidcIdentity extends AwsIdentityBase {
  kind: 'github-oidc';
  region: string;
  role: string;
  repository: string;
  /** One run from a runner address never seen before (benign novelty), at this time of day. */
  newRunnerAt?: string;
}

/** AWS Config recorder sessions (service-linked role) describing resources. */
export interface AwsConfigIdentity extends AwsIdentityBase {
  kind: 'aws-config';
  region: string;
}

/** CloudTrail delivering log files into the shared log bucket (S3 data events by the service itself). */
export interface TrailDeliveryIdentity extends AwsIdentityBase {
  kind: 'cloudtrail-delivery';
  region: string;
}

/** A person with an IAM user and a long-term key on their laptop (aws-cli), optionally assuming a role with it. */
export interface IamCliUserIdentity extends AwsIdentityBase {
  kind: 'iam-user-cli';
  person: string;
  regions: string[];
  /** Role the CLI profile assumes (calls then use the role session). */
  assumeRole?: string;
  /** Benign novelty: reads only from another home address in this window. */
  newHomeIp?: { from: string; to: string; host: number };
}

/** A person signing in to the console with an IAM user and MFA, then browsing. */
export interface IamConsoleUserIdentity extends AwsIdentityBase {
  kind: 'iam-user-console';
  person: string;
  regions: string[];
  /** Benign novelty: an on-call session that opens CloudShell and runs reads. */
  cloudShellAt?: string;
}

/** A person federated from Entra ID by SAML (sourceIdentity = their e-mail), in the console or with saml2aws. */
export interface SamlUserIdentity extends AwsIdentityBase {
  kind: 'saml-user';
  person: string;
  role: string;
  region: string;
  via: 'console' | 'cli';
}

/** A service user's long-term key used by an on-premises job runner. */
export interface ServiceUserIdentity extends AwsIdentityBase {
  kind: 'iam-service-user';
  user: string;
  network: string;
  host: number;
  userAgent: 'boto3Jenkins';
  regions: string[];
}

export type AwsIdentity =
  | Ec2InstanceIdentity
  | IrsaIdentity
  | LambdaIdentity
  | GithubOidcIdentity
  | AwsConfigIdentity
  | TrailDeliveryIdentity
  | IamCliUserIdentity
  | IamConsoleUserIdentity
  | SamlUserIdentity
  | ServiceUserIdentity;

const h = (api: string, weight: number, extra: Partial<AwsHabit> = {}): AwsHabit => ({ api, weight, ...extra });

const APP_SERVER: AwsHabit[] = [
  h('s3:GetObject', 30),
  h('s3:PutObject', 10),
  h('s3:HeadObject', 6),
  h('secretsmanager:GetSecretValue', 2),
  h('ssm:UpdateInstanceInformation', 6),
  h('ssm:ListInstanceAssociations', 6),
  h('ssm:GetParameter', 4),
  h('logs:CreateLogStream', 2),
  h('logs:DescribeLogStreams', 2),
  h('ec2:DescribeTags', 3),
  h('sqs:SendMessage', 12),
  h('kms:GenerateDataKey', 3),
  h('sts:GetCallerIdentity', 1),
];

const INSTANCE_AGENTS = {
  default: 'boto3Ec2',
  ssm: 'ssmAgent',
  logs: 'cloudwatchAgent',
  ec2: 'awsCliEc2',
};

const CONSOLE_BROWSING: AwsHabit[] = [
  h('ec2:DescribeInstances', 10),
  h('ec2:DescribeSecurityGroups', 4),
  h('ec2:DescribeVpcs', 2),
  h('ec2:DescribeInstanceStatus', 3),
  h('s3:ListBuckets', 5),
  h('s3:GetBucketLocation', 3),
  h('s3:GetBucketPolicy', 2),
  h('s3:GetBucketAcl', 2),
  h('s3:GetBucketVersioning', 2),
  h('s3:ListObjects', 5),
  h('monitoring:DescribeAlarms', 4),
  h('monitoring:GetMetricData', 6),
  h('logs:DescribeLogGroups', 2),
  h('logs:FilterLogEvents', 4),
  h('health:DescribeEventAggregates', 2),
  h('lambda:ListFunctions20150331', 2),
  h('lambda:GetFunction20150331v2', 2),
  h('iam:ListRoles', 1),
  h('iam:GetRole', 1),
  h('rds:DescribeDBInstances', 2),
  h('cloudtrail:LookupEvents', 1),
  h('ec2:CreateTags', 0.6),
  h('ec2:AuthorizeSecurityGroupIngress', 0.2, { args: { cidr: '10.40.0.0/16', port: '5432' } }),
];

const DEV_CLI: AwsHabit[] = [
  h('sts:GetCallerIdentity', 3),
  h('s3:ListBuckets', 3),
  h('s3:ListObjects', 8),
  h('s3:GetObject', 8),
  h('s3:PutObject', 3),
  h('ec2:DescribeInstances', 6),
  h('ec2:DescribeSecurityGroups', 2),
  h('logs:FilterLogEvents', 6),
  h('logs:DescribeLogGroups', 2),
  h('lambda:GetFunction20150331v2', 2),
  h('lambda:ListFunctions20150331', 1),
  h('dynamodb:DescribeTable', 2),
  h('dynamodb:Query', 3),
  h('sqs:GetQueueAttributes', 2),
  h('ecr:DescribeRepositories', 1),
  h('ecr:GetAuthorizationToken', 2),
  h('ssm:GetParameter', 2),
  h('secretsmanager:DescribeSecret', 1),
];

const TERRAFORM: AwsHabit[] = [
  h('sts:GetCallerIdentity', 3),
  h('iam:GetRole', 10),
  h('iam:ListAttachedRolePolicies', 6),
  h('iam:ListRolePolicies', 6),
  h('iam:ListInstanceProfilesForRole', 3),
  h('ec2:DescribeInstances', 6),
  h('ec2:DescribeSecurityGroups', 6),
  h('ec2:DescribeVpcs', 4),
  h('ec2:DescribeSubnets', 4),
  h('ec2:DescribeImages', 2),
  h('ec2:DescribeLaunchTemplates', 2),
  h('ec2:DescribeNetworkInterfaces', 2),
  h('s3:GetBucketPolicy', 4),
  h('s3:GetBucketAcl', 4),
  h('s3:GetBucketVersioning', 4),
  h('s3:GetBucketEncryption', 4),
  h('s3:GetBucketTagging', 4),
  h('s3:GetBucketPublicAccessBlock', 3),
  h('lambda:GetFunction20150331v2', 4),
  h('lambda:GetFunctionConfiguration20150331v2', 2),
  h('dynamodb:DescribeTable', 3),
  h('sqs:GetQueueAttributes', 3),
  h('kms:ListAliases', 1),
  h('logs:DescribeLogGroups', 2),
  // Writes: what a deploy actually changes.
  h('lambda:UpdateFunctionCode20150331v2', 1),
  h('ec2:CreateTags', 1),
  h('iam:PutRolePolicy', 0.4),
  h('iam:TagRole', 0.5),
  h('s3:PutBucketTagging', 0.5),
  h('s3:PutObject', 1.5, { args: { key: 'terraform/state/terraform.tfstate' } }),
  h('s3:GetObject', 2, { args: { key: 'terraform/state/terraform.tfstate' } }),
  h('dynamodb:PutItem', 1),
];

const CONFIG_RECORDER: AwsHabit[] = [
  h('ec2:DescribeInstances', 6),
  h('ec2:DescribeSecurityGroups', 6),
  h('ec2:DescribeVolumes', 4),
  h('ec2:DescribeNetworkInterfaces', 4),
  h('ec2:DescribeSubnets', 3),
  h('ec2:DescribeVpcs', 3),
  h('iam:GetRole', 4),
  h('iam:ListAttachedRolePolicies', 3),
  h('iam:GetUser', 2),
  h('iam:ListAttachedUserPolicies', 2),
  h('s3:GetBucketAcl', 3),
  h('s3:GetBucketPolicy', 3),
  h('s3:GetBucketVersioning', 2),
  h('s3:GetBucketEncryption', 2),
  h('lambda:GetFunction20150331v2', 2),
  h('rds:DescribeDBInstances', 1),
  h('config:PutEvaluations', 1),
];

export const AWS_IDENTITIES: readonly AwsIdentity[] = [
  // EC2 instances.
  {
    kind: 'ec2-instance', key: 'aws:ec2:orders-api-1', account: 'prod', instanceId: 'i-0c8f3a61d2e47b905', weight: 7,
    profile: CUSTOMER_TRAFFIC, habits: APP_SERVER, agents: INSTANCE_AGENTS, publicHost: 182_004, errors: { rate: 0.004, kind: 'not-found' },
    focus: { buckets: ['northwind-prod-orders-data', 'northwind-prod-app-config'], objectPrefixes: ['orders/2026/11/20/', 'config/'], secrets: ['prod/orders/db-credentials'], queues: ['orders-events'] },
  },
  {
    kind: 'ec2-instance', key: 'aws:ec2:orders-api-2', account: 'prod', instanceId: 'i-07b2e9d4c1a58f362', weight: 7,
    profile: CUSTOMER_TRAFFIC, habits: APP_SERVER, agents: INSTANCE_AGENTS, publicHost: 240_771, errors: { rate: 0.004, kind: 'not-found' },
    focus: { buckets: ['northwind-prod-orders-data', 'northwind-prod-app-config'], objectPrefixes: ['orders/2026/11/20/', 'config/'], secrets: ['prod/orders/db-credentials'], queues: ['orders-events'] },
  },
  {
    kind: 'ec2-instance', key: 'aws:ec2:batch-reports', account: 'prod', instanceId: 'i-0a5d71c3e9f24b688', weight: 4,
    profile: ALWAYS_ON, habits: [...APP_SERVER.filter((x) => x.api !== 'sqs:SendMessage'), h('dynamodb:Query', 10), h('sqs:ReceiveMessage', 6)],
    agents: INSTANCE_AGENTS, publicHost: 77_310,
    focus: { buckets: ['northwind-prod-reports', 'northwind-prod-orders-data'], objectPrefixes: ['reports/daily/', 'orders/2026/11/'], secrets: ['prod/reporting/warehouse'], queues: ['payments-jobs'], tables: ['orders', 'customers'] },
  },
  {
    kind: 'ec2-instance', key: 'aws:ec2:catalog-api-eu-1', account: 'prod', instanceId: 'i-03f6c8b2a7d19e451', weight: 4,
    profile: CUSTOMER_TRAFFIC, habits: APP_SERVER, agents: INSTANCE_AGENTS, publicHost: 51_230,
    focus: { buckets: ['northwind-prod-static-assets'], objectPrefixes: ['catalog/images/', 'catalog/feeds/'], secrets: ['prod/app/session-signing-key'], queues: ['catalog-sync'] },
  },
  {
    kind: 'ec2-instance', key: 'aws:ec2:dev-sandbox-1', account: 'dev', instanceId: 'i-0e4b9d2f7a3c16580', weight: 2,
    profile: ALWAYS_ON, habits: APP_SERVER, agents: INSTANCE_AGENTS, publicHost: 301_992,
    focus: { buckets: ['northwind-dev-scratch', 'northwind-dev-artifacts'], objectPrefixes: ['sandbox/', 'builds/'], secrets: ['dev/orders/db-credentials'], queues: ['orders-events-dev'] },
  },
  {
    kind: 'ec2-instance', key: 'aws:ec2:log-collector', account: 'shared', instanceId: 'i-09d3a7e5c2b84f617', weight: 3,
    profile: ALWAYS_ON,
    habits: [h('s3:PutObject', 20), h('s3:ListObjects', 4), h('ssm:UpdateInstanceInformation', 5), h('ssm:ListInstanceAssociations', 5), h('logs:CreateLogStream', 2), h('kms:GenerateDataKey', 3)],
    agents: INSTANCE_AGENTS, publicHost: 133_007,
    focus: { buckets: ['northwind-shared-backups'], objectPrefixes: ['syslog/2026/11/20/'] },
  },
  // EKS workloads with IRSA.
  {
    kind: 'eks-irsa', key: 'aws:eks:orders-api', account: 'prod', region: 'us-east-1', role: 'eks-orders-api', oidcId: 'B3D7F1A2C4E6081927A5C3E1F0D2B4A6',
    namespace: 'orders', serviceAccount: 'orders-api', sdk: 'java', natHost: 400_120, weight: 12, profile: CUSTOMER_TRAFFIC,
    habits: [h('dynamodb:GetItem', 30), h('dynamodb:PutItem', 10), h('dynamodb:Query', 12), h('dynamodb:UpdateItem', 8), h('sqs:SendMessage', 10), h('s3:PutObject', 4), h('kms:Decrypt', 2)],
    focus: { tables: ['orders', 'customers'], queues: ['orders-events'], buckets: ['northwind-prod-orders-data'], objectPrefixes: ['orders/2026/11/20/'] },
  },
  {
    kind: 'eks-irsa', key: 'aws:eks:payments-worker', account: 'prod', region: 'us-east-1', role: 'eks-payments-worker', oidcId: 'B3D7F1A2C4E6081927A5C3E1F0D2B4A6',
    namespace: 'payments', serviceAccount: 'payments-worker', sdk: 'go', natHost: 400_121, weight: 8, profile: CUSTOMER_TRAFFIC,
    habits: [h('sqs:ReceiveMessage', 30), h('sqs:DeleteMessage', 20), h('dynamodb:GetItem', 10), h('dynamodb:UpdateItem', 10), h('secretsmanager:GetSecretValue', 1)],
    focus: { tables: ['payment-intents'], queues: ['payments-jobs'], secrets: ['prod/payments/stripe-api-key'] },
  },
  {
    kind: 'eks-irsa', key: 'aws:eks:catalog-sync', account: 'prod', region: 'eu-west-1', role: 'eks-catalog-sync', oidcId: '5E8C2A9F1B7D3E6C0A4F8B2D6E1C9A37',
    namespace: 'catalog', serviceAccount: 'catalog-sync', sdk: 'python', natHost: 9_877, weight: 6, profile: ALWAYS_ON, errors: { rate: 0.01, kind: 'not-found' },
    habits: [h('s3:GetObject', 14), h('s3:PutObject', 8), h('s3:ListObjects', 4), h('sqs:ReceiveMessage', 10), h('sqs:DeleteMessage', 6), h('dynamodb:PutItem', 6)],
    focus: { buckets: ['northwind-prod-static-assets'], objectPrefixes: ['catalog/feeds/', 'catalog/images/'], queues: ['catalog-sync'], tables: ['catalog-items'] },
  },
  {
    kind: 'eks-irsa', key: 'aws:eks:orders-api-dev', account: 'dev', region: 'us-east-1', role: 'eks-orders-api-dev', oidcId: '0F6A3C9E2D8B1F5A7C4E0D3B9A6F2C81',
    namespace: 'orders', serviceAccount: 'orders-api', sdk: 'java', natHost: 500_433, weight: 3, profile: workday(0, 0.2),
    habits: [h('dynamodb:GetItem', 12), h('dynamodb:PutItem', 4), h('sqs:SendMessage', 5), h('s3:PutObject', 2)],
    focus: { tables: ['orders-dev'], queues: ['orders-events-dev'], buckets: ['northwind-dev-orders-data'] },
  },
  // Lambda functions.
  {
    kind: 'lambda', key: 'aws:lambda:image-resizer', account: 'prod', region: 'us-east-1', functionName: 'image-resizer', role: 'lambda-image-resizer',
    weight: 4, profile: CUSTOMER_TRAFFIC, habits: [h('s3:GetObject', 10), h('s3:PutObject', 10)],
    focus: { buckets: ['northwind-prod-static-assets'], objectPrefixes: ['uploads/', 'resized/'] },
  },
  {
    kind: 'lambda', key: 'aws:lambda:orders-webhook', account: 'prod', region: 'us-east-1', functionName: 'orders-webhook', role: 'lambda-orders-webhook',
    weight: 3, profile: CUSTOMER_TRAFFIC, habits: [h('dynamodb:UpdateItem', 8), h('sqs:SendMessage', 6), h('secretsmanager:GetSecretValue', 1)],
    focus: { tables: ['orders'], queues: ['orders-events'], secrets: ['prod/payments/stripe-api-key'] },
  },
  {
    kind: 'lambda', key: 'aws:lambda:nightly-report', account: 'prod', region: 'eu-west-1', functionName: 'nightly-report', role: 'lambda-nightly-report',
    weight: 1.5, profile: [1, 1, 1, 0.6, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8],
    habits: [h('dynamodb:Query', 10), h('s3:PutObject', 4), h('s3:GetObject', 2)],
    focus: { tables: ['orders', 'customers'], buckets: ['northwind-prod-reports'], objectPrefixes: ['reports/daily/'] },
  },
  {
    kind: 'lambda', key: 'aws:lambda:image-resizer-dev', account: 'dev', region: 'us-east-1', functionName: 'image-resizer-dev', role: 'lambda-image-resizer-dev',
    weight: 0.5, profile: workday(0, 0.1), habits: [h('s3:GetObject', 5), h('s3:PutObject', 5)],
    focus: { buckets: ['northwind-dev-scratch'], objectPrefixes: ['uploads/', 'resized/'] },
  },
  {
    kind: 'lambda', key: 'aws:lambda:log-forwarder', account: 'shared', region: 'us-east-1', functionName: 'log-forwarder', role: 'lambda-log-forwarder',
    weight: 2, profile: ALWAYS_ON, habits: [h('s3:GetObject', 10), h('kms:Decrypt', 3)],
    focus: { buckets: ['northwind-shared-cloudtrail-logs'], objectPrefixes: ['AWSLogs/'] },
  },
  // CI/CD.
  {
    kind: 'github-oidc', key: 'aws:github:infrastructure-prod', account: 'prod', region: 'us-east-1', role: 'github-actions-deploy',
    repository: 'northwind-labs/infrastructure', weight: 5, profile: CI_PIPELINES, habits: TERRAFORM, newRunnerAt: '15:12', errors: { rate: 0.02, kind: 'not-found' },
    focus: { buckets: ['northwind-prod-app-config', 'northwind-prod-static-assets'], roles: ['orders-app-server', 'eks-orders-api', 'lambda-image-resizer', 'github-actions-deploy'] },
  },
  {
    kind: 'github-oidc', key: 'aws:github:infrastructure-dev', account: 'dev', region: 'us-east-1', role: 'github-actions-deploy',
    repository: 'northwind-labs/infrastructure', weight: 4, profile: CI_PIPELINES, habits: TERRAFORM, errors: { rate: 0.03, kind: 'not-found' },
    focus: { buckets: ['northwind-dev-tfstate', 'northwind-dev-artifacts'], roles: ['dev-sandbox', 'eks-orders-api-dev', 'lambda-image-resizer-dev'] },
  },
  // AWS services.
  { kind: 'aws-config', key: 'aws:config:prod', account: 'prod', region: 'us-east-1', weight: 5, profile: ALWAYS_ON, habits: CONFIG_RECORDER, errors: { rate: 0.03, kind: 'throttling' } },
  { kind: 'aws-config', key: 'aws:config:prod-eu', account: 'prod', region: 'eu-west-1', weight: 2, profile: ALWAYS_ON, habits: CONFIG_RECORDER.filter((x) => !x.api.startsWith('iam:')), errors: { rate: 0.03, kind: 'throttling' } },
  { kind: 'aws-config', key: 'aws:config:dev', account: 'dev', region: 'us-east-1', weight: 2, profile: ALWAYS_ON, habits: CONFIG_RECORDER, errors: { rate: 0.03, kind: 'throttling' } },
  { kind: 'aws-config', key: 'aws:config:shared', account: 'shared', region: 'us-east-1', weight: 1.5, profile: ALWAYS_ON, habits: CONFIG_RECORDER, errors: { rate: 0.03, kind: 'throttling' } },
  { kind: 'cloudtrail-delivery', key: 'aws:cloudtrail:delivery', account: 'shared', region: 'us-east-1', weight: 3, profile: ALWAYS_ON, habits: [h('s3:PutObject', 1)] },
  // The on-premises job runner's service user.
  {
    kind: 'iam-service-user', key: 'aws:user:ops-automation', account: 'shared', user: 'ops-automation', network: 'dc-london', host: 5,
    userAgent: 'boto3Jenkins', regions: ['us-east-1', 'eu-west-1'], weight: 2.5, profile: ALWAYS_ON,
    habits: [
      h('sts:GetCallerIdentity', 2), h('s3:PutObject', 10), h('s3:ListObjects', 4), h('ec2:DescribeInstances', 5), h('ec2:DescribeSnapshots', 3),
      h('ssm:GetParameter', 3), h('cloudtrail:GetTrailStatus', 1), h('cloudtrail:DescribeTrails', 1), h('dynamodb:PutItem', 4), h('sqs:SendMessage', 3),
    ],
    focus: { buckets: ['northwind-shared-jenkins-artifacts', 'northwind-shared-backups'], objectPrefixes: ['jobs/nightly/', 'jobs/hourly/'], tables: ['backup-catalog'], queues: ['backup-jobs'] },
  },
  // People with IAM users and keys.
  {
    kind: 'iam-user-cli', key: 'aws:user:alice.nguyen', account: 'prod', person: 'alice.nguyen', regions: ['us-east-1', 'eu-west-1'],
    weight: 1.2, profile: workday(0), habits: DEV_CLI, errors: { rate: 0.015, kind: 'denied' }, focus: { buckets: ['northwind-prod-reports', 'northwind-prod-orders-data'] },
  },
  {
    kind: 'iam-user-cli', key: 'aws:user:lars.andersen', account: 'prod', person: 'lars.andersen', regions: ['eu-west-1'],
    weight: 0.8, profile: workday(1), habits: DEV_CLI, errors: { rate: 0.02, kind: 'denied' },
  },
  {
    kind: 'iam-user-cli', key: 'aws:user:bruno.costa', account: 'dev', person: 'bruno.costa', regions: ['us-east-1', 'us-west-2'],
    assumeRole: 'developer', weight: 1, profile: workday(0), habits: DEV_CLI, errors: { rate: 0.02, kind: 'denied' },
  },
  {
    kind: 'iam-user-cli', key: 'aws:user:priya.sharma', account: 'dev', person: 'priya.sharma', regions: ['us-east-1'],
    weight: 0.6, profile: workday(5.5), habits: DEV_CLI, newHomeIp: { from: '12:05', to: '13:10', host: 61_877 },
  },
  {
    kind: 'iam-user-cli', key: 'aws:user:sam.taylor', account: 'dev', person: 'sam.taylor', regions: ['us-west-2'],
    weight: 0.7, profile: workday(-8), habits: DEV_CLI, errors: { rate: 0.02, kind: 'denied' },
  },
  // People who use the console with an IAM user and MFA.
  { kind: 'iam-user-console', key: 'aws:user:dana.kowalski', account: 'prod', person: 'dana.kowalski', regions: ['eu-west-1', 'us-east-1'], weight: 1, profile: workday(1), habits: CONSOLE_BROWSING, errors: { rate: 0.01, kind: 'denied' } },
  { kind: 'iam-user-console', key: 'aws:user:oliver.brown', account: 'prod', person: 'oliver.brown', regions: ['eu-west-1'], weight: 0.9, profile: workday(0), habits: CONSOLE_BROWSING, errors: { rate: 0.015, kind: 'denied' } },
  { kind: 'iam-user-console', key: 'aws:user:zoe.clark', account: 'prod', person: 'zoe.clark', regions: ['us-east-1'], weight: 0.8, profile: workday(0), habits: CONSOLE_BROWSING },
  {
    kind: 'iam-user-console', key: 'aws:user:chen.wei', account: 'prod', person: 'chen.wei', regions: ['us-east-1'], weight: 0.6, profile: workday(8),
    habits: CONSOLE_BROWSING, cloudShellAt: '09:34',
  },
  { kind: 'iam-user-console', key: 'aws:user:david.kim', account: 'dev', person: 'david.kim', regions: ['us-west-2'], weight: 0.5, profile: workday(-8), habits: CONSOLE_BROWSING },
  // People federated from Entra ID.
  { kind: 'saml-user', key: 'aws:saml:marcus.johnson', account: 'prod', person: 'marcus.johnson', role: 'EntraSSO-Engineer', region: 'us-east-1', via: 'console', weight: 0.9, profile: workday(-8), habits: CONSOLE_BROWSING },
  { kind: 'saml-user', key: 'aws:saml:nina.patel', account: 'prod', person: 'nina.patel', role: 'EntraSSO-Engineer', region: 'us-east-1', via: 'console', weight: 0.8, profile: workday(-5), habits: CONSOLE_BROWSING },
  { kind: 'saml-user', key: 'aws:saml:sofia.garcia', account: 'dev', person: 'sofia.garcia', role: 'EntraSSO-Developer', region: 'us-east-1', via: 'cli', weight: 0.7, profile: workday(1), habits: DEV_CLI, errors: { rate: 0.03, kind: 'denied' } },
  {
    errors: { rate: 0.02, kind: 'denied' },
    kind: 'saml-user', key: 'aws:saml:emma.wilson', account: 'shared', person: 'emma.wilson', role: 'EntraSSO-Auditor', region: 'us-east-1', via: 'console', weight: 0.6, profile: workday(0),
    habits: [h('cloudtrail:LookupEvents', 6), h('cloudtrail:DescribeTrails', 2), h('cloudtrail:GetTrailStatus', 2), h('guardduty:ListFindings', 4), h('guardduty:GetDetector', 1), h('iam:GetAccountSummary', 1), h('access-analyzer:ListAnalyzers', 1), h('s3:ListBuckets', 2), h('ce:GetCostAndUsage', 2)],
  },
];

/** People referenced here must exist. */
export function awsIdentityPeople(): string[] {
  return AWS_IDENTITIES.flatMap((i) => ('person' in i ? [personOf(i.person).key] : []));
}
