/**
 * The AWS API calls the sample day makes, as data: what CloudTrail records for each (read/write, data or management
 * event, request parameters, response elements, resources). Keys are `<service>:<EventName>`.
 */
import { awsCreateDate, awsExpiration, HOUR } from '../clock';
import { awsAccessKeyId, awsPrincipalId, awsSessionToken, base64 } from '../ids';
import type { Rng } from '../random';
import type { AwsAccount } from '../scenario/org';
import type { Json, JsonObject } from './json';

/** What a caller works on: the resources its calls name. */
export interface AwsScope {
  buckets: readonly string[];
  objectPrefixes: readonly string[];
  secrets: readonly string[];
  queues: readonly string[];
  tables: readonly string[];
  functions: readonly string[];
  kmsKeys: readonly string[];
  securityGroups: readonly string[];
  instances: readonly string[];
  users: readonly string[];
  roles: readonly string[];
  parameters: readonly string[];
  logGroups: readonly string[];
}

export interface AwsApiContext {
  rng: Rng;
  time: number;
  account: AwsAccount;
  region: string;
  scope: AwsScope;
  /** Values the caller chose (a chain step's target user, role, bucket...). */
  args: Readonly<Record<string, string | undefined>>;
}

export interface AwsApi {
  key: string;
  eventSource: string;
  eventName: string;
  readOnly: boolean;
  /** Data event (S3 objects, DynamoDB items, SQS messages) rather than a management event. */
  data?: boolean;
  /** Global services log in us-east-1. */
  global?: boolean;
  /** aws-cli command that makes this call, for the user agent (`command/iam.list-users`). */
  cli: string;
  params: (c: AwsApiContext) => Json;
  response?: (c: AwsApiContext, params: Json) => Json;
  resources?: (c: AwsApiContext, params: Json) => Json[] | undefined;
  host: (c: AwsApiContext, params: Json) => string;
  s3?: boolean;
}

const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

function kebab(name: string): string {
  return name
    .replace(/\d{8}(v\d)?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

function serviceOf(source: string): string {
  return source.slice(0, source.indexOf('.'));
}

interface Spec {
  read?: boolean;
  data?: boolean;
  global?: boolean;
  cli?: string;
  params?: (c: AwsApiContext) => Json;
  response?: (c: AwsApiContext, params: Json) => Json;
  resources?: (c: AwsApiContext, params: Json) => Json[] | undefined;
  host?: (c: AwsApiContext, params: Json) => string;
  s3?: boolean;
}

const APIS = new Map<string, AwsApi>();

function def(source: string, name: string, spec: Spec): void {
  const svc = serviceOf(source);
  const key = `${svc}:${name}`;
  APIS.set(key, {
    key,
    eventSource: source,
    eventName: name,
    readOnly: spec.read ?? false,
    data: spec.data,
    global: spec.global,
    cli: spec.cli ?? `${svc}.${kebab(name)}`,
    params: spec.params ?? (() => null),
    response: spec.response,
    resources: spec.resources,
    host: spec.host ?? (spec.global ? () => source : (c) => `${svc}.${c.region}.amazonaws.com`),
    s3: spec.s3,
  });
}

export function awsApi(key: string): AwsApi {
  const api = APIS.get(key);
  if (!api) throw new Error(`unknown AWS API ${key}`);
  return api;
}

export function allAwsApis(): AwsApi[] {
  return [...APIS.values()];
}

const pick = <T>(c: AwsApiContext, items: readonly T[]): T => c.rng.pick(items);
const arg = (c: AwsApiContext, name: string, fallback: () => string): string => c.args[name] ?? fallback();
const str = (p: Json, key: string): string => {
  if (p && typeof p === 'object' && !Array.isArray(p)) {
    const v = p[key];
    if (typeof v === 'string') return v;
  }
  return '';
};
const uid = (c: AwsApiContext): string => c.account.id;

function policyDocument(actions: string, resource = '*'): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] });
}

// --- STS -------------------------------------------------------------------------------------------------------

function stsCredentials(c: AwsApiContext, hours: number): JsonObject {
  return {
    accessKeyId: c.args.mintedKey ?? awsAccessKeyId(c.rng, true),
    sessionToken: awsSessionToken(c.rng),
    expiration: awsExpiration(c.time + hours * HOUR),
  };
}

/** `arn:aws:iam::A:role/path/Name` -> `arn:aws:sts::A:assumed-role/Name/session`. */
export function assumedRoleArn(roleArn: string, session: string): string {
  return `arn:aws:sts::${roleArn.split(':')[4]}:assumed-role/${roleArn.slice(roleArn.lastIndexOf('/') + 1)}/${session}`;
}

const stsHost = (c: AwsApiContext): string => `sts.${c.region}.amazonaws.com`;

def('sts.amazonaws.com', 'GetCallerIdentity', { read: true, host: stsHost });
def('sts.amazonaws.com', 'AssumeRole', {
  read: true,
  host: stsHost,
  params: (c) => ({
    roleArn: arg(c, 'roleArn', () => `arn:aws:iam::${uid(c)}:role/${pick(c, c.scope.roles)}`),
    roleSessionName: arg(c, 'roleSessionName', () => `botocore-session-${Math.floor(c.time / 1000)}`),
    durationSeconds: c.args.durationSeconds ? Number(c.args.durationSeconds) : undefined,
    sourceIdentity: c.args.sourceIdentity,
  }),
  response: (c, p) => ({
    credentials: stsCredentials(c, c.args.durationSeconds ? Number(c.args.durationSeconds) / 3600 : 1),
    assumedRoleUser: c.args.assumedRoleId
      ? {
          assumedRoleId: `${c.args.assumedRoleId}:${str(p, 'roleSessionName')}`,
          arn: assumedRoleArn(str(p, 'roleArn'), str(p, 'roleSessionName')),
        }
      : undefined,
    sourceIdentity: c.args.sourceIdentity,
  }),
  resources: (c, p) => [{ accountId: str(p, 'roleArn').split(':')[4] || uid(c), type: 'AWS::IAM::Role', ARN: str(p, 'roleArn') }],
});
def('sts.amazonaws.com', 'AssumeRoleWithWebIdentity', {
  read: true,
  host: stsHost,
  params: (c) => ({
    roleArn: arg(c, 'roleArn', () => ''),
    roleSessionName: arg(c, 'roleSessionName', () => `botocore-session-${Math.floor(c.time / 1000)}`),
    durationSeconds: 3600,
  }),
  response: (c, p) => ({
    credentials: stsCredentials(c, 1),
    subjectFromWebIdentityToken: c.args.subject ?? '',
    assumedRoleUser: {
      assumedRoleId: `${c.args.assumedRoleId ?? ''}:${str(p, 'roleSessionName')}`,
      arn: assumedRoleArn(str(p, 'roleArn'), str(p, 'roleSessionName')),
    },
    provider: c.args.providerArn ?? '',
    audience: c.args.audience ?? 'sts.amazonaws.com',
  }),
  resources: (_c, p) => [{ accountId: str(p, 'roleArn').split(':')[4], type: 'AWS::IAM::Role', ARN: str(p, 'roleArn') }],
});
def('sts.amazonaws.com', 'AssumeRoleWithSAML', {
  read: true,
  host: stsHost,
  params: (c) => ({
    sAMLAssertionID: `_${c.rng.hex(16)}`,
    roleSessionName: c.args.roleSessionName,
    principalArn: arg(c, 'principalArn', () => ''),
    roleArn: arg(c, 'roleArn', () => ''),
    durationSeconds: 28800,
  }),
  response: (c, p) => ({
    credentials: stsCredentials(c, 8),
    assumedRoleUser: {
      assumedRoleId: `${c.args.assumedRoleId ?? ''}:${c.args.subject ?? ''}`,
      arn: assumedRoleArn(str(p, 'roleArn'), c.args.subject ?? ''),
    },
    subject: c.args.subject ?? '',
    subjectType: 'persistent',
    issuer: c.args.issuer ?? '',
    audience: 'https://signin.aws.amazon.com/saml',
    nameQualifier: c.args.nameQualifier ?? '',
    sourceIdentity: c.args.sourceIdentity,
  }),
  resources: (_c, p) => [
    { accountId: str(p, 'roleArn').split(':')[4], type: 'AWS::IAM::Role', ARN: str(p, 'roleArn') },
    { accountId: str(p, 'roleArn').split(':')[4], type: 'AWS::IAM::SAMLProvider', ARN: str(p, 'principalArn') },
  ],
});

// --- Console sign-in and CloudShell ------------------------------------------------------------------------------

def('signin.amazonaws.com', 'ConsoleLogin', {
  global: true,
  host: (c) => `${c.region}.signin.aws.amazon.com`,
  response: () => ({ ConsoleLogin: 'Success' }),
});
def('cloudshell.amazonaws.com', 'CreateEnvironment', { params: () => ({}) });
def('cloudshell.amazonaws.com', 'StartEnvironment', { params: (c) => ({ EnvironmentId: arg(c, 'environmentId', () => c.rng.uuid()) }) });
def('cloudshell.amazonaws.com', 'CreateSession', { params: (c) => ({ EnvironmentId: arg(c, 'environmentId', () => c.rng.uuid()) }) });
def('cloudshell.amazonaws.com', 'PutCredentials', { params: (c) => ({ EnvironmentId: arg(c, 'environmentId', () => c.rng.uuid()) }) });
def('cloudshell.amazonaws.com', 'GetEnvironmentStatus', {
  read: true,
  params: (c) => ({ EnvironmentId: arg(c, 'environmentId', () => c.rng.uuid()) }),
});

// --- IAM ---------------------------------------------------------------------------------------------------------

const iam = 'iam.amazonaws.com';
const userName = (c: AwsApiContext): string => arg(c, 'userName', () => pick(c, c.scope.users));
const roleName = (c: AwsApiContext): string => arg(c, 'roleName', () => pick(c, c.scope.roles));

def(iam, 'ListUsers', { read: true, global: true });
def(iam, 'ListRoles', { read: true, global: true });
def(iam, 'ListGroups', { read: true, global: true });
def(iam, 'ListPolicies', { read: true, global: true, params: () => ({ scope: 'Local', onlyAttached: false }) });
def(iam, 'ListAccessKeys', { read: true, global: true, params: (c) => ({ userName: userName(c) }) });
def(iam, 'ListMFADevices', { read: true, global: true, params: (c) => ({ userName: userName(c) }) });
def(iam, 'GetUser', { read: true, global: true, params: (c) => ({ userName: userName(c) }) });
def(iam, 'GetRole', { read: true, global: true, params: (c) => ({ roleName: roleName(c) }) });
def(iam, 'ListAttachedRolePolicies', { read: true, global: true, params: (c) => ({ roleName: roleName(c) }) });
def(iam, 'ListRolePolicies', { read: true, global: true, params: (c) => ({ roleName: roleName(c) }) });
def(iam, 'ListAttachedUserPolicies', { read: true, global: true, params: (c) => ({ userName: userName(c) }) });
def(iam, 'GetAccountAuthorizationDetails', { read: true, global: true, cli: 'iam.get-account-authorization-details' });
def(iam, 'GetAccountSummary', { read: true, global: true });
def(iam, 'ListInstanceProfilesForRole', { read: true, global: true, params: (c) => ({ roleName: roleName(c) }) });
def(iam, 'CreateUser', {
  global: true,
  params: (c) => ({ userName: userName(c) }),
  response: (c, p) => ({
    user: {
      path: '/',
      userName: str(p, 'userName'),
      userId: awsPrincipalId(c.rng, 'user'),
      arn: `arn:aws:iam::${uid(c)}:user/${str(p, 'userName')}`,
      createDate: awsCreateDate(c.time),
    },
  }),
});
def(iam, 'AttachUserPolicy', {
  global: true,
  params: (c) => ({ userName: userName(c), policyArn: arg(c, 'policyArn', () => 'arn:aws:iam::aws:policy/ReadOnlyAccess') }),
});
def(iam, 'AttachRolePolicy', {
  global: true,
  params: (c) => ({ roleName: roleName(c), policyArn: arg(c, 'policyArn', () => `arn:aws:iam::${uid(c)}:policy/${roleName(c)}-access`) }),
});
def(iam, 'PutUserPolicy', {
  global: true,
  params: (c) => ({
    userName: userName(c),
    policyName: arg(c, 'policyName', () => 'inline-access'),
    policyDocument: arg(c, 'policyDocument', () => policyDocument('s3:GetObject')),
  }),
});
def(iam, 'PutRolePolicy', {
  global: true,
  params: (c) => {
    const role = roleName(c);
    return { roleName: role, policyName: `${role}-inline`, policyDocument: policyDocument(['s3:GetObject', 's3:PutObject'].join(','), `arn:aws:s3:::${pick(c, c.scope.buckets)}/*`) };
  },
});
def(iam, 'TagRole', { global: true, params: (c) => ({ roleName: roleName(c), tags: [{ key: 'managed-by', value: 'terraform' }] }) });
def(iam, 'UpdateAssumeRolePolicy', {
  global: true,
  params: (c) => ({
    roleName: roleName(c),
    policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
  }),
});
def(iam, 'CreateAccessKey', {
  global: true,
  params: (c) => ({ userName: userName(c) }),
  response: (c, p) => ({
    accessKey: {
      userName: str(p, 'userName'),
      accessKeyId: c.args.mintedKey ?? awsAccessKeyId(c.rng, false),
      status: 'Active',
      createDate: awsCreateDate(c.time),
    },
  }),
});
def(iam, 'CreateLoginProfile', {
  global: true,
  params: (c) => ({ userName: userName(c), passwordResetRequired: false }),
  response: (c, p) => ({ loginProfile: { userName: str(p, 'userName'), createDate: awsCreateDate(c.time), passwordResetRequired: false } }),
});

// --- S3 ----------------------------------------------------------------------------------------------------------

const bucketHost = (c: AwsApiContext, p: Json): string => `${str(p, 'bucketName')}.s3.${c.region}.amazonaws.com`;
const bucket = (c: AwsApiContext): string => arg(c, 'bucketName', () => pick(c, c.scope.buckets));
const bucketResource = (c: AwsApiContext, p: Json): Json[] => [
  { accountId: uid(c), type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${str(p, 'bucketName')}` },
];
const objectResources = (c: AwsApiContext, p: Json): Json[] => [
  { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${str(p, 'bucketName')}/${str(p, 'key')}` },
  { accountId: uid(c), type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${str(p, 'bucketName')}` },
];
function objectKey(c: AwsApiContext): string {
  if (c.args.key) return c.args.key;
  const prefix = c.scope.objectPrefixes.length ? pick(c, c.scope.objectPrefixes) : 'data/';
  return `${prefix}${c.rng.hex(6)}.json`;
}
function bucketRead(name: string, subresource: string, cli?: string): void {
  def('s3.amazonaws.com', name, {
    read: true,
    s3: true,
    cli: cli ?? `s3api.${kebab(name)}`,
    host: bucketHost,
    params: (c) => {
      const b = bucket(c);
      return { bucketName: b, Host: `${b}.s3.${c.region}.amazonaws.com`, [subresource]: '' };
    },
    resources: bucketResource,
  });
}

def('s3.amazonaws.com', 'ListBuckets', {
  read: true,
  s3: true,
  cli: 's3.ls',
  host: (c) => `s3.${c.region}.amazonaws.com`,
  params: (c) => ({ Host: `s3.${c.region}.amazonaws.com` }),
});
bucketRead('GetBucketLocation', 'location');
bucketRead('GetBucketPolicy', 'policy');
bucketRead('GetBucketAcl', 'acl');
bucketRead('GetBucketVersioning', 'versioning');
bucketRead('GetBucketEncryption', 'encryption');
bucketRead('GetBucketTagging', 'tagging');
bucketRead('GetBucketPublicAccessBlock', 'publicAccessBlock');
def('s3.amazonaws.com', 'PutBucketTagging', {
  s3: true,
  cli: 's3api.put-bucket-tagging',
  host: bucketHost,
  params: (c) => {
    const b = bucket(c);
    return { bucketName: b, Host: `${b}.s3.${c.region}.amazonaws.com`, tagging: '' };
  },
  resources: bucketResource,
});
def('s3.amazonaws.com', 'ListObjects', {
  read: true,
  data: true,
  s3: true,
  cli: 's3.ls',
  host: bucketHost,
  params: (c) => {
    const b = bucket(c);
    return {
      'list-type': '2',
      bucketName: b,
      'encoding-type': 'url',
      prefix: c.args.prefix ?? (c.scope.objectPrefixes.length ? pick(c, c.scope.objectPrefixes) : ''),
      delimiter: '/',
      Host: `${b}.s3.${c.region}.amazonaws.com`,
    };
  },
  resources: bucketResource,
});
def('s3.amazonaws.com', 'GetObject', {
  read: true,
  data: true,
  s3: true,
  cli: 's3.cp',
  host: bucketHost,
  params: (c) => {
    const b = bucket(c);
    return { bucketName: b, Host: `${b}.s3.${c.region}.amazonaws.com`, key: objectKey(c) };
  },
  resources: objectResources,
});
def('s3.amazonaws.com', 'HeadObject', {
  read: true,
  data: true,
  s3: true,
  cli: 's3api.head-object',
  host: bucketHost,
  params: (c) => {
    const b = bucket(c);
    return { bucketName: b, Host: `${b}.s3.${c.region}.amazonaws.com`, key: objectKey(c) };
  },
  resources: objectResources,
});
def('s3.amazonaws.com', 'PutObject', {
  data: true,
  s3: true,
  cli: 's3.cp',
  host: bucketHost,
  params: (c) => {
    const b = bucket(c);
    return { bucketName: b, Host: `${b}.s3.${c.region}.amazonaws.com`, key: objectKey(c) };
  },
  response: () => ({ 'x-amz-server-side-encryption': 'aws:kms' }),
  resources: objectResources,
});

// --- EC2 ---------------------------------------------------------------------------------------------------------

const ec2 = 'ec2.amazonaws.com';
const instanceSet = (c: AwsApiContext): Json =>
  c.scope.instances.length && c.rng.chance(0.5) ? { items: [{ instanceId: pick(c, c.scope.instances) }] } : {};

def(ec2, 'DescribeInstances', { read: true, params: (c) => ({ instancesSet: instanceSet(c), filterSet: {} }) });
def(ec2, 'DescribeInstanceStatus', { read: true, params: (c) => ({ instancesSet: instanceSet(c), filterSet: {}, includeAllInstances: false }) });
def(ec2, 'DescribeSecurityGroups', { read: true, params: () => ({ securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} }) });
def(ec2, 'DescribeVpcs', { read: true, params: () => ({ vpcSet: {}, filterSet: {} }) });
def(ec2, 'DescribeSubnets', { read: true, params: () => ({ subnetSet: {}, filterSet: {} }) });
def(ec2, 'DescribeRegions', { read: true, params: () => ({ regionSet: {}, allRegions: true }) });
def(ec2, 'DescribeImages', { read: true, params: () => ({ executableBySet: {}, imagesSet: {}, ownersSet: { items: [{ owner: 'self' }] }, filterSet: {} }) });
def(ec2, 'DescribeVolumes', { read: true, params: () => ({ volumeSet: {}, filterSet: {} }) });
def(ec2, 'DescribeSnapshots', { read: true, params: () => ({ snapshotSet: {}, ownersSet: { items: [{ owner: 'self' }] }, filterSet: {} }) });
def(ec2, 'DescribeKeyPairs', { read: true, params: () => ({ keySet: {}, filterSet: {} }) });
def(ec2, 'DescribeNetworkInterfaces', { read: true, params: () => ({ networkInterfaceIdSet: {}, filterSet: {} }) });
def(ec2, 'DescribeAvailabilityZones', { read: true, params: () => ({ availabilityZoneSet: {}, availabilityZoneIdSet: {} }) });
def(ec2, 'DescribeTags', {
  read: true,
  params: (c) => ({
    filterSet: { items: [{ name: 'resource-id', valueSet: { items: [{ value: c.scope.instances.length ? pick(c, c.scope.instances) : 'i-0' }] } }] },
  }),
});
def(ec2, 'DescribeLaunchTemplates', { read: true, params: () => ({ DescribeLaunchTemplatesRequest: { MaxResults: 200 } }) });
def(ec2, 'CreateTags', {
  params: (c) => ({
    resourcesSet: { items: [{ resourceId: c.scope.instances.length ? pick(c, c.scope.instances) : pick(c, c.scope.securityGroups) }] },
    tagSet: { items: [{ key: 'deployed-by', value: 'terraform' }] },
  }),
  response: (c) => ({ requestId: c.rng.uuid(), _return: true }),
});
def(ec2, 'AuthorizeSecurityGroupIngress', {
  params: (c) => ({
    groupId: arg(c, 'groupId', () => pick(c, c.scope.securityGroups)),
    ipPermissions: {
      items: [
        {
          ipProtocol: 'tcp',
          fromPort: Number(c.args.port ?? 443),
          toPort: Number(c.args.port ?? 443),
          groups: {},
          ipRanges: { items: [{ cidrIp: arg(c, 'cidr', () => '10.20.0.0/16') }] },
          ipv6Ranges: {},
          prefixListIds: {},
        },
      ],
    },
  }),
  response: (c, p) => ({
    requestId: c.rng.uuid(),
    _return: true,
    securityGroupRuleSet: {
      items: [
        {
          groupOwnerId: uid(c),
          groupId: str(p, 'groupId'),
          securityGroupRuleId: `sgr-0${c.rng.hex(8)}`,
          isEgress: false,
          ipProtocol: 'tcp',
          fromPort: Number(c.args.port ?? 443),
          toPort: Number(c.args.port ?? 443),
          cidrIpv4: c.args.cidr ?? '10.20.0.0/16',
        },
      ],
    },
  }),
});

// --- Lambda ------------------------------------------------------------------------------------------------------

const lambda = 'lambda.amazonaws.com';
const fn = (c: AwsApiContext): string => arg(c, 'functionName', () => pick(c, c.scope.functions));
def(lambda, 'ListFunctions20150331', { read: true });
def(lambda, 'GetFunction20150331v2', { read: true, params: (c) => ({ functionName: fn(c) }) });
def(lambda, 'GetFunctionConfiguration20150331v2', { read: true, params: (c) => ({ functionName: fn(c) }) });
def(lambda, 'UpdateFunctionCode20150331v2', {
  params: (c) => ({ functionName: fn(c), s3Bucket: pick(c, c.scope.buckets), s3Key: `lambda/${c.rng.hex(8)}.zip`, publish: false, dryRun: false }),
  response: (c, p) => ({
    functionName: str(p, 'functionName'),
    functionArn: `arn:aws:lambda:${c.region}:${uid(c)}:function:${str(p, 'functionName')}`,
    runtime: 'python3.12',
    codeSize: c.rng.int(20_000, 4_000_000),
    lastModified: new Date(c.time).toISOString().replace('Z', '+0000'),
    codeSha256: base64(c.rng, 43) + '=',
    version: '$LATEST',
  }),
});

// --- SSM, CloudWatch Logs, CloudWatch, KMS, Secrets Manager --------------------------------------------------------

def('ssm.amazonaws.com', 'UpdateInstanceInformation', {
  params: (c) => ({
    instanceId: arg(c, 'instanceId', () => pick(c, c.scope.instances)),
    agentVersion: '3.3.987.0',
    agentStatus: 'Active',
    platformType: 'Linux',
    platformName: 'Amazon Linux',
    platformVersion: '2023',
    iPAddress: `10.0.${c.rng.int(1, 20)}.${c.rng.int(4, 250)}`,
    computerName: `ip-10-0-${c.rng.int(1, 20)}-${c.rng.int(4, 250)}.ec2.internal`,
    agentName: 'amazon-ssm-agent',
    availabilityZone: `${c.region}a`,
    availabilityZoneId: 'use1-az1',
  }),
});
def('ssm.amazonaws.com', 'ListInstanceAssociations', {
  read: true,
  params: (c) => ({ instanceId: arg(c, 'instanceId', () => pick(c, c.scope.instances)), maxResults: 50 }),
});
def('ssm.amazonaws.com', 'GetParameter', {
  read: true,
  params: (c) => ({ name: arg(c, 'parameter', () => pick(c, c.scope.parameters)), withDecryption: true }),
});
def('ssm.amazonaws.com', 'GetParametersByPath', {
  read: true,
  params: (c) => ({ path: arg(c, 'path', () => '/' + pick(c, c.scope.parameters).split('/')[1] + '/'), recursive: true, withDecryption: true }),
});
def('ssm.amazonaws.com', 'DescribeInstanceInformation', { read: true });
def('logs.amazonaws.com', 'CreateLogStream', {
  params: (c) => ({ logGroupName: pick(c, c.scope.logGroups), logStreamName: c.args.instanceId ?? `${new Date(c.time).toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]${c.rng.hex(16)}` }),
});
def('logs.amazonaws.com', 'DescribeLogGroups', { read: true, params: () => ({ limit: 50 }) });
def('logs.amazonaws.com', 'DescribeLogStreams', { read: true, params: (c) => ({ logGroupName: pick(c, c.scope.logGroups), descending: true, orderBy: 'LastEventTime' }) });
def('logs.amazonaws.com', 'FilterLogEvents', {
  read: true,
  params: (c) => ({ logGroupName: pick(c, c.scope.logGroups), startTime: c.time - HOUR, endTime: c.time, limit: 100 }),
});
def('monitoring.amazonaws.com', 'DescribeAlarms', { read: true, cli: 'cloudwatch.describe-alarms', params: () => ({ maxRecords: 100 }) });
def('monitoring.amazonaws.com', 'GetMetricData', {
  read: true,
  cli: 'cloudwatch.get-metric-data',
  params: (c) => ({ startTime: new Date(c.time - 3 * HOUR).toISOString(), endTime: new Date(c.time).toISOString(), maxDatapoints: 100800 }),
});
def('monitoring.amazonaws.com', 'ListMetrics', { read: true, cli: 'cloudwatch.list-metrics', params: () => ({ namespace: 'AWS/EC2' }) });
const kmsKeyArn = (c: AwsApiContext): string => `arn:aws:kms:${c.region}:${uid(c)}:key/${arg(c, 'kmsKey', () => pick(c, c.scope.kmsKeys))}`;
def('kms.amazonaws.com', 'Decrypt', {
  read: true,
  params: (c) =>
    c.args.secretArn
      ? { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { SecretARN: c.args.secretArn, SecretVersionId: c.rng.uuid() } }
      : { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: { 'aws:s3:arn': `arn:aws:s3:::${pick(c, c.scope.buckets)}` } },
  resources: (c) => [{ accountId: uid(c), type: 'AWS::KMS::Key', ARN: kmsKeyArn(c) }],
});
def('kms.amazonaws.com', 'GenerateDataKey', {
  read: true,
  params: (c) => ({ keyId: kmsKeyArn(c), keySpec: 'AES_256', encryptionContext: { 'aws:s3:arn': `arn:aws:s3:::${pick(c, c.scope.buckets)}` } }),
  resources: (c) => [{ accountId: uid(c), type: 'AWS::KMS::Key', ARN: kmsKeyArn(c) }],
});
def('kms.amazonaws.com', 'ListKeys', { read: true });
def('kms.amazonaws.com', 'ListAliases', { read: true });
const secretArn = (c: AwsApiContext, name: string): string => `arn:aws:secretsmanager:${c.region}:${uid(c)}:secret:${name}-${c.rng.alnum(6)}`;
def('secretsmanager.amazonaws.com', 'GetSecretValue', {
  read: true,
  params: (c) => ({ secretId: arg(c, 'secretId', () => secretArn(c, pick(c, c.scope.secrets))) }),
});
def('secretsmanager.amazonaws.com', 'ListSecrets', { read: true });
def('secretsmanager.amazonaws.com', 'DescribeSecret', {
  read: true,
  params: (c) => ({ secretId: arg(c, 'secretId', () => pick(c, c.scope.secrets)) }),
});

// --- DynamoDB and SQS (data events) -----------------------------------------------------------------------------

const table = (c: AwsApiContext): string => arg(c, 'tableName', () => pick(c, c.scope.tables));
const tableResources = (c: AwsApiContext, p: Json): Json[] => [
  { accountId: uid(c), type: 'AWS::DynamoDB::Table', ARN: `arn:aws:dynamodb:${c.region}:${uid(c)}:table/${str(p, 'tableName')}` },
];
def('dynamodb.amazonaws.com', 'GetItem', {
  read: true,
  data: true,
  params: (c) => ({ tableName: table(c), key: { id: HIDDEN }, consistentRead: false }),
  resources: tableResources,
});
def('dynamodb.amazonaws.com', 'Query', {
  read: true,
  data: true,
  params: (c) => ({ tableName: table(c), indexName: 'by-customer', keyConditionExpression: 'customerId = :c', expressionAttributeValues: { ':c': HIDDEN } }),
  resources: tableResources,
});
def('dynamodb.amazonaws.com', 'PutItem', {
  data: true,
  params: (c) => ({ tableName: table(c), key: { id: HIDDEN }, item: HIDDEN }),
  resources: tableResources,
});
def('dynamodb.amazonaws.com', 'UpdateItem', {
  data: true,
  params: (c) => ({ tableName: table(c), key: { id: HIDDEN }, updateExpression: 'SET #s = :s', expressionAttributeNames: { '#s': 'status' } }),
  resources: tableResources,
});
def('dynamodb.amazonaws.com', 'DescribeTable', { read: true, params: (c) => ({ tableName: table(c) }), resources: tableResources });
def('dynamodb.amazonaws.com', 'ListTables', { read: true });
const queueUrl = (c: AwsApiContext): string => `https://sqs.${c.region}.amazonaws.com/${uid(c)}/${arg(c, 'queue', () => pick(c, c.scope.queues))}`;
const queueResources = (c: AwsApiContext, p: Json): Json[] => [
  { accountId: uid(c), type: 'AWS::SQS::Queue', ARN: `arn:aws:sqs:${c.region}:${uid(c)}:${str(p, 'queueUrl').split('/').pop() ?? ''}` },
];
def('sqs.amazonaws.com', 'ReceiveMessage', {
  read: true,
  data: true,
  params: (c) => ({ queueUrl: queueUrl(c), maxNumberOfMessages: 10, waitTimeSeconds: 20, messageAttributeNames: ['All'] }),
  resources: queueResources,
});
def('sqs.amazonaws.com', 'SendMessage', {
  data: true,
  params: (c) => ({ queueUrl: queueUrl(c), messageBody: HIDDEN }),
  response: (c) => ({ mD5OfMessageBody: c.rng.hex(16), messageId: c.rng.uuid() }),
  resources: queueResources,
});
def('sqs.amazonaws.com', 'DeleteMessage', {
  data: true,
  params: (c) => ({ queueUrl: queueUrl(c), receiptHandle: HIDDEN }),
  resources: queueResources,
});
def('sqs.amazonaws.com', 'GetQueueAttributes', { read: true, params: (c) => ({ queueUrl: queueUrl(c), attributeNames: ['All'] }) });
def('sqs.amazonaws.com', 'ListQueues', { read: true });

// --- Detection and logging services, account-level reads -----------------------------------------------------------

def('cloudtrail.amazonaws.com', 'DescribeTrails', { read: true, params: () => ({ trailNameList: [], includeShadowTrails: true }) });
def('cloudtrail.amazonaws.com', 'GetTrailStatus', {
  read: true,
  params: (c) => ({ name: arg(c, 'trail', () => `arn:aws:cloudtrail:${c.region}:${uid(c)}:trail/${c.account.trail}`) }),
});
def('cloudtrail.amazonaws.com', 'LookupEvents', { read: true, params: () => ({ maxResults: 50 }) });
def('cloudtrail.amazonaws.com', 'StopLogging', {
  params: (c) => ({ name: arg(c, 'trail', () => `arn:aws:cloudtrail:${c.region}:${uid(c)}:trail/${c.account.trail}`) }),
});
def('cloudtrail.amazonaws.com', 'DeleteTrail', {
  params: (c) => ({ name: arg(c, 'trail', () => `arn:aws:cloudtrail:${c.region}:${uid(c)}:trail/${c.account.trail}`) }),
});
def('guardduty.amazonaws.com', 'ListDetectors', { read: true });
def('guardduty.amazonaws.com', 'GetDetector', { read: true, params: (c) => ({ detectorId: c.account.guardDutyDetector }) });
def('guardduty.amazonaws.com', 'ListFindings', { read: true, params: (c) => ({ detectorId: c.account.guardDutyDetector, maxResults: 50 }) });
def('guardduty.amazonaws.com', 'DeleteDetector', { params: (c) => ({ detectorId: c.account.guardDutyDetector }) });
def('organizations.amazonaws.com', 'DescribeOrganization', { read: true, global: true });
def('organizations.amazonaws.com', 'ListAccounts', { read: true, global: true });
def('rds.amazonaws.com', 'DescribeDBInstances', { read: true });
def('rds.amazonaws.com', 'DescribeDBSnapshots', { read: true, params: () => ({ includeShared: false, includePublic: false }) });
def('ecr.amazonaws.com', 'GetAuthorizationToken', { read: true, params: () => ({ registryIds: [] }) });
def('ecr.amazonaws.com', 'BatchGetImage', {
  read: true,
  params: (c) => ({
    repositoryName: arg(c, 'repository', () => 'orders-api'),
    imageIds: [{ imageTag: `sha-${c.rng.hex(4)}` }],
    acceptedMediaTypes: ['application/vnd.docker.distribution.manifest.v2+json'],
  }),
});
def('ecr.amazonaws.com', 'DescribeRepositories', { read: true });
def('health.amazonaws.com', 'DescribeEventAggregates', {
  read: true,
  global: true,
  params: () => ({ aggregateField: 'eventTypeCategory', filter: { eventStatusCodes: ['open', 'upcoming'] } }),
});
def('autoscaling.amazonaws.com', 'DescribeAutoScalingGroups', { read: true });
def('elasticloadbalancing.amazonaws.com', 'DescribeLoadBalancers', { read: true, cli: 'elbv2.describe-load-balancers' });
def('elasticloadbalancing.amazonaws.com', 'DescribeTargetHealth', {
  read: true,
  cli: 'elbv2.describe-target-health',
  params: (c) => ({ targetGroupArn: `arn:aws:elasticloadbalancing:${c.region}:${uid(c)}:targetgroup/orders-api/${c.rng.hex(8)}` }),
});
def('config.amazonaws.com', 'DescribeConfigRules', { read: true, cli: 'configservice.describe-config-rules' });
def('config.amazonaws.com', 'PutEvaluations', { cli: 'configservice.put-evaluations', params: (c) => ({ resultToken: c.rng.hex(24), testMode: false }) });
def('access-analyzer.amazonaws.com', 'ListAnalyzers', { read: true, cli: 'accessanalyzer.list-analyzers' });
def('ce.amazonaws.com', 'GetCostAndUsage', { read: true, global: true, params: () => ({ granularity: 'DAILY', metrics: ['UnblendedCost'] }) });
