import { awsActions } from './aws_actions';
import { classify } from './classify';
import { cloudTrailEvent, pantherCases } from './test_datasets';
import { checkEntryShape, eventFor, lookalikeRead, uncoveredConditions, type TableCase } from './test_tables';
import { awsEvent } from './test_events';
import type { ActionKind } from './types';

describe('AWS action table', () => {
  it('has well-formed entries (known techniques, plain summaries, rollbacks for privileged writes)', () => {
    expect(awsActions.flatMap(checkEntryShape)).toEqual([]);
    expect(awsActions.length).toBeGreaterThan(200);
  });

  it('classifies the event of every unconditional entry as that entry', () => {
    // Actions that also have conditional entries are covered by the hand-written cases below.
    const conditional = new Set(awsActions.filter((entry) => entry.when).map((entry) => `${entry.service} ${entry.action}`));
    const wrong = awsActions
      .filter((entry) => !entry.when && !conditional.has(`${entry.service} ${entry.action}`))
      .filter((entry) => classify(eventFor(entry))?.summary !== entry.summary)
      .map((entry) => entry.action);
    expect(wrong).toEqual([]);
  });

  it('never takes the look-alike read of a tamper or privileged write for the write', () => {
    const writes = awsActions.filter((entry) => entry.category === 'tamper' || entry.category === 'privileged');
    let checked = 0;
    for (const entry of writes) {
      const read = lookalikeRead(entry);
      if (!read || entry.action.startsWith('Get') || entry.action.startsWith('Describe')) continue;
      checked++;
      expect([read.action, classify(read)?.category]).toEqual([read.action, 'recon']);
    }
    expect(checked).toBeGreaterThan(100);
  });
});

const s3 = 's3.amazonaws.com';
const ec2 = 'ec2.amazonaws.com';
const rds = 'rds.amazonaws.com';

/** True and false cases for every conditional entry: same action, different request. */
const cases: TableCase[] = [
  { name: 'access key re-activated', event: awsEvent('iam.amazonaws.com', 'UpdateAccessKey', { userName: 'bob', accessKeyId: 'AKIAEXAMPLE', status: 'Active' }), kind: 'iam' },
  { name: 'access key deactivated (containment, not an attack)', event: awsEvent('iam.amazonaws.com', 'UpdateAccessKey', { userName: 'bob', status: 'Inactive' }), kind: undefined },
  { name: 'instance launched with a profile', event: awsEvent(ec2, 'RunInstances', { iamInstanceProfile: { name: 'admin' }, instanceType: 't3.micro' }), kind: 'iam' },
  { name: 'instance launched without a role', event: awsEvent(ec2, 'RunInstances', { instanceType: 't3.micro' }), kind: undefined },
  { name: 'stack with passed role', event: awsEvent('cloudformation.amazonaws.com', 'CreateStack', { stackName: 's', roleARN: 'arn:aws:iam::1:role/cfn' }), kind: 'iam' },
  { name: 'stack without role', event: awsEvent('cloudformation.amazonaws.com', 'CreateStack', { stackName: 's' }), kind: undefined },
  { name: 'stack update with passed role', event: awsEvent('cloudformation.amazonaws.com', 'UpdateStack', { stackName: 's', roleARN: 'arn:aws:iam::1:role/cfn' }), kind: 'iam' },
  { name: 'stack update without role', event: awsEvent('cloudformation.amazonaws.com', 'UpdateStack', { stackName: 's' }), kind: undefined },
  { name: 'build with overridden buildspec', event: awsEvent('codebuild.amazonaws.com', 'StartBuild', { projectName: 'p', buildspecOverride: 'phases: ...' }), kind: 'compute_execution' },
  { name: 'plain build', event: awsEvent('codebuild.amazonaws.com', 'StartBuild', { projectName: 'p' }), kind: undefined },
  { name: 'RDS master password reset', event: awsEvent(rds, 'ModifyDBInstance', { dBInstanceIdentifier: 'db', masterUserPassword: '****' }), kind: 'iam' },
  { name: 'RDS made public', event: awsEvent(rds, 'ModifyDBInstance', { dBInstanceIdentifier: 'db', publiclyAccessible: true }), kind: 'network_exposure' },
  { name: 'RDS deletion protection off', event: awsEvent(rds, 'ModifyDBInstance', { dBInstanceIdentifier: 'db', deletionProtection: false }), kind: 'destruction' },
  { name: 'RDS storage resize', event: awsEvent(rds, 'ModifyDBInstance', { dBInstanceIdentifier: 'db', allocatedStorage: 200 }), kind: undefined },
  { name: 'RDS cluster made public', event: awsEvent(rds, 'ModifyDBCluster', { dBClusterIdentifier: 'c', publiclyAccessible: true }), kind: 'network_exposure' },
  { name: 'RDS cluster deletion protection off', event: awsEvent(rds, 'ModifyDBCluster', { dBClusterIdentifier: 'c', deletionProtection: false }), kind: 'destruction' },
  { name: 'RDS cluster backup window', event: awsEvent(rds, 'ModifyDBCluster', { dBClusterIdentifier: 'c', preferredBackupWindow: '01:00-02:00' }), kind: undefined },
  { name: 'public restore', event: awsEvent(rds, 'RestoreDBInstanceFromDBSnapshot', { dBInstanceIdentifier: 'r', publiclyAccessible: true }), kind: 'data_exposure' },
  { name: 'private restore', event: awsEvent(rds, 'RestoreDBInstanceFromDBSnapshot', { dBInstanceIdentifier: 'r', publiclyAccessible: false }), kind: undefined },
  { name: 'user data replaced', event: awsEvent(ec2, 'ModifyInstanceAttribute', { instanceId: 'i-0abc', userData: '<sensitiveDataRemoved>' }), kind: 'code_change' },
  { name: 'termination protection change', event: awsEvent(ec2, 'ModifyInstanceAttribute', { instanceId: 'i-0abc', disableApiTermination: { value: false } }), kind: undefined },
  { name: 'task definition with a role', event: awsEvent('ecs.amazonaws.com', 'RegisterTaskDefinition', { family: 'web', taskRoleArn: 'arn:aws:iam::1:role/task' }), kind: 'code_change' },
  { name: 'task definition without role', event: awsEvent('ecs.amazonaws.com', 'RegisterTaskDefinition', { family: 'web' }), kind: undefined },
  { name: 'decrypted SSM parameter', event: awsEvent('ssm.amazonaws.com', 'GetParameter', { name: '/prod/db', withDecryption: true }), kind: 'secrets' },
  { name: 'plain SSM parameter read', event: awsEvent('ssm.amazonaws.com', 'GetParameter', { name: '/prod/ami' }), kind: 'enumeration' },
  { name: 'decrypted SSM parameters', event: awsEvent('ssm.amazonaws.com', 'GetParameters', { names: ['/a', '/b'], withDecryption: 'true' }), kind: 'secrets' },
  { name: 'plain SSM parameters', event: awsEvent('ssm.amazonaws.com', 'GetParameters', { names: ['/a'], withDecryption: false }), kind: 'enumeration' },
  { name: 'decrypted SSM path', event: awsEvent('ssm.amazonaws.com', 'GetParametersByPath', { path: '/prod', withDecryption: true }), kind: 'secrets' },
  { name: 'plain SSM path', event: awsEvent('ssm.amazonaws.com', 'GetParametersByPath', { path: '/prod' }), kind: 'enumeration' },
  { name: 'user data download', event: awsEvent(ec2, 'DescribeInstanceAttribute', { instanceId: 'i-1', attribute: 'userData' }), kind: 'secrets' },
  { name: 'other instance attribute', event: awsEvent(ec2, 'DescribeInstanceAttribute', { instanceId: 'i-1', attribute: 'disableApiTermination' }), kind: 'enumeration' },
  { name: 'KMS decrypt by a user', event: awsEvent('kms.amazonaws.com', 'Decrypt', { keyId: 'k' }, { readOnly: true }), kind: 'secrets' },
  { name: 'KMS decrypt by Secrets Manager', event: awsEvent('kms.amazonaws.com', 'Decrypt', { keyId: 'k' },
    { readOnly: true, actor: { type: 'user', invokedBy: 'secretsmanager.amazonaws.com' }, source: { address: 'secretsmanager.amazonaws.com' } }), kind: undefined },
  { name: 'snapshot shared', event: awsEvent(ec2, 'ModifySnapshotAttribute', { snapshotId: 'snap-1', createVolumePermission: { add: { items: [{ userId: '222233334444' }] } } }), kind: 'data_exposure' },
  { name: 'snapshot un-shared', event: awsEvent(ec2, 'ModifySnapshotAttribute', { snapshotId: 'snap-1', createVolumePermission: { remove: { items: [{ userId: '222233334444' }] } } }), kind: undefined },
  { name: 'AMI made public', event: awsEvent(ec2, 'ModifyImageAttribute', { imageId: 'ami-1', launchPermission: { add: { items: [{ group: 'all' }] } } }), kind: 'data_exposure' },
  { name: 'AMI un-shared', event: awsEvent(ec2, 'ModifyImageAttribute', { imageId: 'ami-1', launchPermission: { remove: { items: [{ userId: '2' }] } } }), kind: undefined },
  { name: 'DB snapshot shared', event: awsEvent(rds, 'ModifyDBSnapshotAttribute', { dBSnapshotIdentifier: 'x', attributeName: 'restore', valuesToAdd: ['all'] }), kind: 'data_exposure' },
  { name: 'DB snapshot un-shared', event: awsEvent(rds, 'ModifyDBSnapshotAttribute', { dBSnapshotIdentifier: 'x', valuesToRemove: ['2'] }), kind: undefined },
  { name: 'cluster snapshot shared', event: awsEvent(rds, 'ModifyDBClusterSnapshotAttribute', { dBClusterSnapshotIdentifier: 'x', valuesToAdd: ['2'] }), kind: 'data_exposure' },
  { name: 'cluster snapshot un-shared', event: awsEvent(rds, 'ModifyDBClusterSnapshotAttribute', { dBClusterSnapshotIdentifier: 'x', valuesToRemove: ['2'] }), kind: undefined },
  { name: 'bucket public access block weakened', event: awsEvent(s3, 'PutBucketPublicAccessBlock', { bucketName: 'b',
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true } }), kind: 'data_exposure' },
  { name: 'bucket public access block fully on', event: awsEvent(s3, 'PutBucketPublicAccessBlock', { bucketName: 'b',
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }), kind: undefined },
  { name: 'account public access block weakened', event: awsEvent(s3, 'PutAccountPublicAccessBlock', { PublicAccessBlockConfiguration: { RestrictPublicBuckets: false } }), kind: 'data_exposure' },
  { name: 'account public access block on', event: awsEvent(s3, 'PutAccountPublicAccessBlock', { PublicAccessBlockConfiguration: { RestrictPublicBuckets: true } }), kind: undefined },
  { name: 'CodeBuild project made public', event: awsEvent('codebuild.amazonaws.com', 'UpdateProjectVisibility', { projectArn: 'arn', projectVisibility: 'PUBLIC_READ' }), kind: 'data_exposure' },
  { name: 'CodeBuild project made private', event: awsEvent('codebuild.amazonaws.com', 'UpdateProjectVisibility', { projectArn: 'arn', projectVisibility: 'PRIVATE' }), kind: undefined },
  { name: 'NACL allows inbound', event: awsEvent(ec2, 'CreateNetworkAclEntry', { networkAclId: 'acl-1', egress: false, ruleAction: 'allow', cidrBlock: '0.0.0.0/0' }), kind: 'network_exposure' },
  { name: 'NACL denies inbound', event: awsEvent(ec2, 'CreateNetworkAclEntry', { networkAclId: 'acl-1', egress: false, ruleAction: 'deny', cidrBlock: '0.0.0.0/0' }), kind: undefined },
  { name: 'NACL entry replaced to allow', event: awsEvent(ec2, 'ReplaceNetworkAclEntry', { networkAclId: 'acl-1', egress: false, ruleAction: 'allow' }), kind: 'network_exposure' },
  { name: 'NACL egress rule replaced', event: awsEvent(ec2, 'ReplaceNetworkAclEntry', { networkAclId: 'acl-1', egress: true, ruleAction: 'allow' }), kind: undefined },
  { name: 'versioning suspended', event: awsEvent(s3, 'PutBucketVersioning', { bucketName: 'b', VersioningConfiguration: { Status: 'Suspended' } }), kind: 'destruction' },
  { name: 'MFA delete disabled', event: awsEvent(s3, 'PutBucketVersioning', { bucketName: 'b', VersioningConfiguration: { Status: 'Enabled', MfaDelete: 'Disabled' } }), kind: 'destruction' },
  { name: 'versioning enabled', event: awsEvent(s3, 'PutBucketVersioning', { bucketName: 'b', VersioningConfiguration: { Status: 'Enabled' } }), kind: undefined },
  { name: 'GuardDuty suspended', event: awsEvent('guardduty.amazonaws.com', 'UpdateDetector', { detectorId: 'd', enable: false }), kind: 'detection_disabled' },
  { name: 'GuardDuty features off', event: awsEvent('guardduty.amazonaws.com', 'UpdateDetector', { detectorId: 'd', features: [{ name: 'S3_DATA_EVENTS', status: 'DISABLED' }] }), kind: 'detection_disabled' },
  { name: 'GuardDuty publishing frequency', event: awsEvent('guardduty.amazonaws.com', 'UpdateDetector', { detectorId: 'd', findingPublishingFrequency: 'SIX_HOURS' }), kind: undefined },
  { name: 'GuardDuty suppression filter', event: awsEvent('guardduty.amazonaws.com', 'CreateFilter', { detectorId: 'd', name: 'f', action: 'ARCHIVE' }), kind: 'detection_disabled' },
  { name: 'GuardDuty saved filter', event: awsEvent('guardduty.amazonaws.com', 'CreateFilter', { detectorId: 'd', name: 'f', action: 'NOOP' }), kind: undefined },
  { name: 'GuardDuty filter changed to archive', event: awsEvent('guardduty.amazonaws.com', 'UpdateFilter', { detectorId: 'd', filterName: 'f', action: 'ARCHIVE' }), kind: 'detection_disabled' },
  { name: 'GuardDuty filter renamed', event: awsEvent('guardduty.amazonaws.com', 'UpdateFilter', { detectorId: 'd', filterName: 'f', description: 'x' }), kind: undefined },
  { name: 'bucket logging off', event: awsEvent(s3, 'PutBucketLogging', { bucketName: 'b', BucketLoggingStatus: { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' } }), kind: 'logging_disabled' },
  { name: 'bucket logging on', event: awsEvent(s3, 'PutBucketLogging', { bucketName: 'b', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'logs' } } }), kind: undefined },
  { name: 'Macie paused', event: awsEvent('macie2.amazonaws.com', 'UpdateMacieSession', { status: 'PAUSED' }), kind: 'detection_disabled' },
  { name: 'Macie publishing frequency', event: awsEvent('macie2.amazonaws.com', 'UpdateMacieSession', { findingPublishingFrequency: 'SIX_HOURS' }), kind: undefined },
  { name: 'who am I (GetUser without a name)', event: awsEvent('iam.amazonaws.com', 'GetUser', {}), kind: 'identity_check' },
  { name: 'look up another user', event: awsEvent('iam.amazonaws.com', 'GetUser', { userName: 'alice' }), kind: 'enumeration' },
];

describe('AWS conditional entries', () => {
  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    expect(classify(testCase.event)?.kind).toBe(testCase.kind);
  });

  it('every conditional entry has a true and a false case', () => {
    expect(uncoveredConditions(awsActions, cases)).toEqual([]);
  });
});

/** Panther rules whose firing cases are one of our kinds (a list: a case may fit either, e.g. made public and unprotected). */
const PANTHER_RULES: Record<string, ActionKind | ActionKind[]> = {
  'AWS.Lambda.UpdateFunctionConfiguration': 'code_change',
  'AWS.CloudTrail.AMIModifiedForPublicAccess': 'data_exposure',
  'AWS.Potential.Backdoor.Lambda': 'iam',
  'AWS.Bedrock.DeleteModelInvocationLoggingConfiguration': 'logging_deleted',
  'AWS.CloudTrail.AttemptToLeaveOrg': 'org_account',
  'AWS.CloudTrail.EventSelectorsDisabled': 'logging_modified',
  'AWS.CloudTrail.LoginProfileCreatedOrModified': 'iam',
  'AWS.CloudTrail.SES.CheckSendQuota': 'enumeration',
  'AWS.CloudTrail.SES.ListIdentities': 'enumeration',
  'AWS.CloudTrail.ShortLifecycle': 'destruction',
  'AWS.CloudTrail.Stopped': 'logging_disabled',
  'AWS.CloudTrail.CodebuildProjectMadePublic': 'data_exposure',
  'AWS.ConfigService.DisabledDeleted': 'logging_deleted',
  'AWS.Console.GetSigninToken.Abuse': 'console_login',
  'AWS.Console.LoginWithoutMFA': 'console_login',
  'AWS.Console.RootLogin': 'console_login',
  'AWS.Console.Sign-In': 'console_login',
  'AWS.CloudTrail.DNSLogsDeleted': 'logging_deleted',
  'AWS.EC2.DownloadInstanceUserData': 'secrets',
  'AWS.EC2.EBS.Encryption.Disabled': 'org_account',
  'AWS.EC2.ManualSecurityGroupChange': 'network_exposure',
  'AWS.EC2.ManyPasswordReadAttempts': 'secrets',
  'AWS.EC2.MultiInstanceConnect': 'compute_execution',
  'AWS.EC2.SecurityGroupModified': 'network_exposure',
  'AWS.EC2.Startup.Script.Change': 'code_change',
  'AWS.ECR.CRUD': 'code_change',
  'AWS.IAM.AttachAdminRolePolicy': 'iam',
  'AWS.IAM.AttachAdminUserPolicy': 'iam',
  'AWS.IAM.BackdoorRole': 'iam',
  'AWS.IAM.CreateRole': 'iam',
  'AWS.IAM.CreateUser': 'iam',
  'AWS.IAM.Backdoor.User.Keys': 'iam',
  'AWS.IAM.AccessKeyCompromised': 'iam',
  'AWS.KMS.CustomerManagedKeyLoss': 'destruction',
  'AWS.LAMBDA.CRUD': 'destruction',
  'AWS.CloudTrail.NetworkACLPermissiveEntry': 'network_exposure',
  'AWS.Lambda.UpdateFunctionCode': 'code_change',
  'AWS.RDS.ActivityStreamStopped': 'logging_disabled',
  'AWS.RDS.AutomatedBackupDeleted': 'destruction',
  'AWS.RDS.DeletionProtectionDisabled': ['destruction', 'network_exposure'],
  'AWS.RDS.IAMRoleAdded': 'iam',
  'AWS.RDS.InstanceMadePublic': 'network_exposure',
  'AWS.RDS.MasterPasswordUpdated': 'iam',
  'AWS.RDS.SecurityGroupIngressAuthorized': 'network_exposure',
  'AWS.RDS.SnapshotDeleted': 'destruction',
  'AWS.RDS.SnapshotExport': 'data_exposure',
  'AWS.RDS.SnapshotShared': 'data_exposure',
  'AWS.S3.BucketDeleted': 'destruction',
  'AWS.S3.BucketPolicyModified': 'data_exposure',
  'AWS.S3.DeleteObjects': 'destruction',
  'AWS.S3.DeletePublicAccessBlock': 'data_exposure',
  'AWS.S3.DisableBucketLogging': 'logging_disabled',
  'AWS.S3.DisableMfaDelete': 'destruction',
  'AWS.S3.SuspendVersioning': 'destruction',
  'AWS.SecretsManager.RetrieveSecrets': 'secrets',
  'AWS.SecretsManager.BatchRetrieveSecrets': 'secrets',
  'AWS.CloudTrail.SnapshotMadePublic': 'data_exposure',
  'AWS.SSM.DecryptSSMParams': 'secrets',
  'AWS.SSM.DistributedCommand': 'compute_execution',
  'AWS.STS.GetCallerIdentity.TruffleHog': 'identity_check',
  'AWS.STS.GetSessionToken.Misuse': 'credential_minted',
  'AWS.VPCFlow.LogsDeleted': 'logging_deleted',
  'Retrieve.SSO.access.token': 'credential_minted',
};

describe('AWS entries on Panther rule test events', () => {
  const all = pantherCases('panther_tests_aws_cloudtrail.ndjson');

  it.each(Object.entries(PANTHER_RULES))('%s fires -> %s', (ruleId, kind) => {
    const firing = all.filter((testCase) => testCase.rule_id === ruleId && testCase.expected_result);
    expect(firing.length).toBeGreaterThan(0);
    const allowed: (ActionKind | undefined)[] = Array.isArray(kind) ? kind : [kind];
    for (const testCase of firing) {
      const found = classify(cloudTrailEvent(testCase.log))?.kind;
      expect([testCase.test_name, allowed.includes(found)]).toEqual([testCase.test_name, true]);
    }
  });

  it('agrees with Panther where its "must not fire" case is a different, harmless request', () => {
    const quiet = (ruleId: string) => all.filter((testCase) => testCase.rule_id === ruleId && !testCase.expected_result)
      .map((testCase) => cloudTrailEvent(testCase.log));
    const loggingKept = quiet('AWS.S3.DisableBucketLogging').filter((event) => JSON.stringify(event.request).includes('LoggingEnabled'));
    const versioningKept = quiet('AWS.S3.SuspendVersioning').filter((event) => JSON.stringify(event.request).includes('"Enabled"'));
    const privateDb = quiet('AWS.RDS.InstanceMadePublic').filter((event) => event.request?.publiclyAccessible === false);
    for (const group of [loggingKept, versioningKept, privateDb]) {
      expect(group.length).toBeGreaterThan(0);
      for (const event of group) expect(classify(event)).toBeUndefined();
    }
  });
});
