import { ANALYST_READ_ONLY, createFakeKibana, makeFinding, NO_FEATURE_ACCESS } from '../../test/support/fake_kibana';
import { READ_PRIVILEGE, ROUTE_PATHS } from './constants';
import { defineGetFindingRoute } from './get_finding';

const FINDING = makeFinding({ id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', actions: ['ConsoleLogin', 'CreateAccessKey'] });
const [LOGIN, KEY] = FINDING.cloud_api_abuse.evidence;
const LOGIN_RECORD = { eventID: LOGIN.event_id, eventName: 'ConsoleLogin', sourceIPAddress: '203.0.113.7' };

function pathOf(id: string): string {
  return ROUTE_PATHS.finding.replace('{id}', id);
}

function setup() {
  const kbn = createFakeKibana({ findings: [FINDING], records: new Map([[LOGIN.event_id, LOGIN_RECORD]]) });
  defineGetFindingRoute(kbn.router, kbn.servicesFor, kbn.logger);
  const get = jest.spyOn(kbn.findings, 'get');
  return { ...kbn, get };
}

describe('GET findings/{id}', () => {
  it('is an internal route that requires the read privilege', () => {
    const route = setup().router.route('get', ROUTE_PATHS.finding);
    expect(route?.config.options?.access).toBe('internal');
    expect(route?.config.security).toEqual({ authz: { requiredPrivileges: [READ_PRIVILEGE] } });
  });

  it('answers 401 without a user and 403 without the read privilege', async () => {
    const { router, get } = setup();
    expect((await router.invoke('get', pathOf(FINDING.cloud_api_abuse.finding_id), { user: null })).status).toBe(401);
    expect((await router.invoke('get', pathOf(FINDING.cloud_api_abuse.finding_id), { user: NO_FEATURE_ACCESS })).status).toBe(403);
    expect(get).not.toHaveBeenCalled();
  });

  it('returns the finding with the raw record behind each evidence event, or why it could not be re-read', async () => {
    const { router, get, evidence } = setup();
    const res = await router.invoke('get', pathOf(FINDING.cloud_api_abuse.finding_id.toUpperCase()), { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(200);
    expect(get).toHaveBeenCalledWith(FINDING.cloud_api_abuse.finding_id);
    expect(evidence.calls).toEqual([FINDING.cloud_api_abuse.evidence]);
    expect(res.body).toEqual({
      finding: FINDING,
      records: [
        { event_id: LOGIN.event_id, record: LOGIN_RECORD },
        { event_id: KEY.event_id, error: 'record not found at its origin' },
      ],
    });
  });

  it('answers 404 for an id no finding has', async () => {
    const { router } = setup();
    const res = await router.invoke('get', pathOf('ffffffffffffffffffffffffffffffff'), { user: ANALYST_READ_ONLY });
    expect(res).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'no finding with this id' } });
  });

  it.each([
    ['not hexadecimal', 'not-a-finding-id'],
    ['shorter than 16 characters', 'abcdef0123'],
    ['longer than 64 characters', 'a'.repeat(65)],
    ['a wildcard', `${'a'.repeat(20)}*`],
    ['an encoded path traversal', '..%2F..%2F.kibana'],
  ])('answers 400 naming id for an id %s', async (_case, id) => {
    const { router, get } = setup();
    const res = await router.invoke('get', pathOf(id), { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(/^\[request params\]: id: /);
    expect(get).not.toHaveBeenCalled();
  });

  it.each([
    ['an index name', '?index=.kibana', 'index'],
    ['a query DSL', '?query=%7B%7D', 'query'],
    ['a source filter', '?_source=cloud_api_abuse.evidence', '_source'],
  ])('rejects %s in the query string with 400', async (_case, search, key) => {
    const { router, get } = setup();
    const res = await router.invoke('get', `${pathOf(FINDING.cloud_api_abuse.finding_id)}${search}`, { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain(`${key}: unknown key`);
    expect(get).not.toHaveBeenCalled();
  });

  it('still returns the finding when its evidence records cannot be read, saying so', async () => {
    const { router, evidence, logged } = setup();
    evidence.failWith('records', new Error('ENOENT: /var/log/cloudtrail/2024/05/01/file.json.gz'));
    const res = await router.invoke('get', pathOf(FINDING.cloud_api_abuse.finding_id), { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ finding: FINDING, records: [], recordsError: 'the evidence records could not be read' });
    expect(JSON.stringify(res.body)).not.toContain('/var/log');
    expect(logged).toEqual([expect.stringContaining('ENOENT')]);
  });

  it('hides a store failure behind a safe 500', async () => {
    const { router, findings } = setup();
    findings.failWith('get', new Error('index_not_found_exception: .alerts-cloud_api_abuse.findings-default'));
    const res = await router.invoke('get', pathOf(FINDING.cloud_api_abuse.finding_id), { user: ANALYST_READ_ONLY });
    expect(res).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'the finding could not be read' } });
  });
});
