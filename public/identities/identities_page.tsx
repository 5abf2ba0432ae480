/** Identities and automation: what each root identity usually does, and which automation is expected. */
import { EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import type { PageProps } from '../app/page_props';
import { AutomationPanel } from './automation_panel';
import { IdentityProfilesPanel } from './identity_profiles_panel';

export function IdentitiesPage({ refreshKey, query }: PageProps) {
  return (
    <div data-test-subj="identitiesPage">
      <EuiTitle size="m">
        <h1>Identities and automation</h1>
      </EuiTitle>
      <EuiText size="s" color="subdued">
        <p>The baselines findings are measured against, and the automation that is expected to act.</p>
      </EuiText>
      <EuiSpacer size="l" />
      <IdentityProfilesPanel refreshKey={refreshKey} initialSearch={query.get('search') ?? ''} />
      <EuiSpacer size="l" />
      <AutomationPanel refreshKey={refreshKey} />
    </div>
  );
}
