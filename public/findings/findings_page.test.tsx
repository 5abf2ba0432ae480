import { act, screen, waitFor, within } from '@testing-library/react';
import userEventLib, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { DetectionHealth, FindingsHistogram, FindingsHistogramParams, FindingsListParams, FindingsPage as Page, StatusChangeRequest } from '../../common/api';
import { renderPanel, type FakeApi } from '../../test/support/panel';
import { ApiError } from '../api/http';
import { buildFinding, pageOf, withRecords } from '../flyout/finding.fixture';
import { FindingsPage } from './findings_page';

// jsdom's getComputedStyle walks every Emotion rule; checking pointer-events on each click makes tests crawl.
const userEvent = userEventLib.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

const BRUNO = 'c7ed879cbe5e92847bc93db02fb18c85';
const JULIA = 'ab'.repeat(16);
const ran: DetectionHealth = { enabled: true, consecutiveFailures: 0, running: false, lastRunFinishedAt: '2026-11-24T08:00:00Z', lastSuccessAt: '2026-11-24T08:00:00Z' };
const neverRan: DetectionHealth = { enabled: true, consecutiveFailures: 0, running: false };
const histogram: FindingsHistogram = {
  interval: '1d',
  buckets: [
    { time: '2026-11-19T00:00:00Z', counts: { low: 0, medium: 0, high: 0, critical: 0 } },
    { time: '2026-11-20T00:00:00Z', counts: { low: 0, medium: 0, high: 1, critical: 1 } },
  ],
  bySeverity: { low: 0, medium: 0, high: 1, critical: 1 },
};

function julia() {
  return buildFinding({
    id: JULIA,
    severity: 'critical',
    risk: 94,
    patch: (f) => {
      f.cloud_api_abuse.root_identity = { provider: 'azure', id: 'julia.schmidt@northwind-labs.example', type: 'user', name: 'julia.schmidt@northwind-labs.example', account: 'c7d4e1a9' };
      f.cloud = { provider: 'azure', account: { id: 'c7d4e1a9' } };
      f.cloud_api_abuse.chain.accounts = ['c7d4e1a9'];
      f.cloud_api_abuse.reasons = [{ code: 'NEW_COUNTRY', text: 'Sign-in from VN, never seen for julia.schmidt', weight: 40, evidence: [] }];
    },
  });
}

interface Recorded {
  list: FindingsListParams[];
  histogram: FindingsHistogramParams[];
  status: StatusChangeRequest[];
}

function setup(options: { page?: Page; health?: DetectionHealth; query?: string; canWrite?: boolean; api?: FakeApi } = {}) {
  const recorded: Recorded = { list: [], histogram: [], status: [] };
  const page = options.page ?? pageOf([buildFinding(), julia()]);
  const view = renderPanel(<FindingsPage refreshKey={0} query={new URLSearchParams(options.query ?? '')} />, {
    canWrite: options.canWrite,
    api: {
      listFindings: async (p) => (recorded.list.push(p), page),
      findingsHistogram: async (p) => (recorded.histogram.push(p), histogram),
      health: async () => options.health ?? ran,
      getFinding: async (id) => withRecords(id === JULIA ? julia() : buildFinding()),
      setStatus: async (change) => (recorded.status.push(change), { updated: change.ids, missing: [] }),
      ...options.api,
    },
  });
  return { ...view, recorded, last: () => recorded.list[recorded.list.length - 1] };
}

const row = (id: string) => screen.findByTestId(`findingsRow-${id}`);

describe('findings page: loading and listing', () => {
  it('asks for the last 30 days, riskiest first, and lists each finding with its severity, identity, stages and status', async () => {
    const { last, recorded } = setup();
    const bruno = await row(BRUNO);
    const params = last();
    expect(params).toMatchObject({ sortField: 'risk_score', sortOrder: 'desc', page: 0, perPage: 25 });
    const spanDays = (Date.parse(params.to!) - Date.parse(params.from!)) / 86_400_000;
    expect(Math.round(spanDays)).toBe(30);
    expect(recorded.histogram[0]).toEqual({ from: params.from, to: params.to });
    expect(within(bruno).getByText('High')).toBeTruthy();
    expect(within(bruno).getByText('73')).toBeTruthy();
    expect(within(bruno).getByText('Calls made with aws-cli, a known attack or attack-simulation tool')).toBeTruthy();
    expect(within(bruno).getByText('bruno.costa')).toBeTruthy();
    expect(within(bruno).getByText('AWS')).toBeTruthy();
    expect(within(bruno).getByTestId('stageBadge-privileged').textContent).toBe('Privileged 2');
    expect(within(bruno).getByTestId('stageBadge-shift').textContent).toBe('Auth shift 3');
    expect(within(bruno).getByText('Open')).toBeTruthy();
    expect(within(await row(JULIA)).getByText('Critical')).toBeTruthy();
    expect(screen.getByTestId('findingsCount').textContent).toBe('Showing 1-2 of 2 findings');
    expect(screen.getByTestId('findingsOverTimeChart').getAttribute('data-total')).toBe('2');
    expect(within(screen.getByTestId('severityCount-critical')).getByText('1')).toBeTruthy();
  });

  it('shows a loading message until the first page arrives', async () => {
    let answer: (p: Page) => void = () => undefined;
    setup({ api: { listFindings: () => new Promise<Page>((resolve) => (answer = resolve)) } });
    expect(await screen.findAllByText('Loading findings…')).not.toHaveLength(0);
    await act(async () => answer(pageOf([buildFinding()])));
    expect(await row(BRUNO)).toBeTruthy();
    expect(screen.queryByText('Loading findings…')).toBeNull();
  });

  it('filters by the root identity given in the query string (links from the identities page)', async () => {
    const { last } = setup({ query: 'identity=arn%3Aaws%3Aiam%3A%3A739105628471%3Auser%2Fbruno.costa' });
    await row(BRUNO);
    expect(last().identity).toBe('arn:aws:iam::739105628471:user/bruno.costa');
    expect(screen.getByTestId('identityFilter').outerHTML).toContain('bruno.costa');
  });

  it('opens the finding named in the query string', async () => {
    setup({ query: `finding=${JULIA}` });
    const flyout = await screen.findByTestId('findingFlyout');
    expect((await within(flyout).findByRole('heading', { level: 2 })).textContent).toBe('Sign-in from VN, never seen for julia.schmidt');
  });

  it('opens the flyout when a row is clicked', async () => {
    setup();
    const bruno = await row(BRUNO);
    await userEvent.click(within(bruno).getByText('bruno.costa'));
    expect(await within(await screen.findByTestId('findingFlyout')).findByTestId('lineageGraph')).toBeTruthy();
  });
});

describe('findings page: filters, search, sort and paging reach the API', () => {
  it('filters to critical findings by clicking the severity filter', async () => {
    const { last, recorded } = setup();
    await row(BRUNO);
    await userEvent.click(screen.getByTestId('severityFilter'));
    await userEvent.click(within(await screen.findByTestId('severityFilterList')).getByText('Critical'));
    await waitFor(() => expect(last().severities).toEqual(['critical']));
    expect(last().page).toBe(0);
    expect(recorded.histogram[recorded.histogram.length - 1].severities).toEqual(['critical']);
    expect(screen.getByTestId('severityFilter').textContent).toContain('1');
  });

  it('filters by provider and status, and clears all filters at once', async () => {
    const { last } = setup();
    await row(BRUNO);
    await userEvent.click(screen.getByTestId('providerFilter'));
    await userEvent.click(within(await screen.findByTestId('providerFilterList')).getByText('Azure'));
    await userEvent.click(screen.getByTestId('statusFilter'));
    await userEvent.click(within(await screen.findByTestId('statusFilterList')).getByText('Acknowledged'));
    await waitFor(() => expect(last()).toMatchObject({ providers: ['azure'], statuses: ['acknowledged'] }));
    await userEvent.click(screen.getByTestId('clearFilters'));
    await waitFor(() => expect(last().providers).toBeUndefined());
    expect(last().statuses).toBeUndefined();
  });

  it('sends the search text on Enter, as plain text', async () => {
    const { last } = setup();
    await row(BRUNO);
    await userEvent.click(screen.getByTestId('findingsSearch'));
    await userEvent.paste('185.156.72.24 "kali"');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(last().search).toBe('185.156.72.24 "kali"'));
  });

  it('accepts a typed account id and ATT&CK technique, and refuses malformed ones', async () => {
    const { last } = setup();
    await row(BRUNO);
    const account = within(screen.getByTestId('accountFilter')).getByRole('combobox');
    await userEvent.click(account);
    await userEvent.paste('123456789012');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(last().accounts).toEqual(['123456789012']));
    const technique = within(screen.getByTestId('techniqueFilter')).getByRole('combobox');
    await userEvent.click(technique);
    await userEvent.paste('not a technique');
    await userEvent.keyboard('{Enter}');
    expect(last().techniques).toBeUndefined();
    await userEvent.clear(technique);
    await userEvent.paste('T1098.001');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(last().techniques).toEqual(['T1098.001']));
  });

  it('sorts on the server by the clicked column', async () => {
    const { last } = setup();
    await row(BRUNO);
    await userEvent.click(screen.getByRole('button', { name: /Last seen/ }));
    await waitFor(() => expect(last()).toMatchObject({ sortField: 'last_seen', sortOrder: 'asc', page: 0 }));
    await userEvent.click(screen.getByRole('button', { name: /Last seen/ }));
    await waitFor(() => expect(last()).toMatchObject({ sortField: 'last_seen', sortOrder: 'desc' }));
  });

  it('pages on the server', async () => {
    const { last } = setup({ page: pageOf([buildFinding(), julia()], 60) });
    await row(BRUNO);
    expect(screen.getByTestId('findingsCount').textContent).toBe('Showing 1-25 of 60 findings');
    await userEvent.click(screen.getByTestId('pagination-button-1'));
    await waitFor(() => expect(last()).toMatchObject({ page: 1, perPage: 25 }));
    expect(screen.getByTestId('findingsCount').textContent).toBe('Showing 26-50 of 60 findings');
  });

  it('widening the time range asks for 90 days', async () => {
    const { last } = setup({ page: pageOf([]), health: ran, query: 'identity=someone' });
    await userEvent.click(await screen.findByTestId('emptyWidenRange'));
    await waitFor(() => expect(Math.round((Date.parse(last().to!) - Date.parse(last().from!)) / 86_400_000)).toBe(90));
  });
});

describe('findings page: bulk status change', () => {
  it('changes the status of the selected findings with a note, then reloads the list', async () => {
    const { recorded, services } = setup();
    await row(BRUNO);
    expect((screen.getByTestId('bulkStatusButton') as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByTestId(`checkboxSelectRow-${BRUNO}`));
    await userEvent.click(screen.getByTestId(`checkboxSelectRow-${JULIA}`));
    expect(screen.getByTestId('bulkStatusButton').textContent).toContain('2 findings');
    const loadsBefore = recorded.list.length;
    await userEvent.click(screen.getByTestId('bulkStatusButton'));
    await userEvent.selectOptions(await screen.findByTestId('bulkStatusSelect'), 'closed');
    await userEvent.click(screen.getByTestId('bulkStatusNote'));
    await userEvent.paste('red team exercise RT-42');
    await userEvent.click(screen.getByTestId('bulkStatusApply'));
    await waitFor(() => expect(recorded.status).toEqual([{ ids: [BRUNO, JULIA], status: 'closed', note: 'red team exercise RT-42' }]));
    await waitFor(() => expect(recorded.list.length).toBeGreaterThan(loadsBefore));
    expect(services.notified.map((n) => n.title)).toContain('2 finding(s) marked closed');
  });

  it('says when the server refused the change', async () => {
    const { services } = setup({ api: { setStatus: () => Promise.reject(new ApiError('forbidden', 403)) } });
    await row(BRUNO);
    await userEvent.click(screen.getByTestId(`checkboxSelectRow-${BRUNO}`));
    await userEvent.click(screen.getByTestId('bulkStatusButton'));
    await userEvent.click(await screen.findByTestId('bulkStatusApply'));
    await waitFor(() => expect(services.notified).toEqual([{ title: 'The status could not be changed', color: 'danger', text: 'forbidden' }]));
  });

  it('offers neither selection nor bulk change to readers', async () => {
    setup({ canWrite: false });
    await row(BRUNO);
    expect(screen.queryByTestId('bulkStatusButton')).toBeNull();
    expect(screen.queryByTestId(`checkboxSelectRow-${BRUNO}`)).toBeNull();
  });
});

describe('findings page: empty and error states', () => {
  it('says detection never ran and offers to run it or check coverage', async () => {
    let runs = 0;
    const { services } = setup({ page: pageOf([]), health: neverRan, api: { runDetectionSoon: async () => (runs++, { scheduled: true }) } });
    const prompt = await screen.findByTestId('findingsNeverRan');
    expect(within(prompt).getByText('Detection has not run yet')).toBeTruthy();
    await userEvent.click(within(prompt).getByTestId('emptyRunDetection'));
    await waitFor(() => expect(runs).toBe(1));
    await userEvent.click(within(prompt).getByTestId('emptyOpenCoverage'));
    expect(services.navigated).toEqual(['/coverage']);
  });

  it('tells readers who cannot run detection to ask for it', async () => {
    setup({ page: pageOf([]), health: neverRan, canWrite: false });
    const prompt = await screen.findByTestId('findingsNeverRan');
    expect(within(prompt).queryByTestId('emptyRunDetection')).toBeNull();
    expect(prompt.textContent).toContain('Ask a user with write access');
  });

  it('suggests widening the time range or clearing filters when filters match nothing', async () => {
    setup({ page: pageOf([]), health: neverRan, query: 'identity=nobody' });
    const prompt = await screen.findByTestId('findingsNoMatch');
    expect(within(prompt).getByText('No findings match these filters')).toBeTruthy();
    expect(within(prompt).getByText('Search the last 90 days')).toBeTruthy();
  });

  it('says the range is clean when detection ran and found nothing', async () => {
    setup({ page: pageOf([]), health: ran });
    expect(await screen.findByText('No findings in this time range')).toBeTruthy();
  });

  it('explains a 403 as missing privileges', async () => {
    setup({ api: { listFindings: () => Promise.reject(new ApiError('unauthorized', 403)) } });
    expect(await screen.findByText('You do not have access to Cloud API Abuse findings')).toBeTruthy();
    expect(screen.queryByTestId('findingsTable')).toBeNull();
  });

  it('explains a 500 as a failing server, and retries', async () => {
    let calls = 0;
    setup({ api: { listFindings: () => (calls++, Promise.reject(new ApiError('search_phase_execution_exception', 500))) } });
    expect(await screen.findByText('The Cloud API Abuse service is not answering')).toBeTruthy();
    const before = calls;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(calls).toBe(before + 1));
  });

  it("shows the detection's last error above the table", async () => {
    setup({ health: { ...ran, consecutiveFailures: 3, lastSuccessAt: '2026-11-23T08:00:00Z', lastError: { message: 'security_exception: missing read on logs-aws.cloudtrail-*', at: '2026-11-24T08:00:00Z' } } });
    const callout = await screen.findByTestId('detectionErrorCallout');
    expect(callout.textContent).toContain('Detection is failing');
    expect(callout.textContent).toContain('security_exception: missing read on logs-aws.cloudtrail-*');
    expect(callout.textContent).toContain('3 failed run(s) in a row');
    expect(await row(BRUNO)).toBeTruthy();
  });

  it('keeps the table when only the chart fails', async () => {
    setup({ api: { findingsHistogram: () => Promise.reject(new ApiError('boom', 500)) } });
    expect(await row(BRUNO)).toBeTruthy();
    expect((await screen.findByTestId('histogramError')).textContent).toContain('boom');
  });
});
