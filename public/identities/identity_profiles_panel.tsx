/** Identity profiles, searched and paged by the server: the baseline each finding's novelty is measured against. */
import { useState } from 'react';
import { EuiFieldSearch, EuiFlexGroup, EuiFlexItem, EuiPanel, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import type { CloudProvider } from '../../common/audit_event';
import { ApiErrorPrompt } from '../app/api_error_prompt';
import { useAppServices } from '../app/services';
import { useApiCall } from '../app/use_api_call';
import { IdentityProfilesTable, PAGE_SIZES } from './identity_profiles_table';
import { ProviderFilter } from './provider_filter';

/** The server's limit on free text. */
const MAX_SEARCH = 256;

export function IdentityProfilesPanel({ refreshKey, initialSearch = '' }: { refreshKey: number; initialSearch?: string }) {
  const { api } = useAppServices();
  const [providers, setProviders] = useState<CloudProvider[]>([]);
  const [text, setText] = useState(initialSearch);
  const [search, setSearch] = useState(initialSearch);
  const [page, setPage] = useState({ index: 0, size: PAGE_SIZES[0] });
  const result = useApiCall(
    (signal) =>
      api.identities({ providers: providers.length ? providers : undefined, search: search.trim() || undefined, page: page.index, perPage: page.size }, signal),
    [providers.join(','), search, page.index, page.size, refreshKey],
  );
  // useApiCall keeps the previous page while the next loads, so the table does not jump.
  const shown = result.value;

  return (
    <EuiPanel hasBorder data-test-subj="identityProfiles">
      <EuiTitle size="s">
        <h2>Identity profiles</h2>
      </EuiTitle>
      <EuiText size="s" color="subdued">
        <p>What each root identity usually does: a finding is raised when a credential shows up outside these habits.</p>
      </EuiText>
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="m" alignItems="center" responsive={false}>
        <EuiFlexItem>
          <EuiFieldSearch
            placeholder="Search root identities: ARN, email, UPN"
            value={text}
            maxLength={MAX_SEARCH}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => {
              setSearch(value);
              setPage((p) => ({ ...p, index: 0 }));
            }}
            isClearable
            fullWidth
            aria-label="Search root identities"
            data-test-subj="identitySearch"
          />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <ProviderFilter
            selected={providers}
            onChange={(next) => {
              setProviders(next);
              setPage((p) => ({ ...p, index: 0 }));
            }}
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {result.error ? (
        <ApiErrorPrompt error={result.error} onRetry={result.reload} />
      ) : (
        <IdentityProfilesTable
          profiles={shown?.profiles ?? []}
          paging={{ pageIndex: page.index, pageSize: page.size, total: shown?.total ?? 0 }}
          loading={result.loading}
          noItemsMessage={
            result.loading ? 'Loading identity profiles' : search || providers.length ? 'No identity matches these filters' : 'No identity profiles yet: they are written after each detection run'
          }
          onPage={(index, size) => setPage({ index: size === page.size ? index : 0, size })}
        />
      )}
    </EuiPanel>
  );
}
