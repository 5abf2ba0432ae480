import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { CoverageProblem, CoverageReport, CoverageScope } from '../../common/coverage';
import { renderPanel } from '../../test/support/panel';
import { ApiError } from '../api/http';
import { CoveragePage } from './coverage_page';

const DAY = '2026-11-20';

/** Events every hour of the sample day, except the hours listed. */
function hourly(perHour: number, silentHours: number[] = []): CoverageScope['hourly'] {
  return Array.from({ length: 24 }, (_, h) => h)
    .filter((h) => !silentHours.includes(h))
    .map((h) => ({ hour: `${DAY}T${String(h).padStart(2, '0')}:00:00.000Z`, events: perHour }));
}

function scope(over: Partial<CoverageScope> & Pick<CoverageScope, 'provider' | 'account' | 'region'>): CoverageScope {
  const hours = over.hourly ?? hourly(150);
  const events = hours.reduce((n, h) => n + h.events, 0);
  return {
    events,
    first_seen: `${DAY}T00:00:04.000Z`,
    last_seen: `${DAY}T23:59:51.000Z`,
    usual_per_hour: 150,
    reads: Math.round(events * 0.7),
    writes: events - Math.round(events * 0.7),
    gaps: [],
    tamper_events: [],
    privileged: 0,
    privileged_traceable: 0,
    traceability: null,
    hourly: hours,
    ...over,
  };
}

const prodTrail = scope({
  provider: 'aws',
  account: '482913750264',
  region: 'us-east-1',
  hourly: hourly(780, [3, 4, 5]),
  usual_per_hour: 780,
  gaps: [{ start: `${DAY}T03:00:00.000Z`, end: `${DAY}T06:00:00.000Z`, expected_events: 2340 }],
  privileged: 3181,
  privileged_traceable: 35,
  traceability: 0.011,
});

const sharedTrail = scope({
  provider: 'aws',
  account: '215738904613',
  region: 'us-east-1',
  tamper_events: [
    { event_id: 'cca1949f-10bc-4fc8-9e2a-5fd949d95759', time: `${DAY}T14:41:10.000Z`, action: 'StopLogging', principal: 'arn:aws:iam::215738904613:user/ops-automation' },
    { event_id: '794f0be3-5729-4221-bf2d-b94e7dbefa26', time: `${DAY}T14:43:55.000Z`, action: 'DeleteTrail', principal: 'arn:aws:iam::215738904613:user/ops-automation' },
  ],
  privileged: 659,
  privileged_traceable: 37,
  traceability: 0.056,
});

const gcpProject = scope({ provider: 'gcp', account: 'northwind-prod-4821', region: 'europe-west1', privileged: 2329, privileged_traceable: 94, traceability: 0.04 });
const azureSubscription = scope({
  provider: 'azure',
  account: '5f3a8c21-7d4e-4b96-a0c1-9e8d7f6a5b43',
  region: 'westeurope',
  reads: 0,
  writes: 3600,
  privileged: 1640,
  privileged_traceable: 1312,
  traceability: 0.8,
});

const TAMPER_FIX = 'Confirm the change was planned; otherwise re-enable and restore the trail, sink or diagnostic setting, and investigate the finding that contains it.';
const READS_FIX = 'Set the trail\'s management event selector to ReadWriteType "All" (aws cloudtrail put-event-selectors ... ReadWriteType=All).';
const GAP_FIX = 'Check the trail is logging (aws cloudtrail get-trail-status), is multi-region, and that delivery to S3 and the shipper (Elastic Agent SQS/S3 input) kept up.';

function problems(): CoverageProblem[] {
  return [
    {
      kind: 'low_traceability',
      severity: 'info',
      provider: 'gcp',
      account: 'northwind-prod-4821',
      region: 'europe-west1',
      text: 'Only 4% of 2329 privileged actions trace back to a person',
      fix: 'Have people act through their own accounts or impersonation (which logs the delegating principal), not through shared service-account keys.',
    },
    { kind: 'gap', severity: 'warning', provider: 'aws', account: '482913750264', region: 'us-east-1', text: `No events from aws 482913750264 us-east-1 between ${DAY}T03:00:00.000Z and ${DAY}T06:00:00.000Z, where about 2340 were expected (780/hour usually)`, fix: GAP_FIX },
    { kind: 'tamper', severity: 'critical', provider: 'aws', account: '215738904613', region: 'us-east-1', text: 'Logging was changed 2 time(s): StopLogging by arn:aws:iam::215738904613:user/ops-automation; DeleteTrail by arn:aws:iam::215738904613:user/ops-automation', fix: TAMPER_FIX },
    { kind: 'no_reads', severity: 'warning', provider: 'aws', text: 'CloudTrail shows write events only: reconnaissance (Describe*, List*, Get*) is invisible', fix: READS_FIX },
  ];
}

function report(scopes: CoverageScope[] = [prodTrail, sharedTrail, gcpProject, azureSubscription]): CoverageReport {
  const events = scopes.reduce((n, s) => n + s.events, 0);
  const privileged = scopes.reduce((n, s) => n + s.privileged, 0);
  const traceable = scopes.reduce((n, s) => n + s.privileged_traceable, 0);
  return {
    generated_from: { events, first_seen: `${DAY}T00:00:04.000Z`, last_seen: `${DAY}T23:59:51.000Z` },
    providers: [
      { provider: 'aws', events: prodTrail.events + sharedTrail.events, reads_logged: false },
      { provider: 'gcp', events: gcpProject.events, reads_logged: true, data_access_logged: false },
      { provider: 'azure', events: azureSubscription.events, reads_logged: false, sign_in_logs: true },
    ],
    scopes,
    traceability: { privileged, traceable, share: Math.round((traceable / privileged) * 1000) / 1000 },
    problems: problems(),
  };
}

function emptyReport(): CoverageReport {
  return { generated_from: { events: 0, first_seen: null, last_seen: null }, providers: [], scopes: [], traceability: { privileged: 0, traceable: 0, share: null }, problems: [] };
}

describe('coverage page', () => {
  it('asks for the last 30 days and sums up events, providers and traceability', async () => {
    const asked: { from: string; to: string }[] = [];
    const r = report();
    renderPanel(<CoveragePage refreshKey={0} query={new URLSearchParams()} />, { api: { coverage: async (range) => (asked.push(range), r) } });

    const summary = await screen.findByTestId('coverageSummary');
    expect(asked).toHaveLength(1);
    expect(Date.parse(asked[0].to) - Date.parse(asked[0].from)).toBe(30 * 86_400_000);
    expect(Math.abs(Date.parse(asked[0].to) - Date.now())).toBeLessThan(60_000);

    expect(within(screen.getByTestId('coverageEventsAnalysed')).getByText(r.generated_from.events.toLocaleString('en-US'))).toBeTruthy();
    // 35 + 37 + 94 + 1312 of 3181 + 659 + 2329 + 1640 privileged actions.
    expect(within(summary).getByText('1,478 of 7,809 privileged actions lead back to an accountable person')).toBeTruthy();
    expect(within(screen.getByTestId('coverageTraceability')).getByText('19%')).toBeTruthy();
    expect(within(screen.getByTestId('coverageProvider-aws')).getByText('Read events: missing')).toBeTruthy();
    expect(within(screen.getByTestId('coverageProvider-gcp')).getByText('Data Access logs: missing')).toBeTruthy();
    expect(within(screen.getByTestId('coverageProvider-azure')).getByText('Entra ID sign-in logs: logged')).toBeTruthy();
  });

  it('reloads when a detection run finishes', async () => {
    let calls = 0;
    function AfterRuns() {
      const [refreshKey, setRefreshKey] = useState(0);
      return (
        <>
          <button onClick={() => setRefreshKey((k) => k + 1)}>run finished</button>
          <CoveragePage refreshKey={refreshKey} query={new URLSearchParams()} />
        </>
      );
    }
    renderPanel(<AfterRuns />, { api: { coverage: async () => (calls++, report()) } });
    await screen.findByTestId('coverageSummary');
    await userEvent.click(screen.getByText('run finished'));
    await waitFor(() => expect(calls).toBe(2));
  });

  it('lists problems worst first, each with how to fix it', async () => {
    renderPanel(<CoveragePage refreshKey={0} query={new URLSearchParams()} />, { api: { coverage: async () => report() } });
    const list = await screen.findByTestId('coverageProblems');
    const groups = within(list)
      .getAllByTestId(/^coverageProblems-/)
      .map((g) => g.getAttribute('data-test-subj'));
    expect(groups).toEqual(['coverageProblems-critical', 'coverageProblems-warning', 'coverageProblems-info']);

    const tamper = within(list).getByTestId('coverageProblem-tamper');
    expect(within(tamper).getByText(/Logging was changed 2 time\(s\)/)).toBeTruthy();
    expect(within(tamper).getByText('AWS · 215738904613 · us-east-1')).toBeTruthy();
    expect(within(tamper).getByTestId('coverageProblemFix').textContent).toBe(`How to fix: ${TAMPER_FIX}`);
    expect(within(list).getByTestId('coverageProblem-no_reads').textContent).toContain(READS_FIX);
    expect(within(within(list).getByTestId('coverageProblems-warning')).getAllByTestId('coverageProblemFix')).toHaveLength(2);
  });

  it('opens a scope to list its gaps and the logging changes made in it', async () => {
    renderPanel(<CoveragePage refreshKey={0} query={new URLSearchParams()} />, { api: { coverage: async () => report() } });
    const table = await screen.findByTestId('coverageScopes');
    const prodRow = within(table).getByTestId('scopeRow-aws/482913750264/us-east-1');
    expect(within(prodRow).getByText('1 · longest 3 h')).toBeTruthy();
    expect(within(prodRow).getByText('1%')).toBeTruthy();
    expect(within(within(table).getByTestId('scopeRow-aws/215738904613/us-east-1')).getByText('2 tamper')).toBeTruthy();
    expect(within(table).queryByTestId('scopeGaps')).toBeNull();

    await userEvent.click(within(table).getByTestId('expandScope-aws/482913750264/us-east-1'));
    const gaps = await within(table).findByTestId('scopeGaps');
    expect(within(gaps).getByText('Nov 20, 2026 03:00 UTC')).toBeTruthy();
    expect(within(gaps).getByText('Nov 20, 2026 06:00 UTC')).toBeTruthy();
    expect(within(gaps).getByText('~2,340')).toBeTruthy();

    await userEvent.click(within(table).getByTestId('expandScope-aws/215738904613/us-east-1'));
    const tamperLists = await within(table).findAllByTestId('scopeTamper');
    const tamper = tamperLists.find((t) => within(t).queryByText('StopLogging')) as HTMLElement;
    expect(within(tamper).getByText('Nov 20, 2026 14:41 UTC')).toBeTruthy();
    expect(within(tamper).getByText('DeleteTrail')).toBeTruthy();
    expect(within(tamper).getAllByText('arn:aws:iam::215738904613:user/ops-automation')).toHaveLength(2);
  });

  it('renders strings from logs as text, never as markup', async () => {
    const payload = '<img src=x onerror="window.__xss=1">';
    const hostile = scope({
      provider: 'aws',
      account: '739105628471',
      region: 'us-west-2',
      tamper_events: [{ event_id: 'e1', time: `${DAY}T09:12:00.000Z`, action: payload, principal: payload }],
    });
    const r = report([hostile]);
    r.problems = [{ kind: 'tamper', severity: 'critical', provider: 'aws', account: '739105628471', region: 'us-west-2', text: `Logging was changed 1 time(s): ${payload} by ${payload}`, fix: TAMPER_FIX }];
    const { container } = renderPanel(<CoveragePage refreshKey={0} query={new URLSearchParams()} />, { api: { coverage: async () => r } });
    await userEvent.click(await screen.findByTestId('expandScope-aws/739105628471/us-west-2'));
    const tamper = await screen.findByTestId('scopeTamper');
    expect(within(tamper).getAllByText(payload)).toHaveLength(2);
    expect(screen.getByText(`Logging was changed 1 time(s): ${payload} by ${payload}`)).toBeTruthy();
    // EUI draws its icons as <img> in jsdom; the payload's own element would carry src="x" and an onerror handler.
    expect(container.querySelector('img[src="x"], [onerror]')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('tells the user to check the integrations and widen the range when there are no events', async () => {
    const asked: { from: string; to: string }[] = [];
    renderPanel(<CoveragePage refreshKey={0} query={new URLSearchParams()} />, { api: { coverage: async (range) => (asked.push(range), emptyReport()) } });
    const empty = await screen.findByTestId('coverageEmpty');
    expect(within(empty).getByText(/shipping CloudTrail/)).toBeTruthy();
    expect(within(empty).getByText(/Google Cloud Platform integration is shipping audit logs/)).toBeTruthy();
    expect(within(empty).getByText(/Entra ID sign-in logs/)).toBeTruthy();
    expect(within(empty).getByText(/widen it/)).toBeTruthy();

    await userEvent.click(within(empty).getByTestId('coverageWidenRange'));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(Date.parse(asked[1].to) - Date.parse(asked[1].from)).toBe(90 * 86_400_000);
  });

  it('explains a 403 as missing privileges and a 500 as a failing service, and retries', async () => {
    const { unmount } = renderPanel(<CoveragePage refreshKey={0} query={new URLSearchParams()} />, {
      api: { coverage: () => Promise.reject(new ApiError('Forbidden', 403)) },
    });
    expect(await screen.findByText('You do not have access to Cloud API Abuse findings')).toBeTruthy();
    expect(screen.queryByTestId('coverageSummary')).toBeNull();
    unmount();

    let calls = 0;
    renderPanel(<CoveragePage refreshKey={0} query={new URLSearchParams()} />, {
      api: { coverage: () => (++calls === 1 ? Promise.reject(new ApiError('search_phase_execution_exception', 500)) : Promise.resolve(report())) },
    });
    const prompt = await screen.findByTestId('apiErrorPrompt');
    expect(within(prompt).getByText('The Cloud API Abuse service is not answering')).toBeTruthy();
    expect(within(prompt).getByText(/search_phase_execution_exception/)).toBeTruthy();
    await userEvent.click(within(prompt).getByText('Retry'));
    expect(await screen.findByTestId('coverageSummary')).toBeTruthy();
  });
});
