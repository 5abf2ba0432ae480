/**
 * The analytic (DESIGN §3): normalized events in, findings out. Pure: no I/O, no clock; time is the events' time.
 * Events should arrive roughly in time order (the sources release them through a reorder window).
 * State is bounded by active credentials and identities, not by events: chains close when idle and are handed out.
 */
import { createHash } from 'node:crypto';
import type { AuditEvent } from '../../common/audit_event';
import type { ChainStage, FindingDocument } from '../../common/finding';
import type { Classification, InterfaceInfo } from './catalog/types';
import type { CatalogApi } from './catalog_api';
import { IdentityBaseline, type BaselineDimension } from './baseline';
import { Chain, stageOf, type ChainEvent } from './chain';
import { type AnalyticConfig, withDefaults } from './config';
import { matchAutomation } from './automation';
import { CredentialGraph, type CredentialNode, type Segment, type SessionMint } from './lineage';
import { isProviderService, rootIdentityOf } from './identity';
import type { CoverageAnalyzer } from './coverage';
import { networkOf } from './network';
import { contextSignals, eventSignals, inChainSignals, type ShiftInput, type ShiftSignal } from './shift';
import { scoreChain } from './score';
import { externalGrants, Organisation } from './external_grants';
import { keeper, type KeepEvent } from './evidence';
import { buildFinding } from './document';
import { identityProfile } from './identity_profiles';
import type { IdentityProfile } from '../../common/api';

const MAINTENANCE_EVERY = 5_000;
const CAUSED_WITHIN_MS = 60_000;
const OBSERVE_CONTEXT_EVERY_MS = 5 * 60_000;
const LONG_SESSIONS = new Set(['GetSessionToken', 'GetFederationToken']);
const SESSION_KINDS = new Set(['console_login', 'sign_in', 'cloudshell']);

export interface BaselineSeed {
  provider: AuditEvent['provider'];
  rootId: string;
  firstSeen: number;
  events: number;
  values: Partial<Record<BaselineDimension, { value: string; first: number; last: number; count: number }[]>>;
}

export interface EngineStats {
  events: number;
  skippedNoTime: number;
  chainsOpen: number;
  chainsClosed: number;
  findings: number;
  credentials: number;
  identities: number;
}

export class DetectionEngine {
  readonly config: AnalyticConfig;
  private readonly graph = new CredentialGraph();
  private readonly baselines = new Map<string, IdentityBaseline>();
  private readonly open = new Set<Chain>();
  private readonly organisation = new Organisation();
  private readonly keepEvent: KeepEvent;
  /** Where each principal last acted in a chain: AWS services acting on its behalf right after belong to it. */
  private readonly lastChainOf = new Map<string, { chain: Chain; node: CredentialNode; event: AuditEvent; time: number }>();
  private readonly closed: Chain[] = [];
  private watermark = -Infinity;
  private sinceMaintenance = 0;
  private readonly counts = { events: 0, skippedNoTime: 0, chainsClosed: 0, findings: 0 };

  constructor(
    private readonly catalog: CatalogApi,
    config: Partial<AnalyticConfig> = {},
    /** Optional coverage analysis over the same events and lineage. */
    private readonly coverage?: CoverageAnalyzer,
  ) {
    this.config = withDefaults(config);
    this.keepEvent = keeper(catalog);
  }

  push(e: AuditEvent): void {
    if (e.time === null || !Number.isFinite(e.time)) {
      this.counts.skippedNoTime++;
      return;
    }
    const time = e.time;
    this.counts.events++;
    if (time > this.watermark) this.watermark = time;
    if (++this.sinceMaintenance >= MAINTENANCE_EVERY) this.maintain();

    const cls = this.catalog.classify(e);
    const itf = this.catalog.detectInterface(e);
    this.organisation.observe(e);
    // The provider acting for itself is not a tenant identity; only what it mints for others matters (instance
    // profiles, Lambda roles), so their credentials keep the compute resource as root.
    if (isProviderService(e)) {
      this.coverage?.observe(e, time, cls, rootIdentityOf(e));
      if (e.minted) {
        const { node } = this.graph.nodeFor(e, time);
        this.graph.registerMint(e, node, time, networkOf(e.source), itf.tool, undefined);
      }
      return;
    }

    const { node, created } = this.graph.nodeFor(e, time);
    this.coverage?.observe(e, time, cls, node.root);
    const { segment, isNew: newSegment } = this.segmentOf(node, networkOf(e.source), itf, time);
    const network = segment.network;
    const baseline = this.baselineOf(node, time);
    const input = { e, time, cls, itf, node, segment, newSegment, baseline, config: this.config };

    let chain = segment.chain && !segment.chain.closed && !(segment.chain.tamperOnly && cls?.category !== 'tamper') ? segment.chain : undefined;
    let anchored = false;
    if (!chain && newSegment && (chain = this.inheritedChain(node, segment, itf, time))) {
      // Joining an existing chain from a new context still says something: note what is new about it.
      for (const s of contextSignals(input)) if (s.weight > 0) chain.note(s.code, s.text, s.weight, e.id);
    }
    if (chain) {
      for (const s of inChainSignals(e, cls, chain.root.name)) chain.note(s.code, s.text, s.weight, e.id);
    } else {
      const signals = newSegment || created ? [...contextSignals(input), ...eventSignals(input)] : eventSignals(input);
      if (signals.some((s) => s.anchors)) {
        chain = this.startChain(e, time, cls, itf, node, network, baseline, signals);
        chain.tamperOnly = signals.every((s) => !s.anchors || s.code === 'TAMPER_ANCHOR');
        anchored = true;
      }
    }
    if (chain) this.addToChain(chain, input, anchored);

    if (e.minted) {
      const relinked = this.graph.registerMint(e, node, time, network, itf.tool, chain?.tamperOnly ? undefined : chain);
      // A credential used in the same second as (or just before) its minting call started a chain of its own;
      // now that the lineage is known, it is part of the minting chain.
      if (relinked && chain) this.mergeChainsOf(relinked, chain);
    }
    if (cls?.category === 'auth_shift' && SESSION_KINDS.has(cls.kind)) {
      this.graph.registerSession(cls.kind as SessionMint['sessionKind'], e, node, time, network, itf.tool, chain?.tamperOnly ? undefined : chain);
    }
    this.observe(baseline, e, cls, itf, segment, time);
  }

  /**
   * Seeds a root identity's baseline with its history before the events about to be pushed, as summarised by an
   * aggregation (the Elasticsearch source does not pull raw history). Values are (value, first, last, count).
   */
  seedBaseline(seed: BaselineSeed): void {
    const key = `${seed.provider}|${seed.rootId}`;
    let b = this.baselines.get(key);
    if (!b) {
      b = new IdentityBaseline(seed.firstSeen, this.config.maxBaselineValues, this.config.historyWindowMs);
      this.baselines.set(key, b);
    }
    b.firstSeen = Math.min(b.firstSeen, seed.firstSeen);
    b.events += seed.events;
    for (const [dim, values] of Object.entries(seed.values) as [BaselineDimension, BaselineSeed['values'][BaselineDimension]][]) {
      for (const v of values ?? []) b.seed(dim, v.value, v.first, v.last, v.count);
    }
  }

  /** Findings of chains that have closed (idle past their credentials' lifetime) since the last call. */
  drain(): FindingDocument[] {
    return this.closed.length ? this.render() : [];
  }

  /** End of input: close every chain and return all remaining findings. */
  flush(): FindingDocument[] {
    for (const chain of [...this.open]) this.close(chain);
    return this.render();
  }

  /** Per root identity, what it usually does (the baselines as they stand), for the identities page. */
  identityProfiles(updatedAt: number): IdentityProfile[] {
    const profiles: IdentityProfile[] = [];
    for (const [key, baseline] of this.baselines) {
      const bar = key.indexOf('|');
      profiles.push(identityProfile(key.slice(0, bar) as AuditEvent['provider'], key.slice(bar + 1), baseline, updatedAt));
    }
    return profiles;
  }

  stats(): EngineStats {
    return {
      ...this.counts,
      chainsOpen: this.open.size,
      credentials: this.graph.size,
      identities: this.baselines.size,
    };
  }

  /** The (credential, network, tool) context of this call; new when first seen. */
  private segmentOf(node: CredentialNode, network: string, itf: InterfaceInfo, time: number): { segment: Segment; isNew: boolean } {
    let byTool = node.segmentIndex.get(network);
    if (!byTool) {
      byTool = new Map();
      node.segmentIndex.set(network, byTool);
    }
    const found = byTool.get(itf.tool);
    if (found) {
      if (time > found.lastSeen) found.lastSeen = time;
      return { segment: found, isNew: false };
    }
    const key = `${network}|${itf.tool}`;
    const segment: Segment = { node, key, network, tool: itf.tool, interfaceKind: itf.kind, firstSeen: time, lastSeen: time, lastObserved: -Infinity };
    byTool.set(itf.tool, segment);
    node.segments.set(key, segment);
    return { segment, isNew: true };
  }

  private addToChain(chain: Chain, x: ShiftInput, anchored: boolean): void {
    const { e, time, cls, itf, node, segment, baseline } = x;
    if (!segment.chain || segment.chain.closed) segment.chain = chain;
    if (node.mint && LONG_SESSIONS.has(node.mint.action)) chain.idleMs = Math.max(chain.idleMs, this.config.longSessionIdleMs);
    const stage: ChainStage = anchored && cls?.category !== 'tamper' ? 'shift' : stageOf(cls);
    const routine = cls?.category === 'privileged' ? !baseline.isNew('privileged_action', e.action, time) : undefined;
    chain.add({ event: e, time, stage, cls, itf, node, network: segment.network, routine });
    if (itf.kind !== 'service') this.lastChainOf.set(node.principal, { chain, node, event: e, time });
    if (cls?.category === 'privileged') {
      const grants = externalGrants(e, this.organisation);
      if (grants.length) chain.note('EXTERNAL_GRANT', `Access granted outside the organisation: ${grants.join('; ')}`, 20, e.id);
    }
  }

  private inheritedChain(node: CredentialNode, segment: Segment, itf: InterfaceInfo, time: number): Chain | undefined {
    const minted = node.mint?.chain;
    if (minted && !minted.closed) return minted;
    // The same credential already in a chain: the same tool from another network is the same actor hopping
    // addresses; another tool from the network that started the chain is the same actor switching tools (only when
    // the chain started because that network was new, or the owner's own tools would be swept in).
    for (const other of node.segments.values()) {
      const c = other.chain;
      if (other === segment || !c || c.closed || c.tamperOnly) continue;
      if (other.tool === segment.tool) return c;
      if (other.network === segment.network && c.after.network === segment.network && c.notes.has('NEW_NETWORK')) return c;
    }
    const session = this.graph.sessionFor(node.principal, time, this.config.sessionLinkMs, itf.kind, segment.network);
    if (session?.chain && !session.chain.closed) return session.chain;
    // A service acting for the principal (Secrets Manager decrypting with KMS for GetSecretValue) right after the
    // principal called that service inside a chain: a consequence of the chain.
    if (itf.kind === 'service' && segment.network.startsWith('svc:')) {
      const last = this.lastChainOf.get(node.principal);
      const service = segment.network.slice(4);
      if (last && !last.chain.closed && time - last.time <= CAUSED_WITHIN_MS && last.event.service === service) {
        // The service's forward-access session descends from the credential that called it.
        if (!node.parent && node !== last.node) {
          node.parent = last.node;
          node.mint = { eventId: last.event.id, action: `${last.event.action} (forwarded by ${service})`, time: last.time, kind: node.kind, network: segment.network, tool: itf.tool, byService: true, parent: last.node };
        }
        return last.chain;
      }
    }
    return undefined;
  }

  private mergeChainsOf(node: CredentialNode, into: Chain): void {
    for (const seg of node.segments.values()) {
      const c = seg.chain;
      if (!c || c === into || c.closed || c.anchor.node !== node) continue;
      into.absorb(c);
      this.open.delete(c);
      for (const n of c.nodes) for (const s of n.segments.values()) if (s.chain === c) s.chain = into;
    }
  }

  private startChain(
    e: AuditEvent,
    time: number,
    cls: Classification | undefined,
    itf: InterfaceInfo,
    node: CredentialNode,
    network: string,
    baseline: IdentityBaseline,
    signals: ShiftSignal[],
  ): Chain {
    const root = node.root;
    const id = createHash('sha256').update(`${root.provider}|${root.id}|${e.id}`).digest('hex').slice(0, 32);
    const strongest = signals.filter((s) => s.anchors).sort((a, b) => b.weight - a.weight)[0];
    const chain = new Chain(
      id,
      root,
      { event: e, time, stage: 'shift', cls, itf, node, network },
      strongest.kind,
      {
        networks: baseline.top('network', 5),
        countries: baseline.top('country', 5),
        tools: baseline.top('tool', 5),
        interfaces: baseline.top('interface', 5),
        mfa: baseline.mfaSeen || undefined,
        historyEvents: baseline.events,
      },
      {
        network,
        ip: e.source.ip,
        country: e.source.geo?.country,
        asn: e.source.asn,
        interface: itf.kind,
        tool: itf.tool,
        user_agent: e.source.userAgent,
        mfa: e.actor.mfa,
      },
      this.config.chainIdleMs,
      this.config.maxEvidence,
      this.keepEvent,
    );
    for (const s of signals) if (s.weight > 0) chain.note(s.code, s.text, s.weight, e.id);
    chain.automation = matchAutomation(this.config.automation, {
      rootId: root.id,
      principal: node.principal,
      tool: itf.tool,
      account: e.account,
    });
    this.open.add(chain);
    return chain;
  }

  private baselineOf(node: CredentialNode, time: number): IdentityBaseline {
    let b = node.baseline;
    if (!b) {
      const key = `${node.root.provider}|${node.root.id}`;
      b = this.baselines.get(key);
      if (!b) {
        b = new IdentityBaseline(time, this.config.maxBaselineValues, this.config.historyWindowMs);
        this.baselines.set(key, b);
      }
      node.baseline = b;
    }
    if (time < b.firstSeen) b.firstSeen = time;
    return b;
  }

  private observe(b: IdentityBaseline, e: AuditEvent, cls: Classification | undefined, itf: InterfaceInfo, segment: Segment, time: number): void {
    b.events++;
    if (e.actor.mfa) b.mfaSeen = true;
    b.observe('region', e.region, time);
    b.observe('service', e.service, time);
    // The context of a segment is the same on every call: refreshing it once every few minutes is enough for a
    // history measured in days. Provider services acting for the identity say nothing about where it works from.
    const network = segment.network;
    if (itf.kind !== 'service' && time - segment.lastObserved >= OBSERVE_CONTEXT_EVERY_MS) {
      segment.lastObserved = time;
      if (network !== 'unknown') b.observe('network', network, time);
      b.observe('country', e.source.geo?.country, time);
      if (e.source.asn !== undefined) b.observe('asn', String(e.source.asn), time);
      b.observe('tool', itf.tool, time);
      if (itf.kind !== 'unknown') b.observe('interface', itf.kind, time);
    }
    if (!cls) return;
    if (cls.category === 'privileged') b.observe('privileged_action', e.action, time);
    else if (cls.kind === 'cloudshell') b.observe('interface', 'cloudshell', time);
    else if (cls.kind === 'credential_minted') b.observe('assumed_role', e.minted?.target, time);
    else if (cls.kind === 'impersonation') b.observe('impersonated', e.minted?.target?.toLowerCase(), time);
  }

  private maintain(): void {
    this.sinceMaintenance = 0;
    for (const chain of this.open) if (this.watermark - chain.lastTime > chain.idleMs) this.close(chain);
    this.graph.evict(this.watermark, this.config.longSessionIdleMs);
  }

  private close(chain: Chain): void {
    chain.closed = true;
    for (const [principal, last] of this.lastChainOf) if (last.chain === chain) this.lastChainOf.delete(principal);
    this.open.delete(chain);
    this.closed.push(chain);
    this.counts.chainsClosed++;
  }

  private render(): FindingDocument[] {
    const out: FindingDocument[] = [];
    const downWeight = this.config.automation.downWeight ?? 0.3;
    for (const chain of this.closed) {
      const score = scoreChain(chain, downWeight);
      if (score.risk < this.config.minRiskScore) continue;
      out.push(buildFinding(chain, score, this.catalog));
    }
    this.closed.length = 0;
    this.counts.findings += out.length;
    out.sort((a, b) => (a.event.start < b.event.start ? -1 : a.event.start > b.event.start ? 1 : a.cloud_api_abuse.finding_id < b.cloud_api_abuse.finding_id ? -1 : 1));
    return out;
  }
}


export type { ChainEvent };
