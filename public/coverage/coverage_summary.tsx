/** The report at a glance: how much was analysed, what each provider logs, and how much privileged activity has a person behind it. */
import { EuiFlexGroup, EuiFlexItem, EuiHealth, EuiPanel, EuiSpacer, EuiStat, EuiText, EuiTitle, EuiToolTip } from '@elastic/eui';
import type { CoverageReport } from '../../common/coverage';
import { formatCount, formatTime, percent, PROVIDER_LABEL, traceabilityColor } from './coverage_format';
import { providerFlags, type LogFlag } from './provider_flags';

const FLAG_COLOR: Record<LogFlag['state'], string> = { present: 'success', missing: 'danger', not_applicable: 'subdued' };
const FLAG_WORD: Record<LogFlag['state'], string> = { present: 'logged', missing: 'missing', not_applicable: 'not logged by this source' };

export function CoverageSummary({ report }: { report: CoverageReport }) {
  const { generated_from: from, traceability } = report;
  const span = from.first_seen && from.last_seen ? `${formatTime(from.first_seen)} to ${formatTime(from.last_seen)}` : 'no events';
  const traceColor = traceabilityColor(traceability.share);
  return (
    <EuiFlexGroup gutterSize="m" wrap data-test-subj="coverageSummary">
      <EuiFlexItem style={{ minWidth: 220 }}>
        <EuiPanel hasBorder>
          <EuiStat title={formatCount(from.events)} description="Events analysed" titleSize="m" data-test-subj="coverageEventsAnalysed">
            <EuiText size="xs" color="subdued">
              {span}
            </EuiText>
          </EuiStat>
        </EuiPanel>
      </EuiFlexItem>
      <EuiFlexItem style={{ minWidth: 220 }}>
        <EuiPanel hasBorder>
          <EuiStat
            title={percent(traceability.share)}
            titleColor={traceColor === 'subdued' ? 'subdued' : traceColor}
            description="Traceable privileged actions"
            titleSize="m"
            data-test-subj="coverageTraceability"
          >
            <EuiText size="xs" color="subdued">
              {traceability.privileged
                ? `${formatCount(traceability.traceable)} of ${formatCount(traceability.privileged)} privileged actions lead back to an accountable person`
                : 'No privileged actions in this range'}
            </EuiText>
          </EuiStat>
        </EuiPanel>
      </EuiFlexItem>
      {report.providers.map((p) => (
        <EuiFlexItem key={p.provider} style={{ minWidth: 220 }}>
          <EuiPanel hasBorder data-test-subj={`coverageProvider-${p.provider}`}>
            <EuiTitle size="xxs">
              <h3>{PROVIDER_LABEL[p.provider]}</h3>
            </EuiTitle>
            <EuiText size="xs" color="subdued">
              {formatCount(p.events)} events
            </EuiText>
            <EuiSpacer size="s" />
            {providerFlags(p).map((f) => (
              <div key={f.label}>
                <EuiToolTip content={f.note}>
                  <EuiHealth color={FLAG_COLOR[f.state]} tabIndex={0} data-test-subj={`logFlag-${f.state}`}>
                    {f.label}: {FLAG_WORD[f.state]}
                  </EuiHealth>
                </EuiToolTip>
              </div>
            ))}
          </EuiPanel>
        </EuiFlexItem>
      ))}
    </EuiFlexGroup>
  );
}
