/** The routes' view of the detection task: health from its state in Task Manager, and "run now". */
import type { DetectionControl, DetectionHealth } from '../store/types';
import type { KbnLogger, TaskManagerStartLike } from '../kibana/types';
import { detectionTaskId, scheduleDetectionTask } from './detection_task';
import { readState } from './task_state';

export class TaskDetectionControl implements DetectionControl {
  constructor(
    private readonly deps: {
      taskManager: TaskManagerStartLike;
      spaceId: string;
      interval: string;
      enabled: boolean;
      logger: KbnLogger;
      /** The analyst's request: scheduling with it gives the task that user's (API key) access to the logs. */
      request?: unknown;
      now?: () => number;
    },
  ) {}

  async health(): Promise<DetectionHealth> {
    const { taskManager, spaceId, enabled } = this.deps;
    const now = (this.deps.now ?? Date.now)();
    const task = await taskManager.get?.(detectionTaskId(spaceId)).catch(() => undefined);
    if (!task) return { enabled, consecutiveFailures: 0, running: false };
    const state = readState(task.state);
    const checkpoints = Object.values(state.checkpoints).map(Date.parse);
    const checkpoint = checkpoints.length ? Math.min(...checkpoints) : undefined;
    return {
      enabled,
      running: (task as { status?: string }).status === 'running',
      consecutiveFailures: state.consecutiveFailures,
      ...(state.lastRun
        ? {
            lastRunStartedAt: state.lastRun.startedAt,
            lastRunFinishedAt: state.lastRun.finishedAt,
            lastRun: {
              eventsRead: state.lastRun.eventsRead,
              findingsWritten: state.lastRun.findingsWritten,
              durationMs: state.lastRun.durationMs,
              docsFetched: state.lastRun.docsFetched,
              mode: state.lastRun.mode,
            },
          }
        : {}),
      ...(state.lastSuccessAt ? { lastSuccessAt: state.lastSuccessAt } : {}),
      ...(checkpoint !== undefined ? { checkpoint: new Date(checkpoint).toISOString(), lagMs: now - checkpoint } : {}),
      ...(state.lastError ? { lastError: state.lastError } : {}),
    };
  }

  async runNow(): Promise<{ scheduled: boolean }> {
    const { taskManager, spaceId, interval, logger, request } = this.deps;
    const scheduled = await scheduleDetectionTask(taskManager, spaceId, interval, logger, request);
    if (!scheduled) return { scheduled: false };
    await taskManager.runSoon(detectionTaskId(spaceId));
    return { scheduled: true };
  }
}
