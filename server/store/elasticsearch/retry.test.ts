import { errors } from '@elastic/elasticsearch';
import { AbortedError, isRetryable, withRetry } from './retry';

const response = (statusCode: number) =>
  new errors.ResponseError({ body: { error: { type: 'x' } }, statusCode, headers: {}, warnings: null, meta: {} as never });

describe('withRetry', () => {
  const instant = { sleep: async () => undefined, random: () => 1, baseDelayMs: 10, maxDelayMs: 100 };

  it('retries throttling, timeouts and gateway errors, then succeeds', async () => {
    const failures = [response(429), new errors.TimeoutError('timeout'), response(503)];
    let calls = 0;
    const delays: number[] = [];
    const result = await withRetry(
      async () => {
        calls++;
        const f = failures.shift();
        if (f) throw f;
        return 'ok';
      },
      { ...instant, retries: 4, onRetry: (_a, _e, d) => delays.push(d) },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(4);
    expect(delays).toEqual([10, 20, 40]);
  });

  it('gives up after its retries and reports the last error', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw new errors.TimeoutError('Request timed out');
      }, { ...instant, retries: 2 }),
    ).rejects.toThrow('Request timed out');
    expect(calls).toBe(3);
  });

  it('does not retry what a retry cannot fix: 400, 403, 404, aborts', async () => {
    for (const e of [response(400), response(403), response(404), new errors.RequestAbortedError('aborted')]) {
      let calls = 0;
      await expect(withRetry(async () => { calls++; throw e; }, instant)).rejects.toBe(e);
      expect(calls).toBe(1);
      expect(isRetryable(e)).toBe(false);
    }
  });

  it('stops waiting as soon as the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(withRetry(async () => 'never', { signal: controller.signal })).rejects.toBeInstanceOf(AbortedError);
  });
});
