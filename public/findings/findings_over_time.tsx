/** Findings over time, stacked by severity in the same colours as the table's badges. */
import moment from 'moment';
import { Axis, BarSeries, Chart, DARK_THEME, LIGHT_THEME, Position, ScaleType, Settings } from '@elastic/charts';
import { EuiText, useEuiTheme } from '@elastic/eui';
import type { FindingsHistogram } from '../../common/api';
import type { Severity } from '../../common/finding';
import { SEVERITIES_DESC, SEVERITY_LABELS, useSeverityColors } from './severity';

const DAY_MS = 86_400_000;

export interface FindingsOverTimeProps {
  histogram?: FindingsHistogram;
  height?: number;
}

export function FindingsOverTime({ histogram, height = 180 }: FindingsOverTimeProps) {
  const { colorMode } = useEuiTheme();
  const colors = useSeverityColors();
  const buckets = histogram?.buckets ?? [];
  const times = buckets.map((b) => Date.parse(b.time));
  const span = times.length > 1 ? times[times.length - 1] - times[0] : 0;
  const tickFormat = (t: number) => moment(t).format(span > 2 * DAY_MS ? 'MMM D' : 'MMM D HH:mm');
  const total = buckets.reduce((n, b) => n + SEVERITIES_DESC.reduce((m, s) => m + b.counts[s], 0), 0);

  return (
    <div data-test-subj="findingsOverTimeChart" data-total={total}>
      {total === 0 ? (
        <EuiText size="s" color="subdued" style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <p>No findings in this time range.</p>
        </EuiText>
      ) : (
        <Chart size={{ height }}>
          <Settings baseTheme={colorMode === 'DARK' ? DARK_THEME : LIGHT_THEME} showLegend
            legendPosition={Position.Right}
            // The legend reads most severe first, like the breakdown beside it.
            legendSort={(a, b) => SEVERITIES_DESC.indexOf(a.specId as Severity) - SEVERITIES_DESC.indexOf(b.specId as Severity)}
            locale="en"
          />
          <Axis id="time" position={Position.Bottom} tickFormat={tickFormat} gridLine={{ visible: false }} />
          <Axis id="count" position={Position.Left} title="Findings" ticks={4} tickFormat={(n: number) => String(Math.round(n))} gridLine={{ visible: true }} />
          {/* Least severe first: stacks bottom-up, so critical sits on top where the eye lands. */}
          {[...SEVERITIES_DESC].reverse().map((s) => (
            <BarSeries
              key={s}
              id={s}
              name={SEVERITY_LABELS[s]}
              color={colors[s]}
              xScaleType={ScaleType.Time}
              yScaleType={ScaleType.Linear}
              xAccessor="x"
              yAccessors={['y']}
              stackAccessors={['x']}
              data={buckets.map((b) => ({ x: Date.parse(b.time), y: b.counts[s] }))}
            />
          ))}
        </Chart>
      )}
    </div>
  );
}
