/** Reads against writes in one scope: a two-part bar and the counts, so a write-only trail stands out in the table. */
import { EuiText, EuiToolTip, useEuiTheme } from '@elastic/eui';
import { formatCount } from './coverage_format';

export function ReadWriteBar({ reads, writes }: { reads: number; writes: number }) {
  const { euiTheme } = useEuiTheme();
  const total = reads + writes;
  const readShare = total ? reads / total : 0;
  return (
    <EuiToolTip content={`${formatCount(reads)} reads, ${formatCount(writes)} writes`}>
      <div tabIndex={0} style={{ minWidth: 110 }} data-test-subj="readWriteBar">
        <div
          role="img"
          aria-label={`${Math.round(readShare * 100)}% reads`}
          style={{ display: 'flex', height: 6, borderRadius: 3, overflow: 'hidden', background: euiTheme.colors.lightShade }}
        >
          <div style={{ width: `${readShare * 100}%`, background: euiTheme.colors.vis.euiColorVis0 }} />
          <div style={{ width: `${(1 - readShare) * 100}%`, background: total ? euiTheme.colors.vis.euiColorVis1 : 'transparent' }} />
        </div>
        <EuiText size="xs" color="subdued">
          {formatCount(reads)} r / {formatCount(writes)} w
        </EuiText>
      </div>
    </EuiToolTip>
  );
}
