/**
 * The Findings page: filters and time range, findings over time by severity, the findings table with bulk status
 * changes, and the finding flyout. Honours `?identity=<root id>` (links from the identities page) and `?finding=<id>`.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiLoadingChart, EuiLoadingSpinner, EuiPanel, EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import type { Severity } from '../../common/finding';
import { ApiErrorPrompt } from '../app/api_error_prompt';
import type { PageProps } from '../app/page_props';
import { useAppServices } from '../app/services';
import { useApiCall } from '../app/use_api_call';
import { BulkStatusAction } from './bulk_status_action';
import { FilterBar } from './filter_bar';
import { hasActiveFilters, NO_FILTERS, toFilterParams, type FindingsFilters } from './findings_filters';
import { FindingsEmpty } from './findings_empty';
import { FindingsTable } from './findings_table';
import { HealthCallout } from './health_callout';
import { knownValues } from './known_values';
import { SeverityBreakdown } from './severity_breakdown';
import { DEFAULT_TABLE_STATE, toPageParams, type TableState } from './table_state';
import { DEFAULT_TIME_RANGE, resolveTimeRange, type TimeRange } from '../app/time_range';

// The flyout (code blocks with syntax highlighting, the lineage graph) loads when a finding is first opened.
// The chart library loads beside the table, so the first rows do not wait for it.
const FindingsOverTime = lazy(() => import('./findings_over_time').then((m) => ({ default: m.FindingsOverTime })));
const FindingFlyout = lazy(() => import('../flyout/finding_flyout').then((m) => ({ default: m.FindingFlyout })));

const WIDE_RANGE: TimeRange = { start: 'now-90d', end: 'now' };

export function FindingsPage({ refreshKey, query }: PageProps) {
  const { api, canWrite } = useAppServices();
  const identityParam = query.get('identity') || undefined;
  const findingParam = query.get('finding') || undefined;

  const [filters, setFiltersState] = useState<FindingsFilters>(() => ({ ...NO_FILTERS, identity: identityParam }));
  const [range, setRangeState] = useState<TimeRange>(DEFAULT_TIME_RANGE);
  const [now, setNow] = useState(() => new Date());
  const [table, setTable] = useState<TableState>(DEFAULT_TABLE_STATE);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string | undefined>(findingParam);
  // Bumped after a status change: reload what is shown without moving the time range.
  const [version, setVersion] = useState(0);

  const setFilters = useCallback((next: FindingsFilters) => {
    setFiltersState(next);
    setTable((t) => ({ ...t, pageIndex: 0 }));
  }, []);
  const setRange = useCallback((next: TimeRange) => {
    setRangeState(next);
    setNow(new Date());
    setTable((t) => ({ ...t, pageIndex: 0 }));
  }, []);

  useEffect(() => {
    setFiltersState((f) => (f.identity === identityParam ? f : { ...f, identity: identityParam }));
  }, [identityParam]);
  useEffect(() => {
    if (findingParam) setOpenId(findingParam);
  }, [findingParam]);
  // A finished detection run moves "now" forward (relative ranges include what it found); the first render has its own.
  const seenRefreshKey = useRef(refreshKey);
  useEffect(() => {
    if (seenRefreshKey.current === refreshKey) return;
    seenRefreshKey.current = refreshKey;
    setNow(new Date());
  }, [refreshKey]);

  const resolved = useMemo(() => resolveTimeRange(range, now), [range, now]);
  const filterParams = useMemo(() => toFilterParams(filters, resolved), [filters, resolved]);
  const listParams = useMemo(() => ({ ...filterParams, ...toPageParams(table) }), [filterParams, table]);
  const listKey = JSON.stringify(listParams);
  const filterKey = JSON.stringify(filterParams);

  const list = useApiCall((signal) => api.listFindings(listParams, signal), [listKey, refreshKey, version]);
  const histogram = useApiCall((signal) => api.findingsHistogram(filterParams, signal), [filterKey, refreshKey, version]);
  const health = useApiCall((signal) => api.health(signal), [refreshKey, now]);

  useEffect(() => setSelectedIds([]), [listKey]);

  const known = useMemo(() => knownValues(list.value?.findings ?? []), [list.value]);
  const reloadAll = useCallback(() => setVersion((v) => v + 1), []);
  const toggleSeverity = (s: Severity) =>
    setFilters({ ...filters, severities: filters.severities.includes(s) ? filters.severities.filter((x) => x !== s) : [...filters.severities, s] });

  const total = list.value?.total ?? 0;
  const first = total === 0 ? 0 : table.pageIndex * table.pageSize + 1;
  const last = Math.min(total, (table.pageIndex + 1) * table.pageSize);
  const waiting = (list.loading && !list.value) || (health.loading && !health.value && !health.error);

  return (
    <div data-test-subj="findingsPage">
      <FilterBar
        filters={filters}
        onChange={setFilters}
        range={range}
        onRangeChange={setRange}
        onRefresh={() => setNow(new Date())}
        known={known}
        isLoading={list.loading}
      />
      <EuiSpacer size="m" />
      <HealthCallout health={health.value} />
      {health.value?.lastError && <EuiSpacer size="m" />}
      {list.error ? (
        <EuiPanel hasBorder>
          <ApiErrorPrompt error={list.error} onRetry={list.reload} />
        </EuiPanel>
      ) : (
        <>
          <EuiFlexGroup gutterSize="m">
            <EuiFlexItem grow={3}>
              <EuiPanel hasBorder paddingSize="m">
                <EuiTitle size="xxs">
                  <h3>Findings over time</h3>
                </EuiTitle>
                <EuiSpacer size="s" />
                {histogram.error ? (
                  <EuiText size="s" color="danger" data-test-subj="histogramError">
                    <p>The chart could not be loaded: {histogram.error.message}</p>
                  </EuiText>
                ) : (
                  <Suspense fallback={<EuiLoadingChart size="l" />}>
                    <FindingsOverTime histogram={histogram.value} />
                  </Suspense>
                )}
              </EuiPanel>
            </EuiFlexItem>
            <EuiFlexItem grow={1} style={{ minWidth: 260 }}>
              <EuiPanel hasBorder paddingSize="m">
                <EuiTitle size="xxs">
                  <h3>By severity</h3>
                </EuiTitle>
                <EuiSpacer size="m" />
                <SeverityBreakdown bySeverity={histogram.value?.bySeverity} selected={filters.severities} onSelect={toggleSeverity} />
              </EuiPanel>
            </EuiFlexItem>
          </EuiFlexGroup>
          <EuiSpacer size="m" />
          <EuiPanel hasBorder paddingSize="m">
            <EuiFlexGroup alignItems="center" justifyContent="spaceBetween" gutterSize="s" responsive={false}>
              <EuiFlexItem grow={false}>
                <EuiText size="xs" color="subdued" data-test-subj="findingsCount">
                  {list.value && total === 0 ? (
                    'No findings'
                  ) : list.value ? (
                    <>
                      Showing <strong>{first}</strong>-<strong>{last}</strong> of <strong>{total.toLocaleString()}</strong> finding{total === 1 ? '' : 's'}
                    </>
                  ) : (
                    'Loading findings…'
                  )}
                </EuiText>
              </EuiFlexItem>
              {canWrite && (
                <EuiFlexItem grow={false}>
                  <BulkStatusAction selectedIds={selectedIds} onDone={reloadAll} />
                </EuiFlexItem>
              )}
            </EuiFlexGroup>
            <EuiSpacer size="s" />
            <FindingsTable
              page={list.value}
              loading={list.loading}
              state={table}
              onStateChange={setTable}
              selectedIds={canWrite ? selectedIds : undefined}
              onSelectionChange={canWrite ? setSelectedIds : undefined}
              onOpen={setOpenId}
              noItemsMessage={
                waiting ? (
                  'Loading findings…'
                ) : (
                  <FindingsEmpty filtered={hasActiveFilters(filters)} health={health.value} onWidenRange={() => setRange(WIDE_RANGE)} onClearFilters={() => setFilters(NO_FILTERS)} />
                )
              }
            />
          </EuiPanel>
        </>
      )}
      {openId && (
        <Suspense fallback={<EuiLoadingSpinner size="l" data-test-subj="findingFlyoutLoading" />}>
          <FindingFlyout findingId={openId} onClose={() => setOpenId(undefined)} onStatusChanged={reloadAll} />
        </Suspense>
      )}
    </div>
  );
}
