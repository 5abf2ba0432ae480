/** Identity profiles per Kibana space, in the fake Elasticsearch through the real client. */
import type { IdentityProfile } from '../../../../common/api';
import { FakeElasticsearch } from '../../../../test/support/fake_es';
import { DEFAULT_FINDINGS_INDEX_PREFIX } from '../findings';
import { ElasticsearchIdentityStore, identitiesIndexName, literalWildcard } from './identity_store';

function profile(provider: IdentityProfile['provider'], rootId: string, events: number): IdentityProfile {
  const v = (value: string, count: number) => ({ value, count, last_seen: '2026-11-20T10:00:00.000Z' });
  return {
    id: `${provider}:${rootId}`,
    provider,
    root_id: rootId,
    first_seen: '2026-11-01T00:00:00.000Z',
    last_seen: '2026-11-20T10:00:00.000Z',
    events,
    mfa_seen: true,
    interfaces: [v('cli', events)],
    tools: [v('aws-cli', events)],
    networks: [v('203.0.113.0/24', events)],
    countries: [v('DE', events)],
    services: [v('s3.amazonaws.com', events)],
    regions: [v('eu-central-1', events)],
    updated_at: '2026-11-20T10:05:00.000Z',
  };
}

describe('ElasticsearchIdentityStore', () => {
  const index = identitiesIndexName(DEFAULT_FINDINGS_INDEX_PREFIX, 'default');
  let fake: FakeElasticsearch;
  const store = () => new ElasticsearchIdentityStore({ client: fake.client({ maxRetries: 0 }), index, retry: { sleep: async () => undefined } });

  beforeEach(() => {
    fake = new FakeElasticsearch();
  });

  it('lives beside the findings of its space', () => {
    expect(index).toBe('.alerts-cloud_api_abuse.identities-default');
  });

  it('lists nothing before the first run wrote profiles', async () => {
    expect(await store().list({ page: 0, perPage: 10 })).toEqual({ total: 0, profiles: [] });
  });

  it('replaces profiles by identity, lists the busiest first, filters by provider and plain-text root id', async () => {
    const s = store();
    await s.write([profile('aws', 'arn:aws:iam::111122223333:user/alice', 40), profile('gcp', 'bob@example.com', 90), profile('azure', 'carol@contoso.com', 5)]);
    await s.write([profile('aws', 'arn:aws:iam::111122223333:user/alice', 120)]);
    const all = await s.list({ page: 0, perPage: 10 });
    expect(all.total).toBe(3);
    expect(all.profiles.map((p) => [p.root_id, p.events])).toEqual([
      ['arn:aws:iam::111122223333:user/alice', 120],
      ['bob@example.com', 90],
      ['carol@contoso.com', 5],
    ]);
    expect((await s.list({ providers: ['gcp', 'azure'], page: 0, perPage: 10 })).profiles.map((p) => p.provider)).toEqual(['gcp', 'azure']);
    expect((await s.list({ search: 'USER/ALI', page: 0, perPage: 10 })).profiles.map((p) => p.root_id)).toEqual(['arn:aws:iam::111122223333:user/alice']);
    // Wildcard characters typed by a user are text, not patterns.
    expect((await s.list({ search: 'a*e', page: 0, perPage: 10 })).total).toBe(0);
    expect((await s.list({ page: 1, perPage: 2 })).profiles.map((p) => p.root_id)).toEqual(['carol@contoso.com']);
  });

  it('escapes wildcard syntax', () => {
    expect(literalWildcard('a*b?c\\d')).toBe('*a\\*b\\?c\\\\d*');
  });

  it('reports profiles the index rejected', async () => {
    const s = store();
    await s.ensureInstalled();
    fake.faults.bulkItem({ match: () => true, status: 400, times: 1 });
    await expect(s.write([profile('aws', 'arn:aws:iam::111122223333:user/alice', 1)])).rejects.toThrow(/1 identity profiles could not be written/);
  });
});
