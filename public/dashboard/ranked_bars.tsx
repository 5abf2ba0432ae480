/**
 * A top-N list drawn as horizontal bars: label, bar and count on one line, the longest bar for the largest count.
 * Plain elements rather than a canvas chart, so labels stay readable, selectable and reachable by keyboard.
 */
import type { ReactNode } from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiLink, EuiText, EuiToolTip, useEuiTheme } from '@elastic/eui';

export interface RankedBar {
  key: string;
  label: string;
  /** Small print under the label (service, provider). */
  detail?: ReactNode;
  count: number;
  /** After the count: e.g. the highest risk. */
  extra?: ReactNode;
  /** Makes the label a link. */
  onClick?: () => void;
  /** The link's accessible name. */
  actionLabel?: string;
}

export interface RankedBarsProps {
  items: RankedBar[];
  /** What a count counts, for the bar's tooltip: "findings". */
  unit: string;
  color?: string;
  'data-test-subj': string;
}

export function RankedBars({ items, unit, color, 'data-test-subj': testSubj }: RankedBarsProps) {
  const { euiTheme } = useEuiTheme();
  const max = Math.max(1, ...items.map((i) => i.count));
  const fill = color ?? euiTheme.colors.vis.euiColorVis0;
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0 }} data-test-subj={testSubj}>
      {items.map((item) => (
        <li key={item.key} style={{ marginBottom: 8 }} data-test-subj={`${testSubj}-item`}>
          <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
            <EuiFlexItem style={{ minWidth: 0, flexBasis: '45%' }}>
              <EuiText size="s" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={item.label}>
                {item.onClick ? (
                  <EuiLink onClick={item.onClick} aria-label={item.actionLabel} data-test-subj={`${testSubj}-link`}>
                    {item.label}
                  </EuiLink>
                ) : (
                  <span>{item.label}</span>
                )}
              </EuiText>
              {item.detail && (
                <EuiText size="xs" color="subdued" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {item.detail}
                </EuiText>
              )}
            </EuiFlexItem>
            <EuiFlexItem style={{ flexBasis: '40%' }}>
              <EuiToolTip content={`${item.count.toLocaleString('en-US')} ${unit}`} display="block">
                <div style={{ background: euiTheme.colors.lightestShade, borderRadius: 2, height: 10 }} tabIndex={0} aria-label={`${item.label}: ${item.count} ${unit}`}>
                  <div style={{ width: `${(item.count / max) * 100}%`, background: fill, height: 10, borderRadius: 2 }} />
                </div>
              </EuiToolTip>
            </EuiFlexItem>
            <EuiFlexItem grow={false} style={{ minWidth: 32, textAlign: 'right' }}>
              <EuiText size="s" data-test-subj={`${testSubj}-count`}>
                <strong>{item.count.toLocaleString('en-US')}</strong>
              </EuiText>
            </EuiFlexItem>
            {/* A fixed width, so "risk 100" does not shorten its bar against "risk 73". */}
            {item.extra !== undefined && (
              <EuiFlexItem grow={false} style={{ width: 72, alignItems: 'flex-end' }}>
                {item.extra}
              </EuiFlexItem>
            )}
          </EuiFlexGroup>
        </li>
      ))}
    </ol>
  );
}
