import { ANALYST_READ_ONLY, createFakeKibana, NO_FEATURE_ACCESS, type FakeRequestContext } from '../../test/support/fake_kibana';
import { savedObjectsNdjson } from '../../plugin/saved_objects/dashboard';
import { findingsIndex } from '../store/elasticsearch/findings/findings_index';
import { READ_PRIVILEGE, ROUTE_PATHS } from './constants';
import { defineGetSavedObjectsRoute } from './get_saved_objects';
import { NO_FINDINGS_INDEX, type FindingsIndexFor } from './get_security_rule';

const PATH = ROUTE_PATHS.savedObjects;

/** `{}`: a host without a findings index. */
function setup({ findingsIndexFor }: { findingsIndexFor?: FindingsIndexFor<FakeRequestContext> } = { findingsIndexFor: async () => findingsIndex('team-a').name }) {
  const kbn = createFakeKibana();
  defineGetSavedObjectsRoute(kbn.router, findingsIndexFor, kbn.logger);
  return kbn;
}

describe('GET saved_objects', () => {
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

  it("answers the data view and dashboard file over the findings index of the request's space", async () => {
    const res = await setup().router.invoke('get', PATH, { user: ANALYST_READ_ONLY });
    expect(res).toEqual({
      status: 200,
      body: savedObjectsNdjson('.alerts-cloud_api_abuse.findings-team-a'),
      headers: { 'content-type': 'application/ndjson', 'content-disposition': 'attachment; filename="cloud_api_abuse_saved_objects.ndjson"' },
    });
    const dataView = (res.body as string).split('\n').map((line) => (line ? (JSON.parse(line) as { type?: string; attributes?: { title?: string } }) : {})).find((o) => o.type === 'index-pattern');
    expect(dataView?.attributes?.title).toBe('.alerts-cloud_api_abuse.findings-team-a');
  });

  it.each([
    ['an index pattern', '?index=logs-*', 'index'],
    ['a data view title', '?title=.kibana', 'title'],
  ])('rejects %s in the query string with 400', async (_case, search, key) => {
    const res = await setup().router.invoke('get', `${PATH}${search}`, { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain(`[request query]: ${key}: unknown key`);
  });

  it('answers 404 where the host has no findings index', async () => {
    const res = await setup({}).router.invoke('get', PATH, { user: ANALYST_READ_ONLY });
    expect(res).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: NO_FINDINGS_INDEX } });
  });

  it('hides a generation failure behind a safe 500', async () => {
    const kbn = setup({ findingsIndexFor: async () => 'not an index, with "quotes"' });
    const res = await kbn.router.invoke('get', PATH, { user: ANALYST_READ_ONLY });
    expect(res).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'the saved objects could not be generated' } });
    expect(kbn.logged[0]).toMatch(/^the saved objects could not be generated: not an index name or pattern/);
  });
});
