/**
 * The dashboard: the Kibana dashboard's panels inside the app, so the standalone host has them without Kibana.
 * Findings over time by severity, the root identities and privileged actions behind them, findings per provider and
 * account, and where logging has gaps, over one time range.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import {
  EuiFlexGrid,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLink,
  EuiLoadingChart,
  EuiSpacer,
  EuiSuperDatePicker,
  EuiText,
  EuiTitle,
  type OnTimeChangeProps,
} from '@elastic/eui';
import { ApiErrorPrompt } from '../app/api_error_prompt';
import type { PageProps } from '../app/page_props';
import { useAppServices } from '../app/services';
import { useApiCall } from '../app/use_api_call';
import { DEFAULT_TIME_RANGE, requestRange, type RequestedRange, type TimeRange } from '../app/time_range';
import { useSeverityColors } from '../findings/severity';
import { coverageGapRows } from './coverage_gaps';
import { CoverageGapsTable } from './coverage_gaps_table';
import { DashboardPanel } from './dashboard_panel';
import { ProviderAccountsTable } from './provider_accounts_table';
import { TopIdentities } from './top_identities';
import { TopPrivilegedActions } from './top_privileged_actions';

// The chart library loads beside the lists, so they do not wait for it.
const FindingsOverTime = lazy(() => import('../findings/findings_over_time').then((m) => ({ default: m.FindingsOverTime })));

export const TOP_SIZE = 10;
/** About a bar a day over the default month. */
export const HISTOGRAM_BUCKETS = 30;

export function DashboardPage({ refreshKey }: PageProps) {
  const { api, navigate } = useAppServices();
  const severityColors = useSeverityColors();
  // Bounds are resolved when the user applies or refreshes and when a detection run finishes, so relative ranges move.
  const [requested, setRequested] = useState<RequestedRange>(() => requestRange(DEFAULT_TIME_RANGE) as RequestedRange);
  const seenRefreshKey = useRef(refreshKey);
  useEffect(() => {
    if (seenRefreshKey.current === refreshKey) return;
    seenRefreshKey.current = refreshKey;
    setRequested((r) => requestRange(r) ?? r);
  }, [refreshKey]);

  const bounds = { from: requested.from, to: requested.to };
  const summary = useApiCall((signal) => api.findingsSummary({ ...bounds, size: TOP_SIZE }, signal), [requested]);
  const histogram = useApiCall((signal) => api.findingsHistogram({ ...bounds, buckets: HISTOGRAM_BUCKETS }, signal), [requested]);
  const coverage = useApiCall((signal) => api.coverage(bounds, signal), [requested]);

  const apply = (range: TimeRange) => {
    const next = requestRange(range);
    if (next) setRequested(next);
  };
  const onTimeChange = ({ start, end, isInvalid }: OnTimeChangeProps) => {
    if (!isInvalid) apply({ start, end });
  };
  const reloadAll = () => {
    summary.reload();
    histogram.reload();
    coverage.reload();
  };

  // No access is one message for the page, not one per panel.
  const denied = [summary.error, histogram.error, coverage.error].find((e) => e?.status === 401 || e?.status === 403);
  const s = summary.value;
  const gaps = useMemo(() => (coverage.value ? coverageGapRows(coverage.value) : []), [coverage.value]);
  const noFindings = s !== undefined && s.total === 0 ? 'No findings in this time range.' : undefined;

  return (
    <div data-test-subj="dashboardPage">
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="center" gutterSize="m">
        <EuiFlexItem grow={false}>
          <EuiTitle size="m">
            <h1>Dashboard</h1>
          </EuiTitle>
          <EuiText size="s" color="subdued">
            <p>Who is behind the findings, which privileged actions they took, where, and whether the logs could see it.</p>
          </EuiText>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiSuperDatePicker
            start={requested.start}
            end={requested.end}
            onTimeChange={onTimeChange}
            onRefresh={() => apply(requested)}
            isLoading={summary.loading || histogram.loading || coverage.loading}
            width="auto"
            data-test-subj="dashboardTimeRange"
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="l" />
      {denied ? (
        <ApiErrorPrompt error={denied} onRetry={reloadAll} />
      ) : (
        <>
          <DashboardPanel
            title="Findings over time by severity"
            description={s ? `${s.total.toLocaleString('en-US')} findings in the time range, by when their chain started` : undefined}
            loading={histogram.loading && !histogram.value}
            error={histogram.error}
            onRetry={histogram.reload}
            data-test-subj="dashboardOverTime"
          >
            <Suspense fallback={<EuiLoadingChart size="l" />}>
              <FindingsOverTime histogram={histogram.value} height={200} />
            </Suspense>
          </DashboardPanel>
          <EuiSpacer size="l" />
          <EuiFlexGrid columns={2} gutterSize="l">
            <EuiFlexItem>
              <DashboardPanel
                title="Top root identities"
                description="The identities whose credentials started the most findings; open one to see its findings."
                loading={summary.loading && !s}
                error={summary.error}
                onRetry={summary.reload}
                empty={noFindings}
                data-test-subj="dashboardTopIdentities"
              >
                {s && <TopIdentities identities={s.topIdentities} navigate={navigate} />}
              </DashboardPanel>
            </EuiFlexItem>
            <EuiFlexItem>
              <DashboardPanel
                title="Top privileged actions"
                description={
                  s && s.privilegedActionsFrom < s.total
                    ? `In how many findings each was a privileged or logging-tamper step, counted over the ${s.privilegedActionsFrom} riskiest of ${s.total.toLocaleString('en-US')} findings.`
                    : 'In how many findings each was a privileged or logging-tamper step.'
                }
                loading={summary.loading && !s}
                error={summary.error}
                onRetry={summary.reload}
                empty={noFindings ?? (s && s.topPrivilegedActions.length === 0 ? 'No privileged or tamper actions in these findings.' : undefined)}
                data-test-subj="dashboardTopPrivilegedActions"
              >
                {s && <TopPrivilegedActions actions={s.topPrivilegedActions} color={severityColors.high} />}
              </DashboardPanel>
            </EuiFlexItem>
            <EuiFlexItem>
              <DashboardPanel
                title="Findings by provider and account"
                description="A chain that crossed accounts counts in each."
                loading={summary.loading && !s}
                error={summary.error}
                onRetry={summary.reload}
                empty={noFindings}
                data-test-subj="dashboardProviderAccounts"
              >
                {s && <ProviderAccountsTable rows={s.byProviderAccount} />}
              </DashboardPanel>
            </EuiFlexItem>
            <EuiFlexItem>
              <DashboardPanel
                title="Coverage gaps"
                description="Where audit logs fell silent or logging was changed: findings there may be missing."
                action={
                  <EuiLink onClick={() => navigate('/coverage')} data-test-subj="dashboardOpenCoverage">
                    Open coverage
                  </EuiLink>
                }
                loading={coverage.loading && !coverage.value}
                error={coverage.error}
                onRetry={coverage.reload}
                empty={
                  coverage.value && gaps.length === 0
                    ? coverage.value.generated_from.events === 0
                      ? 'No audit events in this time range.'
                      : 'No gaps or logging changes in this time range.'
                    : undefined
                }
                data-test-subj="dashboardCoverageGaps"
              >
                <CoverageGapsTable rows={gaps} />
              </DashboardPanel>
            </EuiFlexItem>
          </EuiFlexGrid>
        </>
      )}
    </div>
  );
}
