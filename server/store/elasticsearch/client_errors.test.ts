import { errors } from '@elastic/elasticsearch';
import { isConnectionError, isRequestAbortedError, isResponseError, isTimeoutError } from './client_errors';
import { isRetryable, statusOf } from './retry';

const meta = (statusCode: number) => ({ body: { error: { type: 'x' } }, statusCode, headers: {}, warnings: null, meta: {} }) as unknown as ConstructorParameters<typeof errors.ResponseError>[0];

describe('client errors', () => {
  it("recognises the client's own errors", () => {
    expect(isResponseError(new errors.ResponseError(meta(429)))).toBe(true);
    expect(statusOf(new errors.ResponseError(meta(429)))).toBe(429);
    expect(isTimeoutError(new errors.TimeoutError('timed out'))).toBe(true);
    expect(isConnectionError(new errors.ConnectionError('refused'))).toBe(true);
    expect(isRequestAbortedError(new errors.RequestAbortedError('aborted'))).toBe(true);
  });

  it("recognises the same errors thrown by another copy of the client (Kibana's), where instanceof fails", () => {
    class ResponseError extends Error {
      statusCode = 503;
      constructor() {
        super('unavailable');
        this.name = 'ResponseError';
      }
    }
    class TimeoutError extends Error {
      constructor() {
        super('timeout');
        this.name = 'TimeoutError';
      }
    }
    expect(new ResponseError() instanceof errors.ResponseError).toBe(false);
    expect(statusOf(new ResponseError())).toBe(503);
    expect(isRetryable(new ResponseError())).toBe(true);
    expect(isRetryable(new TimeoutError())).toBe(true);
  });

  it('does not take a plain error or a look-alike object for a client error', () => {
    expect(isResponseError(new Error('ResponseError'))).toBe(false);
    expect(isResponseError({ name: 'ResponseError', statusCode: 429 })).toBe(false);
    expect(isRetryable(new Error('boom'))).toBe(false);
  });
});
