import type { estypes } from '@elastic/elasticsearch';
import { FakeElasticsearch } from './fake_elasticsearch';

type Doc = { '@timestamp': string; user: { name: string }; event: { action: string; outcome: string }; bytes?: number; source?: { ip: string } };

const T0 = Date.parse('2025-03-01T00:00:00Z');
const USERS = ['alice', 'bob', 'carol', 'dave', 'erin'];
const ACTIONS = ['AssumeRole', 'GetCallerIdentity', 'PutRolePolicy'];

/** 60 events: user i%5 (so alice has the most when counts tie-break), action i%3, 5-minute spacing with a gap. */
function docs(): Doc[] {
  return Array.from({ length: 60 }, (_, i) => {
    const minute = i < 30 ? i * 5 : i * 5 + 180; // three hours with no events between the halves
    const d: Doc = {
      '@timestamp': new Date(T0 + minute * 60_000).toISOString(),
      user: { name: USERS[i % 7 % 5] },
      event: { action: ACTIONS[i % 3], outcome: i % 4 === 0 ? 'failure' : 'success' },
    };
    if (i % 6 !== 0) d.bytes = i * 10;
    if (i % 2 === 0) d.source = { ip: `10.0.0.${i % 9}` };
    return d;
  });
}

function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}

async function aggs(fake: FakeElasticsearch, aggregations: Record<string, estypes.AggregationsAggregationContainer>, query?: estypes.QueryDslQueryContainer): Promise<Record<string, estypes.AggregationsAggregate>> {
  const res = await fake.client().search({ index: 'events', size: 0, aggregations, ...(query ? { query } : {}) });
  return res.aggregations ?? {};
}

describe('aggregations', () => {
  const data = docs();
  const fake = new FakeElasticsearch();
  fake.index('events', data.map((document) => ({ document })));

  it('terms: buckets by count then key, with size, sum_other_doc_count and doc_count_error_upper_bound', async () => {
    const result = (await aggs(fake, { users: { terms: { field: 'user.name', size: 3 } } })).users as estypes.AggregationsStringTermsAggregate;
    const expected = [...countBy(data, (d) => d.user.name)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    expect(result.buckets).toEqual(expected.slice(0, 3).map(([key, doc_count]) => ({ key, doc_count })));
    expect(result.sum_other_doc_count).toBe(expected.slice(3).reduce((s, [, n]) => s + n, 0));
    expect(result.doc_count_error_upper_bound).toBe(0);
  });

  it('terms: order by _key, by a metric sub-aggregation, min_doc_count and missing', async () => {
    const byKey = (await aggs(fake, { u: { terms: { field: 'user.name', order: { _key: 'desc' } } } })).u as estypes.AggregationsStringTermsAggregate;
    expect((byKey.buckets as estypes.AggregationsStringTermsBucket[]).map((b) => b.key)).toEqual([...USERS].sort().reverse());

    const byLatest = (await aggs(fake, { u: { terms: { field: 'user.name', order: { latest: 'asc' } }, aggs: { latest: { max: { field: '@timestamp' } } } } })).u as estypes.AggregationsStringTermsAggregate;
    const latest = new Map<string, number>();
    for (const d of data) latest.set(d.user.name, Math.max(latest.get(d.user.name) ?? 0, Date.parse(d['@timestamp'])));
    const expectedOrder = [...latest].sort((a, b) => a[1] - b[1]).map(([u]) => u);
    const buckets = byLatest.buckets as (estypes.AggregationsStringTermsBucket & { latest: estypes.AggregationsMaxAggregate })[];
    expect(buckets.map((b) => b.key)).toEqual(expectedOrder);
    expect(buckets.map((b) => b.latest.value_as_string)).toEqual(expectedOrder.map((u) => new Date(latest.get(u) as number).toISOString()));

    const frequent = (await aggs(fake, { a: { terms: { field: 'source.ip', min_doc_count: 4, size: 20 } } })).a as estypes.AggregationsStringTermsAggregate;
    const ipCounts = countBy(data.filter((d) => d.source), (d) => (d.source as { ip: string }).ip);
    expect((frequent.buckets as estypes.AggregationsStringTermsBucket[]).map((b) => b.key).sort()).toEqual([...ipCounts].filter(([, n]) => n >= 4).map(([ip]) => ip).sort());

    const withMissing = (await aggs(fake, { a: { terms: { field: 'source.ip', missing: 'none', size: 20 } } })).a as estypes.AggregationsStringTermsAggregate;
    const none = (withMissing.buckets as estypes.AggregationsStringTermsBucket[]).find((b) => b.key === 'none');
    expect(none?.doc_count).toBe(data.filter((d) => !d.source).length);
  });

  it('min, max (with value_as_string for dates), value_count, cardinality, sum and avg', async () => {
    const result = await aggs(fake, {
      first: { min: { field: '@timestamp' } },
      last: { max: { field: '@timestamp' } },
      bytesMax: { max: { field: 'bytes' } },
      withBytes: { value_count: { field: 'bytes' } },
      users: { cardinality: { field: 'user.name' } },
      total: { sum: { field: 'bytes' } },
      mean: { avg: { field: 'bytes' } },
      none: { min: { field: 'no.such.field' } },
    });
    const times = data.map((d) => Date.parse(d['@timestamp']));
    const bytes = data.flatMap((d) => (d.bytes === undefined ? [] : [d.bytes]));
    expect(result.first).toEqual({ value: Math.min(...times), value_as_string: new Date(Math.min(...times)).toISOString() });
    expect(result.last).toEqual({ value: Math.max(...times), value_as_string: new Date(Math.max(...times)).toISOString() });
    expect(result.bytesMax).toEqual({ value: Math.max(...bytes) });
    expect(result.withBytes).toEqual({ value: bytes.length });
    expect(result.users).toEqual({ value: new Set(data.map((d) => d.user.name)).size });
    expect(result.total).toEqual({ value: bytes.reduce((a, b) => a + b, 0) });
    expect(result.mean).toEqual({ value: bytes.reduce((a, b) => a + b, 0) / bytes.length });
    expect(result.none).toEqual({ value: null });
  });

  it('filter and filters (named buckets come back sorted by name, plus the other bucket)', async () => {
    const result = await aggs(fake, {
      failures: { filter: { term: { 'event.outcome': 'failure' } }, aggs: { who: { cardinality: { field: 'user.name' } } } },
      kinds: {
        filters: {
          filters: { roles: { term: { 'event.action': 'AssumeRole' } }, policy: { term: { 'event.action': 'PutRolePolicy' } } },
          other_bucket_key: 'rest',
        },
      },
    });
    const failures = data.filter((d) => d.event.outcome === 'failure');
    expect(result.failures).toEqual({ doc_count: failures.length, who: { value: new Set(failures.map((d) => d.user.name)).size } });
    const n = (a: string): number => data.filter((d) => d.event.action === a).length;
    const kinds = result.kinds as estypes.AggregationsFiltersAggregate;
    expect(kinds.buckets).toEqual({ policy: { doc_count: n('PutRolePolicy') }, roles: { doc_count: n('AssumeRole') }, rest: { doc_count: n('GetCallerIdentity') } });
    expect(Object.keys(kinds.buckets as object)).toEqual(['policy', 'roles', 'rest']);
  });

  it('date_histogram with fixed_interval fills empty buckets and keys them in millis and ISO', async () => {
    const result = (await aggs(fake, { perHour: { date_histogram: { field: '@timestamp', fixed_interval: '1h' }, aggs: { users: { cardinality: { field: 'user.name' } } } } })).perHour as estypes.AggregationsDateHistogramAggregate;
    const hourly = countBy(data, (d) => String(Math.floor(Date.parse(d['@timestamp']) / 3_600_000) * 3_600_000));
    const hours = [...hourly.keys()].map(Number);
    const first = Math.min(...hours);
    const last = Math.max(...hours);
    const buckets = result.buckets as estypes.AggregationsDateHistogramBucket[];
    expect(buckets).toHaveLength((last - first) / 3_600_000 + 1);
    for (const b of buckets) {
      expect(b.key_as_string).toBe(new Date(b.key).toISOString());
      expect(b.doc_count).toBe(hourly.get(String(b.key)) ?? 0);
    }
    expect(buckets.some((b) => b.doc_count === 0)).toBe(true);
    const skipEmpty = (await aggs(fake, { h: { date_histogram: { field: '@timestamp', fixed_interval: '1h', min_doc_count: 1 } } })).h as estypes.AggregationsDateHistogramAggregate;
    expect((skipEmpty.buckets as estypes.AggregationsDateHistogramBucket[]).every((b) => b.doc_count > 0)).toBe(true);
  });

  it('top_hits inside terms returns the latest document per user with sort values', async () => {
    const result = (await aggs(fake, {
      u: { terms: { field: 'user.name', size: 10 }, aggs: { latest: { top_hits: { size: 1, sort: [{ '@timestamp': 'desc' }], _source: ['event.action'] } } } },
    })).u as estypes.AggregationsStringTermsAggregate;
    for (const b of result.buckets as (estypes.AggregationsStringTermsBucket & { latest: estypes.AggregationsTopHitsAggregate })[]) {
      const mine = data.filter((d) => d.user.name === b.key);
      const newest = mine.reduce((a, d) => (Date.parse(d['@timestamp']) > Date.parse(a['@timestamp']) ? d : a));
      expect(b.latest.hits.total).toEqual({ value: mine.length, relation: 'eq' });
      expect(b.latest.hits.max_score).toBeNull();
      expect(b.latest.hits.hits).toHaveLength(1);
      expect(b.latest.hits.hits[0]._source).toEqual({ event: { action: newest.event.action } });
      expect(b.latest.hits.hits[0].sort).toEqual([Date.parse(newest['@timestamp'])]);
      expect(b.latest.hits.hits[0]._index).toBe('events');
    }
  });

  it('nests three levels and aggregates only the documents the query matched', async () => {
    const result = (await aggs(
      fake,
      { action: { terms: { field: 'event.action' }, aggs: { user: { terms: { field: 'user.name' }, aggs: { failed: { filter: { term: { 'event.outcome': 'failure' } } } } } } } },
      { range: { '@timestamp': { lt: new Date(T0 + 100 * 60_000).toISOString() } } },
    )).action as estypes.AggregationsStringTermsAggregate;
    const early = data.filter((d) => Date.parse(d['@timestamp']) < T0 + 100 * 60_000);
    let total = 0;
    for (const a of result.buckets as (estypes.AggregationsStringTermsBucket & { user: estypes.AggregationsStringTermsAggregate })[]) {
      for (const u of a.user.buckets as (estypes.AggregationsStringTermsBucket & { failed: { doc_count: number } })[]) {
        const mine = early.filter((d) => d.event.action === a.key && d.user.name === u.key);
        expect(u.doc_count).toBe(mine.length);
        expect(u.failed.doc_count).toBe(mine.filter((d) => d.event.outcome === 'failure').length);
        total += u.doc_count;
      }
    }
    expect(total).toBe(early.length);
  });

  it('prefixes aggregation names with their type under typed_keys', async () => {
    const res = await fake.client().search({ index: 'events', size: 0, typed_keys: true, aggs: { u: { terms: { field: 'user.name' } }, m: { max: { field: 'bytes' } } } });
    expect(Object.keys(res.aggregations ?? {}).sort()).toEqual(['max#m', 'sterms#u']);
  });
});
