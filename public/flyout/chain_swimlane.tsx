/**
 * The chain over time: one lane per stage (auth shift, recon, privileged actions, tamper), one mark per evidence event,
 * a dashed line at the shift. Hollow marks are calls that failed (an AccessDenied storm shows as a row of them).
 */
import { useMemo } from 'react';
import moment from 'moment';
import { useEuiTheme } from '@elastic/eui';
import type { ChainStage, EvidenceEvent } from '../../common/finding';
import { formatTime, shortPrincipal } from '../findings/format';
import { STAGE_LABELS, STAGE_ORDER, useStageColors } from '../findings/stage';

const WIDTH = 900;
const LABEL_WIDTH = 128;
const RIGHT = 24;
const TOP = 22;
const LANE = 34;
const AXIS = 26;
const TICKS = 5;
const ALWAYS: readonly ChainStage[] = ['shift', 'recon', 'privileged', 'tamper'];

export interface ChainSwimlaneProps {
  evidence: readonly EvidenceEvent[];
  shiftTime: string;
}

export function ChainSwimlane({ evidence, shiftTime }: ChainSwimlaneProps) {
  const { colors } = useEuiTheme().euiTheme;
  const stageColors = useStageColors();
  const lanes = STAGE_ORDER.filter((s) => ALWAYS.includes(s) || evidence.some((e) => e.stage === s));
  const { min, max } = useMemo(() => {
    const times = [...evidence.map((e) => Date.parse(e['@timestamp'])), Date.parse(shiftTime)].filter((t) => !Number.isNaN(t));
    const lo = Math.min(...times);
    const hi = Math.max(...times);
    // A chain of one instant still needs a width; pad 5% each side so edge marks are not cut.
    const pad = hi > lo ? (hi - lo) * 0.05 : 30_000;
    return { min: lo - pad, max: hi + pad };
  }, [evidence, shiftTime]);

  const plotLeft = LABEL_WIDTH + 8;
  const plotWidth = WIDTH - plotLeft - RIGHT;
  const x = (t: number) => plotLeft + ((t - min) / (max - min)) * plotWidth;
  const height = TOP + lanes.length * LANE + AXIS;
  const tickFormat = max - min > 86_400_000 ? 'MMM D HH:mm' : 'HH:mm:ss';
  const shiftX = x(Date.parse(shiftTime));

  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={`Chain timeline: ${evidence.length} evidence events`} data-test-subj="chainSwimlane" style={{ display: 'block' }}>
      {lanes.map((stage, i) => {
        const y = TOP + i * LANE;
        const events = evidence.filter((e) => e.stage === stage);
        return (
          <g key={stage} data-test-subj={`chainLane-${stage}`}>
            <rect x={0} y={y} width={WIDTH} height={LANE} fill={i % 2 ? colors.emptyShade : colors.lightestShade} />
            <text x={8} y={y + LANE / 2 + 4} fontSize={12} fontWeight={600} fill={colors.text}>
              {STAGE_LABELS[stage]}
            </text>
            <text x={LABEL_WIDTH} y={y + LANE / 2 + 4} fontSize={11} textAnchor="end" fill={colors.subduedText}>
              {events.length}
            </text>
            {events.map((e) => {
              const failed = e.outcome === 'failure';
              return (
                <circle
                  key={e.event_id}
                  cx={x(Date.parse(e['@timestamp']))}
                  cy={y + LANE / 2}
                  r={6}
                  fill={failed ? colors.emptyShade : stageColors.strong[stage]}
                  stroke={stageColors.strong[stage]}
                  strokeWidth={2}
                  fillOpacity={failed ? 1 : 0.85}
                  data-test-subj="chainMark"
                >
                  <title>{`${formatTime(e['@timestamp'])} ${e.action} (${e.service}) by ${shortPrincipal(e.principal)}: ${e.outcome}${e.error_code ? ` ${e.error_code}` : ''}`}</title>
                </circle>
              );
            })}
          </g>
        );
      })}
      <line x1={shiftX} x2={shiftX} y1={TOP - 6} y2={TOP + lanes.length * LANE} stroke={stageColors.strong.shift} strokeDasharray="4 3" strokeWidth={1.5} />
      <text x={shiftX} y={TOP - 9} fontSize={11} textAnchor="middle" fill={colors.text}>
        shift
      </text>
      {Array.from({ length: TICKS }, (_, i) => {
        const t = min + ((max - min) * i) / (TICKS - 1);
        const tx = x(t);
        return (
          <g key={i}>
            <line x1={tx} x2={tx} y1={TOP + lanes.length * LANE} y2={TOP + lanes.length * LANE + 4} stroke={colors.mediumShade} />
            <text x={tx} y={height - 6} fontSize={11} textAnchor={i === 0 ? 'start' : i === TICKS - 1 ? 'end' : 'middle'} fill={colors.subduedText}>
              {moment(t).format(tickFormat)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
