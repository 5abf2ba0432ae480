/** Where the logs fell silent or logging was changed, compactly; the coverage page has the rest. */
import { EuiBasicTable, EuiText, type EuiBasicTableColumn } from '@elastic/eui';
import { ACCOUNT_NOUN, formatHours, PROVIDER_LABEL, scopeKey } from '../coverage/coverage_format';
import type { CoverageGapRow } from './coverage_gaps';

export const MAX_GAP_ROWS = 6;

export function CoverageGapsTable({ rows }: { rows: CoverageGapRow[] }) {
  const shown = rows.slice(0, MAX_GAP_ROWS);
  const columns: EuiBasicTableColumn<CoverageGapRow>[] = [
    {
      name: 'Scope',
      render: (r: CoverageGapRow) => (
        <div>
          <EuiText size="s">
            <strong>{r.scope.account}</strong>
          </EuiText>
          <EuiText size="xs" color="subdued">
            {PROVIDER_LABEL[r.scope.provider]} {ACCOUNT_NOUN[r.scope.provider]} · {r.scope.region}
          </EuiText>
        </div>
      ),
    },
    {
      name: 'Gaps',
      render: (r: CoverageGapRow) => (r.gaps === 0 ? '–' : `${r.gaps} · longest ${formatHours(r.longestGapHours)}`),
    },
    {
      name: 'Logging changes',
      render: (r: CoverageGapRow) =>
        r.tamperEvents === 0 ? (
          '–'
        ) : (
          // Azure operation names run long: one line, the whole name on hover.
          <EuiText size="s" color="danger" title={r.lastTamperAction} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {r.tamperEvents} · last {r.lastTamperAction}
          </EuiText>
        ),
    },
  ];
  return (
    <>
      <EuiBasicTable
        tableCaption="Scopes with gaps or logging changes"
        items={shown}
        columns={columns}
        rowProps={(r: CoverageGapRow) => ({ 'data-test-subj': `coverageGap-${scopeKey(r.scope)}` })}
        compressed
        data-test-subj="coverageGapsTable"
      />
      {rows.length > shown.length && (
        <EuiText size="xs" color="subdued">
          <p>and {rows.length - shown.length} more on the coverage page</p>
        </EuiText>
      )}
    </>
  );
}
