/**
 * Coverage: can the detection see what it needs? The problems to fix first, then the hourly picture and the table per
 * provider, account and region, over a time range the user picks.
 */
import { useState } from 'react';
import {
  EuiFlexGroup,
  EuiFlexItem,
  EuiLoadingChart,
  EuiEmptyPrompt,
  EuiSpacer,
  EuiSuperDatePicker,
  EuiText,
  EuiTitle,
  type OnTimeChangeProps,
} from '@elastic/eui';
import type { PageProps } from '../app/page_props';
import { ApiErrorPrompt } from '../app/api_error_prompt';
import { useAppServices } from '../app/services';
import { useApiCall } from '../app/use_api_call';
import { CoverageEmptyPrompt } from './coverage_empty_prompt';
import { CoverageProblems } from './coverage_problems';
import { CoverageScopesTable } from './coverage_scopes_table';
import { CoverageSummary } from './coverage_summary';
import { EventsPerHourChart } from './events_per_hour_chart';
import { DEFAULT_TIME_RANGE, requestRange, type RequestedRange, type TimeRange } from '../app/time_range';

export function CoveragePage({ refreshKey }: PageProps) {
  const { api } = useAppServices();
  // `now` is resolved when the user applies or refreshes, so a refresh moves a relative range forward.
  const [requested, setRequested] = useState<RequestedRange>(() => requestRange(DEFAULT_TIME_RANGE) as RequestedRange);
  const report = useApiCall((signal) => api.coverage({ from: requested.from, to: requested.to }, signal), [requested, refreshKey]);

  const apply = (range: TimeRange) => {
    const next = requestRange(range);
    if (next) setRequested(next);
  };
  const onTimeChange = ({ start, end, isInvalid }: OnTimeChangeProps) => {
    if (!isInvalid) apply({ start, end });
  };

  const value = report.value;
  return (
    <div data-test-subj="coveragePage">
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="center" gutterSize="m">
        <EuiFlexItem grow={false}>
          <EuiTitle size="m">
            <h1>Logging coverage</h1>
          </EuiTitle>
          <EuiText size="s" color="subdued">
            <p>Are reads logged as well as writes, did any source fall silent or get switched off, and do privileged actions lead back to a person?</p>
          </EuiText>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiSuperDatePicker
            start={requested.start}
            end={requested.end}
            onTimeChange={onTimeChange}
            onRefresh={() => apply(requested)}
            isLoading={report.loading}
            width="auto"
            data-test-subj="coverageTimeRange"
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="l" />
      {report.error ? (
        <ApiErrorPrompt error={report.error} onRetry={report.reload} />
      ) : !value ? (
        <EuiEmptyPrompt icon={<EuiLoadingChart size="xl" />} title={<h2>Measuring coverage</h2>} data-test-subj="coverageLoading" />
      ) : value.generated_from.events === 0 ? (
        <CoverageEmptyPrompt onWiden={() => apply({ start: 'now-90d', end: 'now' })} />
      ) : (
        <>
          <CoverageSummary report={value} />
          <EuiSpacer size="l" />
          <CoverageProblems problems={value.problems} />
          <EuiSpacer size="l" />
          <EventsPerHourChart scopes={value.scopes} />
          <EuiSpacer size="l" />
          <CoverageScopesTable scopes={value.scopes} />
        </>
      )}
    </div>
  );
}
