import { ANALYST_ALL, ANALYST_READ_ONLY, createFakeKibana, makeFinding, NO_FEATURE_ACCESS } from '../../test/support/fake_kibana';
import type { FindingsPage } from '../store/types';
import { READ_PRIVILEGE, ROUTE_PATHS } from './constants';
import { defineFindFindingsRoute } from './find_findings';

const PATH = ROUTE_PATHS.findings;

const STOLEN_KEY = makeFinding({ id: 'a1'.repeat(16), severity: 'critical', riskScore: 95, lastSeen: '2024-05-01T11:00:00.000Z' });
const GCP_SA = makeFinding({
  id: 'b2'.repeat(16),
  severity: 'high',
  riskScore: 70,
  provider: 'gcp',
  account: 'prod-project-7',
  rootId: 'ci-runner@prod-project-7.iam.gserviceaccount.com',
  actions: ['GenerateAccessToken', 'SetIamPolicy'],
  techniques: ['T1098.003'],
  lastSeen: '2024-05-01T12:00:00.000Z',
});
const CLOSED_LOW = makeFinding({ id: 'c3'.repeat(16), severity: 'low', riskScore: 20, status: 'closed', lastSeen: '2024-05-01T10:40:00.000Z' });

function setup() {
  const kbn = createFakeKibana({ findings: [STOLEN_KEY, GCP_SA, CLOSED_LOW] });
  defineFindFindingsRoute(kbn.router, kbn.servicesFor, kbn.logger);
  const list = jest.spyOn(kbn.findings, 'list');
  return { ...kbn, list };
}

describe('GET findings', () => {
  it('is an internal route that requires the read privilege', () => {
    const route = setup().router.route('get', PATH);
    expect(route?.config.options?.access).toBe('internal');
    expect(route?.config.security).toEqual({ authz: { requiredPrivileges: [READ_PRIVILEGE] } });
  });

  it('answers 401 without a user and 403 without the read privilege, never reaching the store', async () => {
    const { router, list } = setup();
    expect((await router.invoke('get', PATH, { user: null })).status).toBe(401);
    expect((await router.invoke('get', PATH, { user: NO_FEATURE_ACCESS })).status).toBe(403);
    expect(list).not.toHaveBeenCalled();
  });

  it('lists with defaults for a read-only analyst: highest risk first, page 0 of 25', async () => {
    const { router, list } = setup();
    const res = await router.invoke('get', PATH, { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(200);
    expect(list).toHaveBeenCalledWith({ sort: { field: 'risk_score', order: 'desc' }, page: 0, perPage: 25 });
    expect(res.body).toEqual(await list.mock.results[0].value);
    const page = res.body as FindingsPage;
    expect(page.total).toBe(3);
    expect(page.findings.map((f) => f.cloud_api_abuse.finding_id)).toEqual([STOLEN_KEY, GCP_SA, CLOSED_LOW].map((f) => f.cloud_api_abuse.finding_id));
  });

  it('hands the store every filter as typed values: repeated params as lists, times as epoch ms', async () => {
    const { router, list } = setup();
    const query =
      '?severities=high&severities=critical&severities=high&providers=gcp&accounts=prod-project-7&statuses=open&statuses=acknowledged' +
      '&techniques=T1098.003&identity=ci-runner%40prod-project-7.iam.gserviceaccount.com&search=%20SetIamPolicy%20' +
      '&from=2024-05-01T00:00:00Z&to=1714608000000&sortField=last_seen&sortOrder=asc&page=0&perPage=10';
    const res = await router.invoke('get', `${PATH}${query}`, { user: ANALYST_ALL });
    expect(res.status).toBe(200);
    expect(list).toHaveBeenCalledWith({
      from: Date.UTC(2024, 4, 1),
      to: 1714608000000,
      severities: ['high', 'critical'],
      providers: ['gcp'],
      accounts: ['prod-project-7'],
      identity: 'ci-runner@prod-project-7.iam.gserviceaccount.com',
      statuses: ['open', 'acknowledged'],
      techniques: ['T1098.003'],
      search: 'SetIamPolicy',
      sort: { field: 'last_seen', order: 'asc' },
      page: 0,
      perPage: 10,
    });
    expect((res.body as FindingsPage).findings.map((f) => f.cloud_api_abuse.finding_id)).toEqual([GCP_SA.cloud_api_abuse.finding_id]);
  });

  it('takes a parameter given once as a one-item list', async () => {
    const { router, list } = setup();
    await router.invoke('get', PATH, { user: ANALYST_READ_ONLY, query: { severities: 'critical', providers: 'aws' } });
    expect(list.mock.calls[0][0]).toMatchObject({ severities: ['critical'], providers: ['aws'] });
  });

  it('passes query-language-looking search text to the store as plain text', async () => {
    const { router, list } = setup();
    const res = await router.invoke('get', PATH, { user: ANALYST_READ_ONLY, query: { search: '{"match_all":{}} OR *' } });
    expect(res.status).toBe(200);
    expect(list.mock.calls[0][0].search).toBe('{"match_all":{}} OR *');
    expect((res.body as FindingsPage).total).toBe(0);
  });

  it('accepts the deepest page inside the 10,000-result window', async () => {
    const { router, list } = setup();
    const res = await router.invoke('get', `${PATH}?page=99&perPage=100`, { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(200);
    expect(list.mock.calls[0][0]).toMatchObject({ page: 99, perPage: 100 });
  });

  it.each([
    ['search longer than 256 characters', { search: 'x'.repeat(257) }, 'search'],
    ['search with control characters', { search: 'root\u0000' }, 'search'],
    ['perPage 1000', { perPage: '1000' }, 'perPage'],
    ['perPage 0', { perPage: '0' }, 'perPage'],
    ['perPage not a number', { perPage: '10; DROP' }, 'perPage'],
    ['page beyond 10,000 results', { page: '100', perPage: '100' }, 'page'],
    ['page beyond the window at the default page size', { page: '400' }, 'page'],
    ['negative page', { page: '-1' }, 'page'],
    ['unparseable time', { from: 'last tuesday' }, 'from'],
    ['date-time without a zone', { to: '2024-05-01T12:00:00' }, 'to'],
    ['from after to', { from: '2024-05-02T00:00:00Z', to: '2024-05-01T00:00:00Z' }, 'from'],
    ['from equal to to', { from: '1714564800000', to: '1714564800000' }, 'from'],
    ['unknown status', { statuses: ['open', 'deleted'] }, 'statuses'],
    ['unknown severity', { severities: 'severe' }, 'severities'],
    ['unknown provider', { providers: 'oracle' }, 'providers'],
    ['wildcard account', { accounts: 'logs-*' }, 'accounts'],
    ['account longer than 128 characters', { accounts: '1'.repeat(129) }, 'accounts'],
    ['identity longer than 512 characters', { identity: 'a'.repeat(513) }, 'identity'],
    ['malformed technique', { techniques: 'T1078.4' }, 'techniques'],
    ['too many techniques', { techniques: Array.from({ length: 51 }, (_, i) => `T${1000 + i}`) }, 'techniques'],
    ['sort on a field that is not offered', { sortField: '_score' }, 'sortField'],
    ['sort order that is not asc/desc', { sortOrder: 'random' }, 'sortOrder'],
  ])('answers 400 naming the field for %s', async (_case, query, field) => {
    const { router, list } = setup();
    const res = await router.invoke('get', PATH, { user: ANALYST_READ_ONLY, query });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(new RegExp(`^\\[request query\\]: ${field}[.:]`));
    expect(list).not.toHaveBeenCalled();
  });

  it.each([
    ['a query DSL', '?query=%7B%22match_all%22%3A%7B%7D%7D', 'query'],
    ['an index name', '?index=logs-*', 'index'],
    ['a body in the query string', '?body=%7B%7D', 'body'],
    ['a dsl parameter next to valid ones', '?severities=high&dsl=%7B%7D', 'dsl'],
  ])('rejects %s with 400', async (_case, search, key) => {
    const { router, list } = setup();
    const res = await router.invoke('get', `${PATH}${search}`, { user: ANALYST_ALL });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain(`${key}: unknown key`);
    expect(list).not.toHaveBeenCalled();
  });

  it('hides a store failure behind a safe 500 and logs it', async () => {
    const { router, findings, logged } = setup();
    findings.failWith('list', new Error('search_phase_execution_exception on https://elastic:changeme@es01:9200'));
    const res = await router.invoke('get', PATH, { user: ANALYST_READ_ONLY });
    expect(res).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'findings could not be listed' } });
    expect(logged).toEqual([expect.stringContaining('search_phase_execution_exception')]);
  });
});
