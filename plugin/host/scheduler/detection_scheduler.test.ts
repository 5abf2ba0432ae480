import * as path from 'node:path';
import { openHostStore, type HostStore } from '../store';
import { tempDir } from '../test_support';
import type { DetectionRunner, RunContext, RunOutcome } from './detection_runner';
import { DetectionScheduler } from './detection_scheduler';

/** A runner the test drives: each run waits until the test finishes or fails it. */
class ScriptedRunner implements DetectionRunner {
  readonly mode = 'scripted';
  readonly runs: RunContext[] = [];
  private settle: ((outcome: RunOutcome | undefined | Error) => void)[] = [];

  run(context: RunContext): Promise<RunOutcome | undefined> {
    this.runs.push(context);
    return new Promise((resolve, reject) => {
      const abort = (): void => reject(new Error('run aborted'));
      context.signal.addEventListener('abort', abort, { once: true });
      this.settle.push((o) => (o instanceof Error ? reject(o) : resolve(o)));
    });
  }

  async started(n: number): Promise<void> {
    while (this.runs.length < n) await new Promise((r) => setImmediate(r));
  }

  finish(outcome: RunOutcome | undefined | Error): void {
    const next = this.settle.shift();
    if (!next) throw new Error('no run is waiting');
    next(outcome);
  }
}

const outcome = (events: number, findings: number, checkpoint?: number): RunOutcome => ({ eventsRead: events, findingsWritten: findings, mode: 'scripted', ...(checkpoint ? { checkpoint } : {}) });

describe('DetectionScheduler', () => {
  let store: HostStore;
  let clock: number;
  const now = (): number => clock;
  beforeEach(() => {
    store = openHostStore(path.join(tempDir(), 'scheduler.sqlite'));
    clock = Date.parse('2026-11-21T08:00:00Z');
  });
  afterEach(() => store.close());

  it('reports a run under way with the events read so far, then its figures and checkpoint', async () => {
    const runner = new ScriptedRunner();
    const scheduler = new DetectionScheduler({ runner, state: store.state, now });
    expect(await scheduler.health()).toEqual({ enabled: true, running: false, consecutiveFailures: 0 });
    scheduler.start();
    await runner.started(1);
    runner.runs[0].onProgress(12_000);
    expect(await scheduler.health()).toEqual({ enabled: true, running: true, consecutiveFailures: 0, progress: { eventsRead: 12_000 }, lastRunStartedAt: '2026-11-21T08:00:00.000Z' });
    clock += 4_000;
    runner.finish(outcome(20_000, 9, Date.parse('2026-11-20T23:59:00Z')));
    await scheduler.whenIdle();
    expect(await scheduler.health()).toEqual({
      enabled: true,
      running: false,
      consecutiveFailures: 0,
      lastRunStartedAt: '2026-11-21T08:00:00.000Z',
      lastRunFinishedAt: '2026-11-21T08:00:04.000Z',
      lastSuccessAt: '2026-11-21T08:00:04.000Z',
      lastRun: { eventsRead: 20_000, findingsWritten: 9, durationMs: 4_000, mode: 'scripted' },
      checkpoint: '2026-11-20T23:59:00.000Z',
      // 23:59:00 to 08:00:04
      lagMs: 8 * 3_600_000 + 60_000 + 4_000,
    });
    await scheduler.close();
  });

  it('counts failures in a row with the last error, and a success clears them', async () => {
    const runner = new ScriptedRunner();
    const scheduler = new DetectionScheduler({ runner, state: store.state, now });
    scheduler.start();
    await runner.started(1);
    runner.finish(new Error('no log files in /data'));
    await scheduler.whenIdle();
    await scheduler.runNow();
    await runner.started(2);
    runner.finish(new Error('no log files in /data'));
    await scheduler.whenIdle();
    expect(await scheduler.health()).toMatchObject({ consecutiveFailures: 2, lastError: { message: 'no log files in /data', at: '2026-11-21T08:00:00.000Z' } });
    await scheduler.runNow();
    await runner.started(3);
    runner.finish(outcome(10, 1));
    await scheduler.whenIdle();
    const health = await scheduler.health();
    expect(health.consecutiveFailures).toBe(0);
    expect(health.lastError).toBeUndefined();
    await scheduler.close();
  });

  it('runs once more, forced, when asked during a run; a skipped run changes nothing', async () => {
    const runner = new ScriptedRunner();
    const scheduler = new DetectionScheduler({ runner, state: store.state, now });
    scheduler.start();
    await runner.started(1);
    expect(runner.runs[0].force).toBe(false);
    expect(await scheduler.runNow()).toEqual({ scheduled: true });
    expect(await scheduler.runNow()).toEqual({ scheduled: true });
    runner.finish(outcome(5, 1));
    await runner.started(2);
    expect(runner.runs[1].force).toBe(true);
    const before = await scheduler.health();
    expect(before.lastRun).toMatchObject({ eventsRead: 5, findingsWritten: 1 });
    runner.finish(undefined);
    await scheduler.whenIdle();
    expect(runner.runs).toHaveLength(2);
    const after = await scheduler.health();
    expect(after.running).toBe(false);
    expect(after.progress).toBeUndefined();
    expect([after.lastRun, after.lastRunFinishedAt, after.lastSuccessAt]).toEqual([before.lastRun, before.lastRunFinishedAt, before.lastSuccessAt]);
    await scheduler.close();
  });

  it('keeps what the last run did across a restart', async () => {
    const runner = new ScriptedRunner();
    const first = new DetectionScheduler({ runner, state: store.state, now });
    first.start();
    await runner.started(1);
    runner.finish(outcome(300, 7, clock - 60_000));
    await first.whenIdle();
    await first.close();
    const second = new DetectionScheduler({ runner: new ScriptedRunner(), state: store.state, now });
    expect(await second.health()).toMatchObject({ running: false, lastRun: { eventsRead: 300, findingsWritten: 7 }, lagMs: 60_000 });
    await second.close();
  });

  it('runs again every interval after a run ends', async () => {
    const runner = new ScriptedRunner();
    const scheduler = new DetectionScheduler({ runner, state: store.state, now, intervalMs: 20 });
    scheduler.start();
    await runner.started(1);
    runner.finish(undefined);
    await runner.started(2);
    expect(runner.runs[1].force).toBe(false);
    runner.finish(outcome(1, 0));
    await runner.started(3);
    await scheduler.close();
  });

  it('cancels a run under way when closed, without counting it as a failure, and runs nothing after', async () => {
    const runner = new ScriptedRunner();
    const scheduler = new DetectionScheduler({ runner, state: store.state, now, intervalMs: 10 });
    scheduler.start();
    await runner.started(1);
    await scheduler.close();
    expect(runner.runs[0].signal.aborted).toBe(true);
    expect(await scheduler.health()).toEqual({ enabled: false, running: false, consecutiveFailures: 0 });
    expect(await scheduler.runNow()).toEqual({ scheduled: false });
    await new Promise((r) => setTimeout(r, 30));
    expect(runner.runs).toHaveLength(1);
  });
});
