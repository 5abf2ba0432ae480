import { ANALYST_ALL, ANALYST_READ_ONLY, createFakeKibana, makeFinding, NO_FEATURE_ACCESS } from '../../test/support/fake_kibana';
import type { FindingsHistogram } from '../store/types';
import { API_BASE, READ_PRIVILEGE, registerRoutes, ROUTE_PATHS, WRITE_PRIVILEGE } from './index';

const FINDING = makeFinding({ id: 'a1'.repeat(16) });

function setup() {
  const kbn = createFakeKibana({ findings: [FINDING] });
  registerRoutes(kbn.router, kbn.servicesFor, kbn.logger, async () => '.alerts-cloud_api_abuse.findings-default');
  return kbn;
}

/** A valid request for each route, so that only what a test changes can make it fail. */
const VALID: Record<string, { path: string; body?: unknown }> = {
  [`get ${ROUTE_PATHS.findings}`]: { path: ROUTE_PATHS.findings },
  [`get ${ROUTE_PATHS.findingsHistogram}`]: { path: ROUTE_PATHS.findingsHistogram },
  [`get ${ROUTE_PATHS.findingsSummary}`]: { path: ROUTE_PATHS.findingsSummary },
  [`get ${ROUTE_PATHS.finding}`]: { path: ROUTE_PATHS.finding.replace('{id}', FINDING.cloud_api_abuse.finding_id) },
  [`post ${ROUTE_PATHS.findingsStatus}`]: { path: ROUTE_PATHS.findingsStatus, body: { ids: [FINDING.cloud_api_abuse.finding_id], status: 'closed' } },
  [`post ${ROUTE_PATHS.detectionRunSoon}`]: { path: ROUTE_PATHS.detectionRunSoon },
  [`get ${ROUTE_PATHS.detectionHealth}`]: { path: ROUTE_PATHS.detectionHealth },
  [`get ${ROUTE_PATHS.coverage}`]: { path: `${ROUTE_PATHS.coverage}?from=2024-05-01&to=2024-05-02` },
  [`get ${ROUTE_PATHS.automation}`]: { path: ROUTE_PATHS.automation },
  [`put ${ROUTE_PATHS.automation}`]: { path: ROUTE_PATHS.automation, body: { expected_automation: [] } },
  [`get ${ROUTE_PATHS.identities}`]: { path: `${ROUTE_PATHS.identities}?search=alice` },
  [`get ${ROUTE_PATHS.securityRule}`]: { path: ROUTE_PATHS.securityRule },
  [`get ${ROUTE_PATHS.savedObjects}`]: { path: ROUTE_PATHS.savedObjects },
};

const routes = setup().router.routes.map((r) => ({ method: r.method, path: r.config.path, key: `${r.method} ${r.config.path}` }));

function withExtra(path: string, extra: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${extra}`;
}

describe('registerRoutes', () => {
  it('registers the thirteen routes of the API, each once', () => {
    expect(routes.map((r) => r.key).sort()).toEqual(Object.keys(VALID).sort());
  });

  it.each(routes)('$key is internal, under the API base, and guarded by the privilege its method implies', ({ method, path }) => {
    const route = setup().router.route(method, path);
    expect(path.startsWith(`${API_BASE}/`)).toBe(true);
    expect(route?.config.options?.access).toBe('internal');
    expect(route?.config.security).toEqual({ authz: { requiredPrivileges: [method === 'get' ? READ_PRIVILEGE : WRITE_PRIVILEGE] } });
  });

  it.each(routes)('$key answers its valid request for a user with every privilege', async ({ method, key }) => {
    const { router } = setup();
    const res = await router.invoke(method, VALID[key].path, { user: ANALYST_ALL, body: VALID[key].body });
    expect(res.status).toBeLessThan(300);
  });

  it.each(routes)('$key answers 401 without a user', async ({ method, key }) => {
    expect((await setup().router.invoke(method, VALID[key].path, { body: VALID[key].body })).status).toBe(401);
  });

  it.each(routes)('$key answers 403 to a user without the privilege it needs', async ({ method, key }) => {
    const user = method === 'get' ? NO_FEATURE_ACCESS : ANALYST_READ_ONLY;
    expect((await setup().router.invoke(method, VALID[key].path, { user, body: VALID[key].body })).status).toBe(403);
  });

  it.each(routes)('$key rejects an index or a query in the query string with 400', async ({ method, key }) => {
    const { router } = setup();
    for (const extra of ['index=logs-*', 'query=%7B%22match_all%22%3A%7B%7D%7D']) {
      const res = await router.invoke(method, withExtra(VALID[key].path, extra), { user: ANALYST_ALL, body: VALID[key].body });
      expect(res.status).toBe(400);
    }
  });

  it('serves findings/_histogram as the histogram, not as a finding id', async () => {
    const res = await setup().router.invoke('get', ROUTE_PATHS.findingsHistogram, { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(200);
    expect(res.body as FindingsHistogram).toHaveProperty('bySeverity');
  });
});
