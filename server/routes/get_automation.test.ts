import { ANALYST_READ_ONLY, createFakeKibana, NO_FEATURE_ACCESS } from '../../test/support/fake_kibana';
import type { ExpectedAutomationFile } from '../analytic/automation';
import { READ_PRIVILEGE, ROUTE_PATHS } from './constants';
import { defineGetAutomationRoute } from './get_automation';

const PATH = ROUTE_PATHS.automation;

const PIPELINES: ExpectedAutomationFile = {
  down_weight: 0.2,
  expected_automation: [
    { name: 'terraform', reason: 'infrastructure pipeline', identities: ['arn:aws:iam::111122223333:role/terraform-*'], user_agents: ['terraform'] },
  ],
};

function setup() {
  const kbn = createFakeKibana();
  kbn.automation.config = PIPELINES;
  defineGetAutomationRoute(kbn.router, kbn.servicesFor, kbn.logger);
  return kbn;
}

describe('GET automation', () => {
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

  it('returns the stored file', async () => {
    const { router } = setup();
    expect(await router.invoke('get', PATH, { user: ANALYST_READ_ONLY })).toEqual({ status: 200, body: PIPELINES });
  });

  it.each([
    ['an index name', '?index=.kibana', 'index'],
    ['a query DSL', '?query=%7B%7D', 'query'],
  ])('rejects %s with 400', async (_case, search, key) => {
    const { router } = setup();
    const res = await router.invoke('get', `${PATH}${search}`, { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain(`[request query]: ${key}: unknown key`);
  });

  it('hides a store failure behind a safe 500', async () => {
    const { router, automation } = setup();
    automation.failWith('get', new Error('saved object cloud-api-abuse-automation is corrupt'));
    const res = await router.invoke('get', PATH, { user: ANALYST_READ_ONLY });
    expect(res).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'the expected automation could not be read' } });
  });
});
