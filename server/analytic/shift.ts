/**
 * Authentication-context shifts (DESIGN §3.3): a credential minted or first used in a context new for its root
 * identity, a session used away from where it was minted, instance credentials used off the instance, console and
 * CloudShell logins, impersonation. Each signal carries its weight and whether it starts a chain on its own.
 */
import type { AuditEvent } from '../../common/audit_event';
import type { Classification, InterfaceInfo } from './catalog/types';
import type { IdentityBaseline } from './baseline';
import type { AnalyticConfig } from './config';
import type { CredentialNode, Segment } from './lineage';
import { isHumanRoot, isInstanceSession } from './identity';

export interface ShiftSignal {
  code: string;
  text: string;
  weight: number;
  /** Starts a chain by itself. */
  anchors: boolean;
  /** Short name of the shift for the finding (`shift.kind`). */
  kind: string;
}

export interface ShiftInput {
  e: AuditEvent;
  time: number;
  cls?: Classification;
  itf: InterfaceInfo;
  node: CredentialNode;
  segment: Segment;
  /** First event of this credential in this context. */
  newSegment: boolean;
  baseline: IdentityBaseline;
  config: AnalyticConfig;
}

const describeTool = (itf: InterfaceInfo): string =>
  `${itf.tool}${itf.os ? ` on ${itf.os}` : ''}${itf.kind !== 'unknown' && itf.kind !== itf.tool ? ` (${itf.kind})` : ''}`;

/** Signals of the context this credential is used from, evaluated once per new (credential, context). */
export function contextSignals(x: ShiftInput): ShiftSignal[] {
  const { e, itf, node, segment, baseline, config, time } = x;
  const out: ShiftSignal[] = [];
  if (itf.kind === 'service') return out;
  const root = node.root;
  const network = segment.network;
  const realNetwork = network !== 'unknown' && !network.startsWith('svc:');

  if (itf.offensive) {
    out.push({
      code: 'OFFENSIVE_TOOL',
      text: `Calls made with ${itf.tool}, a known attack or attack-simulation tool`,
      weight: 30,
      anchors: true,
      kind: 'attack_tool',
    });
  }

  if (isInstanceSession(e) || node.kind === 'instance') {
    const instance = e.actor.sessionName ?? root.name;
    if (itf.workstation || itf.kind === 'console') {
      out.push({
        code: 'INSTANCE_CREDENTIAL_OFF_INSTANCE',
        text: `Instance credentials of ${instance} (role ${e.actor.name ?? 'unknown'}) used with ${describeTool(itf)}, a workstation client, not from the instance`,
        weight: 50,
        anchors: true,
        kind: 'instance_credential_exfiltration',
      });
    } else if (realNetwork && baseline.hasHistory(time, config.minHistoryEvents, config.minHistoryMs) && baseline.isNew('network', network, time)) {
      out.push({
        code: 'INSTANCE_CREDENTIAL_NEW_NETWORK',
        text: `Instance credentials of ${instance} used from ${e.source.ip ?? network}, a network the instance never used`,
        weight: 35,
        anchors: true,
        kind: 'instance_credential_exfiltration',
      });
    }
  }

  const mint = node.mint;
  if (mint && !mint.byService && realNetwork && mint.network !== network && !mint.network.startsWith('svc:') && mint.network !== 'unknown') {
    // A person's console or CLI session that follows their laptop home keeps its client; a stolen token shows up in
    // someone else's.
    const sameClient = mint.tool === itf.tool;
    const moved = sameClient && isHumanRoot(root);
    out.push({
      code: 'SESSION_USED_ELSEWHERE',
      text: `Session credential ${node.credentialId} minted from ${mint.network} with ${mint.tool} is used from ${e.source.ip ?? network} with ${itf.tool}`,
      weight: moved ? 10 : 30,
      anchors: !moved,
      kind: 'session_hijack',
    });
  }

  if (!baseline.hasHistory(time, config.minHistoryEvents, config.minHistoryMs)) return out;
  const human = isHumanRoot(root);
  const days = Math.max(1, Math.round((time - baseline.firstSeen) / 86_400_000));
  const history = `in ${baseline.events} events over ${days} day${days > 1 ? 's' : ''}`;
  // CloudShell runs in the provider's network with the provider's CLI: its network and tool say nothing new beyond
  // "CloudShell was opened".
  const cloudShell = itf.kind === 'cloudshell';
  const newTool = !cloudShell && baseline.isNew('tool', itf.tool, time);
  if (!cloudShell && realNetwork && baseline.isNew('network', network, time) && (human || newTool || itf.workstation)) {
    // People move between home, office and travel with the same laptop; a new network with a new client is rarer.
    out.push({
      code: 'NEW_NETWORK',
      text: `First use of network ${network}${e.source.asOrg ? ` (${e.source.asOrg})` : ''} by ${root.name} ${history}${newTool ? '' : `, with its usual client ${itf.tool}`}`,
      weight: newTool ? 15 : 10,
      anchors: true,
      kind: 'new_network',
    });
  }
  const country = e.source.geo?.country;
  if (!cloudShell && country && baseline.isNew('country', country, time)) {
    out.push({ code: 'NEW_COUNTRY', text: `First sign of ${root.name} in ${country}`, weight: 10, anchors: true, kind: 'new_location' });
  }
  if (!cloudShell && e.source.asn !== undefined && baseline.isNew('asn', String(e.source.asn), time)) {
    out.push({ code: 'NEW_ASN', text: `First use of AS${e.source.asn} by ${root.name}`, weight: 5, anchors: false, kind: 'new_network' });
  }
  if (newTool) {
    out.push({ code: 'NEW_TOOL', text: `First use of ${describeTool(itf)} by ${root.name} ${history}`, weight: 10, anchors: true, kind: 'new_client' });
  }
  if (itf.kind !== 'unknown' && baseline.isNew('interface', itf.kind, time)) {
    out.push(
      cloudShell
        ? { code: 'CLOUDSHELL_OPENED', text: `First CloudShell session of ${root.name}`, weight: 10, anchors: true, kind: 'cloudshell' }
        : { code: 'NEW_INTERFACE', text: `First use of the ${itf.kind} interface by ${root.name}`, weight: 10, anchors: true, kind: 'new_interface' },
    );
  }
  return out;
}

/** Signals carried by one call, whatever its context: logins without MFA, first impersonation, logging tamper. */
export function eventSignals(x: ShiftInput): ShiftSignal[] {
  const { e, cls, baseline, config, time, node } = x;
  const out: ShiftSignal[] = [];
  if (!cls) return out;
  // Disabling or deleting logging starts a chain by itself; changing its configuration is routine for IaC and only
  // counts inside a chain.
  if (cls.category === 'tamper' && cls.kind !== 'logging_modified' && e.outcome !== 'failure') {
    out.push({ code: 'TAMPER_ANCHOR', text: `${cls.summary}`, weight: 0, anchors: true, kind: 'logging_tamper' });
    return out;
  }
  if (cls.category !== 'auth_shift' || e.outcome === 'failure') return out;
  const withHistory = baseline.hasHistory(time, config.minHistoryEvents, config.minHistoryMs);
  switch (cls.kind) {
    case 'console_login':
      // Federated (SSO) console logins always log MFAUsed "No": the identity provider did the MFA.
      if (e.actor.mfa === false && (e.actor.type === 'user' || e.actor.type === 'root')) {
        out.push({ code: 'CONSOLE_LOGIN_WITHOUT_MFA', text: `Console login by ${node.root.name} without MFA`, weight: 20, anchors: true, kind: 'console_login' });
      }
      break;
    case 'cloudshell':
      if (withHistory && baseline.isNew('interface', 'cloudshell', time)) {
        out.push({ code: 'CLOUDSHELL_OPENED', text: `First CloudShell session of ${node.root.name}`, weight: 10, anchors: true, kind: 'cloudshell' });
      }
      break;
    case 'impersonation': {
      const target = e.minted?.target;
      if (target && withHistory && baseline.isNew('impersonated', target.toLowerCase(), time)) {
        out.push({ code: 'FIRST_IMPERSONATION', text: `${node.root.name} impersonates ${target} for the first time`, weight: 15, anchors: true, kind: 'impersonation' });
      }
      break;
    }
    default:
      break;
  }
  return out;
}

/** Notes for auth shifts that happen inside a chain: role chaining, cross-account hops, CloudShell, no MFA. */
export function inChainSignals(e: AuditEvent, cls: Classification | undefined, rootName: string): ShiftSignal[] {
  if (!cls || cls.category !== 'auth_shift' || e.outcome === 'failure') return [];
  const out: ShiftSignal[] = [];
  if (cls.kind === 'credential_minted') {
    if (e.actor.type === 'role') {
      out.push({ code: 'ROLE_CHAINING', text: `Role chaining: the session assumed ${e.minted?.target ?? 'another role'}`, weight: 5, anchors: false, kind: 'role_chaining' });
    }
    const targetAccount = accountOfArn(e.minted?.target);
    const caller = e.actor.account ?? e.account;
    if (targetAccount && caller && targetAccount !== caller) {
      out.push({ code: 'CROSS_ACCOUNT', text: `Credentials minted into another account (${targetAccount})`, weight: 10, anchors: false, kind: 'cross_account' });
    }
  }
  if (cls.kind === 'cloudshell') {
    out.push({ code: 'CLOUDSHELL_OPENED', text: `CloudShell opened by ${rootName} during the chain`, weight: 10, anchors: false, kind: 'cloudshell' });
  }
  if (cls.kind === 'console_login' && e.actor.mfa === false && (e.actor.type === 'user' || e.actor.type === 'root')) {
    out.push({ code: 'CONSOLE_LOGIN_WITHOUT_MFA', text: `Console login by ${rootName} without MFA`, weight: 20, anchors: false, kind: 'console_login' });
  }
  if (cls.kind === 'impersonation') {
    out.push({ code: 'IMPERSONATION_IN_CHAIN', text: `Impersonated ${e.minted?.target ?? 'a service account'}`, weight: 10, anchors: false, kind: 'impersonation' });
  }
  return out;
}

function accountOfArn(arn: string | undefined): string | undefined {
  if (!arn || !arn.startsWith('arn:')) return undefined;
  const parts = arn.split(':');
  return parts[4] || undefined;
}
