import { ANALYST_ALL, ANALYST_READ_ONLY, createFakeKibana, makeFinding, NO_FEATURE_ACCESS } from '../../test/support/fake_kibana';
import { ROUTE_PATHS, WRITE_PRIVILEGE } from './constants';
import { defineSetFindingsStatusRoute } from './set_findings_status';

const PATH = ROUTE_PATHS.findingsStatus;
const FIRST = makeFinding({ id: 'a1'.repeat(16) });
const SECOND = makeFinding({ id: 'b2'.repeat(16) });
const UNKNOWN_ID = 'c3'.repeat(16);
const ids = (...findings: typeof FIRST[]) => findings.map((f) => f.cloud_api_abuse.finding_id);

function setup(options: { namesUsers?: boolean } = {}) {
  const kbn = createFakeKibana({ findings: [FIRST, SECOND], ...options });
  defineSetFindingsStatusRoute(kbn.router, kbn.servicesFor, kbn.logger);
  const setStatus = jest.spyOn(kbn.findings, 'setStatus');
  return { ...kbn, setStatus };
}

describe('POST findings/_status', () => {
  it('is an internal route that requires the all privilege', () => {
    const route = setup().router.route('post', PATH);
    expect(route?.config.options?.access).toBe('internal');
    expect(route?.config.security).toEqual({ authz: { requiredPrivileges: [WRITE_PRIVILEGE] } });
  });

  it('answers 401 without a user and 403 to a read-only analyst, changing nothing', async () => {
    const { router, setStatus } = setup();
    const body = { ids: ids(FIRST), status: 'closed' };
    expect((await router.invoke('post', PATH, { user: null, body })).status).toBe(401);
    expect((await router.invoke('post', PATH, { user: ANALYST_READ_ONLY, body })).status).toBe(403);
    expect((await router.invoke('post', PATH, { user: NO_FEATURE_ACCESS, body })).status).toBe(403);
    expect(setStatus).not.toHaveBeenCalled();
  });

  it('answers 403 when the request names no user to record the change under', async () => {
    const { router, setStatus } = setup({ namesUsers: false });
    const res = await router.invoke('post', PATH, { user: ANALYST_ALL, body: { ids: ids(FIRST), status: 'closed' } });
    expect(res.status).toBe(403);
    expect((res.body as { message: string }).message).toContain('names no user');
    expect(setStatus).not.toHaveBeenCalled();
  });

  it('records the status with who (the request user) and when (now), not what the client claims', async () => {
    const { router, setStatus, findings } = setup();
    const before = Date.now();
    const res = await router.invoke('post', PATH, {
      user: ANALYST_ALL,
      body: { ids: [FIRST.cloud_api_abuse.finding_id.toUpperCase(), FIRST.cloud_api_abuse.finding_id, SECOND.cloud_api_abuse.finding_id], status: 'acknowledged', note: 'owner confirmed\nkey rotated' },
    });
    const after = Date.now();
    expect(res).toEqual({ status: 200, body: { updated: ids(FIRST, SECOND), missing: [] } });
    expect(setStatus).toHaveBeenCalledTimes(1);
    const change = setStatus.mock.calls[0][0];
    expect(change).toEqual({ ids: ids(FIRST, SECOND), status: 'acknowledged', by: ANALYST_ALL.name, at: expect.any(String), note: 'owner confirmed\nkey rotated' });
    expect(Date.parse(change.at)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(change.at)).toBeLessThanOrEqual(after);
    expect(findings.findings.get(FIRST.cloud_api_abuse.finding_id)?.cloud_api_abuse.workflow).toMatchObject({ status: 'acknowledged', updated_by: ANALYST_ALL.name });
  });

  it('sends no note when none was given', async () => {
    const { router, setStatus } = setup();
    await router.invoke('post', PATH, { user: ANALYST_ALL, body: { ids: ids(FIRST), status: 'closed' } });
    expect(setStatus.mock.calls[0][0]).not.toHaveProperty('note');
  });

  it('lists the ids it did not find next to those it changed', async () => {
    const { router } = setup();
    const res = await router.invoke('post', PATH, { user: ANALYST_ALL, body: { ids: [...ids(FIRST), UNKNOWN_ID], status: 'closed' } });
    expect(res).toEqual({ status: 200, body: { updated: ids(FIRST), missing: [UNKNOWN_ID] } });
  });

  it('answers 404 when none of the findings exists', async () => {
    const { router } = setup();
    const res = await router.invoke('post', PATH, { user: ANALYST_ALL, body: { ids: [UNKNOWN_ID], status: 'closed' } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ attributes: { missing: [UNKNOWN_ID] } });
  });

  it.each([
    ['an unknown status', { ids: ids(FIRST), status: 'resolved' }, 'status'],
    ['no status', { ids: ids(FIRST) }, 'status'],
    ['no ids', { ids: [], status: 'closed' }, 'ids'],
    ['more than 1,000 ids', { ids: Array.from({ length: 1001 }, (_, i) => i.toString(16).padStart(32, '0')), status: 'closed' }, 'ids'],
    ['an id that is not a finding id', { ids: ['*'], status: 'closed' }, 'ids.0'],
    ['ids as one string', { ids: FIRST.cloud_api_abuse.finding_id, status: 'closed' }, 'ids'],
    ['a note longer than 2,000 characters', { ids: ids(FIRST), status: 'closed', note: 'n'.repeat(2001) }, 'note'],
    ['a note with control characters', { ids: ids(FIRST), status: 'closed', note: 'ok\u001b[2J' }, 'note'],
  ])('answers 400 naming the field for %s', async (_case, body, field) => {
    const { router, setStatus } = setup();
    const res = await router.invoke('post', PATH, { user: ANALYST_ALL, body });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(new RegExp(`^\\[request body\\]: ${field.replace('.', '\\.')}[.:]`));
    expect(setStatus).not.toHaveBeenCalled();
  });

  it('answers 400 to a missing body', async () => {
    const { router } = setup();
    expect((await router.invoke('post', PATH, { user: ANALYST_ALL })).status).toBe(400);
  });

  it.each([
    ['who made the change', { by: 'someone-else' }, 'by'],
    ['when it was made', { at: '2020-01-01T00:00:00Z' }, 'at'],
    ['a query selecting findings', { query: { match_all: {} } }, 'query'],
    ['an index', { index: '.kibana' }, 'index'],
    ['a script', { script: 'ctx._source.x = 1' }, 'script'],
  ])('rejects a body that also carries %s with 400', async (_case, extra, key) => {
    const { router, setStatus } = setup();
    const res = await router.invoke('post', PATH, { user: ANALYST_ALL, body: { ids: ids(FIRST), status: 'closed', ...extra } });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain(`${key}: unknown key`);
    expect(setStatus).not.toHaveBeenCalled();
  });

  it('rejects query parameters with 400', async () => {
    const { router } = setup();
    const res = await router.invoke('post', `${PATH}?index=logs-*`, { user: ANALYST_ALL, body: { ids: ids(FIRST), status: 'closed' } });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain('[request query]: index: unknown key');
  });

  it('hides a store failure behind a safe 500 and logs it', async () => {
    const { router, findings, logged } = setup();
    findings.failWith('setStatus', new Error('version_conflict_engine_exception'));
    const res = await router.invoke('post', PATH, { user: ANALYST_ALL, body: { ids: ids(FIRST), status: 'closed' } });
    expect(res).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'the status could not be changed' } });
    expect(logged).toEqual([expect.stringContaining('version_conflict_engine_exception')]);
  });
});
