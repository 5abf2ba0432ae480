/** One AWS API call turned into its CloudTrail record: shared by benign actors and attack chains. */
import type { DayClock } from '../clock';
import { s3HostId, s3RequestId } from '../ids';
import type { Rng } from '../random';
import { AWS_ACCOUNTS, type AwsAccount } from '../scenario/org';
import { type AwsApi, type AwsScope, awsApi } from './aws_apis';
import { type CtEvent, cloudTrailRecord } from './cloudtrail';
import type { Json, JsonObject } from './json';

export interface AwsCallSpec {
  time: number;
  /** The account acted upon (recipientAccountId). */
  account: AwsAccount;
  region: string;
  api: AwsApi | string;
  identity: JsonObject;
  sourceIp: string;
  userAgent: string;
  scope: AwsScope;
  args?: Readonly<Record<string, string | undefined>>;
  error?: { code: string; message: string };
  fromConsole?: boolean;
  /** Made inside AWS on the caller's behalf (no TLS details). */
  internal?: boolean;
  /** ConsoleLogin details. */
  consoleLogin?: { mfaUsed: boolean; mfaIdentifier?: string; loginTo: string };
  sharedEventId?: string;
}

export interface AwsCallResult {
  route: string;
  record: JsonObject;
  eventId: string;
  params: Json;
  response: Json;
}

export function awsRoute(accountId: string, region: string): string {
  return `aws/${accountId}/${region}`;
}

export function buildAwsCall(spec: AwsCallSpec, rng: Rng, clock: DayClock): AwsCallResult {
  const api = typeof spec.api === 'string' ? awsApi(spec.api) : spec.api;
  const region = api.global ? 'us-east-1' : spec.region;
  const ctx = { rng, time: spec.time, account: spec.account, region, scope: spec.scope, args: spec.args ?? {} };
  const params = api.params(ctx);
  const response = spec.error ? null : api.response ? api.response(ctx, params) : null;
  const eventId = rng.uuid();
  let additional: JsonObject | undefined;
  if (spec.consoleLogin) {
    additional = {
      LoginTo: spec.consoleLogin.loginTo,
      MobileVersion: 'No',
      MFAIdentifier: spec.consoleLogin.mfaIdentifier,
      MFAUsed: spec.consoleLogin.mfaUsed ? 'Yes' : 'No',
    };
  } else if (api.s3) {
    additional = {
      SignatureVersion: 'SigV4',
      CipherSuite: 'TLS_AES_128_GCM_SHA256',
      bytesTransferredIn: api.eventName === 'PutObject' ? rng.int(200, 900_000) : 0,
      AuthenticationMethod: 'AuthHeader',
      'x-amz-id-2': s3HostId(rng),
      bytesTransferredOut: api.eventName === 'PutObject' ? 0 : rng.int(120, 2_000_000),
    };
  }
  const e: CtEvent = {
    time: spec.time,
    eventId,
    requestId: spec.consoleLogin ? null : api.s3 ? s3RequestId(rng) : rng.uuid(),
    recipientAccountId: spec.account.id,
    region,
    eventSource: api.eventSource,
    eventName: api.eventName,
    identity: spec.identity,
    sourceIp: spec.sourceIp,
    userAgent: spec.userAgent,
    requestParameters: spec.error && api.eventName.startsWith('List') ? null : params,
    responseElements: response,
    additionalEventData: additional,
    resources: api.resources ? api.resources(ctx, params) : undefined,
    readOnly: api.readOnly,
    eventType: spec.consoleLogin ? 'AwsConsoleSignIn' : 'AwsApiCall',
    category: api.data ? 'Data' : 'Management',
    error: spec.error,
    tlsHost: spec.internal ? undefined : api.host(ctx, params),
    fromConsole: spec.fromConsole,
    sharedEventId: spec.sharedEventId,
  };
  return { route: awsRoute(spec.account.id, region), record: cloudTrailRecord(e, clock), eventId, params, response };
}

/** AccessDenied as IAM words it for the caller's ARN. */
export function accessDenied(callerArn: string, api: AwsApi | string, resource = '*'): { code: string; message: string } {
  const a = typeof api === 'string' ? awsApi(api) : api;
  const service = a.eventSource.slice(0, a.eventSource.indexOf('.'));
  const action = `${service === 'monitoring' ? 'cloudwatch' : service}:${a.eventName.replace(/\d{8}(v\d)?$/, '')}`;
  const code = service === 'ec2' ? 'Client.UnauthorizedOperation' : 'AccessDenied';
  return {
    code,
    message:
      service === 'ec2'
        ? 'You are not authorized to perform this operation. User: ' + callerArn + ' is not authorized to perform: ' + action + ' because no identity-based policy allows the ' + action + ' action'
        : `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  };
}

const DEFAULT_PARAMETERS = ['/app/orders/db-host', '/app/orders/feature-flags', '/app/catalog/cdn-origin', '/platform/datadog/api-key'];

/** The resources a caller in `account`/`region` works with, narrowed by `focus` where the identity has habits. */
export function awsScope(account: AwsAccount, region: string, focus: Partial<AwsScope> = {}): AwsScope {
  return {
    buckets: focus.buckets ?? account.buckets,
    objectPrefixes: focus.objectPrefixes ?? ['data/', 'exports/', 'config/'],
    secrets: focus.secrets ?? account.secrets,
    queues: focus.queues ?? account.queues,
    tables: focus.tables ?? account.tables,
    functions: focus.functions ?? account.functions,
    kmsKeys: focus.kmsKeys ?? account.kmsKeys,
    securityGroups: focus.securityGroups ?? account.securityGroups,
    instances: focus.instances ?? account.instances.filter((i) => i.region === region).map((i) => i.id),
    users: focus.users ?? account.users,
    roles: focus.roles ?? account.roles,
    parameters: focus.parameters ?? DEFAULT_PARAMETERS,
    logGroups: focus.logGroups ?? account.functions.map((f) => `/aws/lambda/${f}`).concat(['/ecs/orders-api', '/var/log/messages']),
  };
}

export function awsAccountById(id: string): AwsAccount {
  const a = Object.values(AWS_ACCOUNTS).find((x) => x.id === id);
  if (!a) throw new Error(`unknown AWS account ${id}`);
  return a;
}

/**
 * The everyday failures of each kind, worded as the services word them; undefined when the kind does not apply to
 * the call (a write is not throttled here, a list is never "not found").
 */
export function benignAwsError(kind: 'throttling' | 'denied' | 'not-found', api: AwsApi, callerArn: string): { code: string; message: string } | undefined {
  if (kind === 'throttling') {
    if (!api.readOnly) return undefined;
    return api.eventSource === 'ec2.amazonaws.com'
      ? { code: 'Client.RequestLimitExceeded', message: 'Request limit exceeded.' }
      : { code: 'ThrottlingException', message: 'Rate exceeded' };
  }
  if (kind === 'denied') return api.readOnly && api.eventSource !== 'sts.amazonaws.com' ? accessDenied(callerArn, api) : undefined;
  switch (api.key) {
    case 's3:GetObject':
    case 's3:HeadObject':
      return { code: 'NoSuchKey', message: 'The specified key does not exist.' };
    case 'iam:GetRole':
      return { code: 'NoSuchEntityException', message: 'The role with name cannot be found.' };
    case 'lambda:GetFunction20150331v2':
      return { code: 'ResourceNotFoundException', message: 'Function not found' };
    case 's3:GetBucketPolicy':
      return { code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist' };
    default:
      return undefined;
  }
}
