/**
 * bruno.costa's key (he normally assumes the `developer` role from home in Lisbon) is used from a hosting provider in
 * Romania: it assumes `developer`, whose session then assumes `dev-admin` (role chaining), and that session creates a
 * backdoor user with AdministratorAccess, an access key and a console password. Each hop's responseElements carry the
 * new ASIA key the next calls sign with.
 */
import { awsAccessKeyId } from '../ids';
import { assumedRoleIdentity, iamUserIdentity, roleArn, userArn } from '../records/cloudtrail';
import { hostIp } from '../scenario/networks';
import { AWS_ACCOUNTS } from '../scenario/org';
import type { ChainDefinition } from './chain';
import { AwsChain } from './chain_builder';

const account = AWS_ACCOUNTS.dev;
const kaliCli = (cli: string): string => `aws-cli/2.15.30 Python/3.11.8 Linux/6.6.9-amd64 exe/x86_64.kali.2024 prompt/off command/${cli}`;
const BACKDOOR = 'svc-metrics-exporter';

export const awsAssumeRoleChainAdmin: ChainDefinition = {
  id: 'aws-assume-role-chain-admin',
  title: "An IAM user's key assumes a developer role from a new network, role-chains into an admin role and plants a backdoor user",
  provider: 'aws',
  techniques: ['T1078.004', 'T1548.005', 'T1087.004', 'T1136.003', 'T1098.001', 'T1098.003'],
  build(ctx) {
    const user = ctx.dir.awsUser(account, 'bruno.costa');
    const developer = ctx.dir.awsRole(account, 'developer');
    const admin = ctx.dir.awsRole(account, 'dev-admin');
    const ip = hostIp('attacker-m247-ro', 23);
    const chain = new AwsChain(ctx, '11:22:05', account);
    const asUser = { identity: iamUserIdentity(user, user.accessKeyId), sourceIp: ip, userAgent: kaliCli };

    chain.call({ api: 'sts:GetCallerIdentity', gap: 0 }, asUser);
    const devKey = awsAccessKeyId(ctx.rng, true);
    const devSession = 'bruno';
    chain.call(
      { api: 'sts:AssumeRole', gap: [15, 40], args: { roleArn: roleArn(developer), roleSessionName: devSession, assumedRoleId: developer.principalId, mintedKey: devKey } },
      asUser,
    );
    const devCreated = ctx.world.clock.seconds(chain.now);
    const asDeveloper = {
      identity: assumedRoleIdentity(developer, devSession, devKey, { creationDate: devCreated, mfaAuthenticated: false }),
      sourceIp: ip,
      userAgent: kaliCli,
    };
    chain.steps(
      [
        { api: 'sts:GetCallerIdentity', gap: [3, 8] },
        { api: 'iam:ListRoles', gap: [5, 15] },
        { api: 'iam:GetRole', gap: [3, 10], args: { roleName: 'dev-admin' } },
        { api: 'iam:ListAttachedRolePolicies', gap: [2, 6], args: { roleName: 'dev-admin' } },
      ],
      asDeveloper,
    );
    const adminKey = awsAccessKeyId(ctx.rng, true);
    const adminSession = 'maintenance';
    chain.call(
      { api: 'sts:AssumeRole', gap: [20, 60], args: { roleArn: roleArn(admin), roleSessionName: adminSession, assumedRoleId: admin.principalId, mintedKey: adminKey, durationSeconds: '3600' } },
      asDeveloper,
    );
    const asAdmin = {
      identity: assumedRoleIdentity(admin, adminSession, adminKey, { creationDate: ctx.world.clock.seconds(chain.now), mfaAuthenticated: false }),
      sourceIp: ip,
      userAgent: kaliCli,
    };
    chain.steps(
      [
        { api: 'sts:GetCallerIdentity', gap: [3, 8] },
        { api: 'iam:CreateUser', gap: [30, 90], args: { userName: BACKDOOR } },
        { api: 'iam:AttachUserPolicy', gap: [5, 15], args: { userName: BACKDOOR, policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' } },
        { api: 'iam:CreateAccessKey', gap: [5, 15], args: { userName: BACKDOOR } },
        { api: 'iam:CreateLoginProfile', gap: [5, 15], args: { userName: BACKDOOR } },
      ],
      asAdmin,
    );
    return { rootIdentity: userArn(user), events: chain.events };
  },
};
