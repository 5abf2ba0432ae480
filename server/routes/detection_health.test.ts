import { ANALYST_READ_ONLY, createFakeKibana, NO_FEATURE_ACCESS } from '../../test/support/fake_kibana';
import type { DetectionHealth } from '../store/types';
import { READ_PRIVILEGE, ROUTE_PATHS } from './constants';
import { defineDetectionHealthRoute } from './detection_health';

const PATH = ROUTE_PATHS.detectionHealth;

const LAGGING: DetectionHealth = {
  enabled: true,
  lastRunStartedAt: '2024-05-01T12:00:00.000Z',
  lastRunFinishedAt: '2024-05-01T12:00:41.000Z',
  lastSuccessAt: '2024-05-01T11:55:40.000Z',
  checkpoint: '2024-05-01T11:40:00.000Z',
  lagMs: 20 * 60_000,
  lastRun: { eventsRead: 250_000, findingsWritten: 3, durationMs: 41_000, mode: 'user' },
  lastError: { message: 'bounded run: 250000 events read, the rest next run', at: '2024-05-01T12:00:41.000Z' },
  consecutiveFailures: 1,
  running: false,
};

function setup() {
  const kbn = createFakeKibana();
  kbn.control.healthReport = LAGGING;
  defineDetectionHealthRoute(kbn.router, kbn.servicesFor, kbn.logger);
  return kbn;
}

describe('GET detection/_health', () => {
  it('is an internal route that requires the read privilege', () => {
    const route = setup().router.route('get', PATH);
    expect(route?.config.options?.access).toBe('internal');
    expect(route?.config.security).toEqual({ authz: { requiredPrivileges: [READ_PRIVILEGE] } });
  });

  it('answers 401 without a user and 403 without the read privilege', async () => {
    const { router } = setup();
    expect((await router.invoke('get', PATH, { user: null })).status).toBe(401);
    expect((await router.invoke('get', PATH, { user: NO_FEATURE_ACCESS })).status).toBe(403);
  });

  it('returns what the task reports about itself', async () => {
    const { router } = setup();
    expect(await router.invoke('get', PATH, { user: ANALYST_READ_ONLY })).toEqual({ status: 200, body: LAGGING });
  });

  it.each([
    ['an index name', '?index=.kibana_task_manager', 'index'],
    ['a task id', '?taskId=other-plugin-task', 'taskId'],
  ])('rejects %s in the query string with 400', async (_case, search, key) => {
    const { router } = setup();
    const res = await router.invoke('get', `${PATH}${search}`, { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain(`[request query]: ${key}: unknown key`);
  });

  it('hides a failure behind a safe 500', async () => {
    const { router, control } = setup();
    control.failWith('health', new Error('Saved object [task/cloud_api_abuse:detection] not found'));
    const res = await router.invoke('get', PATH, { user: ANALYST_READ_ONLY });
    expect(res).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'the detection health could not be read' } });
  });
});
