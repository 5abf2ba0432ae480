/** Events per hour stacked by scope, with silent gaps shaded and logging changes marked, so a dip reads as a finding. */
import {
  AnnotationDomainType,
  Axis,
  BarSeries,
  Chart,
  DARK_THEME,
  LIGHT_THEME,
  LineAnnotation,
  niceTimeFormatByDay,
  Position,
  RectAnnotation,
  ScaleType,
  Settings,
  Tooltip,
} from '@elastic/charts';
import { EuiFlexGroup, EuiFlexItem, EuiHealth, EuiIcon, EuiPanel, EuiSpacer, EuiText, EuiTitle, useEuiTheme } from '@elastic/eui';
import moment from 'moment';
import type { CoverageScope } from '../../common/coverage';
import { gapSpans, hourDomain, hourlyPoints, tamperMarks } from './chart_data';
import { formatTime } from './coverage_format';

const HOUR = 3_600_000;

export function EventsPerHourChart({ scopes }: { scopes: CoverageScope[] }) {
  const { euiTheme, colorMode } = useEuiTheme();
  const domain = hourDomain(scopes);
  const gaps = gapSpans(scopes);
  const marks = tamperMarks(scopes);
  const tickFormat = domain ? utcFormatter(niceTimeFormatByDay(Math.max(1, Math.ceil((domain.max - domain.min) / 86_400_000)))) : undefined;

  return (
    <EuiPanel hasBorder data-test-subj="coverageEventsChart">
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="flexEnd" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiTitle size="s">
            <h2>Events per hour</h2>
          </EuiTitle>
          <EuiText size="s" color="subdued">
            <p>Stacked by account and region, in UTC.</p>
          </EuiText>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiFlexGroup gutterSize="m" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiHealth color="warning">{gaps.length} silent gap(s)</EuiHealth>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiHealth color="danger">{marks.length} hour(s) with logging changes</EuiHealth>
            </EuiFlexItem>
          </EuiFlexGroup>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      <div style={{ height: 280 }}>
        <Chart>
          <Settings
            baseTheme={colorMode === 'DARK' ? DARK_THEME : LIGHT_THEME}
            showLegend
            legendPosition={Position.Right}
            xDomain={domain ? { ...domain, minInterval: HOUR } : undefined}
            locale="en"
            legendSize={240}
            ariaLabel="Events per hour by account and region, with silent gaps and logging changes"
          />
          <Tooltip headerFormatter={({ value }) => formatTime(new Date(Number(value)).toISOString())} />
          <Axis id="time" position={Position.Bottom} tickFormat={tickFormat} gridLine={{ visible: false }} />
          <Axis id="count" position={Position.Left} title="Events" ticks={4} gridLine={{ visible: true }} />
          <RectAnnotation
            id="gaps"
            dataValues={gaps.map((g) => ({ coordinates: { x0: g.x0, x1: g.x1 }, details: g.details }))}
            style={{ fill: euiTheme.colors.warning, opacity: 0.18 }}
          />
          <LineAnnotation
            id="tamper"
            domainType={AnnotationDomainType.XDomain}
            dataValues={marks.map((m) => ({ dataValue: m.time, details: m.details }))}
            marker={<EuiIcon type="warning" color="danger" />}
            style={{ line: { stroke: euiTheme.colors.danger, strokeWidth: 1.5, opacity: 0.9 } }}
          />
          <BarSeries
            id="events"
            name="Events"
            data={hourlyPoints(scopes)}
            xScaleType={ScaleType.Time}
            yScaleType={ScaleType.Linear}
            xAccessor="time"
            yAccessors={['events']}
            splitSeriesAccessors={['scope']}
            stackAccessors={['time']}
          />
        </Chart>
      </div>
    </EuiPanel>
  );
}

function utcFormatter(format: string): (value: number) => string {
  return (value) => moment.utc(value).format(format);
}
