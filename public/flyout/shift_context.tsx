/** Before vs after the authentication shift, side by side, with what changed highlighted. */
import { EuiBadge, EuiBasicTable, EuiCallOut, EuiSpacer, EuiText, useEuiTheme, type EuiBasicTableColumn } from '@elastic/eui';
import type { CloudApiAbuseFields } from '../../common/finding';
import { formatTime } from '../findings/format';
import { shiftRows, type ShiftRow } from './shift_rows';

export function shiftKindLabel(kind: string): string {
  const text = kind.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function ShiftContext({ shift }: { shift: CloudApiAbuseFields['shift'] }) {
  const { colors } = useEuiTheme().euiTheme;
  const rows = shiftRows(shift);
  const columns: EuiBasicTableColumn<ShiftRow>[] = [
    { field: 'label', name: 'Context', width: '120px', render: (label: string) => <strong>{label}</strong> },
    {
      name: `Usual (${shift.before.history_events} events of history)`,
      render: (r: ShiftRow) =>
        r.untracked ? (
          <EuiText size="xs" color="subdued">
            not in the baseline
          </EuiText>
        ) : r.before.length ? (
          <span style={{ wordBreak: 'break-word' }}>{r.before.join(', ')}</span>
        ) : (
          <EuiText size="xs" color="subdued">
            none seen
          </EuiText>
        ),
    },
    {
      name: `At the shift (${formatTime(shift.time)})`,
      render: (r: ShiftRow) => (
        <span style={{ wordBreak: 'break-word' }}>
          {r.after ?? '-'}{' '}
          {r.changed && (
            <EuiBadge color="warning" data-test-subj="shiftChanged">
              new
            </EuiBadge>
          )}
        </span>
      ),
    },
  ];
  return (
    <div data-test-subj="shiftContext">
      <EuiText size="s">
        <p>
          <strong>{shiftKindLabel(shift.kind)}</strong> at {formatTime(shift.time)}.
        </p>
      </EuiText>
      {shift.before.history_events === 0 && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut size="s" color="warning" title="No history for this identity before the chain: every context is new to it." />
        </>
      )}
      <EuiSpacer size="s" />
      <EuiBasicTable<ShiftRow>
        tableCaption="Context before and after the shift"
        items={rows}
        columns={columns}
        tableLayout="fixed"
        rowProps={(r: ShiftRow) => ({
          'data-test-subj': `shiftRow-${r.field}`,
          'data-changed': r.changed ? 'true' : 'false',
          style: r.changed ? { background: colors.backgroundLightWarning } : undefined,
        })}
      />
    </div>
  );
}
