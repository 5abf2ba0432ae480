import type { AuditEvent, CloudProvider } from '../../../common/audit_event';
import {
  AGENT_RULES,
  AZURE_CLIENT_APPS,
  BROWSER_MARKERS,
  ENVIRONMENT_RULES,
  GCP_SERVICE_AGENT_MARKERS,
  OFFENSIVE_RULES,
  OS_RULES,
  type AgentRule,
  type OsRule,
} from './interface_rules';
import type { InterfaceInfo, InterfaceKind } from './types';

/** What one user-agent string says, independent of the event it came with. */
export interface ParsedAgent {
  info: InterfaceInfo;
  browser: boolean;
  /** Results that also depend on the event (console session, client app, service), memoized per user agent. */
  derived: Map<string, InterfaceInfo>;
}

const CACHE_LIMIT = 20_000;
const agentCache = new Map<string, ParsedAgent>();
const INVOCATION_ID = /invocation-id\/\w+/;

/** Azure: a browser sign-in to an application we cannot name is not necessarily the portal. */
const CONSOLE_TOOL: Record<CloudProvider, string> = { aws: 'aws-console', gcp: 'gcp-console', azure: 'browser' };
const SERVICE_TOOL: Record<CloudProvider, string> = { aws: 'aws-service', gcp: 'gcp-service', azure: 'azure-service' };
const CONSOLE_KEY: Record<CloudProvider, string> = { aws: 'console:aws', gcp: 'console:gcp', azure: 'console:azure' };

/**
 * The interface an event's call came through: console, CloudShell, CLI, SDK (language), IaC, CI, the provider itself,
 * or unknown, with the tool family and client OS. User agents are parsed once each (bounded cache) and results are
 * shared and frozen, so a repeated user agent costs a lookup, not an allocation.
 */
export function detectInterface(event: AuditEvent): InterfaceInfo {
  const agent = parseUserAgent(event.source.userAgent ?? '');
  const info = agent.info;
  if (info.offensive) return info;

  if (event.provider === 'azure' && event.actor.appId) {
    const appId = event.actor.appId.toLowerCase();
    const app = AZURE_CLIENT_APPS[appId];
    if (app) {
      return derive(agent, appId, () => ({
        kind: info.kind === 'cloudshell' ? 'cloudshell' : app.kind,
        tool: app.tool,
        workstation: info.workstation,
        ...(app.language ? { language: app.language } : {}),
        ...(info.os ? { os: info.os } : {}),
      }));
    }
  }

  if (actsForItself(event) && info.kind !== 'iac') {
    const tool = event.actor.invokedBy ?? (info.kind === 'service' ? info.tool : SERVICE_TOOL[event.provider]);
    return info.kind === 'service' && info.tool === tool ? info : derive(agent, tool, () => ({ kind: 'service', tool, workstation: false }));
  }

  if (event.provider === 'aws' && event.credential?.fromConsole && (agent.browser || info.kind === 'service' || info.kind === 'unknown')) {
    return asConsole(agent, 'aws');
  }

  if (agent.browser && isConsoleSession(event)) return asConsole(agent, event.provider);

  const address = event.source.address;
  if (event.provider === 'aws' && info.kind === 'unknown' && address?.endsWith('.amazonaws.com')) {
    return derive(agent, address, () => ({ kind: 'service', tool: address, workstation: false }));
  }
  return info;
}

function derive(agent: ParsedAgent, key: string, build: () => InterfaceInfo): InterfaceInfo {
  let found = agent.derived.get(key);
  if (!found) agent.derived.set(key, (found = Object.freeze(build())));
  return found;
}

/**
 * A browser user agent means the console, unless an AWS call was signed with a long-term key (console sessions never
 * are). Sign-in events are the console by definition, whatever key the record shows.
 */
function isConsoleSession(event: AuditEvent): boolean {
  if (event.provider !== 'aws' || event.service === 'signin.amazonaws.com') return true;
  return event.credential?.kind !== 'long_term';
}

function asConsole(agent: ParsedAgent, provider: CloudProvider): InterfaceInfo {
  const { os, workstation } = agent.info;
  return derive(agent, CONSOLE_KEY[provider], () => ({ kind: 'console', tool: CONSOLE_TOOL[provider], workstation, ...(os ? { os } : {}) }));
}

function actsForItself(event: AuditEvent): boolean {
  if (event.actor.type === 'service') return true;
  if (event.provider === 'aws') return event.actor.invokedBy !== undefined;
  if (event.provider === 'gcp') {
    const name = event.actor.name;
    return name !== undefined && isServiceAgentName(name);
  }
  return false;
}

/** GCP principal names seen -> whether they are service agents; a log names few principals, many times each. */
const serviceAgentNames = new Map<string, boolean>();

function isServiceAgentName(name: string): boolean {
  let known = serviceAgentNames.get(name);
  if (known === undefined) {
    const lower = name.toLowerCase();
    known = GCP_SERVICE_AGENT_MARKERS.some((marker) => lower.includes(marker));
    if (serviceAgentNames.size >= CACHE_LIMIT) serviceAgentNames.clear();
    serviceAgentNames.set(name, known);
  }
  return known;
}

/** Parses one user agent (cached: repeated user agents cost one Map lookup). `info` is shared and frozen. */
export function parseUserAgent(userAgent: string): ParsedAgent {
  const slot = recentSlot(userAgent);
  if (recentAgents[slot] === userAgent) return recentParsed[slot] as ParsedAgent;
  const parsed = parseCached(userAgent);
  recentAgents[slot] = userAgent;
  recentParsed[slot] = parsed;
  return parsed;
}

function parseCached(userAgent: string): ParsedAgent {
  // gcloud puts a fresh invocation id in every call's agent; it says nothing about the client.
  if (userAgent.includes('invocation-id/')) userAgent = userAgent.replace(INVOCATION_ID, '');
  const cached = agentCache.get(userAgent);
  if (cached) return cached;
  const parsed = parse(userAgent);
  if (agentCache.size >= CACHE_LIMIT) clearAgents();
  agentCache.set(userAgent, parsed);
  return parsed;
}

/**
 * In front of the cache, the agents met recently, in slots picked from a few of their characters. A Map lookup hashes
 * every character of a fresh string (agents run to hundreds); a slot costs a few character reads and one comparison.
 * It only ever holds what the cache returned for the same text, and is emptied with it.
 */
const RECENT_SLOTS = 4096;
const recentAgents: (string | undefined)[] = new Array<string | undefined>(RECENT_SLOTS).fill(undefined);
const recentParsed: (ParsedAgent | undefined)[] = new Array<ParsedAgent | undefined>(RECENT_SLOTS).fill(undefined);

function recentSlot(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  let h = Math.imul(n, 0x9e3779b1);
  // agents of one SDK share their start and differ in versions and the API named near the end
  for (let step = 1; step <= 24 && step <= n; step += step < 8 ? 1 : 4) h = Math.imul(h ^ s.charCodeAt(n - step), 0x01000193);
  h = Math.imul(h ^ s.charCodeAt(n >> 1), 0x01000193);
  h = Math.imul(h ^ s.charCodeAt(n >> 2), 0x01000193);
  return (h ^ (h >>> 15)) & (RECENT_SLOTS - 1);
}

function clearAgents(): void {
  agentCache.clear();
  recentAgents.fill(undefined);
  recentParsed.fill(undefined);
}

function parse(userAgent: string): ParsedAgent {
  const ua = userAgent.toLowerCase();
  const browser = BROWSER_MARKERS.some((marker) => ua.includes(marker));
  const rule = AGENT_RULES.find((candidate) => agentRuleMatches(candidate, ua));
  let kind: InterfaceKind = rule?.kind ?? 'unknown';
  let tool = rule ? (rule.tool === 'agent' ? ua.replace(/^\[|\]$/g, '') : rule.tool) : browser ? 'browser' : familyOf(ua);
  let language = rule?.language;

  const environment = ENVIRONMENT_RULES.find((candidate) => candidate.contains.some((marker) => ua.includes(marker)));
  if (environment) {
    if (environment.kind === 'ci' || !rule) tool = environment.tool;
    kind = environment.kind;
  }

  // A harness marker appended to an IaC tool's agent (Terraform's TF_APPEND_USER_AGENT) marks the harness provisioning
  // its lab, not the attack itself: the calls are the IaC tool's.
  const offensive = rule?.kind === 'iac' ? undefined : OFFENSIVE_RULES.find((candidate) => candidate.contains.some((marker) => ua.includes(marker)));
  if (offensive) {
    if (offensive.tool) tool = offensive.tool;
    if (!rule && !environment) {
      kind = offensive.kind;
      language = offensive.language;
    }
  }

  const os = OS_RULES.find((candidate) => osRuleMatches(candidate, ua));
  const info: InterfaceInfo = { kind, tool, workstation: os?.workstation ?? false };
  if (language) info.language = language;
  if (os) info.os = os.os;
  if (offensive) info.offensive = true;
  return { info: Object.freeze(info), browser: browser && !rule, derived: new Map() };
}

function agentRuleMatches(rule: AgentRule, ua: string): boolean {
  if (rule.contains && !rule.contains.some((marker) => ua.includes(marker))) return false;
  if (rule.allOf && !rule.allOf.every((marker) => ua.includes(marker))) return false;
  if (rule.pattern && !rule.pattern.test(ua)) return false;
  return true;
}

function osRuleMatches(rule: OsRule, ua: string): boolean {
  if (rule.contains) return rule.contains.some((marker) => ua.includes(marker));
  return rule.pattern !== undefined && rule.pattern.test(ua);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** An unknown client's family: its first product token without version ("datadog", "example-user-agent"). */
function familyOf(ua: string): string {
  const token = ua.replace(/^[\s[]+/, '').split(/[\s/(;,[\]]/, 1)[0] ?? '';
  if (token === '' || UUID.test(token) || !/[a-z]/.test(token)) return 'unknown';
  return token.slice(0, 40);
}

/** For tests and long-running hosts: forget cached user agents. */
export function clearInterfaceCache(): void {
  clearAgents();
  serviceAgentNames.clear();
}

export function interfaceCacheSize(): number {
  return agentCache.size;
}
