/** A scope opened in the table: its silent gaps and the logging changes made in it. Log strings are rendered as text. */
import { EuiBasicTable, EuiFlexGroup, EuiFlexItem, EuiInMemoryTable, EuiSpacer, EuiText, EuiTitle, type EuiBasicTableColumn } from '@elastic/eui';
import type { CoverageScope } from '../../common/coverage';
import { formatCount, formatHours, formatTime, gapHours } from './coverage_format';

/** A tampered scope can hold dozens of changes (a script looping over diagnostic settings); page them. */
const TAMPER_PAGE = 10;

type Gap = CoverageScope['gaps'][number];
type TamperEvent = CoverageScope['tamper_events'][number];

const gapColumns: EuiBasicTableColumn<Gap>[] = [
  { field: 'start', name: 'Silent from', render: (t: string) => formatTime(t) },
  { field: 'end', name: 'Until', render: (t: string) => formatTime(t) },
  { name: 'Duration', render: (g: Gap) => formatHours(gapHours(g)) },
  { field: 'expected_events', name: 'Expected events', align: 'right', render: (n: number) => `~${formatCount(n)}` },
];

const tamperColumns: EuiBasicTableColumn<TamperEvent>[] = [
  { field: 'time', name: 'Time', width: '170px', render: (t: string) => formatTime(t) },
  { field: 'action', name: 'Action', render: (a: string) => <code>{a}</code> },
  { field: 'principal', name: 'Principal', truncateText: false, style: { wordBreak: 'break-all' } },
  { field: 'event_id', name: 'Event id', width: '300px', render: (id: string) => <code>{id}</code> },
];

export function ScopeDetails({ scope }: { scope: CoverageScope }) {
  return (
    <EuiFlexGroup direction="column" gutterSize="m" style={{ width: '100%' }}>
      <EuiFlexItem data-test-subj="scopeGaps">
        <EuiTitle size="xxs">
          <h4>Gaps ({scope.gaps.length})</h4>
        </EuiTitle>
        <EuiSpacer size="xs" />
        {scope.gaps.length ? (
          <EuiBasicTable tableCaption="Hours without events where the scope usually logs" items={scope.gaps} columns={gapColumns} compressed />
        ) : (
          <EuiText size="s" color="subdued">
            No gaps: events arrived every hour against the usual {formatCount(scope.usual_per_hour)} per hour.
          </EuiText>
        )}
      </EuiFlexItem>
      <EuiFlexItem data-test-subj="scopeTamper">
        <EuiTitle size="xxs">
          <h4>Logging changes ({scope.tamper_events.length})</h4>
        </EuiTitle>
        <EuiSpacer size="xs" />
        {scope.tamper_events.length ? (
          <EuiInMemoryTable
            tableCaption="Calls that stopped, deleted or changed logging"
            items={scope.tamper_events}
            columns={tamperColumns}
            pagination={scope.tamper_events.length > TAMPER_PAGE ? { initialPageSize: TAMPER_PAGE, showPerPageOptions: false } : undefined}
            compressed
          />
        ) : (
          <EuiText size="s" color="subdued">
            No logging changes in this scope.
          </EuiText>
        )}
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
