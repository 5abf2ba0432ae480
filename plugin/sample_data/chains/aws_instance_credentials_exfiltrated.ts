/**
 * The instance profile credentials of orders-api-1 (session name = the instance id, minted by ec2.amazonaws.com
 * earlier in the day) are used from a workstation in Brazil with aws-cli on Windows, to list and download customer
 * data from S3, while the instance itself keeps making its usual calls from its AWS address.
 */
import { Ec2InstanceActor } from '../actors/aws_actors';
import { AWS_ACCOUNTS } from '../scenario/org';
import { hostIp } from '../scenario/networks';
import { awsCli } from '../scenario/user_agents';
import type { ChainDefinition } from './chain';
import { AwsChain, type AwsStep } from './chain_builder';

const account = AWS_ACCOUNTS.prod;
const INSTANCE_ACTOR = 'aws:ec2:orders-api-1';
const START = '12:16:40';

const STEPS: readonly AwsStep[] = [
  { api: 'sts:GetCallerIdentity', gap: 0 },
  { api: 's3:ListBuckets', gap: [10, 30] },
  { api: 'iam:ListRoles', gap: [3, 8], denied: true },
  { api: 'ec2:DescribeInstances', gap: [4, 10] },
  { api: 'ec2:DescribeInstances', gap: [2, 6], region: 'eu-west-1' },
  { api: 's3:ListObjects', gap: [20, 60], args: { bucketName: 'northwind-prod-orders-data', prefix: 'customers/' } },
  { api: 's3:ListObjects', gap: [5, 15], args: { bucketName: 'northwind-prod-backups', prefix: 'db/' } },
  { api: 's3:GetObject', gap: [10, 30], args: { bucketName: 'northwind-prod-orders-data', key: 'customers/export-2026-11-17.csv' } },
  { api: 's3:GetObject', gap: [2, 6], args: { bucketName: 'northwind-prod-orders-data', key: 'customers/export-2026-11-18.csv' } },
  { api: 's3:GetObject', gap: [2, 6], args: { bucketName: 'northwind-prod-orders-data', key: 'customers/export-2026-11-19.csv' } },
  { api: 's3:GetObject', gap: [2, 6], args: { bucketName: 'northwind-prod-orders-data', key: 'customers/cards-tokenized.csv' } },
  { api: 's3:GetObject', gap: [20, 60], args: { bucketName: 'northwind-prod-backups', key: 'db/orders-2026-11-19.sql.gz' } },
  { api: 's3:GetObject', gap: [5, 20], args: { bucketName: 'northwind-prod-backups', key: 'db/customers-2026-11-19.sql.gz' } },
];

export const awsInstanceCredentialsExfiltrated: ChainDefinition = {
  id: 'aws-instance-credentials-exfiltrated',
  title: 'EC2 instance-profile credentials used from an external workstation to download customer data',
  provider: 'aws',
  techniques: ['T1552.005', 'T1078.004', 'T1580', 'T1619', 'T1530'],
  build(ctx) {
    const instance = ctx.actor(INSTANCE_ACTOR);
    if (!(instance instanceof Ec2InstanceActor)) throw new Error(`${INSTANCE_ACTOR} is not an EC2 instance`);
    const chain = new AwsChain(ctx, START, account);
    const stolen = instance.credentialAt(chain.now);
    chain.steps(STEPS, {
      identity: instance.identityFor(stolen.accessKeyId, stolen.issuedAt),
      sourceIp: hostIp('attacker-claro-br', 5021),
      userAgent: (cli) => awsCli('windows', cli, '2.17.46'),
    });
    return { rootIdentity: instance.rootIdentity, events: chain.events };
  },
};
