/** One page of identity profiles: who each root identity is and what it usually uses; a row opens its findings. */
import type { ReactNode } from 'react';
import { EuiBadge, EuiBasicTable, EuiHealth, EuiText, type CriteriaWithPagination, type EuiBasicTableColumn } from '@elastic/eui';
import type { IdentityProfile } from '../../common/api';
import { formatCount, formatTime, PROVIDER_LABEL } from '../coverage/coverage_format';
import { useAppServices } from '../app/services';
import { ProfileValues } from './profile_values';

export interface ProfilesPaging {
  pageIndex: number;
  pageSize: number;
  total: number;
}

export const PAGE_SIZES = [10, 25, 50];

/** The server pages by number up to Elasticsearch's result window; deeper needs a narrower search. */
const MAX_RESULT_WINDOW = 10_000;

/** Table cells lay their children out in a row; profile dimensions read better stacked. */
function Stack({ children }: { children: ReactNode }) {
  return <div style={{ width: '100%', minWidth: 0 }}>{children}</div>;
}

export function IdentityProfilesTable({
  profiles,
  paging,
  loading,
  noItemsMessage,
  onPage,
}: {
  profiles: IdentityProfile[];
  paging: ProfilesPaging;
  loading: boolean;
  noItemsMessage: string;
  onPage(pageIndex: number, pageSize: number): void;
}) {
  const { navigate } = useAppServices();
  const columns: EuiBasicTableColumn<IdentityProfile>[] = [
    {
      field: 'root_id',
      name: 'Root identity',
      width: '16em',
      render: (rootId: string, p: IdentityProfile) => (
        <div>
          <EuiText size="s" style={{ wordBreak: 'break-all' }}>
            <strong>{rootId}</strong>
          </EuiText>
          <EuiBadge color="hollow">{PROVIDER_LABEL[p.provider]}</EuiBadge>
        </div>
      ),
    },
    { field: 'events', name: 'Events', align: 'right', width: '80px', render: (n: number) => formatCount(n) },
    {
      name: 'Interfaces and tools',
      render: (p: IdentityProfile) => (
        <Stack>
          <ProfileValues label="Interfaces" values={p.interfaces} testSubj="profileInterfaces" />
          <ProfileValues label="Tools" values={p.tools} testSubj="profileTools" />
        </Stack>
      ),
    },
    {
      name: 'Networks and countries',
      render: (p: IdentityProfile) => (
        <Stack>
          <ProfileValues label="Networks" values={p.networks} testSubj="profileNetworks" />
          <ProfileValues label="Countries" values={p.countries} testSubj="profileCountries" />
        </Stack>
      ),
    },
    {
      name: 'Services and regions',
      render: (p: IdentityProfile) => (
        <Stack>
          <ProfileValues label="Services" values={p.services} testSubj="profileServices" />
          <ProfileValues label="Regions" values={p.regions} testSubj="profileRegions" />
        </Stack>
      ),
    },
    {
      name: 'Seen',
      width: '175px',
      render: (p: IdentityProfile) => (
        <Stack>
          <EuiText size="xs" color="subdued">
            First seen
          </EuiText>
          <EuiText size="xs">{formatTime(p.first_seen)}</EuiText>
          <EuiText size="xs" color="subdued">
            Last seen
          </EuiText>
          <EuiText size="xs">{formatTime(p.last_seen)}</EuiText>
        </Stack>
      ),
    },
    {
      field: 'mfa_seen',
      name: 'MFA',
      width: '100px',
      render: (mfa: boolean) => <EuiHealth color={mfa ? 'success' : 'subdued'}>{mfa ? 'Seen' : 'Not seen'}</EuiHealth>,
    },
    {
      name: 'Actions',
      width: '120px',
      actions: [
        {
          name: 'View findings',
          description: 'Open the findings of this root identity',
          type: 'button',
          onClick: (p: IdentityProfile) => navigate(`/findings?identity=${encodeURIComponent(p.root_id)}`),
          'data-test-subj': 'viewIdentityFindings',
        },
      ],
    },
  ];

  return (
    <EuiBasicTable
      tableCaption="Identity profiles"
      items={profiles}
      itemId="id"
      columns={columns}
      loading={loading}
      noItemsMessage={noItemsMessage}
      pagination={{ pageIndex: paging.pageIndex, pageSize: paging.pageSize, totalItemCount: Math.min(paging.total, MAX_RESULT_WINDOW), pageSizeOptions: PAGE_SIZES }}
      onChange={({ page }: CriteriaWithPagination<IdentityProfile>) => onPage(page.index, page.size)}
      rowProps={(p: IdentityProfile) => ({ 'data-test-subj': `identityRow-${p.id}` })}
    />
  );
}
