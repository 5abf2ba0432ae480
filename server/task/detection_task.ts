/**
 * The Task Manager task (kibana-contracts.md §3; CSP's register / schedule / remove idiom). One task per Kibana space,
 * fixed id, scheduled from start() on every node (ensureScheduled is idempotent) and re-scheduled with the user's
 * request when an analyst asks for a run, so Task Manager mints a user-scoped API key (RunContext.fakeRequest).
 * The runner always returns a state: a failure is visible in it (and in the health route) and keeps the checkpoint.
 */
import type { CloudApiAbuseConfig } from '../config';
import type {
  EsClient,
  KbnLogger,
  RunContextLike,
  TaskManagerSetupLike,
  TaskManagerStartLike,
} from '../kibana/types';
import type { ExpectedAutomation } from '../analytic/automation';
import type { FindingsStore, IdentityProfileStore } from '../store/types';
import { runOnce } from './detection_run_once';
import { emptyState, readState, stateSchemaByVersion, type DetectionTaskState } from './task_state';

export const DETECTION_TASK_TYPE = 'cloud_api_abuse:detection';

export const detectionTaskId = (spaceId: string): string => `cloud_api_abuse:detection:${spaceId}`;

/** What a run needs from Kibana, resolved when it starts (start services are ready by then). */
export interface DetectionTaskServices {
  /** The client that reads logs-*: user-scoped (fakeRequest) or the configured API key. Throws a clear error without. */
  readerFor(fakeRequest: unknown | undefined): Promise<EsClient>;
  findingsFor(spaceId: string): Promise<FindingsStore>;
  /** Where each run leaves the identity profiles (optional: runs without it just skip them). */
  identitiesFor?(spaceId: string): Promise<IdentityProfileStore>;
  automationFor(spaceId: string): Promise<ExpectedAutomation | undefined>;
}

export class MissingCredentialsError extends Error {
  constructor() {
    super(
      'detection has no credentials to read the audit logs: open the Cloud API Abuse app and choose "Run detection now" (the task then runs with your API key), or set cloudApiAbuse.credentials.mode: api_key with an API key',
    );
    this.name = 'MissingCredentialsError';
  }
}

export function registerDetectionTask(
  taskManager: TaskManagerSetupLike,
  deps: { logger: KbnLogger; config: CloudApiAbuseConfig; services: () => Promise<DetectionTaskServices>; now?: () => number },
): void {
  const schemas = stateSchemaByVersion();
  taskManager.registerTaskDefinitions({
    [DETECTION_TASK_TYPE]: {
      title: 'Cloud API Abuse detection',
      description: 'Finds stolen or misused cloud credentials in AWS, GCP and Azure audit logs and writes findings.',
      timeout: '15m',
      maxAttempts: 1,
      cost: 2,
      ...(schemas ? { stateSchemaByVersion: schemas } : {}),
      createTaskRunner: (context: RunContextLike) => {
        const controller = new AbortController();
        context.signal?.addEventListener('abort', () => controller.abort(), { once: true });
        return {
          run: async () => ({ state: await runDetectionTask(context, deps, controller.signal) }),
          cancel: async () => controller.abort(),
        };
      },
    },
  });
}

async function runDetectionTask(
  context: RunContextLike,
  deps: { logger: KbnLogger; config: CloudApiAbuseConfig; services: () => Promise<DetectionTaskServices>; now?: () => number },
  signal: AbortSignal,
): Promise<DetectionTaskState> {
  const state = readState(context.taskInstance.state);
  const spaceId = String(context.taskInstance.params.spaceId ?? 'default');
  const now = deps.now ?? Date.now;
  const logger = deps.logger.get('task');
  try {
    const services = await deps.services();
    const reader = await services.readerFor(context.fakeRequest);
    const [findings, automation, identities] = await Promise.all([services.findingsFor(spaceId), services.automationFor(spaceId), services.identitiesFor?.(spaceId)]);
    return await runOnce(state, { config: deps.config, reader, findings, identities, automation, logger, now, signal });
  } catch (error) {
    const message = (error as Error).message;
    logger.error(`detection run failed, checkpoint kept: ${message}`);
    return { ...state, runs: state.runs + 1, consecutiveFailures: state.consecutiveFailures + 1, lastError: { message, at: new Date(now()).toISOString() } };
  }
}

/** Ensures the space's task is scheduled; with a request, Task Manager runs it with that user's API key. */
export async function scheduleDetectionTask(
  taskManager: TaskManagerStartLike,
  spaceId: string,
  interval: string,
  logger: KbnLogger,
  request?: unknown,
): Promise<boolean> {
  try {
    await taskManager.ensureScheduled(
      { id: detectionTaskId(spaceId), taskType: DETECTION_TASK_TYPE, schedule: { interval }, params: { spaceId }, state: { ...emptyState } },
      request ? { request } : undefined,
    );
    return true;
  } catch (error) {
    logger.error(`could not schedule the detection task for space ${spaceId}: ${(error as Error).message}`);
    return false;
  }
}

export async function removeDetectionTask(taskManager: TaskManagerStartLike, spaceId: string, logger: KbnLogger): Promise<void> {
  try {
    await taskManager.removeIfExists(detectionTaskId(spaceId));
  } catch (error) {
    logger.error(`could not remove the detection task for space ${spaceId}: ${(error as Error).message}`);
  }
}
