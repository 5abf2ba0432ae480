import { ANALYST_ALL, ANALYST_READ_ONLY, createFakeKibana, NO_FEATURE_ACCESS } from '../../test/support/fake_kibana';
import { ROUTE_PATHS, WRITE_PRIVILEGE } from './constants';
import { defineRunDetectionSoonRoute } from './run_detection_soon';

const PATH = ROUTE_PATHS.detectionRunSoon;

function setup() {
  const kbn = createFakeKibana();
  defineRunDetectionSoonRoute(kbn.router, kbn.servicesFor, kbn.logger);
  return kbn;
}

describe('POST detection/_run_soon', () => {
  it('is an internal route that requires the all privilege', () => {
    const route = setup().router.route('post', PATH);
    expect(route?.config.options?.access).toBe('internal');
    expect(route?.config.security).toEqual({ authz: { requiredPrivileges: [WRITE_PRIVILEGE] } });
  });

  it('answers 401 without a user and 403 to a read-only analyst, scheduling nothing', async () => {
    const { router, control } = setup();
    expect((await router.invoke('post', PATH, { user: null })).status).toBe(401);
    expect((await router.invoke('post', PATH, { user: ANALYST_READ_ONLY })).status).toBe(403);
    expect((await router.invoke('post', PATH, { user: NO_FEATURE_ACCESS })).status).toBe(403);
    expect(control.runNowCalls).toBe(0);
  });

  it('asks the scheduler for a run and answers 202 with what it said', async () => {
    const { router, control } = setup();
    expect(await router.invoke('post', PATH, { user: ANALYST_ALL })).toEqual({ status: 202, body: { scheduled: true } });
    expect(await router.invoke('post', PATH, { user: ANALYST_ALL, body: {} })).toEqual({ status: 202, body: { scheduled: true } });
    expect(control.runNowCalls).toBe(2);
  });

  it.each([
    ['a body naming indices to read', { body: { index: 'logs-*' } }, '[request body]: index: unknown key'],
    ['a body with a query', { body: { query: { match_all: {} } } }, '[request body]: query: unknown key'],
    ['a body that is not an object', { body: 'run everything' }, '[request body]: '],
    ['query parameters', { query: { index: 'logs-*' } }, '[request query]: index: unknown key'],
  ])('rejects %s with 400', async (_case, options, message) => {
    const { router, control } = setup();
    const res = await router.invoke('post', PATH, { user: ANALYST_ALL, ...options });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain(message);
    expect(control.runNowCalls).toBe(0);
  });

  it('hides a scheduler failure behind a safe 500', async () => {
    const { router, control, logged } = setup();
    control.failWith('runNow', new Error('task cloud_api_abuse:detection is not scheduled'));
    const res = await router.invoke('post', PATH, { user: ANALYST_ALL });
    expect(res).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'the detection run could not be requested' } });
    expect(logged).toEqual([expect.stringContaining('not scheduled')]);
  });
});
