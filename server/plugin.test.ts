/** The plugin as Kibana drives it: setup registers feature, routes and task; start installs the index and schedules. */
import { FakeElasticsearch } from '../test/support/fake_es';
import { FakeRouter, ANALYST_ALL, ANALYST_READ_ONLY } from '../test/support/fake_kibana';
import { FakeTaskManager } from '../test/support/fake_task_manager';
import type { CoreSetupLike, CoreStartLike, KbnLogger, KibanaFeatureConfigLike } from './kibana/types';
import { CloudApiAbusePlugin, type StartDeps } from './plugin';
import { detectionTaskId, DETECTION_TASK_TYPE } from './task/detection_task';
import { plugin, config } from './index';

const logger: KbnLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, get: () => logger };
const context = (cfg: unknown) => ({ logger: { get: () => logger }, config: { get: <T>() => cfg as T }, env: { packageInfo: { version: '0.1.0' } } });

async function setupPlugin(cfg: unknown = {}) {
  const es = new FakeElasticsearch();
  const client = es.client();
  const coreStart: CoreStartLike = { elasticsearch: { client: { asInternalUser: client, asScoped: () => ({ asInternalUser: client, asCurrentUser: client }) } } };
  const taskManager = new FakeTaskManager();
  const features: KibanaFeatureConfigLike[] = [];
  const router = new FakeRouter({ elasticsearch: { client: { asInternalUser: client, asCurrentUser: client } } });
  const deps: StartDeps = { taskManager, security: { authc: { getCurrentUser: () => ({ username: 'analyst' }) } } };
  const core: CoreSetupLike<StartDeps> = {
    http: { createRouter: () => router as never },
    getStartServices: async () => [coreStart, deps, undefined],
  };
  const p = new CloudApiAbusePlugin(context(cfg));
  p.setup(core, { taskManager, features: { registerKibanaFeature: (f) => void features.push(f) } });
  return { p, es, taskManager, features, router, coreStart, deps };
}

describe('CloudApiAbusePlugin', () => {
  it('exports an async initializer and a config descriptor that applies defaults and rejects bad values', async () => {
    expect(await plugin(context({}))).toBeInstanceOf(CloudApiAbusePlugin);
    expect(config.schema.validate({}).schedule.interval).toBe('5m');
    expect(() => config.schema.validate({ schedule: { interval: 'often' } })).toThrow(/schedule\.interval/);
    expect(() => config.schema.validate({ credentials: { mode: 'api_key' } })).toThrow(/apiKey is required/);
    expect(() => config.schema.validate({ sources: ['LOGS-*'] })).toThrow(/sources/);
  });

  it('registers the feature with read and all privileges, thirteen routes, and the task type', async () => {
    const { features, router, taskManager } = await setupPlugin();
    expect(features[0]).toMatchObject({ id: 'cloudApiAbuse', category: { id: 'securitySolution' } });
    expect(features[0].privileges.read.api).toEqual(['cloudApiAbuse-read']);
    expect(features[0].privileges.all.api).toEqual(['cloudApiAbuse-read', 'cloudApiAbuse-all']);
    expect(router.routes).toHaveLength(13);
    expect(taskManager.definitions.has(DETECTION_TASK_TYPE)).toBe(true);
  });

  it('installs the findings index and schedules the task at start; routes serve from them with privileges enforced', async () => {
    const { p, es, taskManager, router, coreStart, deps } = await setupPlugin();
    p.start(coreStart, deps);
    await new Promise((r) => setTimeout(r, 200));
    expect(es.indices()).toContain('.alerts-cloud_api_abuse.findings-default');
    expect(taskManager.tasks.get(detectionTaskId('default'))).toMatchObject({ schedule: { interval: '5m' }, params: { spaceId: 'default' } });

    const list = await router.invoke('get', '/internal/cloud_api_abuse/findings', { user: ANALYST_READ_ONLY });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 0, findings: [] });
    expect((await router.invoke('post', '/internal/cloud_api_abuse/detection/_run_soon', { user: ANALYST_READ_ONLY })).status).toBe(403);
    const run = await router.invoke('post', '/internal/cloud_api_abuse/detection/_run_soon', { user: ANALYST_ALL });
    expect(run.status).toBe(202);
    // Asking for a run re-schedules with the analyst's request: the task then reads with that user's API key.
    expect(taskManager.tasks.get(detectionTaskId('default'))?.scheduledWith).toBeDefined();
    expect(taskManager.runSoonCalls).toEqual([detectionTaskId('default')]);
    const health = await router.invoke('get', '/internal/cloud_api_abuse/detection/_health', { user: ANALYST_READ_ONLY });
    expect(health.body).toMatchObject({ enabled: true, consecutiveFailures: 0 });

    // The Security rule and the dashboard are written for this space's findings index, which the client never names.
    const rule = await router.invoke('get', '/internal/cloud_api_abuse/security_rule', { user: ANALYST_READ_ONLY });
    expect(rule.status).toBe(200);
    expect(String(rule.body)).toContain('.alerts-cloud_api_abuse.findings-default');
    const objects = await router.invoke('get', '/internal/cloud_api_abuse/saved_objects', { user: ANALYST_READ_ONLY });
    expect(objects.status).toBe(200);
    expect(String(objects.body)).toContain('.alerts-cloud_api_abuse.findings-default');
  });
});
