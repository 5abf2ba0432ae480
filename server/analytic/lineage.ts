/**
 * Credential lineage (DESIGN §3.2): every credential links to the call that minted it, hop by hop, back to a root
 * identity. AWS: responseElements.credentials.accessKeyId <-> later userIdentity.accessKeyId. GCP: the impersonated
 * service account's calls carry the delegating principal. Console logins, Entra sign-ins and CloudShell starts mint
 * sessions the logs do not name; new sessions of the same principal shortly after are linked to them.
 */
import type { AuditEvent, CredentialKind } from '../../common/audit_event';
import type { RootIdentity } from '../../common/finding';
import type { Chain } from './chain';
import { principalOf, rootIdentityOf } from './identity';
import type { IdentityBaseline } from './baseline';

export interface MintRecord {
  eventId: string;
  action: string;
  time: number;
  kind: CredentialKind;
  target?: string;
  sessionName?: string;
  /** Network and client the minting call came from (to spot a session used somewhere else, by something else). */
  network: string;
  tool: string;
  /** Minted by a provider service (instance profiles, Lambda): its network says nothing about the user. */
  byService: boolean;
  parent: CredentialNode;
  /** The chain the minting call belonged to, if any: the new credential joins it. */
  chain?: Chain;
}

/** A console login, sign-in or CloudShell start: a session the logs do not name. */
export interface SessionMint extends MintRecord {
  sessionKind: 'console_login' | 'sign_in' | 'cloudshell';
}

export interface Segment {
  node: CredentialNode;
  key: string;
  network: string;
  tool: string;
  interfaceKind: string;
  firstSeen: number;
  lastSeen: number;
  /** When this context was last written to the baseline (refreshed coarsely: the window is days). */
  lastObserved: number;
  chain?: Chain;
}

export interface CredentialNode {
  key: string;
  /** The credential id as logged, or `principal:<name>` for identities acting without one. */
  credentialId: string;
  kind: CredentialKind;
  principal: string;
  root: RootIdentity;
  parent?: CredentialNode;
  mint?: MintRecord;
  firstSeen: number;
  lastSeen: number;
  events: number;
  segments: Map<string, Segment>;
  /** Segments by network then tool: the per-event lookup without building a key string. */
  segmentIndex: Map<string, Map<string, Segment>>;
  /** The root identity's baseline, resolved once per node (and again when a late mint changes the root). */
  baseline?: IdentityBaseline;
}

const SESSION_MINTS_PER_PRINCIPAL = 8;
const ADOPT_ANY_MS = 30 * 60_000;

export class CredentialGraph {
  private readonly nodes = new Map<string, CredentialNode>();
  private readonly byCredential = new Map<string, CredentialNode>();
  private readonly mints = new Map<string, MintRecord>();
  private readonly sessions = new Map<string, SessionMint[]>();
  /** GCP token mint key -> the delegated node using such tokens. */
  private readonly delegatedKeys = new Map<string, string>();

  get size(): number {
    return this.nodes.size;
  }

  /**
   * The node an event acts through; created on first sight and linked to its mint when known. Returns whether it is
   * new so the caller can decide chain membership once.
   */
  nodeFor(e: AuditEvent, time: number): { node: CredentialNode; created: boolean } {
    // Most calls carry a credential id: look it up without building a key.
    const credentialId = e.credential?.id || undefined;
    const key = credentialId === undefined ? nodeKeyOf(e) : undefined;
    const existing = key === undefined ? this.byCredential.get(credentialId as string) : this.nodes.get(key);
    if (existing) {
      existing.lastSeen = Math.max(existing.lastSeen, time);
      existing.events++;
      return { node: existing, created: false };
    }
    const principal = principalOf(e);
    const nodeKey = key ?? nodeKeyOf(e);
    const node: CredentialNode = {
      key: nodeKey,
      credentialId: e.credential?.id ?? `principal:${principal}`,
      kind: e.credential?.kind ?? 'unknown',
      principal,
      root: rootIdentityOf(e),
      firstSeen: time,
      lastSeen: time,
      events: 1,
      segments: new Map(),
      segmentIndex: new Map(),
    };
    const mintKey = mintKeyOfUse(e, nodeKey);
    if (mintKey.startsWith('token:')) this.delegatedKeys.set(mintKey, nodeKey);
    const mint = this.mints.get(mintKey);
    if (mint) this.link(node, mint);
    this.nodes.set(nodeKey, node);
    if (credentialId !== undefined) this.byCredential.set(credentialId, node);
    return { node, created: true };
  }

  /**
   * Records a credential minted by `e` with an id (or a GCP token). A credential seen before its mint (same second,
   * reordering) is linked now and returned.
   */
  registerMint(e: AuditEvent, parent: CredentialNode, time: number, network: string, tool: string, chain: Chain | undefined): CredentialNode | undefined {
    const key = mintKeyOfMint(e);
    if (!key || !e.minted) return undefined;
    const record = mintRecord(e, parent, time, network, tool, chain);
    this.mints.set(key, record);
    const seenBefore = this.nodes.get(key.startsWith('id:') ? `cred:${key.slice(3)}` : this.delegatedKeys.get(key) ?? '');
    if (!seenBefore || seenBefore === parent) return undefined;
    if (!seenBefore.parent) {
      this.link(seenBefore, record);
      return seenBefore;
    }
    // GCP access tokens carry no id: the impersonation stands for every token minted for it, the latest first.
    if (key.startsWith('token:')) seenBefore.mint = record;
    return undefined;
  }

  /** Records a console login, sign-in or CloudShell start: a session the logs do not name. */
  registerSession(
    sessionKind: SessionMint['sessionKind'],
    e: AuditEvent,
    parent: CredentialNode,
    time: number,
    network: string,
    tool: string,
    chain: Chain | undefined,
  ): void {
    if (e.outcome === 'failure') return;
    const list = this.sessions.get(parent.principal) ?? [];
    list.push({ ...mintRecord(e, parent, time, network, tool, chain), sessionKind });
    if (list.length > SESSION_MINTS_PER_PRINCIPAL) {
      // The owner's routine sign-ins (many an hour) must not push out a session that is part of a chain.
      const drop = list.findIndex((x) => !x.chain || x.chain.closed);
      list.splice(drop >= 0 ? drop : 0, 1);
    }
    this.sessions.set(parent.principal, list);
  }

  /**
   * The latest unnamed session of this principal that a new credential or context plausibly belongs to: console
   * logins adopt console sessions, sign-ins adopt sessions from the same network, CloudShell starts adopt CloudShell.
   */
  sessionFor(principal: string, time: number, linkMs: number, interfaceKind: string, network: string): SessionMint | undefined {
    const list = this.sessions.get(principal);
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const s = list[i];
      if (s.time > time || time - s.time > linkMs) continue;
      // Right after a sign-in or CloudShell start that is part of a chain, the same principal's new sessions belong
      // to it whatever their client: Azure Cloud Shell signs in again from a Microsoft address with the CLI.
      if (s.chain && !s.chain.closed && s.sessionKind !== 'console_login' && time - s.time <= ADOPT_ANY_MS) return s;
      if (s.sessionKind === 'console_login' && (interfaceKind === 'console' || interfaceKind === 'cloudshell')) return s;
      if (s.sessionKind === 'cloudshell' && interfaceKind === 'cloudshell') return s;
      if (s.sessionKind === 'sign_in' && s.network === network) return s;
    }
    return undefined;
  }

  /** Drops credentials idle for longer than `idleMs` that no open chain holds, and stale mint records. */
  evict(now: number, idleMs: number): void {
    for (const [key, node] of this.nodes) {
      if (now - node.lastSeen <= idleMs) continue;
      let held = false;
      for (const seg of node.segments.values()) if (seg.chain && !seg.chain.closed) held = true;
      if (!held) {
        this.nodes.delete(key);
        if (key.startsWith('cred:')) this.byCredential.delete(key.slice(5));
      }
    }
    for (const [mintKey, nodeKey] of this.delegatedKeys) if (!this.nodes.has(nodeKey)) this.delegatedKeys.delete(mintKey);
    for (const [key, m] of this.mints) if (now - m.time > idleMs) this.mints.delete(key);
    for (const [principal, list] of this.sessions) {
      const kept = list.filter((s) => now - s.time <= idleMs);
      if (kept.length) this.sessions.set(principal, kept);
      else this.sessions.delete(principal);
    }
  }

  private link(node: CredentialNode, mint: MintRecord): void {
    node.parent = mint.parent;
    node.mint = mint;
    // Credentials minted by provider services for compute keep the compute resource as their root.
    if (!mint.byService) {
      node.root = mint.parent.root;
      node.baseline = undefined;
    }
  }
}

function mintRecord(e: AuditEvent, parent: CredentialNode, time: number, network: string, tool: string, chain: Chain | undefined): MintRecord {
  return {
    eventId: e.id,
    action: e.action,
    time,
    kind: e.minted?.kind ?? 'unknown',
    target: e.minted?.target,
    sessionName: e.minted?.sessionName,
    network,
    tool,
    byService: e.actor.type === 'service',
    parent,
    chain,
  };
}

function nodeKeyOf(e: AuditEvent): string {
  if (e.credential?.id) return `cred:${e.credential.id}`;
  const chain = e.actor.delegationChain;
  if (chain && chain.length) return `delegated:${chain.join('>')}>${principalOf(e)}`;
  return `principal:${e.provider}:${principalOf(e)}`;
}

/** Where a use looks for its mint: by credential id, or for GCP by (delegating principal -> service account). */
function mintKeyOfUse(e: AuditEvent, nodeKey: string): string {
  if (nodeKey.startsWith('cred:')) return `id:${nodeKey.slice(5)}`;
  const chain = e.actor.delegationChain;
  if (chain && chain.length) return `token:${chain[chain.length - 1].toLowerCase()}>${principalOf(e).toLowerCase()}`;
  return '';
}

function mintKeyOfMint(e: AuditEvent): string | undefined {
  const m = e.minted;
  if (!m) return undefined;
  if (m.id) return `id:${m.id}`;
  if (e.provider === 'gcp' && m.kind === 'token' && m.target) return `token:${principalOf(e).toLowerCase()}>${m.target.toLowerCase()}`;
  return undefined;
}
