import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { FindingsHistogram, FindingsHistogramParams, FindingsSummary, FindingsSummaryParams } from '../../common/api';
import type { CoverageReport, CoverageScope } from '../../common/coverage';
import { renderPanel, type FakeApi } from '../../test/support/panel';
import { ApiError } from '../api/http';
import { DashboardPage } from './dashboard_page';

const DAY = '2026-11-20';
const GCP_CI = 'ci-deployer@northwind-prod-4821.iam.gserviceaccount.com';

function summary(over: Partial<FindingsSummary> = {}): FindingsSummary {
  return {
    total: 14,
    topIdentities: [
      { id: 'arn:aws:iam::482913750264:user/svc-backup', name: 'svc-backup', provider: 'aws', count: 6, maxRisk: 99 },
      { id: GCP_CI, name: GCP_CI, provider: 'gcp', count: 4, maxRisk: 88 },
      { id: 'arn:aws:ec2:us-east-1:215738904613:instance/i-0a1b2c3d4e5f67890', name: 'i-0a1b2c3d4e5f67890', provider: 'aws', count: 3, maxRisk: 73 },
      { id: 'ops-admin@contoso.onmicrosoft.com', name: 'ops-admin@contoso.onmicrosoft.com', provider: 'azure', count: 1, maxRisk: 47 },
    ],
    topPrivilegedActions: [
      { provider: 'aws', service: 'iam.amazonaws.com', action: 'CreateAccessKey', count: 7 },
      { provider: 'aws', service: 'cloudtrail.amazonaws.com', action: 'StopLogging', count: 3 },
      { provider: 'gcp', service: 'cloudresourcemanager.googleapis.com', action: 'SetIamPolicy', count: 2 },
    ],
    privilegedActionsFrom: 14,
    byProviderAccount: [
      { provider: 'aws', account: '482913750264', count: 8, bySeverity: { low: 1, medium: 2, high: 3, critical: 2 } },
      { provider: 'gcp', account: 'northwind-prod-4821', count: 4, bySeverity: { low: 0, medium: 0, high: 1, critical: 3 } },
      { provider: 'azure', account: '5f3a8c21-7d4e-4b96-a0c1-9e8d7f6a5b43', count: 1, bySeverity: { low: 0, medium: 1, high: 0, critical: 0 } },
    ],
    ...over,
  };
}

function histogram(total: 'some' | 'none' = 'some'): FindingsHistogram {
  const buckets = Array.from({ length: 30 }, (_, i) => ({
    time: new Date(Date.UTC(2026, 9, 22 + i)).toISOString(),
    counts: { low: 0, medium: total === 'some' && i === 28 ? 2 : 0, high: total === 'some' && i === 29 ? 5 : 0, critical: total === 'some' && i === 29 ? 7 : 0 },
  }));
  return { interval: '1d', buckets, bySeverity: total === 'some' ? { low: 0, medium: 2, high: 5, critical: 7 } : { low: 0, medium: 0, high: 0, critical: 0 } };
}

function scope(over: Partial<CoverageScope> & Pick<CoverageScope, 'provider' | 'account' | 'region'>): CoverageScope {
  return {
    events: 18_720,
    first_seen: `${DAY}T00:00:04.000Z`,
    last_seen: `${DAY}T23:59:51.000Z`,
    usual_per_hour: 780,
    reads: 13_100,
    writes: 5_620,
    gaps: [],
    tamper_events: [],
    privileged: 120,
    privileged_traceable: 80,
    traceability: 0.67,
    hourly: [],
    ...over,
  };
}

function coverage(scopes: CoverageScope[]): CoverageReport {
  return {
    generated_from: { events: scopes.reduce((n, s) => n + s.events, 0), first_seen: `${DAY}T00:00:04.000Z`, last_seen: `${DAY}T23:59:51.000Z` },
    providers: [{ provider: 'aws', events: 18_720, reads_logged: true }],
    scopes,
    traceability: { privileged: 120, traceable: 80, share: 0.67 },
    problems: [],
  };
}

const GAPPY = scope({
  provider: 'aws',
  account: '482913750264',
  region: 'us-east-1',
  gaps: [
    { start: `${DAY}T03:00:00.000Z`, end: `${DAY}T06:00:00.000Z`, expected_events: 2340 },
    { start: `${DAY}T10:00:00.000Z`, end: `${DAY}T11:00:00.000Z`, expected_events: 780 },
  ],
});
const TAMPERED = scope({
  provider: 'aws',
  account: '215738904613',
  region: 'us-east-1',
  tamper_events: [
    { event_id: 'cca1949f-10bc-4fc8-9e2a-5fd949d95759', time: `${DAY}T14:41:10.000Z`, action: 'StopLogging', principal: 'arn:aws:iam::215738904613:user/ops-automation' },
    { event_id: '794f0be3-5729-4221-bf2d-b94e7dbefa26', time: `${DAY}T14:43:55.000Z`, action: 'DeleteTrail', principal: 'arn:aws:iam::215738904613:user/ops-automation' },
  ],
});
const QUIET = scope({ provider: 'gcp', account: 'northwind-prod-4821', region: 'europe-west1' });

interface Calls {
  summary: FindingsSummaryParams[];
  histogram: FindingsHistogramParams[];
  coverage: { from: string; to: string }[];
}

function api(over: Partial<{ summary: () => Promise<FindingsSummary>; histogram: () => Promise<FindingsHistogram>; coverage: () => Promise<CoverageReport> }> = {}): { api: FakeApi; calls: Calls } {
  const calls: Calls = { summary: [], histogram: [], coverage: [] };
  return {
    calls,
    api: {
      findingsSummary: (params) => (calls.summary.push(params), over.summary ? over.summary() : Promise.resolve(summary())),
      findingsHistogram: (params) => (calls.histogram.push(params), over.histogram ? over.histogram() : Promise.resolve(histogram())),
      coverage: (range) => (calls.coverage.push(range), over.coverage ? over.coverage() : Promise.resolve(coverage([QUIET, GAPPY, TAMPERED]))),
    },
  };
}

const page = <DashboardPage refreshKey={0} query={new URLSearchParams()} />;
const texts = (testId: string): string[] => screen.getAllByTestId(testId).map((e) => e.textContent ?? '');

describe('DashboardPage', () => {
  it('asks for the last 30 days: the summary, the histogram in about daily bars, and the coverage report', async () => {
    const fake = api();
    renderPanel(page, { api: fake.api });
    await screen.findAllByTestId('topIdentities-item');
    const [s] = fake.calls.summary;
    expect(s.size).toBe(10);
    expect(Date.parse(s.to ?? '') - Date.parse(s.from ?? '')).toBeCloseTo(30 * 86_400_000, -5);
    expect(fake.calls.histogram).toEqual([{ from: s.from, to: s.to, buckets: 30 }]);
    expect(fake.calls.coverage).toEqual([{ from: s.from, to: s.to }]);
  });

  it('shows the top root identities, privileged actions, accounts and findings over time', async () => {
    renderPanel(page, { api: api().api });
    await screen.findAllByTestId('topIdentities-item');

    const identities = screen.getAllByTestId('topIdentities-item');
    expect(identities.map((e) => e.textContent)).toEqual([
      expect.stringContaining('svc-backup'),
      expect.stringContaining(GCP_CI),
      expect.stringContaining('i-0a1b2c3d4e5f67890'),
      expect.stringContaining('ops-admin@contoso.onmicrosoft.com'),
    ]);
    expect(texts('topIdentities-count')).toEqual(['6', '4', '3', '1']);
    expect(within(identities[0]).getByText('risk 99')).toBeTruthy();
    expect(within(identities[1]).getByText(/Google Cloud/)).toBeTruthy();

    const actions = screen.getAllByTestId('topPrivilegedActions-item');
    expect(actions.map((e) => within(e).getByTitle(/./).textContent)).toEqual(['CreateAccessKey', 'StopLogging', 'SetIamPolicy']);
    expect(texts('topPrivilegedActions-count')).toEqual(['7', '3', '2']);
    expect(within(actions[2]).getByText('Google Cloud · cloudresourcemanager.googleapis.com')).toBeTruthy();
    expect(within(screen.getByTestId('dashboardTopPrivilegedActions')).getByText('In how many findings each was a privileged or logging-tamper step.')).toBeTruthy();

    const aws = screen.getByTestId('providerAccount-aws-482913750264');
    expect(within(aws).getByText('8')).toBeTruthy();
    expect(within(aws).getByText('2 critical · 3 high · 2 medium · 1 low')).toBeTruthy();
    expect(within(screen.getByTestId('providerAccount-gcp-northwind-prod-4821')).getByText('Google Cloud project')).toBeTruthy();

    expect(screen.getByTestId('dashboardOverTime').textContent).toContain('14 findings in the time range');
    await waitFor(() => expect(screen.getByTestId('findingsOverTimeChart').getAttribute('data-total')).toBe('14'));
  });

  it('lists the scopes with logging changes first, then gaps, and links to the coverage page', async () => {
    const { services } = renderPanel(page, { api: api().api });
    const table = await screen.findByTestId('coverageGapsTable');
    const rows = within(table).getAllByTestId(/^coverageGap-/);
    expect(rows.map((r) => r.getAttribute('data-test-subj'))).toEqual(['coverageGap-aws/215738904613/us-east-1', 'coverageGap-aws/482913750264/us-east-1']);
    expect(within(rows[0]).getByText('2 · last DeleteTrail')).toBeTruthy();
    expect(within(rows[1]).getByText('2 · longest 3 h')).toBeTruthy();
    expect(within(table).queryByText('northwind-prod-4821')).toBeNull();

    await userEvent.click(screen.getByTestId('dashboardOpenCoverage'));
    expect(services.navigated).toEqual(['/coverage']);
  });

  it('opens the findings of an identity when it is clicked', async () => {
    const { services } = renderPanel(page, { api: api().api });
    await screen.findAllByTestId('topIdentities-item');
    await userEvent.click(screen.getByRole('button', { name: `Show the findings of ${GCP_CI}` }));
    expect(services.navigated).toEqual([`/findings?identity=${encodeURIComponent(GCP_CI)}`]);
    expect(new URLSearchParams(services.navigated[0].split('?')[1]).get('identity')).toBe(GCP_CI);
  });

  it('says the privileged actions were counted over the riskiest findings when there were more', async () => {
    renderPanel(page, { api: api({ summary: () => Promise.resolve(summary({ total: 2_480, privilegedActionsFrom: 100 })) }).api });
    const panel = await screen.findByTestId('dashboardTopPrivilegedActions');
    await waitFor(() => expect(panel.textContent).toContain('counted over the 100 riskiest of 2,480 findings'));
  });

  it('says so in each panel when the range holds no findings and no gaps', async () => {
    const empty = api({
      summary: () => Promise.resolve(summary({ total: 0, topIdentities: [], topPrivilegedActions: [], privilegedActionsFrom: 0, byProviderAccount: [] })),
      histogram: () => Promise.resolve(histogram('none')),
      coverage: () => Promise.resolve(coverage([QUIET])),
    });
    renderPanel(page, { api: empty.api });
    expect((await screen.findByTestId('dashboardTopIdentities-empty')).textContent).toBe('No findings in this time range.');
    expect(screen.getByTestId('dashboardTopPrivilegedActions-empty').textContent).toBe('No findings in this time range.');
    expect(screen.getByTestId('dashboardProviderAccounts-empty').textContent).toBe('No findings in this time range.');
    expect((await screen.findByTestId('dashboardCoverageGaps-empty')).textContent).toBe('No gaps or logging changes in this time range.');
    await waitFor(() => expect(screen.getByTestId('findingsOverTimeChart').getAttribute('data-total')).toBe('0'));
    expect(screen.queryByTestId('topIdentities-item')).toBeNull();
  });

  it('says when findings had no privileged or tamper step', async () => {
    renderPanel(page, { api: api({ summary: () => Promise.resolve(summary({ topPrivilegedActions: [] })) }).api });
    expect((await screen.findByTestId('dashboardTopPrivilegedActions-empty')).textContent).toBe('No privileged or tamper actions in these findings.');
    expect(screen.getAllByTestId('topIdentities-item')).toHaveLength(4);
  });

  it('shows a failing summary in its panels with a retry, while the other panels still load', async () => {
    let attempts = 0;
    const flaky = api({ summary: () => (++attempts === 1 ? Promise.reject(new ApiError('search_phase_execution_exception', 500)) : Promise.resolve(summary())) });
    renderPanel(page, { api: flaky.api });
    const identities = await screen.findByTestId('dashboardTopIdentities');
    await waitFor(() => expect(within(identities).getByTestId('apiErrorPrompt')).toBeTruthy());
    expect(within(screen.getByTestId('dashboardProviderAccounts')).getByTestId('apiErrorPrompt')).toBeTruthy();
    expect(await screen.findByTestId('coverageGapsTable')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('findingsOverTimeChart').getAttribute('data-total')).toBe('14'));

    await userEvent.click(within(identities).getByRole('button', { name: 'Retry' }));
    expect(await screen.findAllByTestId('topIdentities-item')).toHaveLength(4);
    expect(screen.queryByTestId('apiErrorPrompt')).toBeNull();
  });

  it('shows one access message for the page when the user may not read findings', async () => {
    const forbidden = () => Promise.reject(new ApiError('Forbidden', 403));
    renderPanel(page, { api: api({ summary: forbidden, histogram: forbidden, coverage: forbidden }).api });
    await waitFor(() => expect(screen.getAllByTestId('apiErrorPrompt')).toHaveLength(1));
    expect(screen.getByText('You do not have access to Cloud API Abuse findings')).toBeTruthy();
    expect(screen.queryByTestId('dashboardTopIdentities')).toBeNull();
  });

  it('reloads its panels when a detection run finishes', async () => {
    const fake = api();
    function AfterRuns() {
      const [refreshKey, setRefreshKey] = useState(0);
      return (
        <>
          <button onClick={() => setRefreshKey((k) => k + 1)}>run finished</button>
          <DashboardPage refreshKey={refreshKey} query={new URLSearchParams()} />
        </>
      );
    }
    renderPanel(<AfterRuns />, { api: fake.api });
    await screen.findAllByTestId('topIdentities-item');
    expect(fake.calls.summary).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'run finished' }));
    await waitFor(() => expect(fake.calls.summary).toHaveLength(2));
    expect(fake.calls.histogram).toHaveLength(2);
    expect(fake.calls.coverage).toHaveLength(2);
  });
});
