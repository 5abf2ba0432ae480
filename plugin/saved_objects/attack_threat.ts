/**
 * The rule's MITRE ATT&CK mapping, in Security's `threat` shape (tactic, its techniques, their sub-techniques, each
 * with its ATT&CK page), built from the analytic's technique table: every technique a finding can carry, whether the
 * catalog maps it to an API call or the analytic to a shift signal, so the rule's coverage is the analytic's.
 */
import { TACTICS, TECHNIQUES, techniqueUrl, type Tactic } from '../../server/analytic/catalog/techniques';

export interface ThreatSubtechnique {
  id: string;
  name: string;
  reference: string;
}

export interface ThreatTechnique extends ThreatSubtechnique {
  subtechnique?: ThreatSubtechnique[];
}

export interface Threat {
  framework: 'MITRE ATT&CK';
  tactic: { id: string; name: string; reference: string };
  technique: ThreatTechnique[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** ATT&CK names a sub-technique after its parent ("Valid Accounts: Cloud Accounts"); Security lists it by its own part. */
function splitName(name: string): { parent: string; own: string } {
  const at = name.indexOf(': ');
  return at < 0 ? { parent: name, own: name } : { parent: name.slice(0, at), own: name.slice(at + 2) };
}

export function attackThreat(techniques: Record<string, { name: string; tactics: Tactic[] }> = TECHNIQUES): Threat[] {
  const threats: Threat[] = [];
  for (const [tactic, info] of Object.entries(TACTICS) as [Tactic, { id: string; name: string }][]) {
    const parents = new Map<string, ThreatTechnique>();
    for (const [id, technique] of Object.entries(techniques)) {
      if (!technique.tactics.includes(tactic)) continue;
      const parentId = id.split('.')[0];
      const parentName = techniques[parentId]?.name ?? splitName(technique.name).parent;
      const parent = parents.get(parentId) ?? { id: parentId, name: parentName, reference: techniqueUrl(parentId) };
      parents.set(parentId, parent);
      if (id !== parentId) {
        parent.subtechnique = [...(parent.subtechnique ?? []), { id, name: splitName(technique.name).own, reference: techniqueUrl(id) }].sort(byId);
      }
    }
    if (parents.size === 0) continue;
    threats.push({
      framework: 'MITRE ATT&CK',
      tactic: { id: info.id, name: info.name, reference: `https://attack.mitre.org/tactics/${info.id}/` },
      technique: [...parents.values()].sort(byId),
    });
  }
  return threats.sort((a, b) => byId(a.tactic, b.tactic));
}
