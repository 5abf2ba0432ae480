/** The chain's stages in the order they happened: what was done, how often, when. */
import { EuiBadge, EuiBadgeGroup, EuiText, EuiTimeline, EuiTimelineItem } from '@elastic/eui';
import type { ChainStage, StageSummary } from '../../common/finding';
import { formatClock } from '../findings/format';
import { STAGE_LABELS } from '../findings/stage';

const STAGE_ICONS: Record<ChainStage, string> = { shift: 'lock', recon: 'search', privileged: 'warning', tamper: 'eyeSlash', activity: 'dot' };

export function StageTimeline({ stages }: { stages: readonly StageSummary[] }) {
  const ordered = [...stages].sort((a, b) => a.first.localeCompare(b.first));
  return (
    <EuiTimeline aria-label="Chain stages" data-test-subj="stageTimeline">
      {ordered.map((s, i) => (
        <EuiTimelineItem key={`${s.stage}-${s.kind ?? ''}-${i}`} icon={STAGE_ICONS[s.stage]} iconAriaLabel={STAGE_LABELS[s.stage]} verticalAlign="top">
          <EuiText size="s" data-test-subj={`stageItem-${s.stage}`}>
            <strong>{STAGE_LABELS[s.stage]}</strong>
            {s.kind ? ` · ${s.kind.replace(/_/g, ' ')}` : ''}
            {s.service ? ` · ${s.service}` : ''}
            <span style={{ opacity: 0.75 }}>
              {' '}
              — {s.count} event{s.count === 1 ? '' : 's'}, {formatClock(s.first)}
              {s.last !== s.first ? `-${formatClock(s.last)}` : ''}
            </span>
          </EuiText>
          <EuiBadgeGroup gutterSize="xs" style={{ marginTop: 4 }}>
            {s.actions.map((a) => (
              <EuiBadge key={a} color="hollow">
                {a}
              </EuiBadge>
            ))}
          </EuiBadgeGroup>
        </EuiTimelineItem>
      ))}
    </EuiTimeline>
  );
}
