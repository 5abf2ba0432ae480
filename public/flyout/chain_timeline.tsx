/** The chain as a timeline: the lanes drawn over time, then the stages listed with their actions. */
import { EuiSpacer, EuiText } from '@elastic/eui';
import type { CloudApiAbuseFields } from '../../common/finding';
import { ChainSwimlane } from './chain_swimlane';
import { StageTimeline } from './stage_timeline';

export function ChainTimeline({ fields }: { fields: CloudApiAbuseFields }) {
  const { chain, evidence, shift } = fields;
  return (
    <div data-test-subj="chainTimeline">
      <ChainSwimlane evidence={evidence} shiftTime={shift.time} />
      <EuiText size="xs" color="subdued">
        <p>
          One mark per evidence event; hollow marks are calls that failed.
          {chain.evidence_truncated > 0 ? ` ${chain.evidence_truncated} more event(s) of the chain are counted but not listed.` : ''}
        </p>
      </EuiText>
      <EuiSpacer size="m" />
      <StageTimeline stages={chain.stages} />
    </div>
  );
}
