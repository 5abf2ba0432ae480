/**
 * User agents, session names, principals and resource names come from attackers' own API calls. They must reach the
 * screen as text: never as markup, never as a link target.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEventLib, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { FindingWithRecords } from '../../common/api';
import { renderPanel } from '../../test/support/panel';
import { FindingsPage } from '../findings/findings_page';
import { buildFinding, EVENT_IDS, pageOf } from './finding.fixture';

const userEvent = userEventLib.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const JS = 'javascript:window.__xss=3';
const ID = 'deadbeefdeadbeefdeadbeefdeadbeef';

declare global {
  interface Window {
    __xss?: number;
  }
}

function hostile(): FindingWithRecords {
  const finding = buildFinding({
    id: ID,
    severity: 'critical',
    risk: 99,
    patch: (f) => {
      const c = f.cloud_api_abuse;
      c.root_identity = { ...c.root_identity, name: IMG, human: SCRIPT, id: JS };
      c.reasons[1].text = IMG;
      c.reasons[1].weight = 90;
      c.shift.after.user_agent = SCRIPT;
      c.shift.after.tool = IMG;
      c.shift.kind = SCRIPT;
      c.chain.stages[3].actions = [SCRIPT, IMG];
      c.chain.accounts = [JS];
      const attach = c.evidence.find((e) => e.event_id === EVENT_IDS.attachPolicy)!;
      Object.assign(attach, { user_agent: IMG, principal: JS, action: SCRIPT, resources: [IMG, JS], summary: SCRIPT, error_code: IMG });
      c.lineage.nodes[2].principal = SCRIPT;
      c.lineage.nodes[2].minted_by = { ...c.lineage.nodes[2].minted_by!, session_name: IMG, action: SCRIPT };
      c.lineage.nodes[1].minted_by = { ...c.lineage.nodes[1].minted_by!, session_name: JS };
      c.techniques.push({ id: JS, name: IMG, tactics: [SCRIPT] });
      c.response.containment[0].command = `aws iam update-access-key ${SCRIPT}`;
      c.response.rollback[0].text = IMG;
      c.automation = { name: IMG, reason: SCRIPT };
      c.workflow = { status: 'open', note: IMG, updated_by: SCRIPT, updated_at: '2026-11-21T00:00:00Z' };
    },
  });
  return {
    finding,
    records: finding.cloud_api_abuse.evidence.map((e) => ({ event_id: e.event_id, record: { userAgent: IMG, requestParameters: { roleSessionName: SCRIPT, policyArn: JS } } })),
  };
}

function expectNothingExecuted(): void {
  // EUI draws icons it has not loaded yet as <img class="euiIcon">; any other image came from the data.
  expect(document.querySelector('img:not(.euiIcon)')).toBeNull();
  expect(document.querySelector('img[src="x"]')).toBeNull();
  expect(document.querySelector('script')).toBeNull();
  expect(document.querySelector('[onerror]')).toBeNull();
  const hrefs = [...document.querySelectorAll('[href]')].map((a) => a.getAttribute('href') ?? '');
  expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
  expect(window.__xss).toBeUndefined();
}

describe('untrusted strings from the logs', () => {
  it('render as literal text in the table and the flyout, never as elements or links', async () => {
    const data = hostile();
    renderPanel(<FindingsPage refreshKey={0} query={new URLSearchParams()} />, {
      api: {
        listFindings: async () => pageOf([data.finding]),
        findingsHistogram: async () => ({ interval: '1d', buckets: [], bySeverity: { low: 0, medium: 0, high: 0, critical: 1 } }),
        health: async () => ({ enabled: true, consecutiveFailures: 0, running: false, lastRunFinishedAt: '2026-11-24T00:00:00Z' }),
        getFinding: async () => data,
      },
    });
    const row = await screen.findByTestId(`findingsRow-${ID}`);
    // The headline (a reason) and the root identity's name.
    expect(within(row).getAllByText(IMG)).toHaveLength(2);
    expect(within(row).getByTestId(`findingLink-${ID}`).textContent).toBe(IMG);
    expect(row.textContent).toContain(`Expected automation: ${IMG}`);
    expectNothingExecuted();

    await userEvent.click(within(row).getByTestId(`findingLink-${ID}`));
    const flyout = await screen.findByTestId('findingFlyout');
    await within(flyout).findByTestId('lineageGraph');
    await userEvent.click(within(flyout).getByTestId(`evidenceRawToggle-${EVENT_IDS.attachPolicy}`));
    const raw = await within(flyout).findByTestId(`rawRecord-${EVENT_IDS.attachPolicy}`);

    const text = flyout.textContent ?? '';
    for (const value of [IMG, SCRIPT, JS]) expect(text).toContain(value);
    expect(within(flyout).getByRole('heading', { level: 2 }).textContent).toBe(IMG);
    expect(within(flyout).getByTestId('shiftRow-user_agent').textContent).toContain(SCRIPT);
    expect(within(flyout).getByTestId(`evidenceRow-${EVENT_IDS.attachPolicy}`).textContent).toContain(IMG);
    expect(within(raw).getByTestId('rawRecordJson').textContent).toContain('"userAgent": "<img src=x onerror=\\"window.__xss=1\\">"');
    expect(raw.textContent).toContain(`${IMG}, ${JS}`);
    const lineage = within(flyout).getByTestId('lineageGraph').textContent ?? '';
    expect(lineage).toContain(SCRIPT);
    expect(lineage).toContain(IMG);
    // A technique id that is not an ATT&CK id gets no link at all.
    expect(within(flyout).getByTestId(`technique-${JS}`).closest('a')).toBeNull();
    expect(within(flyout).getByTestId('technique-T1580').getAttribute('href')).toBe('https://attack.mitre.org/techniques/T1580/');
    await waitFor(expectNothingExecuted);
  });
});
