/**
 * The detection task's state in Task Manager, versioned (never edit a published version: add one with its `up`).
 * Checkpoint per source: every event of that source before it has been analysed and its findings persisted.
 */
import { z } from 'zod';

export const TASK_STATE_VERSION = 1;

const runSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  from: z.string(),
  to: z.string(),
  eventsRead: z.number(),
  docsFetched: z.number(),
  requests: z.number(),
  findingsWritten: z.number(),
  findingsRejected: z.number(),
  durationMs: z.number(),
  mode: z.string(),
  truncated: z.boolean(),
});

export const taskStateV1 = z.object({
  stateVersion: z.literal(1).default(1),
  /** Source index pattern -> ISO time (windows are half-open on @timestamp, so no tiebreaker is needed). */
  checkpoints: z.record(z.string(), z.string()).default({}),
  /** How much time one run may cover; halved when a run hits maxEventsPerRun, grown back after easy runs. */
  spanMs: z.number().positive().optional(),
  runs: z.number().int().nonnegative().default(0),
  consecutiveFailures: z.number().int().nonnegative().default(0),
  lastRun: runSchema.optional(),
  lastSuccessAt: z.string().optional(),
  lastError: z.object({ message: z.string(), at: z.string() }).optional(),
});

export type DetectionTaskState = z.infer<typeof taskStateV1>;

export const emptyState: DetectionTaskState = { stateVersion: 1, checkpoints: {}, runs: 0, consecutiveFailures: 0 };

/** Reads whatever Task Manager hands back; an unreadable state starts over rather than wedging the task. */
export function readState(raw: unknown): DetectionTaskState {
  const parsed = taskStateV1.safeParse(raw ?? {});
  return parsed.success ? parsed.data : { ...emptyState };
}

/** `stateSchemaByVersion` for Task Manager, when Kibana's @kbn/config-schema can be loaded (inside Kibana). */
export function stateSchemaByVersion(): Record<number, { schema: unknown; up(state: Record<string, unknown>): Record<string, unknown> }> | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { schema } = require('@kbn/config-schema') as { schema: { any(): unknown } };
    return { 1: { schema: schema.any(), up: (state) => ({ ...readState(state) }) } };
  } catch {
    return undefined;
  }
}
