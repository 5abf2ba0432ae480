/**
 * Risk and explanation (DESIGN §3.6): every contribution to the score is a reason with its weight and the events it
 * rests on. Stages, novelty and blast radius add; expected automation and the identity's usual IaC tooling subtract,
 * with the reason stated.
 */
import type { Reason, Severity } from '../../common/finding';
import type { Chain, KindStats } from './chain';

const PRIVILEGED_WEIGHT: Record<string, number> = {
  iam: 20,
  compute_execution: 20,
  code_change: 20,
  secrets: 15,
  data_exposure: 15,
  data_access: 15,
  network_exposure: 10,
  destruction: 20,
  org_account: 20,
};

const PRIVILEGED_WORDS: Record<string, string> = {
  iam: 'IAM and permission changes',
  compute_execution: 'Commands run on machines',
  code_change: 'Code or boot-time configuration changed',
  secrets: 'Secrets and credential material read',
  data_exposure: 'Data shared or exposed',
  data_access: 'Data read from storage',
  network_exposure: 'Network opened',
  destruction: 'Resources or data destroyed',
  org_account: 'Organization or account changed',
};

export interface Score {
  risk: number;
  severity: Severity;
  reasons: Reason[];
}

export function severityOf(risk: number): Severity {
  if (risk >= 85) return 'critical';
  if (risk >= 65) return 'high';
  if (risk >= 40) return 'medium';
  return 'low';
}

function listActions(actions: Set<string>, max = 6): string {
  const all = [...actions];
  return all.slice(0, max).join(', ') + (all.length > max ? ` and ${all.length - max} more` : '');
}

function kindReason(code: string, words: string, base: number, stats: KindStats): Reason {
  let weight = base + Math.min(5, stats.actions.size - 1);
  let text = `${words}: ${listActions(stats.actions)} (${stats.count} call${stats.count > 1 ? 's' : ''})`;
  const effective = stats.count - stats.viaService;
  if (effective === 0) {
    weight *= 0.2;
    text += ', all made by provider services on the identity\'s behalf';
  } else if (stats.failed === stats.count) {
    weight *= 0.5;
    text += ', every attempt failed';
  } else if (stats.routine === stats.count) {
    weight *= 0.5;
    text += ', actions this identity performs routinely';
  }
  return { code, text, weight: round(weight), evidence: stats.eventIds.slice(0, 50) };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function scoreChain(chain: Chain, downWeight: number): Score {
  const reasons: Reason[] = [];
  for (const n of chain.notes.values()) {
    if (n.weight > 0) reasons.push({ code: n.code, text: n.text, weight: n.weight, evidence: n.eventIds.slice(0, 50) });
  }
  for (const [kind, stats] of chain.privileged) {
    reasons.push(kindReason(`PRIVILEGED_${kind.toUpperCase()}`, PRIVILEGED_WORDS[kind] ?? kind, PRIVILEGED_WEIGHT[kind] ?? 10, stats));
  }
  if (chain.tamper.size) {
    const all: KindStats = { count: 0, failed: 0, actions: new Set(), eventIds: [], viaService: 0, viaIac: 0, routine: 0 };
    for (const s of chain.tamper.values()) {
      all.count += s.count;
      all.failed += s.failed;
      all.viaService += s.viaService;
      all.routine += s.routine;
      s.actions.forEach((a) => all.actions.add(a));
      all.eventIds.push(...s.eventIds);
    }
    // Tampering alone is worth a look (medium); the identity's usual IaC tooling halves it below.
    reasons.push(kindReason('LOGGING_TAMPER', 'Audit logging or detection tampered with', 40 + 5 * Math.min(2, chain.tamper.size - 1), all));
  }
  reasons.push(...reconReasons(chain));
  const blast = blastRadius(chain);
  if (blast) reasons.push(blast);

  let risk = reasons.reduce((sum, r) => sum + r.weight, 0);
  const iacOnly = usualIacOnly(chain);
  if (iacOnly && risk > 0) {
    const cut = risk * 0.5;
    reasons.push({ code: 'USUAL_IAC_TOOLING', text: `Every change went through ${iacOnly}, the identity's usual infrastructure-as-code tooling`, weight: -round(cut), evidence: [] });
    risk -= cut;
  }
  if (chain.automation && risk > 0) {
    const cut = risk * (1 - downWeight);
    reasons.push({
      code: 'EXPECTED_AUTOMATION',
      text: `Expected automation "${chain.automation.name}": ${chain.automation.reason}`,
      weight: -round(cut),
      evidence: [chain.anchor.event.id],
    });
    risk -= cut;
  }
  risk = Math.max(0, Math.min(100, Math.round(risk)));
  reasons.sort((a, b) => b.weight - a.weight || (a.code < b.code ? -1 : 1));
  return { risk, severity: severityOf(risk), reasons };
}

function reconReasons(chain: Chain): Reason[] {
  const out: Reason[] = [];
  const distinct = chain.reconActions.size;
  const evidence = chain.kept.filter((c) => c.cls?.category === 'recon').slice(0, 50).map((c) => c.evidence.event_id);
  if (distinct >= 3 || chain.reconCount >= 10) {
    const burst = chain.maxReconInWindow >= 8;
    let weight = burst ? 10 : 5;
    let text = `${burst ? 'Reconnaissance burst' : 'Reconnaissance'}: ${chain.reconCount} enumeration calls over ${distinct} distinct APIs`;
    if (chain.reconViaConsole === chain.reconCount) {
      weight *= 0.3;
      text += ', all from console browsing';
    }
    out.push({ code: burst ? 'RECON_BURST' : 'RECON', text, weight: round(weight), evidence });
  }
  // Denials matter when they are a sizeable part of what the chain did, not the odd error of a long day.
  if (chain.deniedCount >= 5 && chain.deniedCount >= 0.1 * chain.eventCount) {
    const denied = chain.kept.filter((c) => c.evidence.outcome === 'failure').slice(0, 50).map((c) => c.evidence.event_id);
    out.push({ code: 'ACCESS_DENIED_STORM', text: `${chain.deniedCount} calls denied: probing for permissions`, weight: 10, evidence: denied });
  }
  return out;
}

function blastRadius(chain: Chain): Reason | undefined {
  let weight = 0;
  const parts: string[] = [];
  const changed = chain.writeServices.size;
  if (changed >= 6) weight += 10;
  else if (changed >= 3) weight += 5;
  if (changed >= 3) parts.push(`changes in ${changed} services`);
  if (chain.accounts.size >= 2) {
    weight += 10;
    parts.push(`${chain.accounts.size} accounts`);
  }
  if (chain.regions.size >= 3) {
    weight += 5;
    parts.push(`${chain.regions.size} regions`);
  }
  if (!weight) return undefined;
  return { code: 'BLAST_RADIUS', text: `Reach: ${parts.join(', ')}`, weight, evidence: [] };
}

/** The IaC tool every change went through, when the identity used it before the chain started. */
function usualIacOnly(chain: Chain): string | undefined {
  let changes = 0;
  let viaIac = 0;
  for (const s of chain.privileged.values()) {
    changes += s.count;
    viaIac += s.viaIac;
  }
  for (const s of chain.tamper.values()) {
    changes += s.count;
    viaIac += s.viaIac;
  }
  if (!changes || viaIac !== changes) return undefined;
  const iacTool = chain.kept.find((c) => c.itfKind === 'iac')?.itfTool;
  return iacTool && chain.before.tools.includes(iacTool) ? iacTool : undefined;
}
