import { errors } from '@elastic/elasticsearch';
import { FakeElasticsearch } from './fake_elasticsearch';

function seeded(): FakeElasticsearch {
  const fake = new FakeElasticsearch();
  fake.index('audit', [{ id: '1', document: { user: 'a' } }]);
  return fake;
}

describe('faults through the mock connection', () => {
  it('answers 429 once, then succeeds: the client does not retry 429 itself', async () => {
    const fake = seeded();
    fake.faults.next({ method: 'GET', path: /\/_search$/, status: 429 }); // no body: the client sends GET
    const es = fake.client();
    const err = await es.search({ index: 'audit' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.ResponseError);
    expect((err as errors.ResponseError).statusCode).toBe(429);
    expect((err as errors.ResponseError).body).toMatchObject({ error: { type: 'es_rejected_execution_exception', root_cause: [{ type: 'es_rejected_execution_exception' }] }, status: 429 });
    const ok = await es.search({ index: 'audit' });
    expect(ok.hits.hits).toHaveLength(1);
    expect(fake.calls.filter((c) => c.path === '/audit/_search')).toHaveLength(2);
    expect(fake.faults.pending()).toBe(0);
  });

  it('only fails matching requests, the given number of times', async () => {
    const fake = seeded();
    fake.faults.next({ path: '/_bulk', status: 503, times: 2, reason: 'overloaded' });
    const es = fake.client({ maxRetries: 0 });
    await expect(es.search({ index: 'audit' })).resolves.toBeDefined();
    await expect(es.bulk({ operations: [{ create: { _index: 'audit' } }, { user: 'b' }] })).rejects.toMatchObject({ statusCode: 503, body: { error: { reason: 'overloaded' } } });
    await expect(es.bulk({ operations: [{ create: { _index: 'audit' } }, { user: 'b' }] })).rejects.toMatchObject({ statusCode: 503 });
    await expect(es.bulk({ operations: [{ create: { _index: 'audit' } }, { user: 'b' }] })).resolves.toMatchObject({ errors: false });
    expect(fake.docs('audit')).toHaveLength(2);
  });

  it('lets the client retry a 503 on its own (maxRetries), which shows in the recorded calls', async () => {
    const fake = seeded();
    fake.faults.next({ status: 503 });
    const res = await fake.client({ maxRetries: 2 }).count({ index: 'audit' });
    expect(res.count).toBe(1);
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /audit/_count', 'GET /audit/_count']);
  });

  it('holds a response back so that a short requestTimeout raises TimeoutError, while the write still happened', async () => {
    const fake = seeded();
    fake.faults.delay({ path: /_bulk$/, ms: 5_000 });
    const es = fake.client({ maxRetries: 0 });
    const started = Date.now();
    const err = await es.bulk({ operations: [{ create: { _index: 'audit', _id: 'slow' } }, { user: 'c' }] }, { requestTimeout: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.TimeoutError);
    expect(Date.now() - started).toBeLessThan(1_000);
    // As with a real cluster, a timed-out write may have been applied.
    expect(fake.docs('audit')).toContainEqual({ user: 'c' });
  });

  it('delivers a delayed response that arrives before the timeout', async () => {
    const fake = seeded();
    fake.faults.delay({ ms: 30 });
    const started = Date.now();
    const res = await fake.client().search({ index: 'audit' }, { requestTimeout: 2_000 });
    expect(res.hits.hits).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('rejects with RequestAbortedError as soon as the signal aborts mid-request', async () => {
    const fake = seeded();
    fake.faults.delay({ ms: 10_000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    const err = await fake.client().search({ index: 'audit' }, { signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.RequestAbortedError);
    expect(Date.now() - started).toBeLessThan(1_000);
    // An already-aborted signal never reaches the fake.
    const before = fake.calls.length;
    await expect(fake.client().search({ index: 'audit' }, { signal: controller.signal })).rejects.toBeInstanceOf(errors.RequestAbortedError);
    expect(fake.calls.length).toBe(before);
  });
});
