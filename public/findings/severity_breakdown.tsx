/** Findings by severity: a count and a bar per severity; clicking one filters the page to it. */
import { EuiFlexGroup, EuiFlexItem, EuiLink, EuiText, useEuiTheme } from '@elastic/eui';
import type { Severity } from '../../common/finding';
import { SeverityBadge } from './severity_badge';
import { SEVERITIES_DESC, SEVERITY_LABELS, useSeverityColors } from './severity';

export interface SeverityBreakdownProps {
  bySeverity?: Record<Severity, number>;
  selected: readonly Severity[];
  onSelect(severity: Severity): void;
}

export function SeverityBreakdown({ bySeverity, selected, onSelect }: SeverityBreakdownProps) {
  const colors = useSeverityColors();
  const { euiTheme } = useEuiTheme();
  const max = Math.max(1, ...SEVERITIES_DESC.map((s) => bySeverity?.[s] ?? 0));
  return (
    <EuiFlexGroup direction="column" gutterSize="s" data-test-subj="severityBreakdown">
      {SEVERITIES_DESC.map((s) => {
        const count = bySeverity?.[s] ?? 0;
        return (
          <EuiFlexItem key={s} data-test-subj={`severityCount-${s}`}>
            <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
              <EuiFlexItem grow={false} style={{ width: 84 }}>
                <EuiLink onClick={() => onSelect(s)} aria-pressed={selected.includes(s)} aria-label={`Filter to ${SEVERITY_LABELS[s]}`}>
                  <SeverityBadge severity={s} />
                </EuiLink>
              </EuiFlexItem>
              <EuiFlexItem>
                <div style={{ background: euiTheme.colors.lightestShade, borderRadius: 2, height: 8 }}>
                  <div style={{ width: `${(count / max) * 100}%`, background: colors[s], height: 8, borderRadius: 2 }} />
                </div>
              </EuiFlexItem>
              <EuiFlexItem grow={false} style={{ width: 40, textAlign: 'right' }}>
                <EuiText size="s">
                  <strong>{count.toLocaleString()}</strong>
                </EuiText>
              </EuiFlexItem>
            </EuiFlexGroup>
          </EuiFlexItem>
        );
      })}
    </EuiFlexGroup>
  );
}
