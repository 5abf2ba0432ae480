import { ANALYST_ALL, ANALYST_READ_ONLY, createFakeKibana, makeFinding, NO_FEATURE_ACCESS } from '../../test/support/fake_kibana';
import type { FindingsSummary } from '../store/types';
import { READ_PRIVILEGE, ROUTE_PATHS } from './constants';
import { defineFindingsSummaryRoute } from './findings_summary';

const PATH = ROUTE_PATHS.findingsSummary;

const DEPLOY_BOT = 'arn:aws:iam::111122223333:user/deploy-bot';
const MORNING = makeFinding({ id: 'a1'.repeat(16), severity: 'critical', riskScore: 96, firstSeen: '2024-05-01T09:10:00.000Z', lastSeen: '2024-05-01T09:20:00.000Z' });
const NOON = makeFinding({
  id: 'b2'.repeat(16),
  severity: 'high',
  firstSeen: '2024-05-01T12:05:00.000Z',
  lastSeen: '2024-05-01T12:30:00.000Z',
  actions: ['ConsoleLogin', 'CreateAccessKey', 'PutUserPolicy'],
});
const GCP_NOON = makeFinding({
  id: 'c3'.repeat(16),
  severity: 'high',
  provider: 'gcp',
  account: 'prod-project-7',
  rootId: 'ci@prod-project-7.iam.gserviceaccount.com',
  firstSeen: '2024-05-01T12:15:00.000Z',
  lastSeen: '2024-05-01T12:45:00.000Z',
  actions: ['GenerateAccessToken', 'SetIamPolicy'],
});

function setup() {
  const kbn = createFakeKibana({ findings: [MORNING, NOON, GCP_NOON] });
  defineFindingsSummaryRoute(kbn.router, kbn.servicesFor, kbn.logger);
  const summary = jest.spyOn(kbn.findings, 'summary');
  return { ...kbn, summary };
}

describe('GET findings/_summary', () => {
  it('is an internal route that requires the read privilege', () => {
    const route = setup().router.route('get', PATH);
    expect(route?.config.options?.access).toBe('internal');
    expect(route?.config.security).toEqual({ authz: { requiredPrivileges: [READ_PRIVILEGE] } });
  });

  it('answers 401 without a user and 403 without the read privilege', async () => {
    const { router, summary } = setup();
    expect((await router.invoke('get', PATH, { user: null })).status).toBe(401);
    expect((await router.invoke('get', PATH, { user: NO_FEATURE_ACCESS })).status).toBe(403);
    expect(summary).not.toHaveBeenCalled();
  });

  it('hands the store the typed filters and the list length, and returns its summary', async () => {
    const { router, summary } = setup();
    const res = await router.invoke(
      'get',
      `${PATH}?from=2024-05-01T09:00:00Z&to=2024-05-01T13:00:00Z&providers=aws&severities=high&severities=critical&accounts=111122223333&statuses=open&techniques=T1078.004&search=Policy&size=5`,
      { user: ANALYST_READ_ONLY },
    );
    expect(res.status).toBe(200);
    expect(summary).toHaveBeenCalledWith(
      {
        from: Date.UTC(2024, 4, 1, 9),
        to: Date.UTC(2024, 4, 1, 13),
        providers: ['aws'],
        severities: ['high', 'critical'],
        accounts: ['111122223333'],
        statuses: ['open'],
        techniques: ['T1078.004'],
        search: 'Policy',
      },
      5,
    );
    const body = res.body as FindingsSummary;
    expect(body).toEqual(await summary.mock.results[0].value);
    // deploy-bot's two AWS chains; the GCP one is filtered out.
    expect(body.total).toBe(2);
    expect(body.topIdentities).toEqual([{ id: DEPLOY_BOT, name: 'deploy-bot', provider: 'aws', count: 2, maxRisk: 96 }]);
    expect(body.topPrivilegedActions.map((a) => [a.action, a.count])).toEqual([
      ['CreateAccessKey', 2],
      ['AttachUserPolicy', 1],
      ['PutUserPolicy', 1],
    ]);
    expect(body.byProviderAccount).toEqual([{ provider: 'aws', account: '111122223333', count: 2, bySeverity: { low: 0, medium: 0, high: 1, critical: 1 } }]);
  });

  it('asks for ten entries per list by default, and passes an identity exactly', async () => {
    const { router, summary } = setup();
    const res = await router.invoke('get', PATH, { user: ANALYST_ALL, query: { identity: DEPLOY_BOT } });
    expect(res.status).toBe(200);
    expect(summary).toHaveBeenCalledWith({ identity: DEPLOY_BOT }, 10);
  });

  it.each([
    ['more than 50 entries', { size: '51' }, 'size'],
    ['zero entries', { size: '0' }, 'size'],
    ['a fractional size', { size: '2.5' }, 'size'],
    ['search longer than 256 characters', { search: 's'.repeat(257) }, 'search'],
    ['unparseable time', { from: 'last week' }, 'from'],
    ['from after to', { from: '2024-05-02', to: '2024-05-01' }, 'from'],
    ['unknown provider', { providers: 'oracle' }, 'providers'],
    ['a malformed technique', { techniques: 'persistence' }, 'techniques'],
    ['histogram buckets, which a summary has not', { buckets: '10' }, 'buckets'],
    ['paging, which a summary has not', { page: '2' }, 'page'],
  ])('answers 400 naming the field for %s', async (_case, query, field) => {
    const { router, summary } = setup();
    const res = await router.invoke('get', PATH, { user: ANALYST_READ_ONLY, query });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(new RegExp(`^\\[request query\\]: ${field}[.:]`));
    expect(summary).not.toHaveBeenCalled();
  });

  it.each([
    ['a query DSL', '?query=%7B%22range%22%3A%7B%7D%7D', 'query'],
    ['an index name', '?index=.alerts-*', 'index'],
    ['an aggregation', '?aggs=%7B%7D', 'aggs'],
  ])('rejects %s with 400', async (_case, search, key) => {
    const { router, summary } = setup();
    const res = await router.invoke('get', `${PATH}${search}`, { user: ANALYST_ALL });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain(`${key}: unknown key`);
    expect(summary).not.toHaveBeenCalled();
  });

  it('hides a store failure behind a safe 500 and logs it', async () => {
    const { router, findings, logged } = setup();
    findings.failWith('summary', new Error('search_phase_execution_exception [.alerts-cloud_api_abuse.findings-default]'));
    const res = await router.invoke('get', PATH, { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'the findings summary could not be computed' });
    expect(logged).toEqual([expect.stringContaining('search_phase_execution_exception')]);
  });
});
