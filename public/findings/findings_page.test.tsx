import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DetectionHealth, FindingsHistogram, FindingsListParams } from '../../common/api';
import { renderPanel } from '../../test/support/panel';
import { buildFinding, pageOf, withRecords } from '../flyout/finding.fixture';
import { FindingsPage } from './findings_page';
import { canvasForComboBoxes } from './jsdom_canvas';

beforeAll(canvasForComboBoxes);

const ran: DetectionHealth = { enabled: true, consecutiveFailures: 0, running: false, lastRunFinishedAt: '2026-11-24T08:00:00Z', lastSuccessAt: '2026-11-24T08:00:00Z' };
const histogram: FindingsHistogram = {
  interval: '1d',
  buckets: [{ time: '2026-11-20T00:00:00Z', counts: { low: 1, medium: 0, high: 1, critical: 1 } }],
  bySeverity: { low: 1, medium: 0, high: 1, critical: 1 },
};

describe('findings page', () => {
  it('smoke', async () => {
    const calls: FindingsListParams[] = [];
    renderPanel(<FindingsPage refreshKey={0} query={new URLSearchParams()} />, {
      api: {
        listFindings: async (p) => (calls.push(p), pageOf([buildFinding(), buildFinding({ id: 'ab'.repeat(16), severity: 'critical', risk: 94 })])),
        findingsHistogram: async () => histogram,
        health: async () => ran,
        getFinding: async () => withRecords(buildFinding()),
      },
    });
    expect(await screen.findByTestId('findingsRow-c7ed879cbe5e92847bc93db02fb18c85')).toBeTruthy();
    await userEvent.click(within(screen.getByTestId('findingsRow-c7ed879cbe5e92847bc93db02fb18c85')).getAllByText('bruno.costa')[0]);
    expect(await screen.findByTestId('lineageGraph')).toBeTruthy();
    await waitFor(() => expect(calls.length).toBeGreaterThan(0));
  });
});
