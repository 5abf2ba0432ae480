import { ANALYST_ALL, ANALYST_READ_ONLY, createFakeKibana, makeFinding, NO_FEATURE_ACCESS } from '../../test/support/fake_kibana';
import type { FindingsHistogram } from '../store/types';
import { READ_PRIVILEGE, ROUTE_PATHS } from './constants';
import { defineFindingsHistogramRoute } from './findings_histogram';

const PATH = ROUTE_PATHS.findingsHistogram;

const MORNING = makeFinding({ id: 'a1'.repeat(16), severity: 'critical', firstSeen: '2024-05-01T09:10:00.000Z', lastSeen: '2024-05-01T09:20:00.000Z' });
const NOON = makeFinding({ id: 'b2'.repeat(16), severity: 'high', firstSeen: '2024-05-01T12:05:00.000Z', lastSeen: '2024-05-01T12:30:00.000Z' });
const GCP_NOON = makeFinding({
  id: 'c3'.repeat(16),
  severity: 'high',
  provider: 'gcp',
  account: 'prod-project-7',
  rootId: 'ci@prod-project-7.iam.gserviceaccount.com',
  firstSeen: '2024-05-01T12:15:00.000Z',
  lastSeen: '2024-05-01T12:45:00.000Z',
});

function setup() {
  const kbn = createFakeKibana({ findings: [MORNING, NOON, GCP_NOON] });
  defineFindingsHistogramRoute(kbn.router, kbn.servicesFor, kbn.logger);
  const histogram = jest.spyOn(kbn.findings, 'histogram');
  return { ...kbn, histogram };
}

describe('GET findings/_histogram', () => {
  it('is an internal route that requires the read privilege', () => {
    const route = setup().router.route('get', PATH);
    expect(route?.config.options?.access).toBe('internal');
    expect(route?.config.security).toEqual({ authz: { requiredPrivileges: [READ_PRIVILEGE] } });
  });

  it('answers 401 without a user and 403 without the read privilege', async () => {
    const { router, histogram } = setup();
    expect((await router.invoke('get', PATH, { user: null })).status).toBe(401);
    expect((await router.invoke('get', PATH, { user: NO_FEATURE_ACCESS })).status).toBe(403);
    expect(histogram).not.toHaveBeenCalled();
  });

  it('hands the store the typed filters (no sort or paging) and the bucket count, and returns its histogram', async () => {
    const { router, histogram } = setup();
    const res = await router.invoke(
      'get',
      `${PATH}?from=2024-05-01T09:00:00Z&to=2024-05-01T13:00:00Z&providers=aws&providers=gcp&severities=high&search=CreateAccessKey&buckets=4`,
      { user: ANALYST_READ_ONLY },
    );
    expect(res.status).toBe(200);
    expect(histogram).toHaveBeenCalledWith(
      { from: Date.UTC(2024, 4, 1, 9), to: Date.UTC(2024, 4, 1, 13), providers: ['aws', 'gcp'], severities: ['high'], search: 'CreateAccessKey' },
      4,
    );
    expect(res.body).toEqual(await histogram.mock.results[0].value);
    const body = res.body as FindingsHistogram;
    // Hourly buckets from 09:00: the two high findings both start in the 12:00 hour.
    expect(body.buckets.map((b) => b.counts.high)).toEqual([0, 0, 0, 2]);
    expect(body.bySeverity).toEqual({ low: 0, medium: 0, high: 2, critical: 0 });
  });

  it('uses 50 buckets by default', async () => {
    const { router, histogram } = setup();
    await router.invoke('get', PATH, { user: ANALYST_ALL, query: { statuses: 'open' } });
    expect(histogram).toHaveBeenCalledWith({ statuses: ['open'] }, 50);
  });

  it.each([
    ['more than 200 buckets', { buckets: '201' }, 'buckets'],
    ['zero buckets', { buckets: '0' }, 'buckets'],
    ['search longer than 256 characters', { search: 's'.repeat(257) }, 'search'],
    ['unparseable time', { to: 'tomorrow' }, 'to'],
    ['from after to', { from: '2024-05-02', to: '2024-05-01' }, 'from'],
    ['unknown status', { statuses: 'archived' }, 'statuses'],
    ['unknown severity', { severities: ['low', 'info'] }, 'severities'],
    ['paging, which a histogram has not', { perPage: '10' }, 'perPage'],
  ])('answers 400 naming the field for %s', async (_case, query, field) => {
    const { router, histogram } = setup();
    const res = await router.invoke('get', PATH, { user: ANALYST_READ_ONLY, query });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(new RegExp(`^\\[request query\\]: ${field}[.:]`));
    expect(histogram).not.toHaveBeenCalled();
  });

  it.each([
    ['a query DSL', '?query=%7B%22range%22%3A%7B%7D%7D', 'query'],
    ['an index name', '?index=logs-aws.cloudtrail-*', 'index'],
    ['an aggregation', '?aggs=%7B%7D', 'aggs'],
  ])('rejects %s with 400', async (_case, search, key) => {
    const { router, histogram } = setup();
    const res = await router.invoke('get', `${PATH}${search}`, { user: ANALYST_ALL });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain(`${key}: unknown key`);
    expect(histogram).not.toHaveBeenCalled();
  });

  it('hides a store failure behind a safe 500 and logs it', async () => {
    const { router, findings, logged } = setup();
    findings.failWith('histogram', new Error('too_many_buckets_exception [search.max_buckets]'));
    const res = await router.invoke('get', PATH, { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'the findings histogram could not be computed' });
    expect(logged).toEqual([expect.stringContaining('too_many_buckets_exception')]);
  });
});
