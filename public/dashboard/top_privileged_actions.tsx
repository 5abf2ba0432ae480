/** The privileged and tamper actions found in the most findings, by provider and service. */
import type { SummaryPrivilegedAction } from '../../common/api';
import { PROVIDER_LABEL } from '../coverage/coverage_format';
import { RankedBars } from './ranked_bars';

export function TopPrivilegedActions({ actions, color }: { actions: SummaryPrivilegedAction[]; color?: string }) {
  return (
    <RankedBars
      data-test-subj="topPrivilegedActions"
      unit="findings"
      color={color}
      items={actions.map((a) => ({
        key: `${a.provider}/${a.service}/${a.action}`,
        label: a.action,
        detail: `${PROVIDER_LABEL[a.provider]} · ${a.service}`,
        count: a.count,
      }))}
    />
  );
}
