import { errors, type estypes } from '@elastic/elasticsearch';
import { FakeElasticsearch } from './fake_elasticsearch';
import { LONG_MAX } from './sort';

const NOW = Date.parse('2025-03-10T12:00:00Z');

/** CloudTrail-ish documents, mixing nested objects, literal dotted keys and arrays as real exports do. */
function seed(): FakeElasticsearch {
  const fake = new FakeElasticsearch({ now: () => NOW });
  fake.index('logs-aws.cloudtrail-default', [
    { id: 'ct1', document: { '@timestamp': '2025-03-10T11:30:00Z', event: { action: 'AssumeRole', outcome: 'success' }, user: { name: 'Alice' }, source: { ip: '10.0.0.1' }, aws: { cloudtrail: { error_code: null } }, bytes: 120, tags: ['prod', 'iam'] } },
    { id: 'ct2', document: { '@timestamp': '2025-03-09T08:00:00Z', 'event.action': 'GetCallerIdentity', 'event.outcome': 'success', 'user.name': 'bob', bytes: 80, tags: ['dev'] } },
    { id: 'ct3', document: { '@timestamp': 1741521600000, event: { action: 'DeleteTrail', outcome: 'failure' }, user: { name: 'alice' }, bytes: 300 } },
    { id: 'ct4', document: { '@timestamp': '2025-03-01T00:00:00.000Z', event: { action: 'CreateAccessKey', outcome: 'success' }, user: { name: 'carol' }, tags: ['prod'] } },
  ]);
  fake.index('logs-gcp.audit-default', [
    { id: 'g1', document: { '@timestamp': '2025-03-10T10:00:00Z', event: { action: 'SetIamPolicy', outcome: 'success' }, user: { name: 'Alice' }, bytes: '95' } },
  ]);
  return fake;
}

async function ids(fake: FakeElasticsearch, query: estypes.QueryDslQueryContainer, index = 'logs-*'): Promise<string[]> {
  const res = await fake.client().search({ index, query, size: 100 });
  return res.hits.hits.map((h) => h._id as string).sort();
}

describe('search queries', () => {
  it('reads dotted field names into nested objects and literal dotted keys alike', async () => {
    const fake = seed();
    expect(await ids(fake, { term: { 'event.action': 'GetCallerIdentity' } })).toEqual(['ct2']);
    expect(await ids(fake, { term: { 'user.name': 'bob' } })).toEqual(['ct2']);
    expect(await ids(fake, { term: { 'event.outcome': 'success' } })).toEqual(['ct1', 'ct2', 'ct4', 'g1']);
  });

  it('compares keywords exactly and case-sensitively unless case_insensitive is set', async () => {
    const fake = seed();
    expect(await ids(fake, { term: { 'user.name': 'alice' } })).toEqual(['ct3']);
    expect(await ids(fake, { term: { 'user.name': { value: 'alice', case_insensitive: true } } })).toEqual(['ct1', 'ct3', 'g1']);
    expect(await ids(fake, { match: { 'user.name': 'Alice' } })).toEqual(['ct1', 'g1']);
    expect(await ids(fake, { wildcard: { 'event.action': { value: '*role', case_insensitive: true } } })).toEqual(['ct1']);
    expect(await ids(fake, { wildcard: { 'event.action': '*Role' } })).toEqual(['ct1']);
    expect(await ids(fake, { prefix: { 'event.action': 'Get' } })).toEqual(['ct2']);
  });

  it('matches any element of an array, and terms against a list', async () => {
    const fake = seed();
    expect(await ids(fake, { term: { tags: 'prod' } })).toEqual(['ct1', 'ct4']);
    expect(await ids(fake, { terms: { 'event.action': ['DeleteTrail', 'CreateAccessKey', 'Nope'] } })).toEqual(['ct3', 'ct4']);
  });

  it('combines bool must, filter, should with minimum_should_match and must_not', async () => {
    const fake = seed();
    const query: estypes.QueryDslQueryContainer = {
      bool: {
        filter: [{ term: { 'event.outcome': 'success' } }],
        must_not: [{ term: { 'user.name': 'carol' } }],
        should: [{ term: { tags: 'prod' } }, { term: { tags: 'iam' } }, { term: { 'user.name': 'bob' } }],
        minimum_should_match: 2,
      },
    };
    expect(await ids(fake, query)).toEqual(['ct1']);
    // Without must/filter, one should clause has to match.
    expect(await ids(fake, { bool: { should: [{ term: { 'user.name': 'bob' } }, { term: { 'user.name': 'carol' } }] } })).toEqual(['ct2', 'ct4']);
    expect(await ids(fake, { bool: { must: [{ exists: { field: 'tags' } }], must_not: { ids: { values: ['ct1'] } } } })).toEqual(['ct2', 'ct4']);
  });

  it('ranges over dates given as ISO strings, epoch millis and date math', async () => {
    const fake = seed();
    expect(await ids(fake, { range: { '@timestamp': { gte: '2025-03-09T08:00:00Z', lt: '2025-03-10T10:00:00Z' } } })).toEqual(['ct2', 'ct3']);
    expect(await ids(fake, { range: { '@timestamp': { gt: Date.parse('2025-03-10T10:00:00Z') } } })).toEqual(['ct1']);
    expect(await ids(fake, { range: { '@timestamp': { gte: 'now-3h', format: 'strict_date_optional_time' } } })).toEqual(['ct1', 'g1']);
    // Rounding: lte now/d reaches the end of today, gte now-1d/d the start of yesterday.
    expect(await ids(fake, { range: { '@timestamp': { gte: 'now-1d/d', lte: 'now/d' } } })).toEqual(['ct1', 'ct2', 'ct3', 'g1']);
    expect(await ids(fake, { range: { '@timestamp': { lt: '2025-03-01T00:00:00Z' } } })).toEqual([]);
  });

  it('ranges over numbers numerically, including bounds sent as strings; string values compare as keywords', async () => {
    const fake = seed();
    expect(await ids(fake, { range: { bytes: { gte: 90, lte: 300 } } }, 'logs-aws.*')).toEqual(['ct1', 'ct3']);
    expect(await ids(fake, { range: { bytes: { gt: '80' } } }, 'logs-aws.*')).toEqual(['ct1', 'ct3']);
    expect(await ids(fake, { term: { bytes: '80' } })).toEqual(['ct2']);
    // g1 holds "95" as a string: like a dynamically mapped keyword it compares lexicographically ("95" > "300").
    expect(await ids(fake, { range: { bytes: { gte: 90, lte: 300 } } }, 'logs-gcp.*')).toEqual([]);
    expect(await ids(fake, { range: { bytes: { gte: 90, lte: 99 } } }, 'logs-gcp.*')).toEqual(['g1']);
  });

  it('resolves comma lists of patterns, answers 404 for a missing concrete index and nothing for an empty pattern', async () => {
    const fake = seed();
    expect(await ids(fake, { match_all: {} }, 'logs-aws.cloudtrail-*,logs-gcp.audit-*')).toHaveLength(5);
    expect(await ids(fake, { match_all: {} }, 'logs-azure.*')).toEqual([]);
    expect(await ids(fake, { match_all: {} }, 'logs-*,-logs-gcp.*')).toHaveLength(4);
    const err = await fake.client().search({ index: 'findings' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.ResponseError);
    expect((err as errors.ResponseError).body).toMatchObject({ error: { type: 'index_not_found_exception', index: 'findings' }, status: 404 });
    await expect(fake.client().search({ index: 'findings', ignore_unavailable: true })).resolves.toMatchObject({ hits: { hits: [] } });
  });
});

describe('search results', () => {
  it('returns 10 hits by default, pages with from, and refuses a window past 10,000', async () => {
    const fake = new FakeElasticsearch();
    fake.index('big', Array.from({ length: 25 }, (_, i) => ({ id: String(i), document: { n: i } })));
    const es = fake.client();
    const first = await es.search({ index: 'big', sort: [{ n: 'asc' }] });
    expect(first.hits.hits.map((h) => h._id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const third = await es.search({ index: 'big', sort: [{ n: 'asc' }], from: 20, size: 10 });
    expect(third.hits.hits.map((h) => h._id)).toEqual(['20', '21', '22', '23', '24']);
    await expect(es.search({ index: 'big', from: 9_995, size: 10 })).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { type: 'search_phase_execution_exception', root_cause: [{ type: 'illegal_argument_exception' }] } },
    });
  });

  it('sorts by several fields with missing values last in both directions', async () => {
    const fake = new FakeElasticsearch();
    fake.index('s', [
      { id: 'a', document: { host: 'web', score: 3, '@timestamp': '2025-01-02T00:00:00Z' } },
      { id: 'b', document: { host: 'db', '@timestamp': '2025-01-01T00:00:00Z' } },
      { id: 'c', document: { host: 'web', score: 7 } },
      { id: 'd', document: { score: 5, '@timestamp': '2025-01-03T00:00:00Z' } },
    ]);
    const es = fake.client();
    const byScore = await es.search({ index: 's', sort: [{ score: { order: 'desc' } }] });
    expect(byScore.hits.hits.map((h) => h._id)).toEqual(['c', 'd', 'a', 'b']);
    const byHostThenTime = await es.search({ index: 's', sort: [{ host: 'asc' }, { '@timestamp': { order: 'desc' } }] });
    expect(byHostThenTime.hits.hits.map((h) => h._id)).toEqual(['b', 'a', 'c', 'd']);
    // Missing dates show Long.MAX_VALUE ascending (null for keywords), as Elasticsearch does.
    const asc = await es.search({ index: 's', sort: [{ '@timestamp': 'asc' }, { host: 'asc' }] });
    expect(asc.hits.hits.map((h) => h.sort)).toEqual([
      [Date.parse('2025-01-01T00:00:00Z'), 'db'],
      [Date.parse('2025-01-02T00:00:00Z'), 'web'],
      [Date.parse('2025-01-03T00:00:00Z'), null],
      [LONG_MAX, 'web'],
    ]);
    const after = await es.search({ index: 's', sort: [{ '@timestamp': 'asc' }, { host: 'asc' }], search_after: asc.hits.hits[1].sort });
    expect(after.hits.hits.map((h) => h._id)).toEqual(['d', 'c']);
    // A string sort travels in the query string.
    const fromQuerystring = await es.search({ index: 's', sort: 'score:desc', _source: false });
    expect(fromQuerystring.hits.hits.map((h) => h._id)).toEqual(['c', 'd', 'a', 'b']);
    expect(fake.calls[fake.calls.length - 1].querystring.sort).toBe('score:desc');
  });

  it('filters _source with lists, wildcards, includes and excludes', async () => {
    const fake = seed();
    const es = fake.client();
    const get = async (source: estypes.SearchSourceConfig): Promise<unknown> =>
      (await es.search({ index: 'logs-aws.cloudtrail-default', query: { ids: { values: ['ct1'] } }, _source: source })).hits.hits[0]._source;
    expect(await get(false)).toBeUndefined();
    expect(await get(['user.name', 'source'])).toEqual({ user: { name: 'Alice' }, source: { ip: '10.0.0.1' } });
    expect(await get({ includes: ['event.*'], excludes: ['event.outcome'] })).toEqual({ event: { action: 'AssumeRole' } });
    expect(await get({ excludes: ['aws', 'tags', 'bytes', '@timestamp', 'event'] })).toEqual({ user: { name: 'Alice' }, source: { ip: '10.0.0.1' } });
    const literal = (await es.search({ index: 'logs-aws.cloudtrail-default', query: { ids: { values: ['ct2'] } }, _source: ['user.*'] })).hits.hits[0]._source;
    expect(literal).toEqual({ 'user.name': 'bob' });
  });

  it('reports hits.total per track_total_hits', async () => {
    const fake = new FakeElasticsearch();
    fake.index('t', Array.from({ length: 12 }, (_, i) => ({ document: { n: i } })));
    const es = fake.client();
    expect((await es.search({ index: 't', size: 0 })).hits.total).toEqual({ value: 12, relation: 'eq' });
    expect((await es.search({ index: 't', size: 0, track_total_hits: 5 })).hits.total).toEqual({ value: 5, relation: 'gte' });
    expect((await es.search({ index: 't', size: 0, track_total_hits: false })).hits.total).toBeUndefined();
    expect((await es.search({ index: 't', size: 0, rest_total_hits_as_int: true })).hits.total).toBe(12);
  });

  it('gives auto-generated ids of 20 characters and counts with _count', async () => {
    const fake = seed();
    const es = fake.client();
    const created = await es.index({ index: 'notes', document: { text: 'x' } });
    expect(created._id).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await es.count({ index: 'logs-*', query: { term: { 'user.name': 'Alice' } } })).toEqual({
      count: 2,
      _shards: { total: 2, successful: 2, skipped: 0, failed: 0 },
    });
  });

  it('trims responses with filter_path, including exclusions', async () => {
    const fake = seed();
    const es = fake.client();
    const only = await es.search({ index: 'logs-aws.*', size: 2, sort: ['@timestamp'], filter_path: ['hits.hits._id', 'hits.total.value'] });
    expect(only).toEqual({ hits: { total: { value: 4 }, hits: [{ _id: 'ct4' }, { _id: 'ct2' }] } });
    const without = await es.search({ index: 'logs-aws.*', size: 1, sort: ['@timestamp'], filter_path: '-hits.hits._source,-_shards,-took' });
    expect(without).toEqual({ timed_out: false, hits: { total: { value: 4, relation: 'eq' }, max_score: null, hits: [{ _index: '.ds-logs-aws.cloudtrail-default-2025.03.10-000001', _id: 'ct4', _score: null, sort: [Date.parse('2025-03-01T00:00:00Z')] }] } });
  });

  it('fails loudly with a 400 for what the fake does not implement', async () => {
    const fake = seed();
    const es = fake.client();
    const cases: Promise<unknown>[] = [
      es.search({ index: 'logs-*', query: { query_string: { query: 'alice' } } }),
      es.search({ index: 'logs-*', aggs: { p: { percentiles: { field: 'bytes' } } } }),
      es.search({ index: 'logs-*', collapse: { field: 'user.name' } }),
      es.transport.request({ method: 'GET', path: '/_cat/indices' }),
    ];
    for (const c of cases) {
      await expect(c).rejects.toMatchObject({ statusCode: 400, body: { error: { type: 'illegal_argument_exception', reason: expect.stringContaining('[fake_es] unsupported') } } });
    }
  });
});
