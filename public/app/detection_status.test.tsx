import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPanel } from '../../test/support/panel';
import { ApiError } from '../api/http';
import { DetectionStatus, healthSummary } from './detection_status';

const base = { enabled: true, consecutiveFailures: 0, running: false };

describe('detection status', () => {
  it('says when the last run finished and what it did', async () => {
    const finished = new Date(Date.now() - 5 * 60_000).toISOString();
    renderPanel(<DetectionStatus />, {
      api: { health: async () => ({ ...base, lastRunFinishedAt: finished, lastSuccessAt: finished, lastRun: { eventsRead: 60_000, findingsWritten: 12, durationMs: 4_200 } }) },
    });
    expect(await screen.findByText('Last run 5 min ago')).toBeTruthy();
    expect(screen.getByText(/60,000 events, 12 findings written in 4.2 s/)).toBeTruthy();
  });

  it('shows a failing task with its error, not a stale success', () => {
    const s = healthSummary({ ...base, consecutiveFailures: 2, lastSuccessAt: '2026-11-20T00:00:00Z', lastError: { message: 'no credentials', at: '2026-11-20T01:00:00Z' } });
    expect(s.color).toBe('danger');
    expect(s.detail).toMatch(/no credentials.*2 failed run/);
  });

  it('lets a writer run detection now, and hides the button from readers', async () => {
    let asked = 0;
    const { services, unmount } = renderPanel(<DetectionStatus />, { api: { health: async () => base, runDetectionSoon: async () => (asked++, { scheduled: true }) } });
    await userEvent.click(await screen.findByTestId('runDetectionNow'));
    await waitFor(() => expect(asked).toBe(1));
    expect(services.notified[0].title).toMatch(/will run/);
    unmount();
    renderPanel(<DetectionStatus />, { api: { health: async () => base }, canWrite: false });
    await screen.findByText('Detection scheduled');
    expect(screen.queryByTestId('runDetectionNow')).toBeNull();
  });

  it('says the status is unavailable when the health route fails', async () => {
    renderPanel(<DetectionStatus />, { api: { health: async () => Promise.reject(new ApiError('forbidden', 403)) } });
    expect(await screen.findByText('Status unavailable')).toBeTruthy();
  });
});
