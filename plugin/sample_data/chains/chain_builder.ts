/**
 * Helpers that turn a chain's steps into records: a clock that advances step by step from the chain's start, and
 * per-provider writers that build the record with the same builders the benign actors use.
 */
import { timeOfDay } from '../clock';
import { awsApi } from '../records/aws_apis';
import { accessDenied, type AwsCallResult, type AwsCallSpec, awsScope, buildAwsCall } from '../records/aws_call';
import { type AzureCaller, buildAzureActivity } from '../records/azure_activity';
import { azureOperation } from '../records/azure_operations';
import { type AppSignInSpec, buildAppSignIn, buildUserSignIn, type UserSignInSpec } from '../records/azure_signin';
import { buildGcpCall, type GcpCaller } from '../records/gcp_audit';
import { gcpMethod } from '../records/gcp_methods';
import type { JsonObject } from '../records/json';
import type { AwsAccount, AzureSubscription, GcpProject } from '../scenario/org';
import type { ChainContext, ChainEvent } from './chain';

/** Seconds to wait before a step: fixed, or drawn uniformly from a range. */
export type Gap = number | readonly [number, number];

export class ChainBuilder {
  readonly events: ChainEvent[] = [];
  /** Time of the last step. */
  now: number;

  constructor(
    protected readonly ctx: ChainContext,
    start: string,
  ) {
    this.now = ctx.world.dayStart + timeOfDay(start);
  }

  wait(gap: Gap): number {
    const s = typeof gap === 'number' ? gap : gap[0] + this.ctx.rng.next() * (gap[1] - gap[0]);
    this.now = Math.min(this.now + Math.round(s * 1000), this.ctx.world.dayEnd - 1);
    return this.now;
  }

  push(route: string, time: number, record: JsonObject, id: string): void {
    this.events.push({ route, time, record, id });
  }
}

export interface AwsActorContext {
  identity: JsonObject;
  sourceIp: string;
  userAgent: (cli: string) => string;
  fromConsole?: boolean;
}

/** One AWS step of a chain: the call, its region, its arguments, and whether IAM refused it. */
export interface AwsStep {
  api: string;
  gap: Gap;
  region?: string;
  args?: Record<string, string>;
  denied?: boolean;
}

export class AwsChain extends ChainBuilder {
  constructor(
    ctx: ChainContext,
    start: string,
    private readonly account: AwsAccount,
  ) {
    super(ctx, start);
  }

  call(step: AwsStep, who: AwsActorContext, extra: Partial<AwsCallSpec> = {}): AwsCallResult {
    const time = this.wait(step.gap);
    const region = step.region ?? this.account.regions[0];
    const api = awsApi(step.api);
    const arn = typeof who.identity.arn === 'string' ? who.identity.arn : '';
    const r = buildAwsCall(
      {
        time,
        account: this.account,
        region,
        api,
        identity: who.identity,
        sourceIp: who.sourceIp,
        userAgent: who.userAgent(api.cli),
        scope: awsScope(this.account, region),
        args: step.args,
        error: step.denied ? accessDenied(arn, api) : undefined,
        fromConsole: who.fromConsole,
        ...extra,
      },
      this.ctx.rng,
      this.ctx.world.clock,
    );
    this.push(r.route, time, r.record, r.eventId);
    if (step.api === 'secretsmanager:GetSecretValue' && !step.denied) {
      // Secrets Manager decrypts with KMS on the caller's behalf: part of the same story.
      const p = r.params;
      const secretId = p && typeof p === 'object' && !Array.isArray(p) && typeof p.secretId === 'string' ? p.secretId : '';
      const t = Math.min(time + 180, this.ctx.world.dayEnd - 1);
      const d = buildAwsCall(
        {
          time: t,
          account: this.account,
          region: r.record.awsRegion as string,
          api: 'kms:Decrypt',
          identity: { ...who.identity, accessKeyId: `ASIA${this.ctx.rng.base32(16)}`, invokedBy: 'secretsmanager.amazonaws.com' },
          sourceIp: 'secretsmanager.amazonaws.com',
          userAgent: 'secretsmanager.amazonaws.com',
          scope: awsScope(this.account, region),
          internal: true,
          args: { secretArn: secretId.startsWith('arn:') ? secretId : `arn:aws:secretsmanager:${region}:${this.account.id}:secret:${secretId}-${this.ctx.rng.alnum(6)}` },
        },
        this.ctx.rng,
        this.ctx.world.clock,
      );
      this.push(d.route, t, d.record, d.eventId);
    }
    return r;
  }

  steps(steps: readonly AwsStep[], who: AwsActorContext): void {
    for (const s of steps) this.call(s, who);
  }
}

export interface GcpStep {
  method: string;
  gap: Gap;
  args?: Record<string, string>;
}

export class GcpChain extends ChainBuilder {
  constructor(
    ctx: ChainContext,
    start: string,
    private readonly project: GcpProject,
  ) {
    super(ctx, start);
  }

  call(step: GcpStep, caller: GcpCaller): void {
    const time = this.wait(step.gap);
    const m = gcpMethod(step.method);
    if (!m.operation) {
      const r = buildGcpCall({ time, project: this.project, method: m, caller, args: step.args }, this.ctx.rng, this.ctx.world.clock);
      this.push(r.route, time, r.record, r.insertId);
      return;
    }
    const id = `operation-${time}-${this.ctx.rng.hex(6)}-${this.ctx.rng.hex(4)}`;
    const first = buildGcpCall({ time, project: this.project, method: m, caller, args: step.args, operation: { id, phase: 'first' } }, this.ctx.rng, this.ctx.world.clock);
    this.push(first.route, time, first.record, first.insertId);
    const done = Math.min(time + 3000 + this.ctx.rng.int(0, 25_000), this.ctx.world.dayEnd - 1);
    const last = buildGcpCall({ time: done, project: this.project, method: m, caller, args: step.args, operation: { id, phase: 'last' } }, this.ctx.rng, this.ctx.world.clock);
    this.push(last.route, done, last.record, last.insertId);
  }
}

export interface AzureStep {
  op: string;
  gap: Gap;
  args?: Record<string, string>;
}

export class AzureChain extends ChainBuilder {
  constructor(
    ctx: ChainContext,
    start: string,
    private readonly subscription: AzureSubscription,
  ) {
    super(ctx, start);
  }

  userSignIn(gap: Gap, spec: Omit<UserSignInSpec, 'time'>): void {
    const time = this.wait(gap);
    const r = buildUserSignIn({ ...spec, time }, this.ctx.rng, this.ctx.world.clock);
    this.push(r.route, time, r.record, r.id);
  }

  appSignIn(gap: Gap, spec: Omit<AppSignInSpec, 'time'>): void {
    const time = this.wait(gap);
    const r = buildAppSignIn({ ...spec, time }, this.ctx.rng, this.ctx.world.clock);
    this.push(r.route, time, r.record, r.id);
  }

  /** Start, then Success, as the Activity log records an operation. */
  operation(step: AzureStep, caller: AzureCaller): void {
    const time = this.wait(step.gap);
    const op = azureOperation(step.op);
    const c = { rng: this.ctx.rng, subscription: this.subscription, args: step.args ?? {} };
    const resourceId = op.resourceId(c);
    const correlationId = this.ctx.rng.uuid();
    const base = { subscription: this.subscription, operation: op, caller, correlationId, resourceId };
    const start = buildAzureActivity({ ...base, time, resultType: 'Start', requestBody: op.requestBody?.(c) }, this.ctx.rng, this.ctx.world.clock);
    this.push(start.route, time, start.record, start.eventDataId);
    const done = Math.min(time + 1500 + this.ctx.rng.int(0, 15_000), this.ctx.world.dayEnd - 1);
    const success = buildAzureActivity({ ...base, time: done, resultType: 'Success' }, this.ctx.rng, this.ctx.world.clock);
    this.push(success.route, done, success.record, success.eventDataId);
  }
}
