/**
 * The on-premises job runner's service user `ops-automation` (boto3 from the London data centre, around the clock)
 * is used from a VPS in Lithuania with aws-cli: a wide enumeration across services and regions with many refusals,
 * then CloudTrail StopLogging and DeleteTrail and GuardDuty DeleteDetector.
 */
import { iamUserIdentity, userArn } from '../records/cloudtrail';
import { hostIp } from '../scenario/networks';
import { AWS_ACCOUNTS } from '../scenario/org';
import { awsCli } from '../scenario/user_agents';
import type { ChainDefinition } from './chain';
import { AwsChain, type AwsStep } from './chain_builder';

const account = AWS_ACCOUNTS.shared;
const trail = `arn:aws:cloudtrail:us-east-1:${account.id}:trail/${account.trail}`;

const RECON: readonly AwsStep[] = [
  { api: 'sts:GetCallerIdentity', gap: 0 },
  { api: 'iam:ListUsers', gap: [5, 12], denied: true },
  { api: 'iam:ListRoles', gap: [1, 3], denied: true },
  { api: 's3:ListBuckets', gap: [1, 3] },
  { api: 'ec2:DescribeRegions', gap: [1, 3] },
  { api: 'ec2:DescribeInstances', gap: [1, 3], region: 'us-east-1' },
  { api: 'ec2:DescribeInstances', gap: [1, 3], region: 'eu-west-1' },
  { api: 'ec2:DescribeSnapshots', gap: [1, 3], region: 'us-east-1' },
  { api: 'ec2:DescribeSecurityGroups', gap: [1, 3], region: 'us-east-1' },
  { api: 'lambda:ListFunctions20150331', gap: [1, 3], region: 'us-east-1', denied: true },
  { api: 'rds:DescribeDBInstances', gap: [1, 3], region: 'us-east-1', denied: true },
  { api: 'secretsmanager:ListSecrets', gap: [1, 3], region: 'us-east-1', denied: true },
  { api: 'kms:ListKeys', gap: [1, 3], region: 'us-east-1', denied: true },
  { api: 'organizations:DescribeOrganization', gap: [1, 3], denied: true },
  { api: 'dynamodb:ListTables', gap: [1, 3], region: 'us-east-1' },
  { api: 'sqs:ListQueues', gap: [1, 3], region: 'us-east-1' },
  { api: 'logs:DescribeLogGroups', gap: [1, 3], region: 'us-east-1', denied: true },
  { api: 'ssm:DescribeInstanceInformation', gap: [1, 3], region: 'us-east-1', denied: true },
  { api: 'cloudtrail:DescribeTrails', gap: [10, 30], region: 'us-east-1' },
  { api: 'cloudtrail:GetTrailStatus', gap: [2, 6], region: 'us-east-1', args: { trail } },
  { api: 'guardduty:ListDetectors', gap: [2, 6], region: 'us-east-1' },
  { api: 'guardduty:ListDetectors', gap: [2, 6], region: 'eu-west-1' },
];

const TAMPER: readonly AwsStep[] = [
  { api: 'cloudtrail:StopLogging', gap: [40, 120], region: 'us-east-1', args: { trail } },
  { api: 'cloudtrail:DeleteTrail', gap: [20, 60], region: 'us-east-1', args: { trail } },
  { api: 'guardduty:DeleteDetector', gap: [20, 60], region: 'us-east-1' },
];

export const awsReconThenLoggingTamper: ChainDefinition = {
  id: 'aws-recon-then-logging-tamper',
  title: "A service user's key from a new network: broad enumeration with refusals, then CloudTrail and GuardDuty switched off",
  provider: 'aws',
  techniques: ['T1078.004', 'T1087.004', 'T1580', 'T1526', 'T1562.008', 'T1562.001'],
  build(ctx) {
    const user = ctx.dir.awsUser(account, 'ops-automation');
    const chain = new AwsChain(ctx, '19:04:03', account);
    const who = { identity: iamUserIdentity(user, user.accessKeyId), sourceIp: hostIp('attacker-hostinger-lt', 400), userAgent: (cli: string) => awsCli('linux', cli, '2.13.0') };
    chain.steps(RECON, who);
    chain.steps(TAMPER, who);
    return { rootIdentity: userArn(user), events: chain.events };
  },
};
