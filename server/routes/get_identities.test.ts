import { ANALYST_READ_ONLY, createFakeKibana, NO_FEATURE_ACCESS } from '../../test/support/fake_kibana';
import type { IdentityProfile } from '../../common/api';
import { READ_PRIVILEGE, ROUTE_PATHS } from './constants';
import { defineGetIdentitiesRoute } from './get_identities';

const PATH = ROUTE_PATHS.identities;

function profile(provider: IdentityProfile['provider'], rootId: string, events: number): IdentityProfile {
  return {
    id: `${provider}:${rootId}`,
    provider,
    root_id: rootId,
    first_seen: '2026-11-01T00:00:00.000Z',
    last_seen: '2026-11-20T00:00:00.000Z',
    events,
    mfa_seen: false,
    interfaces: [{ value: 'console', count: events, last_seen: '2026-11-20T00:00:00.000Z' }],
    tools: [],
    networks: [],
    countries: [],
    services: [],
    regions: [],
    updated_at: '2026-11-20T00:05:00.000Z',
  };
}

async function setup() {
  const kbn = createFakeKibana();
  await kbn.identities.write([profile('aws', 'arn:aws:iam::111122223333:user/alice', 50), profile('gcp', 'bob@example.com', 80), profile('azure', 'carol@contoso.com', 3)]);
  defineGetIdentitiesRoute(kbn.router, kbn.servicesFor, kbn.logger);
  return kbn;
}

describe('GET identities', () => {
  it('is an internal route that requires the read privilege', async () => {
    const route = (await setup()).router.route('get', PATH);
    expect(route?.config.options?.access).toBe('internal');
    expect(route?.config.security).toEqual({ authz: { requiredPrivileges: [READ_PRIVILEGE] } });
  });

  it('answers 401 without a user and 403 without the read privilege', async () => {
    const { router, identities } = await setup();
    expect((await router.invoke('get', PATH, { user: null })).status).toBe(401);
    expect((await router.invoke('get', PATH, { user: NO_FEATURE_ACCESS })).status).toBe(403);
    expect(identities.calls).toEqual([]);
  });

  it('lists the busiest identities first, one page at a time, filtered by provider and text', async () => {
    const { router, identities } = await setup();
    const first = await router.invoke('get', `${PATH}?perPage=2`, { user: ANALYST_READ_ONLY });
    expect(first.status).toBe(200);
    const body = first.body as { total: number; profiles: IdentityProfile[] };
    expect(body.total).toBe(3);
    expect(body.profiles.map((p) => p.root_id)).toEqual(['bob@example.com', 'arn:aws:iam::111122223333:user/alice']);
    const filtered = await router.invoke('get', `${PATH}?providers=aws&providers=azure&search=%20Carol%20`, { user: ANALYST_READ_ONLY });
    expect((filtered.body as { profiles: IdentityProfile[] }).profiles.map((p) => p.root_id)).toEqual(['carol@contoso.com']);
    expect(identities.calls.at(-1)).toEqual({ providers: ['aws', 'azure'], search: 'Carol', page: 0, perPage: 20 });
  });

  it.each([
    ['an unknown provider', 'providers=oracle', 'providers'],
    ['query DSL in the search', `search=${encodeURIComponent('{"match_all":{}}\u0000')}`, 'search'],
    ['an index name parameter', 'index=logs-*', 'index'],
    ['a page beyond the result window', 'page=10000&perPage=100', 'page'],
    ['a huge page size', 'perPage=100000', 'perPage'],
    ['an overlong search', `search=${'a'.repeat(5000)}`, 'search'],
  ])('answers 400 for %s', async (_case, qs, field) => {
    const { router, identities } = await setup();
    const res = await router.invoke('get', `${PATH}?${qs}`, { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
    expect(identities.calls).toEqual([]);
  });

  it('hides store failures behind a fixed message', async () => {
    const { router, identities, logged } = await setup();
    identities.failWith('list', new Error('index [.alerts-x] on 10.0.0.5 failed'));
    const res = await router.invoke('get', PATH, { user: ANALYST_READ_ONLY });
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ message: 'identity profiles could not be listed' });
    expect(JSON.stringify(res.body)).not.toMatch(/10\.0\.0\.5|alerts-x/);
    expect(logged[0]).toMatch(/10\.0\.0\.5/);
  });
});
