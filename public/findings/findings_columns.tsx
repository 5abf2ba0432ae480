/** The findings table's columns: what an analyst triages on, most telling first. */
import { EuiBadge, EuiFlexGroup, EuiFlexItem, EuiLink, EuiText, EuiToolTip, type EuiBasicTableColumn } from '@elastic/eui';
import { findingTitle, formatTime, PROVIDER_LABELS } from './format';
import type { FindingRow } from './finding_row';
import { SeverityBadge } from './severity_badge';
import { StageBadges } from './stage_badges';
import { StatusBadge } from './status_badge';

export function findingsColumns(onOpen: (id: string) => void): EuiBasicTableColumn<FindingRow>[] {
  return [
    { field: 'severity', name: 'Severity', sortable: true, width: '92px', render: (_: unknown, row: FindingRow) => <SeverityBadge severity={row.severity} /> },
    {
      field: 'risk_score',
      name: 'Risk',
      sortable: true,
      width: '64px',
      align: 'right',
      render: (risk: number) => <strong>{risk}</strong>,
    },
    {
      name: 'Finding',
      width: '23em',
      render: (row: FindingRow) => {
        const { reasons: all, automation } = row.finding.cloud_api_abuse;
        const reasons = all.length;
        return (
          <div style={{ minWidth: 0 }}>
            <EuiLink onClick={() => onOpen(row.id)} data-test-subj={`findingLink-${row.id}`}>
              {findingTitle(row.finding)}
            </EuiLink>
            {reasons > 1 && (
              <EuiText size="xs" color="subdued">
                +{reasons - 1} more reason{reasons > 2 ? 's' : ''}
              </EuiText>
            )}
            {automation && (
              <EuiBadge color="hollow" title={automation.reason}>
                Expected automation: {automation.name}
              </EuiBadge>
            )}
          </div>
        );
      },
    },
    {
      name: 'Root identity',
      render: (row: FindingRow) => {
        const root = row.finding.cloud_api_abuse.root_identity;
        return (
          <EuiToolTip content={root.id}>
            <div tabIndex={0}>
              <EuiText size="s">{root.name}</EuiText>
              <EuiText size="xs" color="subdued">
                {root.type}
                {root.human && root.human !== root.name ? ` · ${root.human}` : ''}
              </EuiText>
            </div>
          </EuiToolTip>
        );
      },
    },
    {
      name: 'Cloud',
      width: '130px',
      render: (row: FindingRow) => {
        const f = row.finding;
        const accounts = f.cloud_api_abuse.chain.accounts;
        return (
          <EuiFlexGroup direction="column" gutterSize="none">
            <EuiFlexItem>
              <EuiText size="s">{PROVIDER_LABELS[f.cloud.provider]}</EuiText>
            </EuiFlexItem>
            <EuiFlexItem>
              <EuiText size="xs" color="subdued">
                {f.cloud.account?.id ?? accounts[0] ?? '-'}
                {accounts.length > 1 ? ` +${accounts.length - 1}` : ''}
              </EuiText>
            </EuiFlexItem>
          </EuiFlexGroup>
        );
      },
    },
    { name: 'Stages', render: (row: FindingRow) => <StageBadges stages={row.finding.cloud_api_abuse.chain.stages} /> },
    { field: 'event_count', name: 'Events', sortable: true, width: '80px', align: 'right' },
    { field: 'first_seen', name: 'First seen', sortable: true, width: '112px', render: (t: string) => formatTime(t) },
    { field: 'last_seen', name: 'Last seen', sortable: true, width: '112px', render: (t: string) => formatTime(t) },
    {
      name: 'Status',
      width: '112px',
      render: (row: FindingRow) => <StatusBadge status={row.finding.cloud_api_abuse.workflow.status} />,
    },
  ];
}
