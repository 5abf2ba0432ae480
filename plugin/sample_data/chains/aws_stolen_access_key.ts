/**
 * alice.nguyen's long-term access key, used all morning from the London office with aws-cli on macOS, turns up on a
 * Tor exit node driving boto3 on Linux: who am I, a burst of enumeration (some of it refused), two production
 * secrets, and a new access key for another user.
 */
import { iamUserIdentity, userArn } from '../records/cloudtrail';
import { hostIp } from '../scenario/networks';
import { AWS_ACCOUNTS } from '../scenario/org';
import { AWS_UA } from '../scenario/user_agents';
import type { ChainDefinition } from './chain';
import { AwsChain, type AwsStep } from './chain_builder';

const account = AWS_ACCOUNTS.prod;

const STEPS: readonly AwsStep[] = [
  { api: 'sts:GetCallerIdentity', gap: 0 },
  { api: 'iam:ListUsers', gap: [20, 40] },
  { api: 'iam:ListRoles', gap: [1, 3] },
  { api: 'iam:ListPolicies', gap: [1, 3] },
  { api: 'iam:ListAccessKeys', gap: [1, 3], args: { userName: 'alice.nguyen' } },
  { api: 'iam:GetAccountAuthorizationDetails', gap: [1, 3], denied: true },
  { api: 'organizations:ListAccounts', gap: [1, 3], denied: true },
  { api: 's3:ListBuckets', gap: [2, 5] },
  { api: 'ec2:DescribeInstances', gap: [1, 3], region: 'us-east-1' },
  { api: 'ec2:DescribeInstances', gap: [1, 3], region: 'eu-west-1' },
  { api: 'ec2:DescribeSecurityGroups', gap: [1, 3], region: 'us-east-1' },
  { api: 'lambda:ListFunctions20150331', gap: [1, 3], region: 'us-east-1' },
  { api: 'rds:DescribeDBInstances', gap: [1, 3], region: 'us-east-1' },
  { api: 'secretsmanager:ListSecrets', gap: [2, 6], region: 'us-east-1' },
  { api: 'secretsmanager:GetSecretValue', gap: [30, 90], region: 'us-east-1', args: { secretId: 'prod/payments/stripe-api-key' } },
  { api: 'secretsmanager:GetSecretValue', gap: [5, 20], region: 'us-east-1', args: { secretId: 'prod/orders/db-credentials' } },
  { api: 'iam:CreateAccessKey', gap: [60, 180], args: { userName: 'svc-reporting' } },
];

export const awsStolenAccessKey: ChainDefinition = {
  id: 'aws-stolen-access-key',
  title: "An IAM user's long-term access key used from a Tor exit node: recon, secrets, a new key for another user",
  provider: 'aws',
  techniques: ['T1078.004', 'T1087.004', 'T1580', 'T1526', 'T1555.006', 'T1098.001'],
  build(ctx) {
    const user = ctx.dir.awsUser(account, 'alice.nguyen');
    const chain = new AwsChain(ctx, '10:41:17', account);
    chain.steps(STEPS, { identity: iamUserIdentity(user, user.accessKeyId), sourceIp: hostIp('attacker-tor-exit', 47), userAgent: () => AWS_UA.boto3Linux });
    return { rootIdentity: userArn(user), events: chain.events };
  },
};
