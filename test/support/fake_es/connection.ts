/**
 * The client-side half of the in-process fake: a Connection class built on @elastic/elasticsearch-mock.
 * The mock resolves requests synchronously and ignores `timeout`, so this subclass holds a response back when a
 * delay fault matches and, while holding it, honours the request's timeout (TimeoutError) and abort signal
 * (RequestAbortedError) the way the client's real connections do.
 */
import {
  errors,
  type BaseConnection,
  type ConnectionRequestOptions,
  type ConnectionRequestOptionsAsStream,
  type ConnectionRequestParams,
  type ConnectionRequestResponse,
  type ConnectionRequestResponseAsStream,
} from '@elastic/elasticsearch';
import type Mock from '@elastic/elasticsearch-mock';

export interface DelaySource {
  /** Milliseconds to hold back the response to this request (0 for none). */
  takeDelay(method: string, decodedPath: string): number;
}

export function decodedPath(rawPath: string): string {
  return '/' + splitPath(rawPath).join('/');
}

/** Percent-decoded segments; ids containing `/` stay one segment because they arrive as `%2F`. */
export function splitPath(rawPath: string): string[] {
  return rawPath
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

export function fakeConnectionClass(mock: Mock, delays: DelaySource): typeof BaseConnection {
  const MockConnection = mock.getConnection();
  class FakeConnection extends MockConnection {
    override request(params: ConnectionRequestParams, options: ConnectionRequestOptions): Promise<ConnectionRequestResponse>;
    override request(params: ConnectionRequestParams, options: ConnectionRequestOptionsAsStream): Promise<ConnectionRequestResponseAsStream>;
    override async request(
      params: ConnectionRequestParams,
      options: ConnectionRequestOptions | ConnectionRequestOptionsAsStream,
    ): Promise<ConnectionRequestResponse | ConnectionRequestResponseAsStream> {
      const delay = delays.takeDelay(params.method, decodedPath(params.path));
      // The mock decodes the whole path once, which would turn an id's `%2F` into a separator: encode the `%`
      // so the resolver receives the path exactly as the client sent it.
      const response = await super.request({ ...params, path: params.path.replace(/%/g, '%25') }, options as ConnectionRequestOptions);
      if (delay > 0) await holdResponse(delay, options.timeout ?? undefined, options.signal);
      return response;
    }
  }
  return FakeConnection;
}

function holdResponse(ms: number, timeout: number | undefined, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let timeoutTimer: NodeJS.Timeout | undefined;
    const cleanup = (): void => {
      clearTimeout(timer);
      clearTimeout(timeoutTimer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      cleanup();
      reject(new errors.RequestAbortedError('Request aborted'));
    };
    const timer = setTimeout(() => {
      cleanup();
      resolve();
    }, ms);
    if (signal?.aborted === true) return onAbort();
    if (timeout !== undefined && timeout < ms) {
      timeoutTimer = setTimeout(() => {
        cleanup();
        reject(new errors.TimeoutError('Request timed out'));
      }, timeout);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
