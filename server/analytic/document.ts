/** Renders a closed chain and its score as the detection document (DESIGN §4, common/finding.ts). */
import type {
  FindingDocument,
  LineageNode,
  RollbackStep,
  Severity,
  StageSummary,
  Technique,
} from '../../common/finding';
import type { Chain } from './chain';
import type { KeptEvent } from './evidence';
import type { CatalogApi } from './catalog_api';
import type { CredentialNode } from './lineage';
import type { Score } from './score';

const ECS_SEVERITY: Record<Severity, number> = { low: 21, medium: 47, high: 73, critical: 99 };

/** ATT&CK techniques implied by the shift signals themselves (the catalog maps the API calls). */
const SIGNAL_TECHNIQUES: Record<string, string[]> = {
  OFFENSIVE_TOOL: ['T1078.004'],
  INSTANCE_CREDENTIAL_OFF_INSTANCE: ['T1552.005', 'T1078.004'],
  INSTANCE_CREDENTIAL_NEW_NETWORK: ['T1552.005', 'T1078.004'],
  SESSION_USED_ELSEWHERE: ['T1550.001'],
  NEW_NETWORK: ['T1078.004'],
  NEW_COUNTRY: ['T1078.004'],
  NEW_TOOL: ['T1078.004'],
  NEW_INTERFACE: ['T1078.004'],
  CONSOLE_LOGIN_WITHOUT_MFA: ['T1078.004'],
  CLOUDSHELL_OPENED: ['T1059.009'],
  EXTERNAL_GRANT: ['T1098.003'],
  FIRST_IMPERSONATION: ['T1548.005'],
  IMPERSONATION_IN_CHAIN: ['T1548.005'],
  ROLE_CHAINING: ['T1548.005'],
  CROSS_ACCOUNT: ['T1078.004'],
};

const iso = (t: number): string => new Date(t).toISOString();

export function buildFinding(chain: Chain, score: Score, catalog: CatalogApi): FindingDocument {
  const kept = [...chain.kept].sort((a, b) => a.time - b.time || (a.evidence.event_id < b.evidence.event_id ? -1 : a.evidence.event_id > b.evidence.event_id ? 1 : 0));
  const anchor = chain.anchor;
  const techniques = techniquesOf(chain, kept, catalog);
  const reason = reasonText(chain, score);
  const first = iso(chain.firstTime);
  const last = iso(chain.lastTime);
  const a = anchor.event;
  return {
    '@timestamp': last,
    message: reason,
    event: {
      kind: 'alert',
      module: 'cloud_api_abuse',
      dataset: 'cloud_api_abuse.finding',
      category: ['intrusion_detection'],
      type: ['info'],
      start: first,
      end: last,
      risk_score: score.risk,
      severity: ECS_SEVERITY[score.severity],
    },
    cloud: { provider: chain.root.provider, ...(a.account ? { account: { id: a.account } } : {}), ...(a.region ? { region: a.region } : {}) },
    user: { id: chain.root.id, name: chain.root.name },
    ...(a.source.ip || a.source.geo?.country || a.source.asn !== undefined
      ? {
          source: {
            ...(a.source.ip ? { ip: a.source.ip } : {}),
            ...(a.source.geo?.country ? { geo: { country_iso_code: a.source.geo.country } } : {}),
            ...(a.source.asn !== undefined ? { as: { number: a.source.asn } } : {}),
          },
        }
      : {}),
    ...(a.source.userAgent ? { user_agent: { original: a.source.userAgent } } : {}),
    threat: {
      framework: 'MITRE ATT&CK',
      tactic: { name: [...new Set(techniques.flatMap((t) => t.tactics))].sort() },
      technique: techniques.map((t) => ({ id: t.id, name: t.name })),
    },
    kibana: { alert: { severity: score.severity, risk_score: score.risk, reason, original_time: iso(anchor.time) } },
    cloud_api_abuse: {
      finding_id: chain.id,
      schema_version: 1,
      root_identity: chain.root,
      shift: {
        kind: chain.shiftKind,
        event_id: a.id,
        time: iso(anchor.time),
        before: {
          networks: chain.before.networks,
          countries: chain.before.countries,
          tools: chain.before.tools,
          interfaces: chain.before.interfaces,
          ...(chain.before.mfa !== undefined ? { mfa: chain.before.mfa } : {}),
          history_events: chain.before.historyEvents,
        },
        after: chain.after,
      },
      chain: {
        first_seen: first,
        last_seen: last,
        event_count: chain.eventCount,
        evidence_truncated: chain.truncated,
        stages: stagesOf(kept),
        services: [...chain.services].sort(),
        accounts: [...chain.accounts].sort(),
        regions: [...chain.regions].sort(),
      },
      lineage: lineageOf(chain, kept),
      reasons: score.reasons,
      evidence: kept.map((k) => k.evidence),
      techniques,
      response: {
        // Sessions issued up to the chain's last call are the attacker's too.
        containment: catalog.containment(
          {
            root: chain.root,
            credentials: [...chain.nodes].map((n) => ({ id: n.credentialId, kind: n.kind, principal: n.principal })),
          },
          last,
        ),
        rollback: rollbackOf(kept),
      },
      ...(chain.automation ? { automation: { name: chain.automation.name, reason: chain.automation.reason } } : {}),
      workflow: { status: 'open' },
    },
  };
}

function reasonText(chain: Chain, score: Score): string {
  const top = score.reasons.filter((r) => r.weight > 0).slice(0, 3).map((r) => r.text);
  return `${score.severity} risk ${score.risk}: ${chain.root.name} (${chain.root.provider}) - ${top.join('; ')}`;
}

function stagesOf(kept: KeptEvent[]): StageSummary[] {
  const groups = new Map<string, StageSummary>();
  for (const c of kept) {
    const kind = c.cls?.kind;
    const key = `${c.stage}|${kind ?? ''}`;
    let g = groups.get(key);
    const t = iso(c.time);
    if (!g) {
      g = { stage: c.stage, ...(kind ? { kind } : {}), first: t, last: t, count: 0, actions: [], event_ids: [] };
      groups.set(key, g);
    }
    g.count++;
    g.last = t;
    if (!g.actions.includes(c.evidence.action) && g.actions.length < 50) g.actions.push(c.evidence.action);
    if (g.event_ids.length < 200) g.event_ids.push(c.evidence.event_id);
  }
  return [...groups.values()].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
}

/** The chain's credentials and every ancestor up to the root, each with the call that minted it. */
function lineageOf(chain: Chain, kept: KeptEvent[]): { depth: number; nodes: LineageNode[] } {
  const all = new Set<CredentialNode>();
  for (const n of chain.nodes) {
    for (let cur: CredentialNode | undefined = n; cur && !all.has(cur); cur = cur.parent) all.add(cur);
  }
  const perNode = new Map<CredentialNode, KeptEvent[]>();
  for (const c of kept) {
    const list = perNode.get(c.node) ?? [];
    list.push(c);
    perNode.set(c.node, list);
  }
  const depthOf = (n: CredentialNode): number => {
    let d = 0;
    for (let cur = n.parent; cur && d < 50; cur = cur.parent) d++;
    return d;
  };
  const nodes = [...all]
    .sort((a, b) => depthOf(a) - depthOf(b) || a.firstSeen - b.firstSeen || (a.key < b.key ? -1 : 1))
    .map((n): LineageNode => {
      const events = perNode.get(n) ?? [];
      const contexts = [...n.segments.values()]
        .filter((s) => s.chain === chain)
        .map((s) => ({ network: s.network, tool: s.tool, interface: s.interfaceKind }));
      return {
        credential_id: n.credentialId,
        kind: n.kind,
        principal: n.principal,
        ...(n.parent ? { parent: n.parent.credentialId } : {}),
        ...(n.mint
          ? {
              minted_by: {
                event_id: n.mint.eventId,
                action: n.mint.action,
                time: iso(n.mint.time),
                ...(n.mint.target ? { target: n.mint.target } : {}),
                ...(n.mint.sessionName ? { session_name: n.mint.sessionName } : {}),
              },
            }
          : {}),
        first_seen: iso(events.length ? events[0].time : n.firstSeen),
        last_seen: iso(events.length ? events[events.length - 1].time : n.lastSeen),
        event_count: events.length,
        contexts,
      };
    });
  return { depth: Math.max(0, ...[...all].map(depthOf)), nodes };
}

function techniquesOf(chain: Chain, kept: KeptEvent[], catalog: CatalogApi): Technique[] {
  const ids = new Set<string>();
  for (const code of chain.notes.keys()) for (const t of SIGNAL_TECHNIQUES[code] ?? []) ids.add(t);
  for (const c of kept) if (c.cls && c.stage !== 'activity') for (const t of c.cls.techniques) ids.add(t);
  return [...ids].sort().map((id) => {
    const info = catalog.technique(id);
    return { id, name: info?.name ?? id, tactics: info?.tactics ?? [] };
  });
}

function rollbackOf(kept: KeptEvent[]): RollbackStep[] {
  const out: RollbackStep[] = [];
  const seen = new Set<string>();
  for (const c of kept) {
    if (!c.rollback) continue;
    const key = c.rollback.command ?? c.rollback.text;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c.rollback);
  }
  return out;
}
