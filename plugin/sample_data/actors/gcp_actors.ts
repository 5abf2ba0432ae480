/** Benign GCP identities at work; habits come from scenario/identities/gcp.ts. */
import { HOUR, MINUTE, SECOND } from '../clock';
import { WeightedList } from '../random';
import { type GcpCaller, type GcpCallResult, type GcpCallSpec, buildGcpCall } from '../records/gcp_audit';
import { gcpMethod } from '../records/gcp_methods';
import type { Directory } from '../scenario/directory';
import type {
  GcpHabit,
  GcpIdentity,
  GcpServiceAgentIdentity,
  GcpTerraformIdentity,
  GcpUserIdentity,
  GcpWorkloadIdentity,
} from '../scenario/identities/gcp';
import { hostIp } from '../scenario/networks';
import { GCP_PROJECTS, type GcpProject } from '../scenario/org';
import { type Person, personOf } from '../scenario/people';
import { BROWSER, GCP_UA, gcloud, withGfe } from '../scenario/user_agents';
import { Actor } from './actor';
import { personNetworkAt } from './people';
import type { World } from './world';

export function serviceAccountEmail(project: GcpProject, account: string): string {
  return account === 'default-compute' ? `${project.number}-compute@developer.gserviceaccount.com` : `${account}@${project.id}.iam.gserviceaccount.com`;
}

abstract class GcpActor extends Actor {
  protected readonly project: GcpProject;
  protected readonly habits: WeightedList<GcpHabit>;

  protected constructor(
    world: World,
    protected readonly dir: Directory,
    private readonly def: GcpIdentity,
  ) {
    super(world, { key: def.key, provider: 'gcp', weight: def.weight, profile: def.profile });
    this.project = GCP_PROJECTS[def.project];
    this.habits = new WeightedList(def.habits.map((x) => [x, x.weight] as const));
  }

  protected call(spec: Omit<GcpCallSpec, 'project'>): GcpCallResult {
    const r = buildGcpCall({ ...spec, project: this.project }, this.rng, this.world.clock);
    this.out(r.route, spec.time, r.record);
    return r;
  }

  /** Compute writes are long-running operations logged when they start and when they finish. */
  protected habitCall(time: number, habit: GcpHabit, caller: GcpCaller): void {
    const m = gcpMethod(habit.method);
    if (!m.operation) {
      const denied = m.readOnly && this.def.deniedRate !== undefined && this.rng.chance(this.def.deniedRate);
      this.call({ time, method: m, caller, args: habit.args, error: denied ? { code: 7, message: 'PERMISSION_DENIED' } : undefined });
      return;
    }
    const id = `operation-${time}-${this.rng.hex(6)}-${this.rng.hex(4)}`;
    this.call({ time, method: m, caller, args: habit.args, operation: { id, phase: 'first' } });
    this.call({ time: Math.min(time + 2 * SECOND + this.rng.int(0, 40 * SECOND), this.world.dayEnd - 1), method: m, caller, args: habit.args, operation: { id, phase: 'last' } });
  }
}

export class GcpUserActor extends GcpActor {
  readonly person: Person;
  private readonly email: string;

  constructor(world: World, dir: Directory, private readonly spec: GcpUserIdentity) {
    super(world, dir, spec);
    this.person = personOf(spec.person);
    this.email = this.person.email;
  }

  protected override planTimes(hourStart: number, count: number): number[] {
    return this.planBursts(hourStart, count, 8, 15 * SECOND);
  }

  protected act(time: number): void {
    const habit = this.habits.draw(this.rng);
    const m = gcpMethod(habit.method);
    const ua = this.spec.via === 'console' ? withGfe(BROWSER[this.person.browser]) : gcloud(this.person.laptop, m.gcloud, this.rng.hex(16));
    this.habitCall(time, habit, { email: this.email, principalSubject: `user:${this.email}`, callerIp: personNetworkAt(this.person, time).ip, userAgent: ua });
  }
}

export class GcpWorkloadActor extends GcpActor {
  private readonly caller: GcpCaller;

  constructor(world: World, dir: Directory, spec: GcpWorkloadIdentity) {
    super(world, dir, spec);
    const email = serviceAccountEmail(this.project, spec.account);
    const ip = typeof spec.caller === 'object' ? hostIp('gcp-europe-west1', spec.caller.vmHost) : spec.caller;
    this.caller = { email, principalSubject: `serviceAccount:${email}`, callerIp: ip, userAgent: GCP_UA[spec.userAgent] };
  }

  protected act(time: number): void {
    this.habitCall(time, this.habits.draw(this.rng), this.caller);
  }
}

export class GcpServiceAgentActor extends GcpActor {
  private readonly caller: GcpCaller;

  constructor(world: World, dir: Directory, spec: GcpServiceAgentIdentity) {
    super(world, dir, spec);
    const email = spec.email.replace('{number}', this.project.number);
    this.caller = { email, principalSubject: `serviceAccount:${email}`, callerIp: 'private', userAgent: spec.userAgent ? GCP_UA[spec.userAgent] : undefined };
  }

  protected act(time: number): void {
    this.habitCall(time, this.habits.draw(this.rng), this.caller);
  }
}

export class GcpTerraformActor extends GcpActor {
  private readonly saEmail: string;
  private readonly federated: string;
  private run: { ip: string; until: number; caller: GcpCaller } | null = null;
  private lastCall = 0;

  constructor(world: World, dir: Directory, spec: GcpTerraformIdentity) {
    super(world, dir, spec);
    this.saEmail = serviceAccountEmail(this.project, 'terraform');
    this.federated = `principal://iam.googleapis.com/projects/${this.project.number}/locations/global/workloadIdentityPools/github/subject/repo:${spec.repository}:ref:refs/heads/main`;
  }

  protected override planTimes(hourStart: number, count: number): number[] {
    return this.planRuns(hourStart, count, 3, 1500);
  }

  protected act(time: number): void {
    if (!this.run || time - this.lastCall > 6 * MINUTE || time >= this.run.until) {
      const ip = hostIp('ci-github-runners', this.rng.int(1, 4000));
      this.call({
        time,
        method: 'iamcredentials.GenerateAccessToken',
        caller: { principalSubject: this.federated, delegation: [{}], callerIp: ip, userAgent: GCP_UA.githubAuth },
        args: { serviceAccount: this.saEmail, serviceAccountId: this.dir.gcpUniqueId(this.saEmail) },
      });
      this.run = {
        ip,
        until: time + HOUR,
        caller: {
          email: this.saEmail,
          principalSubject: `serviceAccount:${this.saEmail}`,
          delegation: [{ principalSubject: this.federated }],
          callerIp: ip,
          userAgent: GCP_UA.terraform,
        },
      };
    } else {
      this.habitCall(time, this.habits.draw(this.rng), this.run.caller);
    }
    this.lastCall = time;
  }
}

export type AnyGcpActor = GcpUserActor | GcpWorkloadActor | GcpServiceAgentActor | GcpTerraformActor;

export function makeGcpActor(world: World, dir: Directory, def: GcpIdentity): AnyGcpActor {
  switch (def.kind) {
    case 'gcp-user':
      return new GcpUserActor(world, dir, def);
    case 'gcp-workload':
      return new GcpWorkloadActor(world, dir, def);
    case 'gcp-service-agent':
      return new GcpServiceAgentActor(world, dir, def);
    case 'gcp-terraform':
      return new GcpTerraformActor(world, dir, def);
  }
}
