/** Which providers' identities to list; none selected means all. */
import { EuiFilterButton, EuiFilterGroup } from '@elastic/eui';
import type { CloudProvider } from '../../common/audit_event';
import { PROVIDER_LABEL } from '../coverage/coverage_format';

const PROVIDERS: CloudProvider[] = ['aws', 'gcp', 'azure'];

export function ProviderFilter({ selected, onChange }: { selected: CloudProvider[]; onChange(next: CloudProvider[]): void }) {
  const toggle = (p: CloudProvider) => onChange(selected.includes(p) ? selected.filter((x) => x !== p) : PROVIDERS.filter((x) => x === p || selected.includes(x)));
  return (
    <EuiFilterGroup compressed>
      {PROVIDERS.map((p) => (
        <EuiFilterButton key={p} hasActiveFilters={selected.includes(p)} isToggle isSelected={selected.includes(p)} onClick={() => toggle(p)} data-test-subj={`providerFilter-${p}`}>
          {PROVIDER_LABEL[p]}
        </EuiFilterButton>
      ))}
    </EuiFilterGroup>
  );
}
