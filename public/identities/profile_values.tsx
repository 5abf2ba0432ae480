/** The usual values of one dimension of an identity, most frequent first: a few badges, the rest one click away. */
import { useState } from 'react';
import { EuiBadge, EuiBadgeGroup, EuiLink, EuiText, EuiToolTip } from '@elastic/eui';
import type { ProfileValue } from '../../common/api';
import { formatCount, formatTime } from '../coverage/coverage_format';

export const TOP_VALUES = 3;

export function ProfileValues({ label, values, testSubj }: { label: string; values: ProfileValue[]; testSubj: string }) {
  const [all, setAll] = useState(false);
  const sorted = [...values].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const shown = all ? sorted : sorted.slice(0, TOP_VALUES);
  const hidden = sorted.length - shown.length;
  return (
    <div data-test-subj={testSubj} style={{ marginBottom: 4 }}>
      <EuiText size="xs" color="subdued">
        {label}
      </EuiText>
      {sorted.length === 0 ? (
        <EuiText size="xs">–</EuiText>
      ) : (
        <EuiBadgeGroup gutterSize="xs">
          {shown.map((v) => (
            <EuiToolTip key={v.value} content={`${formatCount(v.count)} events, last ${formatTime(v.last_seen)}`}>
              <EuiBadge color="hollow" tabIndex={0} data-test-subj="profileValue">
                {v.value} · {formatCount(v.count)}
              </EuiBadge>
            </EuiToolTip>
          ))}
          {(hidden > 0 || all) && sorted.length > TOP_VALUES && (
            <EuiLink onClick={() => setAll(!all)} data-test-subj="profileValuesMore">
              <EuiText size="xs">{all ? 'fewer' : `+${hidden} more`}</EuiText>
            </EuiLink>
          )}
        </EuiBadgeGroup>
      )}
    </div>
  );
}
