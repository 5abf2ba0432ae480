/**
 * The host's Task Manager: runs the detection when started, on "run now", and every interval when periodic; one run
 * at a time (a "run now" during a run queues one more). What the last run did is kept in the database, so the
 * health the UI shows survives a restart.
 */
import type { DetectionControl, DetectionHealth } from '../../../server/store/types';
import type { HostStateStore } from '../store/host_state_store';
import type { DetectionRunner, RunOutcome } from './detection_runner';

const STATE_KEY = 'scheduler';

interface SchedulerState {
  lastRunStartedAt?: string;
  lastRunFinishedAt?: string;
  lastSuccessAt?: string;
  lastRun?: { eventsRead: number; findingsWritten: number; durationMs: number; mode: string };
  lastError?: { message: string; at: string };
  consecutiveFailures: number;
  /** ISO time. */
  checkpoint?: string;
}

export interface SchedulerEvents {
  runStarted?(): void;
  progress?(eventsRead: number): void;
  runFinished?(outcome: RunOutcome, durationMs: number): void;
  /** Nothing changed since the last run. */
  runSkipped?(): void;
  runFailed?(error: Error): void;
}

export interface SchedulerOptions {
  runner: DetectionRunner;
  state: HostStateStore;
  /** Runs again this long after each run ends; absent: only at start and on "run now". */
  intervalMs?: number;
  events?: SchedulerEvents;
  now?: () => number;
}

const iso = (t: number): string => new Date(t).toISOString();

export class DetectionScheduler implements DetectionControl {
  private running = false;
  private pending = false;
  /** The queued run must run even if nothing changed. */
  private force = false;
  private closed = false;
  private started = false;
  private timer?: NodeJS.Timeout;
  private controller?: AbortController;
  private currentStart?: number;
  private eventsRead = 0;
  private idleWaiters: (() => void)[] = [];
  private loopDone: Promise<void> = Promise.resolve();
  private state: SchedulerState;
  private readonly now: () => number;

  constructor(private readonly o: SchedulerOptions) {
    this.now = o.now ?? Date.now;
    this.state = o.state.get<SchedulerState>(STATE_KEY) ?? { consecutiveFailures: 0 };
  }

  /** The first run, now. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.trigger(false);
  }

  async runNow(): Promise<{ scheduled: boolean }> {
    if (this.closed) return { scheduled: false };
    this.started = true;
    this.trigger(true);
    return { scheduled: true };
  }

  async health(): Promise<DetectionHealth> {
    const s = this.state;
    const checkpoint = s.checkpoint !== undefined ? Date.parse(s.checkpoint) : undefined;
    return {
      enabled: !this.closed,
      running: this.running,
      consecutiveFailures: s.consecutiveFailures,
      ...(this.running ? { progress: { eventsRead: this.eventsRead } } : {}),
      ...(this.running && this.currentStart !== undefined ? { lastRunStartedAt: iso(this.currentStart) } : s.lastRunStartedAt ? { lastRunStartedAt: s.lastRunStartedAt } : {}),
      ...(s.lastRunFinishedAt ? { lastRunFinishedAt: s.lastRunFinishedAt } : {}),
      ...(s.lastSuccessAt ? { lastSuccessAt: s.lastSuccessAt } : {}),
      ...(s.lastRun ? { lastRun: s.lastRun } : {}),
      ...(s.lastError ? { lastError: s.lastError } : {}),
      ...(checkpoint !== undefined ? { checkpoint: iso(checkpoint), lagMs: this.now() - checkpoint } : {}),
    };
  }

  /** Resolves once no run is under way or queued. */
  whenIdle(): Promise<void> {
    if (!this.running && !this.pending) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops the timer, cancels a run under way and waits for it to end. */
  async close(): Promise<void> {
    this.closed = true;
    this.pending = false;
    if (this.timer) clearTimeout(this.timer);
    this.controller?.abort();
    await this.loopDone;
  }

  private trigger(force: boolean): void {
    this.force ||= force;
    if (this.running) {
      this.pending = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.running = true;
    this.loopDone = this.loop();
  }

  private async loop(): Promise<void> {
    do {
      this.pending = false;
      const force = this.force;
      this.force = false;
      await this.runOnce(force);
    } while (this.pending && !this.closed);
    this.running = false;
    if (!this.closed && this.o.intervalMs !== undefined) {
      this.timer = setTimeout(() => this.trigger(false), this.o.intervalMs);
      this.timer.unref();
    }
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async runOnce(force: boolean): Promise<void> {
    const startedAt = this.now();
    this.currentStart = startedAt;
    this.eventsRead = 0;
    this.controller = new AbortController();
    const { events } = this.o;
    events?.runStarted?.();
    try {
      const outcome = await this.o.runner.run({
        signal: this.controller.signal,
        force,
        onProgress: (n) => {
          this.eventsRead = n;
          events?.progress?.(n);
        },
      });
      if (outcome === undefined) {
        events?.runSkipped?.();
        return;
      }
      const finishedAt = this.now();
      this.save({
        ...this.state,
        lastRunStartedAt: iso(startedAt),
        lastRunFinishedAt: iso(finishedAt),
        lastSuccessAt: iso(finishedAt),
        lastRun: { eventsRead: outcome.eventsRead, findingsWritten: outcome.findingsWritten, durationMs: finishedAt - startedAt, mode: outcome.mode },
        lastError: undefined,
        consecutiveFailures: 0,
        ...(outcome.checkpoint !== undefined ? { checkpoint: iso(outcome.checkpoint) } : {}),
      });
      events?.runFinished?.(outcome, finishedAt - startedAt);
    } catch (error) {
      // A run cancelled because the host is closing is not a failure of the detection.
      if (this.closed) return;
      const err = error instanceof Error ? error : new Error(String(error));
      const at = this.now();
      this.save({
        ...this.state,
        lastRunStartedAt: iso(startedAt),
        lastRunFinishedAt: iso(at),
        lastError: { message: err.message, at: iso(at) },
        consecutiveFailures: this.state.consecutiveFailures + 1,
      });
      events?.runFailed?.(err);
    } finally {
      this.currentStart = undefined;
      this.controller = undefined;
    }
  }

  private save(state: SchedulerState): void {
    this.state = state;
    this.o.state.set(STATE_KEY, state);
  }
}
