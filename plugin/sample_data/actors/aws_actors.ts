/** Benign AWS identities at work. Each class is one kind of caller; its habits come from scenario/identities/aws.ts. */
import { HOUR, MINUTE, SECOND, timeOfDay } from '../clock';
import { awsAccessKeyId } from '../ids';
import { WeightedList } from '../random';
import { type AwsApi, type AwsScope, awsApi } from '../records/aws_apis';
import { type AwsCallResult, type AwsCallSpec, awsScope, benignAwsError, buildAwsCall } from '../records/aws_call';
import {
  assumedRoleIdentity,
  awsServiceIdentity,
  iamUserIdentity,
  roleArn,
  type RoleRef,
  samlUserIdentity,
  webIdentityUserIdentity,
} from '../records/cloudtrail';
import type { JsonObject } from '../records/json';
import type { Directory } from '../scenario/directory';
import type {
  AwsConfigIdentity,
  AwsHabit,
  AwsIdentity,
  Ec2InstanceIdentity,
  GithubOidcIdentity,
  IamCliUserIdentity,
  IamConsoleUserIdentity,
  IrsaIdentity,
  LambdaIdentity,
  SamlUserIdentity,
  ServiceUserIdentity,
  TrailDeliveryIdentity,
} from '../scenario/identities/aws';
import { hostIp } from '../scenario/networks';
import { AWS_ACCOUNTS, type AwsAccount, AZURE_TENANT } from '../scenario/org';
import { type Person, personOf } from '../scenario/people';
import { AWS_UA, awsCli, awsCliCloudShell, awsGoV2, awsJsLambda, BROWSER, terraformAws } from '../scenario/user_agents';
import { Actor } from './actor';
import { personNetworkAt } from './people';
import type { World } from './world';

/** Credentials held by a caller: the key and its session attributes. */
interface Session {
  accessKeyId: string;
  issuedAt: number;
  expiresAt: number;
  identity: JsonObject;
}

const serviceOf = (api: AwsApi): string => api.key.slice(0, api.key.indexOf(':'));

abstract class AwsActor extends Actor {
  protected readonly account: AwsAccount;
  protected readonly habits: WeightedList<AwsHabit>;
  private readonly scopes = new Map<string, AwsScope>();
  private readonly fasKeys = new Map<string, string>();

  protected constructor(
    world: World,
    protected readonly dir: Directory,
    protected readonly def: AwsIdentity,
  ) {
    super(world, { key: def.key, provider: 'aws', weight: def.weight, profile: def.profile });
    this.account = AWS_ACCOUNTS[def.account];
    this.habits = new WeightedList(def.habits.map((x) => [x, x.weight] as const));
  }

  protected scope(region: string): AwsScope {
    let s = this.scopes.get(region);
    if (!s) {
      s = awsScope(this.account, region, this.def.focus);
      this.scopes.set(region, s);
    }
    return s;
  }

  protected call(spec: Omit<AwsCallSpec, 'account' | 'scope'> & { account?: AwsAccount }): AwsCallResult {
    const account = spec.account ?? this.account;
    const result = buildAwsCall({ ...spec, account, scope: this.scope(spec.region) }, this.rng, this.world.clock);
    this.out(result.route, spec.time, result.record);
    return result;
  }

  /** Secrets Manager decrypts the secret with KMS on the caller's behalf (forward access session). */
  protected secretDecrypt(time: number, region: string, identity: JsonObject, secretId: string): void {
    // One forward-access-session key per caller session (real ones are per request; this keeps the day's credential
    // count independent of its volume).
    const callerKey = typeof identity.accessKeyId === 'string' ? identity.accessKeyId : '';
    let fasKey = this.fasKeys.get(callerKey);
    if (!fasKey) {
      fasKey = awsAccessKeyId(this.rng, true);
      this.fasKeys.set(callerKey, fasKey);
    }
    const fas = { ...identity, accessKeyId: fasKey, invokedBy: 'secretsmanager.amazonaws.com' };
    this.call({
      time: Math.min(time + 150 + this.rng.int(0, 400), this.world.dayEnd - 1),
      region,
      api: 'kms:Decrypt',
      identity: fas,
      sourceIp: 'secretsmanager.amazonaws.com',
      userAgent: 'secretsmanager.amazonaws.com',
      internal: true,
      args: { secretArn: secretId.startsWith('arn:') ? secretId : `arn:aws:secretsmanager:${region}:${this.account.id}:secret:${secretId}` },
    });
  }

  /** An ordinary failure for this identity, sometimes. */
  private benignError(api: AwsApi, identity: JsonObject): AwsCallSpec['error'] {
    const e = this.def.errors;
    if (!e || !this.rng.chance(e.rate)) return undefined;
    return benignAwsError(e.kind, api, typeof identity.arn === 'string' ? identity.arn : '');
  }

  /** Make the habit's call; GetSecretValue brings its KMS Decrypt. */
  protected habitCall(time: number, habit: AwsHabit, region: string, base: Omit<AwsCallSpec, 'account' | 'scope' | 'api' | 'time' | 'region'>): AwsCallResult {
    const api = awsApi(habit.api);
    const error = base.error ?? this.benignError(api, base.identity);
    const r = this.call({ ...base, error, time, region: habit.region ?? region, api, args: { ...habit.args, ...base.args } });
    if (habit.api === 'secretsmanager:GetSecretValue' && !error) {
      const p = r.params;
      const secretId = p && typeof p === 'object' && !Array.isArray(p) && typeof p.secretId === 'string' ? p.secretId : '';
      this.secretDecrypt(time, habit.region ?? region, base.identity, secretId);
    }
    return r;
  }
}

/** Short-lived credentials that rotate on a schedule; the first one was minted before the day began. */
abstract class RotatingCredentialActor extends AwsActor {
  protected session!: Session;
  private readonly rotations: { time: number; accessKeyId: string }[] = [];

  /** Plan rotations every `everyMs` (with jitter) and mint the pre-existing credential. */
  protected setupRotation(everyMs: number, jitterMs: number, lifetimeMs: number): void {
    const start = this.world.dayStart;
    const firstOffset = Math.floor(this.rng.next() * everyMs);
    this.session = this.makeSession(awsAccessKeyId(this.rng, true), start + firstOffset - everyMs, start + firstOffset - everyMs + lifetimeMs);
    for (let t = start + firstOffset; t < this.world.dayEnd; t += everyMs + Math.floor(this.rng.next() * jitterMs)) {
      const key = awsAccessKeyId(this.rng, true);
      this.rotations.push({ time: t, accessKeyId: key });
      this.schedule(t, () => {
        this.mint(t, key, lifetimeMs);
        this.session = this.makeSession(key, t, t + lifetimeMs);
      });
    }
    this.firstSession = this.session;
  }

  private firstSession!: Session;

  /** The credential in use at `time` (for chains that steal it). */
  credentialAt(time: number): { accessKeyId: string; issuedAt: number } {
    let cur = { accessKeyId: this.firstSession.accessKeyId, issuedAt: this.firstSession.issuedAt };
    for (const r of this.rotations) if (r.time <= time) cur = { accessKeyId: r.accessKeyId, issuedAt: r.time };
    return cur;
  }

  protected abstract makeSession(accessKeyId: string, issuedAt: number, expiresAt: number): Session;
  protected abstract mint(time: number, accessKeyId: string, lifetimeMs: number): void;
}

export class Ec2InstanceActor extends RotatingCredentialActor {
  readonly instanceId: string;
  readonly region: string;
  readonly role: RoleRef;
  readonly ip: string;

  constructor(world: World, dir: Directory, readonly spec: Ec2InstanceIdentity) {
    super(world, dir, spec);
    const inst = this.account.instances.find((i) => i.id === spec.instanceId);
    if (!inst) throw new Error(`unknown instance ${spec.instanceId}`);
    this.instanceId = inst.id;
    this.region = inst.region;
    this.role = dir.awsRole(this.account, inst.role);
    this.ip = hostIp(`aws-${this.region}`, spec.publicHost);
    this.setupRotation(6 * HOUR, 20 * MINUTE, 6 * HOUR + 35 * MINUTE);
  }

  /** The analytic's root identity for instance credentials. */
  get rootIdentity(): string {
    return `arn:aws:ec2:${this.region}:${this.account.id}:instance/${this.instanceId}`;
  }

  identityFor(accessKeyId: string, issuedAt: number): JsonObject {
    return assumedRoleIdentity(
      this.role,
      this.instanceId,
      accessKeyId,
      { creationDate: this.world.clock.seconds(Math.max(issuedAt, this.world.dayStart - HOUR)), mfaAuthenticated: false },
      { ec2RoleDelivery: '2.0' },
    );
  }

  protected makeSession(accessKeyId: string, issuedAt: number, expiresAt: number): Session {
    return { accessKeyId, issuedAt, expiresAt, identity: this.identityFor(accessKeyId, issuedAt) };
  }

  protected mint(time: number, accessKeyId: string, lifetimeMs: number): void {
    this.call({
      time,
      region: this.region,
      api: 'sts:AssumeRole',
      identity: awsServiceIdentity('ec2.amazonaws.com'),
      sourceIp: 'ec2.amazonaws.com',
      userAgent: 'ec2.amazonaws.com',
      internal: true,
      sharedEventId: this.rng.uuid(),
      args: { roleArn: roleArn(this.role), roleSessionName: this.instanceId, mintedKey: accessKeyId, durationSeconds: String(lifetimeMs / 1000) },
    });
  }

  protected act(time: number): void {
    const habit = this.habits.draw(this.rng);
    const api = awsApi(habit.api);
    const agent = this.spec.agents[serviceOf(api)] ?? this.spec.agents.default;
    const ua = agent === 'awsCliEc2' ? AWS_UA.awsCliEc2.replace('command/s3.cp', `command/${api.cli}`) : AWS_UA[agent as keyof typeof AWS_UA];
    this.habitCall(time, habit, this.region, {
      identity: this.session.identity,
      sourceIp: this.ip,
      userAgent: ua ?? AWS_UA.boto3Ec2,
      args: { instanceId: this.instanceId },
    });
  }
}

export class IrsaActor extends RotatingCredentialActor {
  private readonly role: RoleRef;
  private readonly providerArn: string;
  private readonly subject: string;
  private readonly ip: string;

  constructor(world: World, dir: Directory, private readonly spec: IrsaIdentity) {
    super(world, dir, spec);
    this.role = dir.awsRole(this.account, spec.role);
    this.providerArn = `arn:aws:iam::${this.account.id}:oidc-provider/oidc.eks.${spec.region}.amazonaws.com/id/${spec.oidcId}`;
    this.subject = `system:serviceaccount:${spec.namespace}:${spec.serviceAccount}`;
    this.ip = hostIp(`aws-${spec.region}`, spec.natHost);
    this.setupRotation(50 * MINUTE, 8 * MINUTE, HOUR);
  }

  private sessionName(t: number): string {
    if (this.spec.sdk === 'java') return `aws-sdk-java-${t}`;
    if (this.spec.sdk === 'go') return `${t}${this.rng.digits(6)}`;
    return `botocore-session-${Math.floor(t / 1000)}`;
  }

  private userAgent(api: AwsApi): string {
    if (this.spec.sdk === 'java') return AWS_UA.javaSdkEks;
    if (this.spec.sdk === 'go') return awsGoV2(serviceOf(api));
    return AWS_UA.boto3Ec2;
  }

  protected makeSession(accessKeyId: string, issuedAt: number, expiresAt: number): Session {
    const identity = assumedRoleIdentity(
      this.role,
      this.sessionName(issuedAt),
      accessKeyId,
      { creationDate: this.world.clock.seconds(Math.max(issuedAt, this.world.dayStart - HOUR)), mfaAuthenticated: false },
      { federatedProvider: this.providerArn },
    );
    return { accessKeyId, issuedAt, expiresAt, identity };
  }

  protected mint(time: number, accessKeyId: string): void {
    const session = this.makeSession(accessKeyId, time, time + HOUR);
    const arn = session.identity.arn;
    this.call({
      time,
      region: this.spec.region,
      api: 'sts:AssumeRoleWithWebIdentity',
      identity: webIdentityUserIdentity(this.providerArn, 'sts.amazonaws.com', this.subject),
      sourceIp: this.ip,
      userAgent: this.userAgent(awsApi('sts:AssumeRoleWithWebIdentity')),
      args: {
        roleArn: roleArn(this.role),
        roleSessionName: typeof arn === 'string' ? arn.slice(arn.lastIndexOf('/') + 1) : '',
        subject: this.subject,
        providerArn: this.providerArn,
        assumedRoleId: this.role.principalId,
        mintedKey: accessKeyId,
      },
    });
    this.session = session;
  }

  protected act(time: number): void {
    const habit = this.habits.draw(this.rng);
    this.habitCall(time, habit, this.spec.region, { identity: this.session.identity, sourceIp: this.ip, userAgent: this.userAgent(awsApi(habit.api)) });
  }
}

export class LambdaActor extends RotatingCredentialActor {
  private readonly role: RoleRef;
  private readonly ips: string[];

  constructor(world: World, dir: Directory, private readonly spec: LambdaIdentity) {
    super(world, dir, spec);
    this.role = dir.awsRole(this.account, spec.role, '/service-role/');
    const base = this.rng.int(1000, 900_000);
    this.ips = Array.from({ length: 6 }, (_, i) => hostIp(`aws-${spec.region}`, base + i * 37));
    this.setupRotation(3 * HOUR, 90 * MINUTE, 12 * HOUR);
  }

  protected makeSession(accessKeyId: string, issuedAt: number, expiresAt: number): Session {
    const identity = assumedRoleIdentity(this.role, this.spec.functionName, accessKeyId, {
      creationDate: this.world.clock.seconds(Math.max(issuedAt, this.world.dayStart - HOUR)),
      mfaAuthenticated: false,
    });
    return { accessKeyId, issuedAt, expiresAt, identity };
  }

  protected mint(time: number, accessKeyId: string): void {
    this.call({
      time,
      region: this.spec.region,
      api: 'sts:AssumeRole',
      identity: awsServiceIdentity('lambda.amazonaws.com'),
      sourceIp: 'lambda.amazonaws.com',
      userAgent: 'lambda.amazonaws.com',
      internal: true,
      args: { roleArn: roleArn(this.role), roleSessionName: this.spec.functionName, mintedKey: accessKeyId },
    });
  }

  protected act(time: number): void {
    const habit = this.habits.draw(this.rng);
    const api = awsApi(habit.api);
    const ua = this.spec.functionName.startsWith('orders-webhook') ? awsJsLambda(serviceOf(api)) : AWS_UA.boto3Lambda;
    this.habitCall(time, habit, this.spec.region, { identity: this.session.identity, sourceIp: this.rng.pick(this.ips), userAgent: ua });
  }
}

export class AwsConfigActor extends RotatingCredentialActor {
  private readonly role: RoleRef;

  constructor(world: World, dir: Directory, private readonly spec: AwsConfigIdentity) {
    super(world, dir, spec);
    this.role = dir.awsRole(this.account, 'AWSServiceRoleForConfig', '/aws-service-role/config.amazonaws.com/');
    this.setupRotation(HOUR, 5 * MINUTE, HOUR);
  }

  protected makeSession(accessKeyId: string, issuedAt: number, expiresAt: number): Session {
    const identity = assumedRoleIdentity(
      this.role,
      'AWSConfig-Describe',
      accessKeyId,
      { creationDate: this.world.clock.seconds(Math.max(issuedAt, this.world.dayStart - HOUR)), mfaAuthenticated: false },
      { invokedBy: 'config.amazonaws.com' },
    );
    return { accessKeyId, issuedAt, expiresAt, identity };
  }

  protected mint(time: number, accessKeyId: string): void {
    this.call({
      time,
      region: this.spec.region,
      api: 'sts:AssumeRole',
      identity: awsServiceIdentity('config.amazonaws.com'),
      sourceIp: 'config.amazonaws.com',
      userAgent: 'config.amazonaws.com',
      internal: true,
      args: { roleArn: roleArn(this.role), roleSessionName: 'AWSConfig-Describe', mintedKey: accessKeyId },
    });
  }

  protected act(time: number): void {
    this.habitCall(time, this.habits.draw(this.rng), this.spec.region, {
      identity: this.session.identity,
      sourceIp: 'config.amazonaws.com',
      userAgent: 'config.amazonaws.com',
      internal: true,
    });
  }
}

export class TrailDeliveryActor extends AwsActor {
  private readonly identity = awsServiceIdentity('cloudtrail.amazonaws.com');

  constructor(world: World, dir: Directory, private readonly spec: TrailDeliveryIdentity) {
    super(world, dir, spec);
  }

  protected act(time: number): void {
    const src = this.rng.pick(Object.values(AWS_ACCOUNTS));
    const region = this.rng.pick(src.regions);
    const stamp = this.world.clock.seconds(time).replace(/[-:]/g, '').slice(0, 13);
    const date = this.world.clock.seconds(time).slice(0, 10).replace(/-/g, '/');
    this.call({
      time,
      region: this.spec.region,
      api: 's3:PutObject',
      identity: this.identity,
      sourceIp: 'cloudtrail.amazonaws.com',
      userAgent: 'cloudtrail.amazonaws.com',
      internal: true,
      args: {
        bucketName: 'northwind-shared-cloudtrail-logs',
        key: `AWSLogs/${src.id}/CloudTrail/${region}/${date}/${src.id}_CloudTrail_${region}_${stamp}Z_${this.rng.alnum(16)}.json.gz`,
      },
    });
  }
}

export class GithubOidcActor extends AwsActor {
  private readonly role: RoleRef;
  private readonly providerArn: string;
  private readonly subject: string;
  private session: Session | null = null;
  private lastCall = 0;
  private runnerIp = '';

  constructor(world: World, dir: Directory, private readonly spec: GithubOidcIdentity) {
    super(world, dir, spec);
    this.role = dir.awsRole(this.account, spec.role);
    this.providerArn = `arn:aws:iam::${this.account.id}:oidc-provider/token.actions.githubusercontent.com`;
    this.subject = `repo:${spec.repository}:${spec.account === 'prod' ? 'ref:refs/heads/main' : 'pull_request'}`;
    if (spec.newRunnerAt) {
      const at = world.dayStart + timeOfDay(spec.newRunnerAt);
      this.schedule(at, () => this.run(at, hostIp('ci-github-runners-new', 1234), 14));
    }
  }

  protected override planTimes(hourStart: number, count: number): number[] {
    return this.planRuns(hourStart, count, 3, 1800);
  }

  private startRun(time: number, ip: string): void {
    this.runnerIp = ip;
    const key = awsAccessKeyId(this.rng, true);
    const identity = assumedRoleIdentity(
      this.role,
      'GitHubActions',
      key,
      { creationDate: this.world.clock.seconds(time), mfaAuthenticated: false },
      { federatedProvider: this.providerArn },
    );
    this.call({
      time,
      region: this.spec.region,
      api: 'sts:AssumeRoleWithWebIdentity',
      identity: webIdentityUserIdentity(this.providerArn, 'sts.amazonaws.com', this.subject),
      sourceIp: ip,
      userAgent: AWS_UA.githubOidc,
      args: {
        roleArn: roleArn(this.role),
        roleSessionName: 'GitHubActions',
        subject: this.subject,
        providerArn: this.providerArn,
        assumedRoleId: this.role.principalId,
        mintedKey: key,
      },
    });
    this.session = { accessKeyId: key, issuedAt: time, expiresAt: time + HOUR, identity };
  }

  private terraformCall(time: number): void {
    if (!this.session) return;
    const habit = this.habits.draw(this.rng);
    this.habitCall(time, habit, this.spec.region, {
      identity: this.session.identity,
      sourceIp: this.runnerIp,
      userAgent: terraformAws(serviceOf(awsApi(habit.api))),
    });
  }

  /** A whole pipeline run at once (the novel-runner run). */
  private run(time: number, ip: string, calls: number): void {
    this.startRun(time, ip);
    let t = time;
    for (let i = 0; i < calls; i++) {
      t = Math.min(t + 400 + this.rng.int(0, 2500), this.world.dayEnd - 1);
      this.terraformCall(t);
    }
    this.session = null;
  }

  protected act(time: number): void {
    if (!this.session || time - this.lastCall > 6 * MINUTE || time >= this.session.expiresAt) {
      this.startRun(time, hostIp('ci-github-runners', this.rng.int(1, 4000)));
    } else {
      this.terraformCall(time);
    }
    this.lastCall = time;
  }
}

export class ServiceUserActor extends AwsActor {
  private readonly identity: JsonObject;
  private readonly ip: string;

  constructor(world: World, dir: Directory, private readonly spec: ServiceUserIdentity) {
    super(world, dir, spec);
    const user = dir.awsUser(this.account, spec.user);
    this.identity = iamUserIdentity(user, user.accessKeyId);
    this.ip = hostIp(spec.network, spec.host);
  }

  protected override planTimes(hourStart: number, count: number): number[] {
    return this.planBursts(hourStart, count, 12, 900);
  }

  protected act(time: number): void {
    this.habitCall(time, this.habits.draw(this.rng), this.rng.pick(this.spec.regions), {
      identity: this.identity,
      sourceIp: this.ip,
      userAgent: AWS_UA[this.spec.userAgent],
    });
  }
}

/** Habits restricted to reads, for novelties that only look around. */
function readsOnly(habits: readonly AwsHabit[]): WeightedList<AwsHabit> {
  return new WeightedList(habits.filter((x) => awsApi(x.api).readOnly).map((x) => [x, x.weight] as const));
}

export class IamCliUserActor extends AwsActor {
  readonly person: Person;
  private readonly userIdentity: JsonObject;
  private readonly role?: RoleRef;
  private roleSession: Session | null = null;
  private readonly reads: WeightedList<AwsHabit>;
  private readonly novelty?: { from: number; to: number; ip: string };

  constructor(world: World, dir: Directory, private readonly spec: IamCliUserIdentity) {
    super(world, dir, spec);
    this.person = personOf(spec.person);
    const user = dir.awsUser(this.account, spec.person);
    this.userIdentity = iamUserIdentity(user, user.accessKeyId);
    if (spec.assumeRole) this.role = dir.awsRole(this.account, spec.assumeRole);
    this.reads = readsOnly(spec.habits);
    if (spec.newHomeIp) {
      this.novelty = {
        from: world.dayStart + timeOfDay(spec.newHomeIp.from),
        to: world.dayStart + timeOfDay(spec.newHomeIp.to),
        ip: hostIp(this.person.home, spec.newHomeIp.host),
      };
    }
  }

  protected override planTimes(hourStart: number, count: number): number[] {
    return this.planBursts(hourStart, count, 6, 25 * SECOND);
  }

  protected act(time: number): void {
    const novel = this.novelty && time >= this.novelty.from && time < this.novelty.to;
    const ip = novel && this.novelty ? this.novelty.ip : personNetworkAt(this.person, time).ip;
    let identity = this.userIdentity;
    if (this.role) {
      if (!this.roleSession || time >= this.roleSession.expiresAt - 2 * MINUTE) {
        const key = awsAccessKeyId(this.rng, true);
        const session = `botocore-session-${Math.floor(time / 1000)}`;
        this.call({
          time,
          region: this.spec.regions[0],
          api: 'sts:AssumeRole',
          identity: this.userIdentity,
          sourceIp: ip,
          userAgent: awsCli(this.person.laptop, 'sts.assume-role'),
          args: { roleArn: roleArn(this.role), roleSessionName: session, assumedRoleId: this.role.principalId, mintedKey: key },
        });
        this.roleSession = {
          accessKeyId: key,
          issuedAt: time,
          expiresAt: time + HOUR,
          identity: assumedRoleIdentity(this.role, session, key, { creationDate: this.world.clock.seconds(time), mfaAuthenticated: false }),
        };
        return;
      }
      identity = this.roleSession.identity;
    }
    const habit = (novel ? this.reads : this.habits).draw(this.rng);
    this.habitCall(time, habit, this.rng.pick(this.spec.regions), {
      identity,
      sourceIp: ip,
      userAgent: awsCli(this.person.laptop, awsApi(habit.api).cli),
    });
  }
}

/** Console API calls name the console component that made them. */
function consoleAgent(api: AwsApi): string {
  const svc = serviceOf(api);
  if (svc === 's3') return AWS_UA.consoleS3;
  if (svc === 'ec2') return AWS_UA.consoleEc2;
  return AWS_UA.internal;
}

const IDLE_LOGOUT = 90 * MINUTE;

export class IamConsoleUserActor extends AwsActor {
  readonly person: Person;
  private readonly user;
  private session: Session | null = null;
  private lastCall = 0;

  constructor(world: World, dir: Directory, private readonly spec: IamConsoleUserIdentity) {
    super(world, dir, spec);
    this.person = personOf(spec.person);
    this.user = dir.awsUser(this.account, spec.person);
    if (spec.cloudShellAt) {
      const at = world.dayStart + timeOfDay(spec.cloudShellAt);
      this.schedule(at, () => this.cloudShellSession(at));
    }
  }

  protected override planTimes(hourStart: number, count: number): number[] {
    return this.planBursts(hourStart, count, 10, 9 * SECOND);
  }

  private login(time: number, ip: string): Session {
    this.call({
      time,
      region: 'us-east-1',
      api: 'signin:ConsoleLogin',
      identity: iamUserIdentity(this.user),
      sourceIp: ip,
      userAgent: BROWSER[this.person.browser],
      consoleLogin: {
        mfaUsed: true,
        mfaIdentifier: `arn:aws:iam::${this.account.id}:mfa/${this.person.key}`,
        loginTo: `https://console.aws.amazon.com/console/home?region=${this.spec.regions[0]}&state=hashArgs%23&isauthcode=true`,
      },
    });
    const key = awsAccessKeyId(this.rng, true);
    return {
      accessKeyId: key,
      issuedAt: time,
      expiresAt: time + 12 * HOUR,
      identity: iamUserIdentity(this.user, key, { creationDate: this.world.clock.seconds(time), mfaAuthenticated: true }),
    };
  }

  private ensureSession(time: number, ip: string): boolean {
    if (!this.session || time - this.lastCall > IDLE_LOGOUT || time >= this.session.expiresAt) {
      this.session = this.login(time, ip);
      this.lastCall = time;
      return false;
    }
    return true;
  }

  protected act(time: number): void {
    const ip = personNetworkAt(this.person, time).ip;
    if (!this.ensureSession(time, ip) || !this.session) return;
    const habit = this.habits.draw(this.rng);
    this.habitCall(time, habit, this.rng.pick(this.spec.regions), {
      identity: this.session.identity,
      sourceIp: ip,
      userAgent: consoleAgent(awsApi(habit.api)),
      fromConsole: true,
    });
    this.lastCall = time;
  }

  /** On call: sign in, open CloudShell, look at instances and logs with the CLI. */
  private cloudShellSession(at: number): void {
    const ip = personNetworkAt(this.person, at).ip;
    let t = at;
    if (this.ensureSession(t, ip)) t -= 1;
    const region = this.spec.regions[0];
    const console = this.session;
    if (!console) return;
    const envId = this.rng.uuid();
    const step = (api: string): void => {
      t = Math.min(t + 1500 + this.rng.int(0, 4000), this.world.dayEnd - 1);
      this.call({ time: t, region, api, identity: console.identity, sourceIp: ip, userAgent: BROWSER[this.person.browser], fromConsole: true, args: { environmentId: envId } });
    };
    step('cloudshell:CreateEnvironment');
    step('cloudshell:GetEnvironmentStatus');
    step('cloudshell:CreateSession');
    step('cloudshell:PutCredentials');
    const shellIp = hostIp(`aws-${region}`, 612_331);
    const shellKey = awsAccessKeyId(this.rng, true);
    const shellIdentity = iamUserIdentity(this.user, shellKey, { creationDate: this.world.clock.seconds(console.issuedAt), mfaAuthenticated: true });
    for (const api of ['sts:GetCallerIdentity', 'ec2:DescribeInstances', 'ec2:DescribeInstanceStatus', 'logs:DescribeLogGroups', 'logs:FilterLogEvents', 'logs:FilterLogEvents', 'monitoring:GetMetricData', 'ec2:DescribeInstances']) {
      t = Math.min(t + 8000 + this.rng.int(0, 40_000), this.world.dayEnd - 1);
      this.call({ time: t, region, api, identity: shellIdentity, sourceIp: shellIp, userAgent: awsCliCloudShell(awsApi(api).cli), fromConsole: true });
    }
    this.lastCall = t;
  }
}

export class SamlUserActor extends AwsActor {
  readonly person: Person;
  private readonly role: RoleRef;
  private readonly providerArn: string;
  private readonly nameQualifier: string;
  private session: Session | null = null;

  constructor(world: World, dir: Directory, private readonly spec: SamlUserIdentity) {
    super(world, dir, spec);
    this.person = personOf(spec.person);
    this.role = dir.awsRole(this.account, spec.role);
    this.providerArn = `arn:aws:iam::${this.account.id}:saml-provider/EntraID`;
    this.nameQualifier = `${this.rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 27)}=`;
  }

  protected override planTimes(hourStart: number, count: number): number[] {
    return this.planBursts(hourStart, count, this.spec.via === 'console' ? 10 : 6, 12 * SECOND);
  }

  private federate(time: number, ip: string): void {
    const key = awsAccessKeyId(this.rng, true);
    const email = this.person.email;
    const ua = this.spec.via === 'console' ? BROWSER[this.person.browser] : AWS_UA.saml2aws;
    this.call({
      time,
      region: this.spec.region,
      api: 'sts:AssumeRoleWithSAML',
      identity: samlUserIdentity(this.providerArn, this.nameQualifier, email),
      sourceIp: ip,
      userAgent: ua,
      args: {
        roleArn: roleArn(this.role),
        principalArn: this.providerArn,
        subject: email,
        issuer: `https://sts.windows.net/${AZURE_TENANT.id}/`,
        nameQualifier: this.nameQualifier,
        sourceIdentity: email,
        assumedRoleId: this.role.principalId,
        mintedKey: key,
      },
    });
    const identity = assumedRoleIdentity(this.role, email, key, { creationDate: this.world.clock.seconds(time), mfaAuthenticated: false }, { sourceIdentity: email });
    this.session = { accessKeyId: key, issuedAt: time, expiresAt: time + 8 * HOUR, identity };
    if (this.spec.via === 'console') {
      this.call({
        time: Math.min(time + 900, this.world.dayEnd - 1),
        region: 'us-east-1',
        api: 'signin:ConsoleLogin',
        identity,
        sourceIp: ip,
        userAgent: ua,
        consoleLogin: { mfaUsed: false, loginTo: 'https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true' },
      });
    }
  }

  protected act(time: number): void {
    const ip = personNetworkAt(this.person, time).ip;
    if (!this.session || time >= this.session.expiresAt - MINUTE) {
      this.federate(time, ip);
      return;
    }
    const habit = this.habits.draw(this.rng);
    const api = awsApi(habit.api);
    const console = this.spec.via === 'console';
    this.habitCall(time, habit, this.spec.region, {
      identity: this.session.identity,
      sourceIp: ip,
      userAgent: console ? consoleAgent(api) : awsCli(this.person.laptop, api.cli),
      fromConsole: console || undefined,
    });
  }
}

export type AnyAwsActor =
  | Ec2InstanceActor
  | IrsaActor
  | LambdaActor
  | AwsConfigActor
  | TrailDeliveryActor
  | GithubOidcActor
  | ServiceUserActor
  | IamCliUserActor
  | IamConsoleUserActor
  | SamlUserActor;

export function makeAwsActor(world: World, dir: Directory, def: AwsIdentity): AnyAwsActor {
  switch (def.kind) {
    case 'ec2-instance':
      return new Ec2InstanceActor(world, dir, def);
    case 'eks-irsa':
      return new IrsaActor(world, dir, def);
    case 'lambda':
      return new LambdaActor(world, dir, def);
    case 'aws-config':
      return new AwsConfigActor(world, dir, def);
    case 'cloudtrail-delivery':
      return new TrailDeliveryActor(world, dir, def);
    case 'github-oidc':
      return new GithubOidcActor(world, dir, def);
    case 'iam-service-user':
      return new ServiceUserActor(world, dir, def);
    case 'iam-user-cli':
      return new IamCliUserActor(world, dir, def);
    case 'iam-user-console':
      return new IamConsoleUserActor(world, dir, def);
    case 'saml-user':
      return new SamlUserActor(world, dir, def);
  }
}
