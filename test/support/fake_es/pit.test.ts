import { errors, type estypes } from '@elastic/elasticsearch';
import { FakeElasticsearch } from './fake_elasticsearch';

type Event = { '@timestamp': string; seq: number; user: { name: string } };

const T0 = Date.parse('2025-03-01T00:00:00Z');

/** 2,500 events where many share a timestamp, so only the tiebreaker keeps paging exact. */
function events(n: number): { id: string; document: Event }[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `evt-${i}`,
    document: { '@timestamp': new Date(T0 + Math.floor(((i * 7919) % n) / 3) * 1000).toISOString(), seq: i, user: { name: `u${i % 13}` } },
  }));
}

async function pageAll(fake: FakeElasticsearch, index: string, pageSize: number): Promise<{ ids: string[]; pages: number[]; pitIds: string[] }> {
  const es = fake.client();
  const { id } = await es.openPointInTime({ index, keep_alive: '1m' });
  const ids: string[] = [];
  const pages: number[] = [];
  const pitIds: string[] = [];
  let pit = id;
  let after: estypes.SortResults | undefined;
  try {
    for (;;) {
      const res = await es.search<Event>({
        pit: { id: pit, keep_alive: '1m' },
        size: pageSize,
        sort: [{ '@timestamp': 'asc' }],
        ...(after === undefined ? {} : { search_after: after }),
      });
      pit = res.pit_id ?? pit;
      pitIds.push(pit);
      const hits = res.hits.hits;
      pages.push(hits.length);
      if (hits.length === 0) break;
      for (const h of hits) ids.push(h._id as string);
      after = hits[hits.length - 1].sort;
    }
  } finally {
    await es.closePointInTime({ id: pit });
  }
  return { ids, pages, pitIds };
}

describe('point in time paging', () => {
  it('pages 2,500 documents by 1,000 in timestamp order, each exactly once, and closes the PIT', async () => {
    const fake = new FakeElasticsearch();
    const docs = events(2500);
    fake.index('audit', docs);

    const { ids, pages } = await pageAll(fake, 'audit', 1000);

    expect(pages).toEqual([1000, 1000, 500, 0]);
    // Expected order: timestamp ascending, ties in write order (the order the _shard_doc tiebreaker follows).
    const expected = docs
      .map((d, writeOrder) => ({ id: d.id, t: Date.parse(d.document['@timestamp']), writeOrder }))
      .sort((a, b) => a.t - b.t || a.writeOrder - b.writeOrder)
      .map((d) => d.id);
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(2500);
    expect(fake.openPitIds()).toEqual([]);
    expect(fake.pitsOpened).toBe(1);
    expect(fake.calls.filter((c) => c.method === 'DELETE' && c.path === '/_pit')).toHaveLength(1);
  });

  it('adds the _shard_doc tiebreaker to sorted PIT searches and returns pit_id', async () => {
    const fake = new FakeElasticsearch();
    fake.index('audit', events(5));
    const es = fake.client();
    const { id, _shards } = await es.openPointInTime({ index: 'audit', keep_alive: '30s' });
    expect(_shards).toEqual({ total: 1, successful: 1, skipped: 0, failed: 0 });
    const res = await es.search({ pit: { id, keep_alive: '30s' }, size: 2, sort: [{ '@timestamp': 'desc' }] });
    expect(res.pit_id).toBe(id);
    for (const hit of res.hits.hits) {
      expect(hit.sort).toHaveLength(2);
      expect(typeof hit.sort?.[0]).toBe('number'); // dates sort as epoch millis
      expect(hit._index).toBe('audit');
      expect(hit._score).toBeNull();
    }
    await expect(es.search({ pit: { id }, sort: [{ '@timestamp': 'desc' }], search_after: [1] })).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { root_cause: [{ type: 'illegal_argument_exception', reason: 'search_after has 1 value(s) but sort has 2.' }] } },
    });
    await es.closePointInTime({ id });
  });

  it('searches the snapshot taken at open: later writes, updates and deletes are invisible to it', async () => {
    const fake = new FakeElasticsearch();
    fake.index('findings', [
      { id: 'a', document: { status: 'open', n: 1 } },
      { id: 'b', document: { status: 'open', n: 2 } },
    ]);
    const es = fake.client();
    const { id } = await es.openPointInTime({ index: 'findings', keep_alive: '1m' });

    await es.index({ index: 'findings', id: 'c', document: { status: 'open', n: 3 } });
    await es.update({ index: 'findings', id: 'a', doc: { status: 'closed' } });
    await es.delete({ index: 'findings', id: 'b' });

    const frozen = await es.search<{ status: string }>({ pit: { id }, sort: ['_shard_doc'] });
    expect(frozen.hits.hits.map((h) => [h._id, h._source?.status])).toEqual([
      ['a', 'open'],
      ['b', 'open'],
    ]);
    const live = await es.search<{ status: string }>({ index: 'findings', sort: [{ n: 'asc' }] });
    expect(live.hits.hits.map((h) => [h._id, h._source?.status])).toEqual([
      ['a', 'closed'],
      ['c', 'open'],
    ]);
    await es.closePointInTime({ id });
  });

  it('answers 404 search_context_missing_exception for a closed or expired PIT', async () => {
    let now = T0;
    const fake = new FakeElasticsearch({ now: () => now });
    fake.index('audit', events(3));
    const es = fake.client();

    const closed = (await es.openPointInTime({ index: 'audit', keep_alive: '1m' })).id;
    expect(await es.closePointInTime({ id: closed })).toEqual({ succeeded: true, num_freed: 1 });
    const err = await es.search({ pit: { id: closed } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.ResponseError);
    expect((err as errors.ResponseError).statusCode).toBe(404);
    expect((err as errors.ResponseError).body).toMatchObject({
      error: {
        type: 'search_phase_execution_exception',
        root_cause: [{ type: 'search_context_missing_exception' }],
        caused_by: { type: 'search_context_missing_exception', reason: expect.stringMatching(/^No search context found for id \[\d+\]$/) },
      },
      status: 404,
    });
    // Closing twice frees nothing but is not an error.
    expect(await es.closePointInTime({ id: closed })).toEqual({ succeeded: true, num_freed: 0 });

    const expiring = (await es.openPointInTime({ index: 'audit', keep_alive: '1m' })).id;
    now += 30_000;
    await es.search({ pit: { id: expiring, keep_alive: '1m' } }); // extends to now + 1m
    now += 59_000;
    await expect(es.search({ pit: { id: expiring } })).resolves.toBeDefined();
    now += 2_000;
    await expect(es.search({ pit: { id: expiring } })).rejects.toMatchObject({ statusCode: 404 });
    expect(fake.openPitIds()).toEqual([]);
  });

  it('rejects a PIT search that also names an index, and a PIT opened without keep_alive', async () => {
    const fake = new FakeElasticsearch();
    fake.index('audit', events(3));
    const es = fake.client();
    const { id } = await es.openPointInTime({ index: 'audit', keep_alive: '1m' });
    await expect(es.search({ index: 'audit', pit: { id } })).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { type: 'action_request_validation_exception' } },
    });
    await expect(es.openPointInTime({ index: 'audit' } as estypes.OpenPointInTimeRequest)).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { reason: 'Validation Failed: 1: [keep_alive] is not specified;' } },
    });
    expect(fake.openPitIds()).toEqual([id]);
  });

  it('spans every index of a pattern, hits naming their concrete index', async () => {
    const fake = new FakeElasticsearch();
    fake.index('audit-aws', events(4));
    fake.index('audit-gcp', events(3));
    const es = fake.client();
    const { id } = await es.openPointInTime({ index: 'audit-*', keep_alive: '1m' });
    const res = await es.search({ pit: { id }, size: 100, sort: ['_shard_doc'] });
    expect(res._shards.total).toBe(2);
    const byIndex = new Map<string, number>();
    for (const h of res.hits.hits) byIndex.set(h._index, (byIndex.get(h._index) ?? 0) + 1);
    expect(Object.fromEntries(byIndex)).toEqual({ 'audit-aws': 4, 'audit-gcp': 3 });
    // _shard_doc values are unique across the indices of the PIT.
    expect(new Set(res.hits.hits.map((h) => h.sort?.[0])).size).toBe(7);
    await es.closePointInTime({ id });
  });
});
