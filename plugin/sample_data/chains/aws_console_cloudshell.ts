/**
 * dana.kowalski signs in to the console every morning from Warsaw with MFA. At 13:21 her password signs in from
 * Lagos without MFA, opens CloudShell (never used by her), and from the shell's aws-cli creates an access key,
 * grants herself every permission inline and opens SSH to the world on a production security group.
 */
import { awsAccessKeyId } from '../ids';
import { iamUserIdentity, userArn } from '../records/cloudtrail';
import { hostIp } from '../scenario/networks';
import { AWS_ACCOUNTS } from '../scenario/org';
import { awsCliCloudShell, BROWSER } from '../scenario/user_agents';
import type { ChainDefinition } from './chain';
import { AwsChain } from './chain_builder';

const account = AWS_ACCOUNTS.prod;
const ADMIN_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

export const awsConsoleCloudShell: ChainDefinition = {
  id: 'aws-console-cloudshell',
  title: 'Console sign-in without MFA from a new country, then CloudShell: new access key, inline admin policy, SSH open to the world',
  provider: 'aws',
  techniques: ['T1078.004', 'T1059.009', 'T1098.001', 'T1098.003', 'T1562.007'],
  build(ctx) {
    const user = ctx.dir.awsUser(account, 'dana.kowalski');
    const ip = hostIp('attacker-mtn-ng', 777);
    const browser = BROWSER.chromeWindows;
    const chain = new AwsChain(ctx, '13:21:09', account);
    chain.call(
      { api: 'signin:ConsoleLogin', gap: 0 },
      { identity: iamUserIdentity(user), sourceIp: ip, userAgent: () => browser },
      { consoleLogin: { mfaUsed: false, loginTo: 'https://console.aws.amazon.com/console/home?region=us-east-1&state=hashArgs%23&isauthcode=true' } },
    );
    const created = ctx.world.clock.seconds(chain.now);
    const consoleKey = awsAccessKeyId(ctx.rng, true);
    const inConsole = {
      identity: iamUserIdentity(user, consoleKey, { creationDate: created, mfaAuthenticated: false }),
      sourceIp: ip,
      userAgent: () => browser,
      fromConsole: true,
    };
    const environmentId = ctx.rng.uuid();
    chain.steps(
      [
        { api: 'cloudshell:CreateEnvironment', gap: [40, 120], region: 'us-east-1', args: { environmentId } },
        { api: 'cloudshell:GetEnvironmentStatus', gap: [3, 8], region: 'us-east-1', args: { environmentId } },
        { api: 'cloudshell:CreateSession', gap: [20, 45], region: 'us-east-1', args: { environmentId } },
        { api: 'cloudshell:PutCredentials', gap: [1, 3], region: 'us-east-1', args: { environmentId } },
      ],
      inConsole,
    );
    const inShell = {
      identity: iamUserIdentity(user, awsAccessKeyId(ctx.rng, true), { creationDate: created, mfaAuthenticated: false }),
      sourceIp: hostIp('aws-us-east-1', 702_118),
      userAgent: awsCliCloudShell,
      fromConsole: true,
    };
    chain.steps(
      [
        { api: 'sts:GetCallerIdentity', gap: [20, 40] },
        { api: 'iam:ListUsers', gap: [10, 30] },
        { api: 'iam:ListAccessKeys', gap: [5, 15], args: { userName: 'dana.kowalski' } },
        { api: 'iam:CreateAccessKey', gap: [20, 60], args: { userName: 'dana.kowalski' } },
        { api: 'iam:PutUserPolicy', gap: [20, 60], args: { userName: 'dana.kowalski', policyName: 'cloudshell-ops', policyDocument: ADMIN_POLICY } },
        { api: 'ec2:DescribeSecurityGroups', gap: [30, 90], region: 'us-east-1' },
        { api: 'ec2:AuthorizeSecurityGroupIngress', gap: [20, 60], region: 'us-east-1', args: { groupId: 'sg-0a4c71e9d3b25f860', cidr: '0.0.0.0/0', port: '22' } },
      ],
      inShell,
    );
    return { rootIdentity: userArn(user), events: chain.events };
  },
};
