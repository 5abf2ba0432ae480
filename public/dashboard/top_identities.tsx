/** The root identities behind the most findings; each links to the findings page filtered to it. */
import { EuiBadge } from '@elastic/eui';
import type { SummaryIdentity } from '../../common/api';
import { PROVIDER_LABEL } from '../coverage/coverage_format';
import { RankedBars } from './ranked_bars';

export function identityFindingsPath(id: string): string {
  return `/findings?identity=${encodeURIComponent(id)}`;
}

export function TopIdentities({ identities, navigate }: { identities: SummaryIdentity[]; navigate(path: string): void }) {
  return (
    <RankedBars
      data-test-subj="topIdentities"
      unit="findings"
      items={identities.map((i) => ({
        key: i.id,
        label: i.name || i.id,
        // The name alone can be ambiguous (two accounts' "admin"): the id says which one.
        detail: `${PROVIDER_LABEL[i.provider]} · ${i.id}`,
        count: i.count,
        extra: (
          <EuiBadge color="hollow" title="Highest risk score among its findings">
            risk {Math.round(i.maxRisk)}
          </EuiBadge>
        ),
        onClick: () => navigate(identityFindingsPath(i.id)),
        actionLabel: `Show the findings of ${i.name || i.id}`,
      }))}
    />
  );
}
