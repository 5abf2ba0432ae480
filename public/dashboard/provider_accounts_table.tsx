/** Findings per provider and account, with how severe they are. */
import { EuiBasicTable, EuiText, EuiToolTip, type EuiBasicTableColumn } from '@elastic/eui';
import type { SummaryProviderAccount } from '../../common/api';
import type { Severity } from '../../common/finding';
import { ACCOUNT_NOUN, PROVIDER_LABEL } from '../coverage/coverage_format';
import { SEVERITIES_DESC, SEVERITY_LABELS, useSeverityColors } from '../findings/severity';

/** "1 critical · 2 high": the non-zero severities, most severe first. */
export function severityText(bySeverity: Record<Severity, number>): string {
  return SEVERITIES_DESC.filter((s) => bySeverity[s] > 0)
    .map((s) => `${bySeverity[s]} ${SEVERITY_LABELS[s].toLowerCase()}`)
    .join(' · ');
}

function SeverityStack({ bySeverity }: { bySeverity: Record<Severity, number> }) {
  const colors = useSeverityColors();
  const total = SEVERITIES_DESC.reduce((n, s) => n + bySeverity[s], 0);
  const text = severityText(bySeverity);
  return (
    <EuiToolTip content={text} display="block">
      <div style={{ display: 'flex', height: 10, borderRadius: 2, overflow: 'hidden', width: '100%' }} tabIndex={0} aria-label={text}>
        {SEVERITIES_DESC.map((s) => (bySeverity[s] > 0 ? <div key={s} style={{ width: `${(bySeverity[s] / Math.max(1, total)) * 100}%`, background: colors[s] }} /> : null))}
      </div>
    </EuiToolTip>
  );
}

export function ProviderAccountsTable({ rows }: { rows: SummaryProviderAccount[] }) {
  const columns: EuiBasicTableColumn<SummaryProviderAccount>[] = [
    {
      field: 'account',
      name: 'Account',
      render: (account: string, r: SummaryProviderAccount) => (
        <div>
          <EuiText size="s">
            <strong>{account}</strong>
          </EuiText>
          <EuiText size="xs" color="subdued">
            {PROVIDER_LABEL[r.provider]} {ACCOUNT_NOUN[r.provider]}
          </EuiText>
        </div>
      ),
    },
    { field: 'count', name: 'Findings', width: '6em', align: 'right', render: (n: number) => n.toLocaleString('en-US') },
    {
      name: 'By severity',
      width: '320px',
      render: (r: SummaryProviderAccount) => (
        <div style={{ width: '100%' }}>
          <SeverityStack bySeverity={r.bySeverity} />
          <EuiText size="xs" color="subdued">
            {severityText(r.bySeverity)}
          </EuiText>
        </div>
      ),
    },
  ];
  return (
    <EuiBasicTable
      tableCaption="Findings by provider and account"
      items={rows}
      columns={columns}
      rowProps={(r: SummaryProviderAccount) => ({ 'data-test-subj': `providerAccount-${r.provider}-${r.account}` })}
      compressed
      data-test-subj="providerAccountsTable"
    />
  );
}
