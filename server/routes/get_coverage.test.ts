import { ANALYST_ALL, ANALYST_READ_ONLY, createFakeKibana, NO_FEATURE_ACCESS } from '../../test/support/fake_kibana';
import type { CoverageReport } from '../../common/coverage';
import { READ_PRIVILEGE, ROUTE_PATHS } from './constants';
import { defineGetCoverageRoute } from './get_coverage';

const PATH = ROUTE_PATHS.coverage;
const DAY = `${PATH}?from=2024-05-01T00:00:00Z&to=2024-05-02T00:00:00Z`;

const NO_DATA_ACCESS: CoverageReport = {
  generated_from: { events: 1200, first_seen: '2024-05-01T00:01:00.000Z', last_seen: '2024-05-01T23:58:00.000Z' },
  providers: [{ provider: 'gcp', events: 1200, reads_logged: false, data_access_logged: false }],
  scopes: [],
  traceability: { privileged: 4, traceable: 1, share: 0.25 },
  problems: [
    {
      kind: 'no_data_access',
      severity: 'warning',
      provider: 'gcp',
      account: 'prod-project-7',
      text: 'no Data Access audit logs: reads are invisible',
      fix: 'enable DATA_READ audit logs for the project',
    },
  ],
};

function setup() {
  const kbn = createFakeKibana();
  kbn.coverage.reportValue = NO_DATA_ACCESS;
  defineGetCoverageRoute(kbn.router, kbn.servicesFor, kbn.logger);
  return kbn;
}

describe('GET coverage', () => {
  it('is an internal route that requires the read privilege', () => {
    const route = setup().router.route('get', PATH);
    expect(route?.config.options?.access).toBe('internal');
    expect(route?.config.security).toEqual({ authz: { requiredPrivileges: [READ_PRIVILEGE] } });
  });

  it('answers 401 without a user and 403 without the read privilege', async () => {
    const { router, coverage } = setup();
    expect((await router.invoke('get', DAY, { user: null })).status).toBe(401);
    expect((await router.invoke('get', DAY, { user: NO_FEATURE_ACCESS })).status).toBe(403);
    expect(coverage.calls).toEqual([]);
  });

  it('hands the source the range as epoch ms and returns its report', async () => {
    const { router, coverage } = setup();
    const res = await router.invoke('get', DAY, { user: ANALYST_READ_ONLY });
    expect(res).toEqual({ status: 200, body: NO_DATA_ACCESS });
    expect(coverage.calls).toEqual([{ from: Date.UTC(2024, 4, 1), to: Date.UTC(2024, 4, 2) }]);
  });

  it('accepts a full leap year', async () => {
    const { router, coverage } = setup();
    const res = await router.invoke('get', `${PATH}?from=2024-01-01&to=2025-01-01`, { user: ANALYST_ALL });
    expect(res.status).toBe(200);
    expect(coverage.calls).toEqual([{ from: Date.UTC(2024, 0, 1), to: Date.UTC(2025, 0, 1) }]);
  });

  it.each([
    ['no from', { to: '2024-05-02T00:00:00Z' }, 'from'],
    ['no to', { from: '2024-05-01T00:00:00Z' }, 'to'],
    ['an unparseable time', { from: 'now-24h', to: 'now' }, 'from'],
    ['from after to', { from: '2024-05-02T00:00:00Z', to: '2024-05-01T00:00:00Z' }, 'from'],
    ['from equal to to', { from: '1714521600000', to: '1714521600000' }, 'from'],
    ['a range longer than a year', { from: '2023-01-01T00:00:00Z', to: '2024-01-02T00:00:01Z' }, 'to'],
    ['a time given twice', { from: ['2024-05-01T00:00:00Z', '2024-04-01T00:00:00Z'], to: '2024-05-02T00:00:00Z' }, 'from'],
  ])('answers 400 naming the field for %s', async (_case, query, field) => {
    const { router, coverage } = setup();
    const res = await router.invoke('get', PATH, { user: ANALYST_READ_ONLY, query });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(new RegExp(`^\\[request query\\]: ${field}:`));
    expect(coverage.calls).toEqual([]);
  });

  it.each([
    ['an index name', '&index=logs-*', 'index'],
    ['a query DSL', '&query=%7B%7D', 'query'],
  ])('rejects %s with 400', async (_case, extra, key) => {
    const { router, coverage } = setup();
    const res = await router.invoke('get', `${DAY}${extra}`, { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain(`${key}: unknown key`);
    expect(coverage.calls).toEqual([]);
  });

  it('hides a source failure behind a safe 500', async () => {
    const { router, coverage, logged } = setup();
    coverage.failWith('report', new Error('circuit_breaking_exception: [parent] Data too large'));
    const res = await router.invoke('get', DAY, { user: ANALYST_READ_ONLY });
    expect(res).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'the coverage report could not be computed' } });
    expect(logged).toEqual([expect.stringContaining('circuit_breaking_exception')]);
  });
});
