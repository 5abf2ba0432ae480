/**
 * An attack chain (DESIGN §3.4): the lineage subtree that followed one authentication-context shift, with its stages.
 * It grows while its credentials act and closes after they have been idle for a credential lifetime.
 */
import type { AuditEvent } from '../../common/audit_event';
import type { ChainStage, RootIdentity, ShiftContext } from '../../common/finding';
import type { Classification, InterfaceInfo } from './catalog/types';
import type { AutomationEntry } from './automation';
import type { CredentialNode } from './lineage';
import { restaged, type KeepEvent, type KeptEvent } from './evidence';

export interface ChainEvent {
  event: AuditEvent;
  time: number;
  stage: ChainStage;
  cls?: Classification;
  itf: InterfaceInfo;
  node: CredentialNode;
  network: string;
  /** A privileged action this root identity performed before (within the history window). */
  routine?: boolean;
}

/** A contribution to risk noted while the chain was built (shift signals); activity reasons are added at scoring. */
export interface Note {
  code: string;
  text: string;
  weight: number;
  eventIds: string[];
}

export interface KindStats {
  count: number;
  failed: number;
  actions: Set<string>;
  eventIds: string[];
  /** Calls made through a provider service on the principal's behalf (console back ends, `AWS Internal`). */
  viaService: number;
  /** Calls made through IaC tooling. */
  viaIac: number;
  /** Calls of actions the identity performs routinely. */
  routine: number;
}

export interface ShiftBefore {
  networks: string[];
  countries: string[];
  tools: string[];
  interfaces: string[];
  mfa?: boolean;
  historyEvents: number;
}

const MAX_IDS_PER_KIND = 200;
const RECON_WINDOW_MS = 10 * 60_000;
const MAX_DISTINCT = 500;

export class Chain {
  closed = false;
  readonly nodes = new Set<CredentialNode>();
  readonly kept: KeptEvent[] = [];
  readonly notes = new Map<string, Note>();
  eventCount = 0;
  truncated = 0;
  firstTime: number;
  lastTime: number;
  /** Raised when a credential with a 36 h lifetime joins. */
  idleMs: number;
  automation?: AutomationEntry;
  /**
   * Started by logging tamper in the identity's usual context: only further tamper joins, or the identity's whole
   * routine work would be swept in.
   */
  tamperOnly = false;
  /** Set when this chain was absorbed by another; it is not reported on its own. */
  mergedInto?: Chain;

  readonly privileged = new Map<string, KindStats>();
  readonly tamper = new Map<string, KindStats>();
  reconCount = 0;
  reconViaConsole = 0;
  deniedCount = 0;
  readonly reconActions = new Set<string>();
  /** Most distinct recon APIs within any RECON_WINDOW_MS: a burst, not a day of ordinary reads. */
  maxReconInWindow = 0;
  private readonly reconRecent: { time: number; key: string }[] = [];
  /** Services where the chain changed something (not just read). */
  readonly writeServices = new Set<string>();
  readonly services = new Set<string>();
  readonly accounts = new Set<string>();
  readonly regions = new Set<string>();
  readonly tools = new Set<string>();
  /** Per-stage budget of kept events so recon floods cannot push out the privileged actions. */
  private readonly keptByStage = new Map<ChainStage, number>();

  constructor(
    readonly id: string,
    readonly root: RootIdentity,
    readonly anchor: ChainEvent,
    readonly shiftKind: string,
    readonly before: ShiftBefore,
    readonly after: ShiftContext,
    idleMs: number,
    private readonly maxEvidence: number,
    private readonly keepEvent: KeepEvent,
  ) {
    this.firstTime = anchor.time;
    this.lastTime = anchor.time;
    this.idleMs = idleMs;
  }

  note(code: string, text: string, weight: number, eventId: string): void {
    const n = this.notes.get(code);
    if (n) {
      if (n.eventIds.length < MAX_IDS_PER_KIND && !n.eventIds.includes(eventId)) n.eventIds.push(eventId);
      if (weight > n.weight) {
        n.weight = weight;
        n.text = text;
      }
      return;
    }
    this.notes.set(code, { code, text, weight, eventIds: [eventId] });
  }

  add(ce: ChainEvent): void {
    const e = ce.event;
    this.eventCount++;
    this.nodes.add(ce.node);
    if (ce.time < this.firstTime) this.firstTime = ce.time;
    if (ce.time > this.lastTime) this.lastTime = ce.time;
    this.services.add(e.service);
    // Entra sign-in and audit logs name the tenant, not a subscription: not one more account reached.
    if (e.account && e.log !== 'azure.signinlogs' && e.log !== 'azure.auditlogs') this.accounts.add(e.account);
    if (e.region) this.regions.add(e.region);
    if (ce.itf.kind !== 'service') this.tools.add(ce.itf.tool);
    if (e.outcome === 'failure' && isDenied(e.errorCode)) this.deniedCount++;

    const category = ce.cls?.category;
    const reads = category === 'recon' || ce.cls?.kind === 'secrets' || ce.cls?.kind === 'data_access';
    if (e.readOnly === false && !reads && ce.itf.kind !== 'service') this.writeServices.add(e.service);
    if (category === 'recon') {
      this.reconCount++;
      if (ce.itf.kind === 'console') this.reconViaConsole++;
      const key = `${e.service}:${e.action}`;
      if (this.reconActions.size < MAX_DISTINCT) this.reconActions.add(key);
      if (ce.itf.kind !== 'console') this.trackReconWindow(ce.time, key);
    } else if ((category === 'privileged' || category === 'tamper') && ce.cls) {
      const byKind = category === 'privileged' ? this.privileged : this.tamper;
      let stats = byKind.get(ce.cls.kind);
      if (!stats) {
        stats = { count: 0, failed: 0, actions: new Set(), eventIds: [], viaService: 0, viaIac: 0, routine: 0 };
        byKind.set(ce.cls.kind, stats);
      }
      stats.count++;
      if (e.outcome === 'failure') stats.failed++;
      if (ce.itf.kind === 'service') stats.viaService++;
      if (ce.itf.kind === 'iac') stats.viaIac++;
      if (ce.routine) stats.routine++;
      if (stats.actions.size < MAX_DISTINCT) stats.actions.add(e.action);
      if (stats.eventIds.length < MAX_IDS_PER_KIND) stats.eventIds.push(e.id);
    }
    this.keep(ce);
  }

  private trackReconWindow(time: number, key: string): void {
    const recent = this.reconRecent;
    recent.push({ time, key });
    while (recent.length && (recent[0].time < time - RECON_WINDOW_MS || recent.length > 300)) recent.shift();
    if (recent.length > this.maxReconInWindow) {
      const distinct = new Set(recent.map((r) => r.key)).size;
      if (distinct > this.maxReconInWindow) this.maxReconInWindow = distinct;
    }
  }

  /** Takes over a chain that turned out to belong to this one (its credential was minted here). */
  absorb(other: Chain): void {
    for (const n of other.notes.values()) for (const id of n.eventIds) this.note(n.code, n.text, n.weight, id);
    this.eventCount += other.eventCount;
    this.truncated += other.truncated;
    if (other.firstTime < this.firstTime) this.firstTime = other.firstTime;
    if (other.lastTime > this.lastTime) this.lastTime = other.lastTime;
    other.nodes.forEach((n) => this.nodes.add(n));
    for (const set of ['services', 'accounts', 'regions', 'tools', 'reconActions', 'writeServices'] as const) other[set].forEach((v) => this[set].add(v));
    this.reconCount += other.reconCount;
    this.reconViaConsole += other.reconViaConsole;
    this.deniedCount += other.deniedCount;
    this.maxReconInWindow = Math.max(this.maxReconInWindow, other.maxReconInWindow);
    for (const [mine, theirs] of [[this.privileged, other.privileged], [this.tamper, other.tamper]] as const) {
      for (const [kind, s] of theirs) {
        const t = mine.get(kind);
        if (!t) mine.set(kind, s);
        else {
          t.count += s.count;
          t.failed += s.failed;
          t.viaService += s.viaService;
          t.viaIac += s.viaIac;
          t.routine += s.routine;
          s.actions.forEach((a) => t.actions.add(a));
          t.eventIds.push(...s.eventIds.slice(0, Math.max(0, MAX_IDS_PER_KIND - t.eventIds.length)));
        }
      }
    }
    // Its anchor was a shift only on its own; here it is one more step of this chain.
    for (const k of other.kept) this.keepKept(k.stage === 'shift' ? restaged(k, stageOf(k.cls)) : k);
    other.closed = true;
    other.mergedInto = this;
  }

  /** Keeps the event's evidence while its stage has room in the budget; counts it otherwise. */
  private keep(ce: ChainEvent): void {
    if (this.hasRoom(ce.stage)) this.push(this.keepEvent(ce));
    else this.truncated++;
  }

  private keepKept(k: KeptEvent): void {
    if (this.hasRoom(k.stage)) this.push(k);
    else this.truncated++;
  }

  private hasRoom(stage: ChainStage): boolean {
    return (this.keptByStage.get(stage) ?? 0) < Math.floor(this.maxEvidence * STAGE_SHARE[stage]);
  }

  private push(k: KeptEvent): void {
    this.keptByStage.set(k.stage, (this.keptByStage.get(k.stage) ?? 0) + 1);
    this.kept.push(k);
  }
}

/** Shares of the evidence budget per stage. */
const STAGE_SHARE: Record<ChainStage, number> = {
  shift: 0.1,
  privileged: 0.45,
  tamper: 0.05,
  recon: 0.3,
  activity: 0.1,
};

export function isDenied(code: string | undefined): boolean {
  if (!code) return false;
  return /denied|unauthorized|forbidden|^403$|^7$|PERMISSION_DENIED|AuthorizationFailed/i.test(code);
}

export function stageOf(cls: Classification | undefined): ChainStage {
  switch (cls?.category) {
    case 'auth_shift':
      return 'shift';
    case 'privileged':
      return 'privileged';
    case 'recon':
      return 'recon';
    case 'tamper':
      return 'tamper';
    default:
      return 'activity';
  }
}
