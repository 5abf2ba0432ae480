import { ANALYST_ALL, ANALYST_READ_ONLY, createFakeKibana, NO_FEATURE_ACCESS } from '../../test/support/fake_kibana';
import { parseAutomationConfig } from '../analytic/automation';
import { ROUTE_PATHS, WRITE_PRIVILEGE } from './constants';
import { definePutAutomationRoute } from './put_automation';

const PATH = ROUTE_PATHS.automation;

const TERRAFORM = { name: 'terraform', reason: 'infrastructure pipeline', identities: ['arn:aws:iam::111122223333:role/terraform-*'], user_agents: ['terraform'] };
const GITHUB = { name: 'github deploys', reason: 'OIDC deploy role', accounts: ['111122223333'], user_agents: ['github-actions'] };

function setup(options: { namesUsers?: boolean } = {}) {
  const kbn = createFakeKibana(options);
  definePutAutomationRoute(kbn.router, kbn.servicesFor, kbn.logger);
  return kbn;
}

describe('PUT automation', () => {
  it('is an internal route that requires the all privilege', () => {
    const route = setup().router.route('put', PATH);
    expect(route?.config.options?.access).toBe('internal');
    expect(route?.config.security).toEqual({ authz: { requiredPrivileges: [WRITE_PRIVILEGE] } });
  });

  it('answers 401 without a user and 403 to a read-only analyst, storing nothing', async () => {
    const { router, automation } = setup();
    const body = { expected_automation: [TERRAFORM] };
    expect((await router.invoke('put', PATH, { user: null, body })).status).toBe(401);
    expect((await router.invoke('put', PATH, { user: ANALYST_READ_ONLY, body })).status).toBe(403);
    expect((await router.invoke('put', PATH, { user: NO_FEATURE_ACCESS, body })).status).toBe(403);
    expect(automation.puts).toEqual([]);
  });

  it('answers 403 when the request names no user to record the change under', async () => {
    const { router, automation } = setup({ namesUsers: false });
    const res = await router.invoke('put', PATH, { user: ANALYST_ALL, body: { expected_automation: [TERRAFORM] } });
    expect(res.status).toBe(403);
    expect(automation.puts).toEqual([]);
  });

  it('stores the validated file (defaults filled in) under the request user and returns it', async () => {
    const { router, automation } = setup();
    const res = await router.invoke('put', PATH, { user: ANALYST_ALL, body: { expected_automation: [TERRAFORM, GITHUB] } });
    const stored = { down_weight: 0.3, expected_automation: [TERRAFORM, GITHUB] };
    expect(res).toEqual({ status: 200, body: stored });
    expect(automation.puts).toEqual([{ config: stored, by: ANALYST_ALL.name }]);
  });

  it('accepts exactly what the CLI accepts as an automation file', async () => {
    const { router, automation } = setup();
    const file = { down_weight: 0.5, expected_automation: [GITHUB] };
    expect(() => parseAutomationConfig(JSON.stringify(file))).not.toThrow();
    expect((await router.invoke('put', PATH, { user: ANALYST_ALL, body: file })).status).toBe(200);
    expect(automation.config).toEqual(file);
  });

  it.each([
    ['an entry that matches nothing', { expected_automation: [{ name: 'x', reason: 'y' }] }, 'expected_automation.0'],
    ['a down weight above 1', { down_weight: 2, expected_automation: [] }, 'down_weight'],
    ['an entry without a reason', { expected_automation: [{ name: 'ci', accounts: ['1'] }] }, 'expected_automation.0.reason'],
    ['a name longer than 200 characters', { expected_automation: [{ ...GITHUB, name: 'n'.repeat(201) }] }, 'expected_automation.0.name'],
    ['more than 1,000 entries', { expected_automation: Array.from({ length: 1001 }, () => GITHUB) }, 'expected_automation'],
    ['an unknown key in an entry', { expected_automation: [{ ...GITHUB, regex: '.*' }] }, 'expected_automation.0.regex'],
  ])('answers 400 naming the field for %s', async (_case, body, field) => {
    const { router, automation } = setup();
    const res = await router.invoke('put', PATH, { user: ANALYST_ALL, body });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(new RegExp(`^\\[request body\\]: ${field.replace(/\./g, '\\.')}[.:]`));
    expect(automation.puts).toEqual([]);
  });

  it.each([
    ['an index to write to', { index: '.kibana', expected_automation: [] }, 'index'],
    ['who made the change', { by: 'someone-else', expected_automation: [] }, 'by'],
  ])('rejects a body that also carries %s with 400', async (_case, body, key) => {
    const { router, automation } = setup();
    const res = await router.invoke('put', PATH, { user: ANALYST_ALL, body });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain(`${key}: unknown key`);
    expect(automation.puts).toEqual([]);
  });

  it('rejects query parameters with 400', async () => {
    const { router } = setup();
    const res = await router.invoke('put', `${PATH}?index=logs-*`, { user: ANALYST_ALL, body: { expected_automation: [] } });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain('[request query]: index: unknown key');
  });

  it('hides a store failure behind a safe 500', async () => {
    const { router, automation, logged } = setup();
    automation.failWith('put', new Error('409 version conflict on cloud-api-abuse-automation:default'));
    const res = await router.invoke('put', PATH, { user: ANALYST_ALL, body: { expected_automation: [TERRAFORM] } });
    expect(res).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'the expected automation could not be saved' } });
    expect(logged).toEqual([expect.stringContaining('version conflict')]);
  });
});
