import { screen, waitFor, within } from '@testing-library/react';
import userEventLib, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { FindingWithRecords, StatusChangeRequest } from '../../common/api';
import { renderPanel } from '../../test/support/panel';
import { ApiError } from '../api/http';
import { formatClock } from '../findings/format';
import { buildFinding, EVENT_IDS, withRecords } from './finding.fixture';
import { FindingFlyout } from './finding_flyout';

const userEvent = userEventLib.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

const ID = 'c7ed879cbe5e92847bc93db02fb18c85';
const KEY = 'AKIAUBDHRVPEYMZIT6J7';
const DEV = 'ASIAS7WHUPP7GQIVD2TT';
const ADMIN = 'ASIAU72N6QAQLCLHCLT4';

function open(data: FindingWithRecords = withRecords(buildFinding()), options: { canWrite?: boolean; onStatusChanged?: () => void } = {}) {
  const status: StatusChangeRequest[] = [];
  const view = renderPanel(<FindingFlyout findingId={ID} onClose={() => undefined} onStatusChanged={options.onStatusChanged} />, {
    canWrite: options.canWrite,
    api: {
      getFinding: async () => data,
      setStatus: async (change) => (status.push(change), { updated: change.ids, missing: [] }),
    },
  });
  return { ...view, status };
}

/** jsdom's Blob has no text(). */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** What an SVG box shows, without its <title> tooltip. */
const drawnText = (el: Element) => [...el.querySelectorAll('text')].map((t) => t.textContent).join(' | ');

const flyout = () => screen.findByTestId('flyoutHeader').then(() => screen.getByTestId('findingFlyout'));

describe('finding flyout', () => {
  it('heads with severity, risk, the strongest reason, the root identity and the status', async () => {
    open(withRecords(buildFinding({ patch: (f) => (f.cloud_api_abuse.root_identity.human = 'bruno.costa@northwind-labs.example') })));
    const header = await screen.findByTestId('flyoutHeader');
    expect(within(header).getByTestId('severityBadge-high')).toBeTruthy();
    expect(within(header).getByTestId('flyoutRisk').textContent).toBe('Risk 73');
    expect(within(header).getByRole('heading', { level: 2 }).textContent).toBe('Calls made with aws-cli, a known attack or attack-simulation tool');
    expect(within(header).getByTestId('flyoutRootIdentity').textContent).toBe(
      'Root identity bruno.costa (user, AWS 739105628471) · accountable human bruno.costa@northwind-labs.example',
    );
    expect(within(header).getByTestId('statusBadge-open')).toBeTruthy();
  });

  it('says loading while the finding is fetched', async () => {
    renderPanel(<FindingFlyout findingId={ID} onClose={() => undefined} />, { api: { getFinding: () => new Promise(() => undefined) } });
    expect(await screen.findByTestId('findingFlyoutLoading')).toBeTruthy();
    expect(screen.queryByTestId('chainTimeline')).toBeNull();
  });

  it('says when the finding is gone, and when the user may not read it', async () => {
    const gone = renderPanel(<FindingFlyout findingId={ID} onClose={() => undefined} />, { api: { getFinding: () => Promise.reject(new ApiError('finding not found', 404)) } });
    expect(await screen.findByText('Not found')).toBeTruthy();
    gone.unmount();
    renderPanel(<FindingFlyout findingId={ID} onClose={() => undefined} />, { api: { getFinding: () => Promise.reject(new ApiError('forbidden', 403)) } });
    expect(await screen.findByText('You do not have access to Cloud API Abuse findings')).toBeTruthy();
  });

  it('draws the chain timeline: a lane per stage with a mark per evidence event, and the stages in time order', async () => {
    open();
    const timeline = await screen.findByTestId('chainTimeline');
    const marks = (stage: string) => within(timeline).getByTestId(`chainLane-${stage}`).querySelectorAll('[data-test-subj="chainMark"]').length;
    expect([marks('shift'), marks('recon'), marks('privileged'), marks('tamper')]).toEqual([3, 1, 2, 0]);
    expect(within(timeline).queryByTestId('chainLane-activity')).toBeNull();
    const items = within(within(timeline).getByTestId('stageTimeline')).getAllByTestId(/^stageItem-/);
    expect(items.map((i) => i.getAttribute('data-test-subj'))).toEqual(['stageItem-shift', 'stageItem-shift', 'stageItem-recon', 'stageItem-privileged']);
    expect(items[3].textContent).toContain('Privileged · iam');
    expect(items[3].textContent).toContain('2 events');
    expect(within(timeline).getByText('AttachUserPolicy')).toBeTruthy();
    expect(timeline.textContent).toContain('2 more event(s) of the chain are counted but not listed');
  });

  it('puts the context before and after the shift side by side, highlighting what is new', async () => {
    open();
    const shift = await screen.findByTestId('shiftContext');
    const changed = (field: string) => within(shift).getByTestId(`shiftRow-${field}`).getAttribute('data-changed');
    expect(['network', 'country', 'interface', 'tool', 'mfa'].map(changed)).toEqual(['true', 'true', 'false', 'false', 'true']);
    const network = within(shift).getByTestId('shiftRow-network');
    expect(network.textContent).toContain('85.243.85.0/24');
    expect(network.textContent).toContain('185.156.72.0/24');
    expect(within(shift).getByTestId('shiftRow-asn').textContent).toContain('AS202425');
    expect(within(shift).getByTestId('shiftRow-user_agent').textContent).toContain('kali');
    expect(within(shift).getAllByTestId('shiftChanged')).toHaveLength(3);
  });

  it('draws the three-level credential lineage with its nodes and AssumeRole edges', async () => {
    open();
    const graph = await screen.findByTestId('lineageGraph');
    const nodes = graph.querySelectorAll('[data-test-subj^="lineageNode-"]');
    expect([...nodes].map((n) => n.getAttribute('data-test-subj'))).toEqual([`lineageNode-${KEY}`, `lineageNode-${DEV}`, `lineageNode-${ADMIN}`]);
    expect(drawnText(within(graph).getByTestId(`lineageNode-${KEY}`))).toBe(
      `Root · Long-term key | user/bruno.costa | AKIAUBDHRVPEYMZIT6J7 | held by bruno.costa (user) | 2 events · ${formatClock('2026-11-20T11:22:05.000Z')}-${formatClock('2026-11-20T11:22:38.000Z')}`,
    );
    expect(drawnText(within(graph).getByTestId(`lineageNode-${ADMIN}`))).toBe(
      'Temporary credential | role dev-admin/maintenance | ASIAU72N6QAQLCLHCLT4 | AssumeRole · session maintenance | 3 events · 2 privileged/tamper',
    );
    // The box clips; its tooltip holds the whole story.
    expect(within(graph).getByTestId(`lineageNode-${ADMIN}`).querySelector('title')?.textContent).toContain('on arn:aws:iam::739105628471:role/dev-admin, session maintenance');
    expect(within(graph).getByTestId(`lineageEdge-${KEY}-${DEV}`).textContent).toBe('AssumeRolebruno');
    expect(within(graph).getByTestId(`lineageEdge-${DEV}-${ADMIN}`).textContent).toBe('AssumeRolemaintenance');
    expect(graph.querySelectorAll('[data-test-subj^="lineageEdge-"]')).toHaveLength(2);
  });

  it('lists the reasons heaviest first with their weights, and links each ATT&CK technique to MITRE', async () => {
    open();
    const reasons = await screen.findByTestId('reasonsList');
    const codes = within(reasons).getAllByTestId(/^reason-/).map((r) => r.getAttribute('data-test-subj'));
    expect(codes).toEqual(['reason-OFFENSIVE_TOOL', 'reason-PRIVILEGED_IAM', 'reason-NEW_NETWORK', 'reason-ROLE_CHAINING']);
    expect(within(reasons).getByTestId('reason-PRIVILEGED_IAM').textContent).toContain('+23');
    const link = screen.getByTestId('technique-T1136.003');
    expect(link.getAttribute('href')).toBe('https://attack.mitre.org/techniques/T1136/003/');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByTestId('technique-T1580').getAttribute('href')).toBe('https://attack.mitre.org/techniques/T1580/');
  });

  it('shows each evidence event and its raw record, and says when a record could not be read', async () => {
    open(withRecords(buildFinding(), [EVENT_IDS.listRoles]));
    const table = await screen.findByTestId('evidenceTable');
    const attach = within(table).getByTestId(`evidenceRow-${EVENT_IDS.attachPolicy}`);
    for (const text of ['AttachUserPolicy', 'assumed-role/dev-admin/maintenance', '185.156.72.24', 'failure (AccessDenied)']) expect(attach.textContent).toContain(text);
    await userEvent.click(within(table).getByTestId(`evidenceRawToggle-${EVENT_IDS.attachPolicy}`));
    const raw = await within(table).findByTestId(`rawRecord-${EVENT_IDS.attachPolicy}`);
    expect(within(raw).getByTestId('rawRecordJson').textContent).toContain(`"eventID": "${EVENT_IDS.attachPolicy}"`);
    expect(raw.textContent).toContain('arn:aws:iam::aws:policy/AdministratorAccess');
    await userEvent.click(within(table).getByTestId(`evidenceRawToggle-${EVENT_IDS.listRoles}`));
    const missing = await within(table).findByTestId(`rawRecord-${EVENT_IDS.listRoles}`);
    expect(within(missing).getByTestId('rawRecordError').textContent).toContain('the log file is no longer readable');
  });

  it('says when no raw record could be read at all', async () => {
    open({ finding: buildFinding(), records: [], recordsError: 'the evidence indices are not readable by this user' });
    expect((await screen.findByTestId('recordsError')).textContent).toContain('the evidence indices are not readable by this user');
    await userEvent.click(screen.getByTestId(`evidenceRawToggle-${EVENT_IDS.createUser}`));
    expect((await screen.findByTestId('rawRecordError')).textContent).toContain('the evidence indices are not readable by this user');
  });

  it('lists containment steps and the rollback of each privileged action with copyable commands', async () => {
    open();
    const containment = await screen.findByTestId('containmentSteps');
    expect(containment.textContent).toContain('Deactivate the access key AKIAUBDHRVPEYMZIT6J7 of bruno.costa.');
    expect(within(containment).getByTestId('containmentCommand').textContent).toContain('aws iam update-access-key --user-name bruno.costa');
    const rollback = screen.getByTestId(`rollback-${EVENT_IDS.createUser}`);
    expect(rollback.textContent).toContain('CreateUser');
    expect(within(rollback).getByTestId('rollbackCommand').textContent).toContain('aws iam delete-user --user-name svc-metrics-exporter');
  });

  it('changes the status with a note, then shows it and tells the page', async () => {
    let changed = 0;
    const { status } = open(undefined, { onStatusChanged: () => changed++ });
    const panel = await flyout();
    await userEvent.selectOptions(within(panel).getByTestId('flyoutStatusSelect'), 'acknowledged');
    await userEvent.click(within(panel).getByTestId('flyoutStatusNote'));
    await userEvent.paste('INC-1234: confirmed with bruno, key rotated');
    await userEvent.click(within(panel).getByTestId('flyoutStatusSave'));
    await waitFor(() => expect(status).toEqual([{ ids: [ID], status: 'acknowledged', note: 'INC-1234: confirmed with bruno, key rotated' }]));
    expect(await within(screen.getByTestId('flyoutHeader')).findByTestId('statusBadge-acknowledged')).toBeTruthy();
    expect(screen.getByTestId('flyoutStatusNoteShown').textContent).toContain('INC-1234: confirmed with bruno, key rotated');
    expect(changed).toBe(1);
  });

  it('shows readers the status without a way to change it', async () => {
    open(withRecords(buildFinding({ status: 'closed', patch: (f) => (f.cloud_api_abuse.workflow = { status: 'closed', note: 'false positive: pentest', updated_by: 'soc-lead', updated_at: '2026-11-21T09:00:00Z' }) })), {
      canWrite: false,
    });
    const status = await screen.findByTestId('flyoutStatus');
    expect(within(status).getByTestId('statusBadge-closed')).toBeTruthy();
    expect(status.textContent).toContain('by soc-lead');
    expect(status.textContent).toContain('false positive: pentest');
    expect(screen.queryByTestId('flyoutStatusSelect')).toBeNull();
  });

  it('exports the finding with its raw records as one JSON file', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    const createObjectURL = jest.fn((b: Blob) => (blobs.push(b), 'blob:finding'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      open(withRecords(buildFinding(), [EVENT_IDS.listRoles]));
      await screen.findByTestId('flyoutHeader');
      await userEvent.click(screen.getByTestId('exportFinding'));
      expect(names).toEqual([`cloud-api-abuse-finding-${ID}.json`]);
      const exported = JSON.parse(await readText(blobs[0]));
      expect(exported.finding_id).toBe(ID);
      expect(exported.finding.cloud_api_abuse.evidence).toHaveLength(6);
      expect(exported.records).toHaveLength(6);
      expect(exported.records.find((r: { event_id: string }) => r.event_id === EVENT_IDS.listRoles).error).toBe('the log file is no longer readable');
      expect(exported.records.find((r: { event_id: string }) => r.event_id === EVENT_IDS.createUser).record.eventName).toBe('CreateUser');
    } finally {
      click.mockRestore();
    }
  });
});
