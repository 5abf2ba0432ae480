import { errors, HttpConnection } from '@elastic/elasticsearch';
import { startFakeHttpElasticsearch, type FakeHttpElasticsearch } from './http_server';

describe('the fake over HTTP', () => {
  let server: FakeHttpElasticsearch;
  beforeEach(async () => {
    server = await startFakeHttpElasticsearch();
    server.fake.index('audit', Array.from({ length: 30 }, (_, i) => ({ id: `e/${i}`, document: { '@timestamp': new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(), n: i } })));
  });
  afterEach(async () => {
    await server.close();
  });

  it('serves search, bulk (NDJSON) and get on 127.0.0.1 with the default connection', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const es = server.client();
    try {
      const res = await es.search({ index: 'audit', size: 5, sort: [{ n: 'desc' }], query: { range: { n: { gte: 10 } } } });
      expect(res.hits.total).toEqual({ value: 20, relation: 'eq' });
      expect(res.hits.hits.map((h) => h._id)).toEqual(['e/29', 'e/28', 'e/27', 'e/26', 'e/25']);
      const bulk = await es.bulk({ operations: [{ create: { _index: 'audit', _id: 'e/0' } }, { n: 0 }, { create: { _index: 'audit', _id: 'new' } }, { n: 99 }] });
      expect(bulk.items.map((i) => i.create?.status)).toEqual([409, 201]);
      expect((await es.get({ index: 'audit', id: 'e/3' }))._source).toEqual({ '@timestamp': '2025-01-01T00:03:00.000Z', n: 3 });
      expect(await es.indices.exists({ index: 'nope' })).toBe(false);
    } finally {
      await es.close();
    }
  });

  it('accepts gzip-compressed requests', async () => {
    const es = server.client({ compression: true });
    try {
      expect((await es.count({ index: 'audit', query: { term: { n: 7 } } })).count).toBe(1);
    } finally {
      await es.close();
    }
  });

  it('raises the client TimeoutError when a held-back response outlasts requestTimeout', async () => {
    server.fake.faults.delay({ path: /_search$/, ms: 3_000 });
    for (const Connection of [undefined, HttpConnection]) {
      const es = server.client({ requestTimeout: 100, maxRetries: 0, ...(Connection === undefined ? {} : { Connection }) });
      const started = Date.now();
      try {
        const err = await es.search({ index: 'audit' }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(errors.TimeoutError);
        expect(Date.now() - started).toBeLessThan(1_500);
      } finally {
        await es.close();
      }
      server.fake.faults.delay({ path: /_search$/, ms: 3_000 });
    }
  });

  it('rejects with RequestAbortedError quickly when the signal aborts mid-request', async () => {
    server.fake.faults.delay({ ms: 5_000 });
    const es = server.client();
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    try {
      const err = await es.search({ index: 'audit' }, { signal: controller.signal }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(errors.RequestAbortedError);
      expect(Date.now() - started).toBeLessThan(1_000);
      // The server saw the request: the fake executed it before holding the response.
      expect(server.fake.calls.map((c) => c.path)).toEqual(['/audit/_search']);
    } finally {
      await es.close();
    }
  });

  it('pages with a point in time over the socket and closes it', async () => {
    const es = server.client();
    try {
      const { id } = await es.openPointInTime({ index: 'audit', keep_alive: '1m' });
      const seen: number[] = [];
      let after: (string | number | null)[] | undefined;
      for (;;) {
        const res = await es.search<{ n: number }>({ pit: { id, keep_alive: '1m' }, size: 7, sort: [{ '@timestamp': 'asc' }], ...(after ? { search_after: after } : {}) });
        if (res.hits.hits.length === 0) break;
        for (const h of res.hits.hits) seen.push(h._source?.n as number);
        after = res.hits.hits[res.hits.hits.length - 1].sort as (string | number | null)[];
      }
      await es.closePointInTime({ id });
      expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i));
      expect(server.fake.openPitIds()).toEqual([]);
    } finally {
      await es.close();
    }
  });
});
