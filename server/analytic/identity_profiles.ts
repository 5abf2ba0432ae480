/**
 * What each root identity usually does, read off the analytic's baselines after a run: the identities page shows it
 * so an analyst can judge a shift against the identity's normal interfaces, networks and services.
 */
import type { IdentityProfile, ProfileValue } from '../../common/api';
import type { CloudProvider } from '../../common/audit_event';
import type { BaselineDimension, IdentityBaseline } from './baseline';

/** Values kept per dimension in a profile: the most used ones. */
export const PROFILE_TOP_VALUES = 12;

const DIMENSIONS: [keyof Pick<IdentityProfile, 'interfaces' | 'tools' | 'networks' | 'countries' | 'services' | 'regions'>, BaselineDimension][] = [
  ['interfaces', 'interface'],
  ['tools', 'tool'],
  ['networks', 'network'],
  ['countries', 'country'],
  ['services', 'service'],
  ['regions', 'region'],
];

const iso = (t: number): string => new Date(t).toISOString();

function topValues(baseline: IdentityBaseline, dim: BaselineDimension, n: number): { values: ProfileValue[]; last: number } {
  let last = -Infinity;
  const entries = baseline.entries(dim);
  for (const [, seen] of entries) if (seen.last > last) last = seen.last;
  const values = entries
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([value, seen]) => ({ value, count: seen.count, last_seen: iso(seen.last) }));
  return { values, last };
}

export function identityProfile(provider: CloudProvider, rootId: string, baseline: IdentityBaseline, updatedAt: number, n = PROFILE_TOP_VALUES): IdentityProfile {
  let lastSeen = baseline.firstSeen;
  const dims = {} as Record<(typeof DIMENSIONS)[number][0], ProfileValue[]>;
  for (const [field, dim] of DIMENSIONS) {
    const { values, last } = topValues(baseline, dim, n);
    dims[field] = values;
    if (last > lastSeen) lastSeen = last;
  }
  return {
    id: `${provider}:${rootId}`,
    provider,
    root_id: rootId,
    first_seen: iso(baseline.firstSeen),
    last_seen: iso(lastSeen),
    events: baseline.events,
    mfa_seen: baseline.mfaSeen,
    ...dims,
    updated_at: iso(updatedAt),
  };
}
