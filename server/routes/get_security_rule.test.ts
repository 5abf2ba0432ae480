import { ANALYST_ALL, ANALYST_READ_ONLY, createFakeKibana, NO_FEATURE_ACCESS, type FakeRequestContext } from '../../test/support/fake_kibana';
import { securityRuleNdjson } from '../../plugin/saved_objects/security_rule';
import { findingsIndex } from '../store/elasticsearch/findings/findings_index';
import { READ_PRIVILEGE, ROUTE_PATHS } from './constants';
import { defineGetSecurityRuleRoute, NO_FINDINGS_INDEX, type FindingsIndexFor } from './get_security_rule';

const PATH = ROUTE_PATHS.securityRule;

/** The space comes from the server's view of the request; here the user's name stands for it. */
const perUserSpace: FindingsIndexFor<FakeRequestContext> = async (context) => {
  const core = await context.core;
  return findingsIndex(core.security.authc.getCurrentUser()?.username === ANALYST_ALL.name ? 'soc' : 'default').name;
};

/** `{}`: a host without a findings index. */
function setup({ findingsIndexFor }: { findingsIndexFor?: FindingsIndexFor<FakeRequestContext> } = { findingsIndexFor: perUserSpace }) {
  const kbn = createFakeKibana();
  defineGetSecurityRuleRoute(kbn.router, findingsIndexFor, kbn.logger);
  return kbn;
}

describe('GET security_rule', () => {
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

  it("answers the rule file for the findings index of the request's space, as a download", async () => {
    const { router } = setup();
    const res = await router.invoke('get', PATH, { user: ANALYST_READ_ONLY });
    expect(res).toEqual({
      status: 200,
      body: securityRuleNdjson('.alerts-cloud_api_abuse.findings-default'),
      headers: { 'content-type': 'application/ndjson', 'content-disposition': 'attachment; filename="cloud_api_abuse_security_rule.ndjson"' },
    });
    const soc = await router.invoke('get', PATH, { user: ANALYST_ALL });
    expect((JSON.parse(soc.body as string) as { index: string[] }).index).toEqual(['.alerts-cloud_api_abuse.findings-soc']);
  });

  it.each([
    ['an index name', '?index=logs-*', 'index'],
    ['a space', '?space=other', 'space'],
  ])('rejects %s in the query string with 400', async (_case, search, key) => {
    const res = await setup().router.invoke('get', `${PATH}${search}`, { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain(`[request query]: ${key}: unknown key`);
  });

  it('answers 404 where the host has no findings index', async () => {
    for (const host of [{}, { findingsIndexFor: async () => undefined }]) {
      const res = await setup(host).router.invoke('get', PATH, { user: ANALYST_READ_ONLY });
      expect(res).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: NO_FINDINGS_INDEX } });
    }
  });

  it('hides a failure behind a safe 500 and logs it', async () => {
    const kbn = setup({
      findingsIndexFor: async () => {
        throw new Error('spaces service unavailable at http://10.0.0.7:5601');
      },
    });
    const res = await kbn.router.invoke('get', PATH, { user: ANALYST_READ_ONLY });
    expect(res).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'the Security rule could not be generated' } });
    expect(kbn.logged).toEqual(['the Security rule could not be generated: spaces service unavailable at http://10.0.0.7:5601']);
  });
});
