/** Filter suggestions from the findings on screen (the API has no facet route; other values can be typed). */
import type { FindingDocument } from '../../common/finding';
import type { KnownValues } from './filter_bar';

export function knownValues(findings: readonly FindingDocument[]): KnownValues {
  const accounts = new Set<string>();
  const techniques = new Map<string, string>();
  const identities = new Map<string, string>();
  for (const f of findings) {
    const c = f.cloud_api_abuse;
    for (const a of c.chain.accounts) accounts.add(a);
    for (const t of c.techniques) techniques.set(t.id, t.name);
    identities.set(c.root_identity.id, c.root_identity.name);
  }
  return {
    accounts: [...accounts].sort(),
    techniques: [...techniques].sort(([a], [b]) => a.localeCompare(b)).map(([id, name]) => ({ id, name })),
    identities: [...identities].sort(([, a], [, b]) => a.localeCompare(b)).map(([id, name]) => ({ id, name })),
  };
}
