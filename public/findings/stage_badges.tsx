import { EuiBadge, EuiBadgeGroup } from '@elastic/eui';
import type { StageSummary } from '../../common/finding';
import { STAGE_LABELS, stageCounts, useStageColors } from './stage';

export function StageBadges({ stages }: { stages: readonly StageSummary[] }) {
  const colors = useStageColors();
  return (
    <EuiBadgeGroup gutterSize="xs">
      {stageCounts(stages).map(({ stage, count }) => (
        <EuiBadge key={stage} color={colors.light[stage]} title={`${STAGE_LABELS[stage]}: ${count} event(s)`} data-test-subj={`stageBadge-${stage}`}>
          {STAGE_LABELS[stage]} {count}
        </EuiBadge>
      ))}
    </EuiBadgeGroup>
  );
}
