/**
 * One row per provider/account/region: volume, reads vs writes, gaps, tamper and traceability. A row opens to list its
 * gaps and logging changes.
 */
import { useState, type ReactNode } from 'react';
import {
  EuiBadge,
  EuiButtonIcon,
  EuiHealth,
  EuiInMemoryTable,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import type { CoverageScope } from '../../common/coverage';
import { ACCOUNT_NOUN, formatCount, formatHours, longestGapHours, percent, PROVIDER_LABEL, scopeKey, scopeLabel, traceabilityColor } from './coverage_format';
import { ReadWriteBar } from './read_write_bar';
import { ScopeDetails } from './scope_details';

type Row = CoverageScope & { key: string };

export function CoverageScopesTable({ scopes }: { scopes: CoverageScope[] }) {
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const rows: Row[] = scopes.map((s) => ({ ...s, key: scopeKey(s) }));
  const expanded: Record<string, ReactNode> = {};
  for (const r of rows) if (open[r.key]) expanded[r.key] = <ScopeDetails scope={r} />;

  const columns: EuiBasicTableColumn<Row>[] = [
    {
      isExpander: true,
      width: '40px',
      name: '',
      render: (r: Row) => (
        <EuiButtonIcon
          iconType={open[r.key] ? 'chevronSingleDown' : 'chevronSingleRight'}
          aria-label={`${open[r.key] ? 'Hide' : 'Show'} gaps and logging changes of ${scopeLabel(r)}`}
          aria-expanded={!!open[r.key]}
          onClick={() => setOpen((o) => ({ ...o, [r.key]: !o[r.key] }))}
          data-test-subj={`expandScope-${r.key}`}
        />
      ),
    },
    {
      field: 'account',
      name: 'Scope',
      sortable: (r: Row) => r.key,
      render: (_: string, r: Row) => (
        <div>
          <EuiText size="s">
            <strong>{r.account}</strong>
          </EuiText>
          <EuiText size="xs" color="subdued">
            {PROVIDER_LABEL[r.provider]} {ACCOUNT_NOUN[r.provider]} · {r.region}
          </EuiText>
        </div>
      ),
    },
    {
      field: 'events',
      name: 'Events',
      width: '7em',
      sortable: true,
      align: 'right',
      render: (n: number, r: Row) => (
        <div>
          <EuiText size="s">{formatCount(n)}</EuiText>
          <EuiText size="xs" color="subdued">
            ~{formatCount(r.usual_per_hour)}/h
          </EuiText>
        </div>
      ),
    },
    { name: 'Reads / writes', width: '150px', render: (r: Row) => <ReadWriteBar reads={r.reads} writes={r.writes} /> },
    {
      field: 'gaps',
      name: 'Gaps',
      width: '12em',
      sortable: (r: Row) => r.gaps.length,
      render: (gaps: Row['gaps']) =>
        gaps.length ? (
          <EuiHealth color="warning">
            {gaps.length} · longest {formatHours(longestGapHours(gaps))}
          </EuiHealth>
        ) : (
          <EuiHealth color="success">None</EuiHealth>
        ),
    },
    {
      field: 'tamper_events',
      name: 'Logging changes',
      width: '12.5em',
      sortable: (r: Row) => r.tamper_events.length,
      render: (t: Row['tamper_events']) => (t.length ? <EuiBadge color="danger">{t.length} tamper</EuiBadge> : <EuiText size="s" color="subdued">None</EuiText>),
    },
    {
      field: 'privileged',
      name: 'Traceable / privileged',
      width: '14em',
      sortable: true,
      align: 'right',
      render: (n: number, r: Row) => `${formatCount(r.privileged_traceable)} / ${formatCount(n)}`,
    },
    {
      field: 'traceability',
      name: 'Traceability',
      width: '9em',
      sortable: (r: Row) => r.traceability ?? 2,
      render: (share: number | null) => <EuiHealth color={traceabilityColor(share)}>{percent(share)}</EuiHealth>,
    },
  ];

  return (
    <EuiPanel hasBorder data-test-subj="coverageScopes">
      <EuiTitle size="s">
        <h2>Accounts and regions</h2>
      </EuiTitle>
      <EuiText size="s" color="subdued">
        <p>Open a row to see its silent gaps and every change made to its logging.</p>
      </EuiText>
      <EuiSpacer size="m" />
      <EuiInMemoryTable
        tableCaption="Logging coverage per provider, account and region"
        items={rows}
        itemId="key"
        columns={columns}
        itemIdToExpandedRowMap={expanded}
        sorting={{ sort: { field: 'events', direction: 'desc' } }}
        pagination={{ initialPageSize: 25, pageSizeOptions: [10, 25, 50] }}
        rowProps={(r: Row) => ({ 'data-test-subj': `scopeRow-${r.key}` })}
      />
    </EuiPanel>
  );
}
