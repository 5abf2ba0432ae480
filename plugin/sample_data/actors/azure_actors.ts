/** Benign Azure identities at work: Entra sign-ins and the ARM operations made with the tokens they issue. */
import { HOUR, MINUTE, SECOND } from '../clock';
import { entraTokenId } from '../ids';
import { WeightedList } from '../random';
import {
  type AzureCaller,
  appClaims,
  buildAzureActivity,
  userClaims,
} from '../records/azure_activity';
import { azureOperation } from '../records/azure_operations';
import { buildAppSignIn, buildUserSignIn, type SignInResult } from '../records/azure_signin';
import type { Directory } from '../scenario/directory';
import type {
  AzureFirstPartyIdentity,
  AzureHabit,
  AzureIdentity,
  AzureManagedIdentity,
  AzureServicePrincipalIdentity,
  AzureUserIdentity,
} from '../scenario/identities/azure';
import { hostIp, network } from '../scenario/networks';
import { AZURE_MANAGEMENT_RESOURCE, AZURE_SUBSCRIPTIONS, type AzureSubscription, MICROSOFT_APPS } from '../scenario/org';
import { type Person, personOf } from '../scenario/people';
import { AZURE_UA, BROWSER, BROWSER_DETAIL, type LaptopOs } from '../scenario/user_agents';
import { Actor } from './actor';
import { personNetworkAt } from './people';
import type { World } from './world';

const M365_APPS: Record<string, { app: { id: string; name: string }; resource: { id: string; name: string } }> = {
  teams: { app: MICROSOFT_APPS.teams, resource: { id: '00000003-0000-0000-c000-000000000000', name: 'Microsoft Graph' } },
  office: { app: MICROSOFT_APPS.office, resource: { id: '00000002-0000-0ff1-ce00-000000000000', name: 'Office 365 Exchange Online' } },
};

const AZ_CLI_UA: Record<LaptopOs, string> = { windows: AZURE_UA.azCliWindows, macos: AZURE_UA.azCliMac, linux: AZURE_UA.azCliLinux };

abstract class AzureActor extends Actor {
  protected readonly subscription: AzureSubscription;
  protected readonly habits: WeightedList<AzureHabit>;

  protected constructor(
    world: World,
    protected readonly dir: Directory,
    protected readonly def: AzureIdentity,
  ) {
    // ARM operations write Start and Success; users also refresh tokens (one record).
    super(world, { key: def.key, provider: 'azure', weight: def.weight, profile: def.profile, recordsPerAction: def.kind === 'azure-user' ? 1.3 : 1.9 });
    this.subscription = AZURE_SUBSCRIPTIONS[def.subscription];
    this.habits = new WeightedList(def.habits.map((x) => [x, x.weight] as const));
  }

  protected signIn(r: SignInResult, time: number): void {
    this.out(r.route, time, r.record);
  }

  /** An ARM operation: the Start record, then its Success a moment later (same correlation id). */
  protected operation(time: number, habit: AzureHabit, caller: AzureCaller): void {
    const op = azureOperation(habit.op);
    const ctx = { rng: this.rng, subscription: this.subscription, args: habit.args ?? {} };
    const resourceId = op.resourceId(ctx);
    const requestBody = op.requestBody?.(ctx);
    const correlationId = this.rng.uuid();
    const base = { subscription: this.subscription, operation: op, caller, correlationId, resourceId };
    const start = buildAzureActivity({ ...base, time, resultType: 'Start', requestBody }, this.rng, this.world.clock);
    this.out(start.route, time, start.record);
    const done = Math.min(time + 300 + this.rng.int(0, 20 * SECOND), this.world.dayEnd - 1);
    const success = buildAzureActivity({ ...base, time: done, resultType: 'Success' }, this.rng, this.world.clock);
    this.out(success.route, done, success.record);
  }
}

interface UserToken {
  uti: string;
  issuedAt: number;
  claims: AzureCaller['claims'];
}

export class AzureUserActor extends AzureActor {
  readonly person: Person;
  readonly upn: string;
  readonly objectId: string;
  private sessionId: string | null = null;
  private sessionStart = 0;
  private lastActivity = 0;
  private armToken: UserToken | null = null;

  constructor(world: World, dir: Directory, private readonly spec: AzureUserIdentity) {
    super(world, dir, spec);
    this.person = personOf(spec.person);
    this.upn = this.person.email;
    this.objectId = dir.azureObjectId(this.upn);
  }

  protected override planTimes(hourStart: number, count: number): number[] {
    return this.planBursts(hourStart, count, 4, 40 * SECOND);
  }

  private get armApp(): { id: string; name: string } {
    return this.spec.via === 'portal' ? MICROSOFT_APPS.azurePortal : MICROSOFT_APPS.azureCli;
  }

  private userSignIn(time: number, interactive: boolean, app: { id: string; name: string }, resource: { id: string; name: string }, uti: string): void {
    const net = personNetworkAt(this.person, time);
    const portal = this.spec.via === 'portal' || app.id !== MICROSOFT_APPS.azureCli.id;
    this.signIn(
      buildUserSignIn(
        {
          time,
          category: interactive ? 'SignInLogs' : 'NonInteractiveUserSignInLogs',
          upn: this.upn,
          userId: this.objectId,
          displayName: this.person.displayName,
          app,
          resource,
          ip: net.ip,
          network: network(net.networkId),
          userAgent: portal ? BROWSER[this.person.browser] : AZ_CLI_UA[this.person.laptop],
          clientAppUsed: portal ? 'Browser' : 'Mobile Apps and Desktop clients',
          device: BROWSER_DETAIL[this.person.browser],
          mfa: true,
          sessionId: this.sessionId ?? '',
          uti,
          correlationId: this.rng.uuid(),
        },
        this.rng,
        this.world.clock,
      ),
      time,
    );
  }

  /** The day's interactive sign-in (again after a long pause), which later refreshes reuse. */
  private ensureSession(time: number, app: { id: string; name: string }, resource: { id: string; name: string }): boolean {
    if (this.sessionId && time - this.lastActivity < 3 * HOUR && time - this.sessionStart < 12 * HOUR) return true;
    this.sessionId = this.rng.uuid();
    this.sessionStart = time;
    this.lastActivity = time;
    const uti = entraTokenId(this.rng);
    this.userSignIn(time, true, app, resource, uti);
    if (app.id === this.armApp.id) this.armToken = this.token(time, uti);
    return false;
  }

  private token(time: number, uti: string): UserToken {
    const [givenName, surname] = this.person.displayName.split(' ');
    return {
      uti,
      issuedAt: time,
      claims: userClaims(
        { upn: this.upn, objectId: this.objectId, givenName, surname, displayName: this.person.displayName, appId: this.armApp.id, ipAddress: personNetworkAt(this.person, time).ip, uti, issuedAt: time, mfa: true },
        this.rng,
      ),
    };
  }

  protected act(time: number): void {
    const habit = this.habits.draw(this.rng);
    if (habit.op.startsWith('signin:')) {
      const m365 = M365_APPS[habit.op.slice('signin:'.length)];
      if (this.ensureSession(time, m365.app, m365.resource)) this.userSignIn(time, false, m365.app, m365.resource, entraTokenId(this.rng));
      this.lastActivity = time;
      return;
    }
    if (!this.ensureSession(time, this.armApp, AZURE_MANAGEMENT_RESOURCE)) {
      this.lastActivity = time;
      return;
    }
    if (!this.armToken || time - this.armToken.issuedAt > 60 * MINUTE) {
      const uti = entraTokenId(this.rng);
      this.userSignIn(time, false, this.armApp, AZURE_MANAGEMENT_RESOURCE, uti);
      this.armToken = this.token(time, uti);
      this.lastActivity = time;
      return;
    }
    this.operation(time, habit, {
      claims: this.armToken.claims,
      callerIp: personNetworkAt(this.person, time).ip,
      principalId: this.objectId,
      principalType: 'User',
      role: this.spec.role,
      roleAssignmentScope: `/subscriptions/${this.subscription.id}`,
    });
    this.lastActivity = time;
  }
}

export class AzureServicePrincipalActor extends AzureActor {
  private readonly appId: string;
  private readonly objectId: string;
  private run: { caller: AzureCaller; until: number } | null = null;
  private lastCall = 0;

  constructor(world: World, dir: Directory, private readonly spec: AzureServicePrincipalIdentity) {
    super(world, dir, spec);
    this.appId = dir.azureAppId(spec.name);
    this.objectId = dir.azureObjectId(`sp:${spec.name}`);
  }

  protected override planTimes(hourStart: number, count: number): number[] {
    return this.planRuns(hourStart, count, 3, 2500);
  }

  protected act(time: number): void {
    if (!this.run || time - this.lastCall > 6 * MINUTE || time >= this.run.until) {
      const ip = hostIp(this.spec.network, this.rng.int(1, 4000));
      const uti = entraTokenId(this.rng);
      this.signIn(
        buildAppSignIn(
          {
            time,
            category: 'ServicePrincipalSignInLogs',
            appId: this.appId,
            name: this.spec.name,
            servicePrincipalId: this.objectId,
            resource: AZURE_MANAGEMENT_RESOURCE,
            ip,
            network: network(this.spec.network),
            credentialType: 'federatedIdentityCredential',
            uti,
            correlationId: this.rng.uuid(),
          },
          this.rng,
          this.world.clock,
        ),
        time,
      );
      this.run = {
        until: time + HOUR,
        caller: {
          claims: appClaims({ appId: this.appId, objectId: this.objectId, uti, issuedAt: time, appidacr: '2' }, this.rng),
          callerIp: ip,
          principalId: this.objectId,
          principalType: 'ServicePrincipal',
          role: this.spec.role,
          roleAssignmentScope: `/subscriptions/${this.subscription.id}`,
        },
      };
    } else {
      this.operation(time, this.habits.draw(this.rng), this.run.caller);
    }
    this.lastCall = time;
  }
}

export class AzureManagedIdentityActor extends AzureActor {
  private readonly appId: string;
  private readonly objectId: string;
  private readonly resourceId: string;
  private readonly ip: string;
  private token: { caller: AzureCaller; issuedAt: number } | null = null;

  constructor(world: World, dir: Directory, private readonly spec: AzureManagedIdentity) {
    super(world, dir, spec);
    this.appId = dir.azureAppId(`mi:${spec.name}`);
    this.objectId = dir.azureObjectId(`mi:${spec.name}`);
    this.resourceId = `/subscriptions/${this.subscription.id}${spec.resource}`;
    this.ip = hostIp('azure-westeurope', spec.host);
  }

  protected act(time: number): void {
    if (!this.token || time - this.token.issuedAt > 4 * HOUR) {
      const uti = entraTokenId(this.rng);
      this.signIn(
        buildAppSignIn(
          {
            time,
            category: 'ManagedIdentitySignInLogs',
            appId: this.appId,
            name: this.spec.name,
            servicePrincipalId: this.objectId,
            resource: AZURE_MANAGEMENT_RESOURCE,
            credentialType: 'managedIdentity',
            uti,
            correlationId: this.rng.uuid(),
            managedIdentityResourceId: this.resourceId,
          },
          this.rng,
          this.world.clock,
        ),
        time,
      );
      this.token = {
        issuedAt: time,
        caller: {
          claims: appClaims({ appId: this.appId, objectId: this.objectId, uti, issuedAt: time, appidacr: '2', managedIdentityResourceId: this.resourceId }, this.rng),
          callerIp: this.ip,
          principalId: this.objectId,
          principalType: 'ServicePrincipal',
          role: this.spec.role,
          roleAssignmentScope: `/subscriptions/${this.subscription.id}`,
        },
      };
      return;
    }
    this.operation(time, this.habits.draw(this.rng), this.token.caller);
  }
}

export class AzureFirstPartyActor extends AzureActor {
  private readonly caller: AzureCaller;
  private tokenAt = -Infinity;

  constructor(world: World, dir: Directory, private readonly spec: AzureFirstPartyIdentity) {
    super(world, dir, spec);
    const objectId = dir.azureObjectId(`first-party:${spec.appId}`);
    this.caller = {
      claims: {},
      callerIp: hostIp('azure-westeurope', spec.host),
      principalId: objectId,
      principalType: 'ServicePrincipal',
      role: spec.role,
      roleAssignmentScope: `/subscriptions/${this.subscription.id}`,
    };
  }

  protected act(time: number): void {
    if (time - this.tokenAt > HOUR) {
      this.tokenAt = time;
      const objectId = this.caller.principalId;
      this.caller.claims = appClaims({ appId: this.spec.appId, objectId, uti: entraTokenId(this.rng), issuedAt: time, appidacr: '2' }, this.rng);
    }
    this.operation(time, this.habits.draw(this.rng), this.caller);
  }
}

export type AnyAzureActor = AzureUserActor | AzureServicePrincipalActor | AzureManagedIdentityActor | AzureFirstPartyActor;

export function makeAzureActor(world: World, dir: Directory, def: AzureIdentity): AnyAzureActor {
  switch (def.kind) {
    case 'azure-user':
      return new AzureUserActor(world, dir, def);
    case 'azure-sp':
      return new AzureServicePrincipalActor(world, dir, def);
    case 'azure-mi':
      return new AzureManagedIdentityActor(world, dir, def);
    case 'azure-first-party':
      return new AzureFirstPartyActor(world, dir, def);
  }
}
