/**
 * A stand-in for Kibana's router that serves registered routes the way Kibana does, in Kibana's order: the route is
 * matched (404), the user authenticated (401, the security plugin's auth step), the route's
 * `security.authz.requiredPrivileges` checked (403, its onPostAuth step), each part validated (400,
 * `[request query]: <message>`), then the handler runs with a context whose `core.security.authc.getCurrentUser()`
 * names the user. Error responses have Kibana's shape `{ statusCode, error, message, attributes? }`.
 */
import { matchPath } from '../../../plugin/host/http/host_router';
import { errorBody, responseFactory as fakeResponseFactory } from '../../../plugin/host/http/kibana_responses';
import type {
  KibanaRequestLike,
  RequestHandlerLike,
  ResponseLike,
  RouteConfigLike,
  RouteValidationFunction,
  RouterLike,
  ValidationResultFactory,
} from '../../../server/kibana/types';

export interface FakeUser {
  name: string;
  /** Kibana API privileges the user's roles grant (`cloudApiAbuse-read` ...). */
  privileges: string[];
}

/** What handlers get as `context`: the parts of Kibana's request context a services resolver reads. */
export interface FakeRequestContext {
  core: Promise<{ security: { authc: { getCurrentUser(): { username: string } | null } } }>;
}

export type HttpMethod = 'get' | 'post' | 'put';
export type QueryValues = Record<string, string | string[]>;

export interface InvokeOptions {
  /** Extra path params; those in the path itself are matched from the route template. */
  params?: Record<string, string>;
  /** Query parameters as Kibana parses them: a string, or an array when repeated. Merged with any `?...` in the path. */
  query?: QueryValues;
  body?: unknown;
  /** Absent or null: the request is not authenticated. */
  user?: FakeUser | null;
  headers?: Record<string, string>;
}

export interface InvokeResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RecordedRoute<Ctx> {
  method: HttpMethod;
  config: RouteConfigLike<unknown, unknown, unknown>;
  handler: RequestHandlerLike<unknown, unknown, unknown, Ctx>;
}

const PARTS = [
  ['params', 'request params'],
  ['query', 'request query'],
  ['body', 'request body'],
] as const;

class FakeValidationError extends Error {}

const validationResults: ValidationResultFactory = {
  ok: (value) => ({ value }),
  badRequest: (error) => ({ error: new FakeValidationError(error instanceof Error ? error.message : error) }),
};

function toResult(response: ResponseLike): InvokeResult {
  const body = response.status >= 400 ? errorBody(response.status, response.payload) : response.payload;
  return response.headers ? { status: response.status, body, headers: response.headers } : { status: response.status, body };
}

function errorResult(status: number, message?: string): InvokeResult {
  return { status, body: errorBody(status, message) };
}

// Paths, responses and error bodies exactly as the standalone host's router has them.
export { errorBody, fakeResponseFactory, matchPath };

function literalSegments(template: string): number {
  return template.split('/').filter((s) => !s.startsWith('{')).length;
}

/** `?a=1&a=2&b=x` as Kibana hands it to validation: repeated keys become arrays. */
export function parseQueryString(search: string): QueryValues {
  const query: QueryValues = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

function contextFor(user: FakeUser | null, core: object = {}): FakeRequestContext {
  return { core: Promise.resolve({ ...core, security: { authc: { getCurrentUser: () => (user ? { username: user.name } : null) } } }) };
}

export class FakeRouter implements RouterLike<FakeRequestContext> {
  readonly routes: RecordedRoute<FakeRequestContext>[] = [];

  /** `core` gives handlers' context.core more of Kibana's request context (e.g. a scoped Elasticsearch client). */
  constructor(private readonly core: object = {}) {}

  get<P, Q, B>(config: RouteConfigLike<P, Q, B>, handler: RequestHandlerLike<P, Q, B, FakeRequestContext>): void {
    this.record('get', config, handler);
  }

  post<P, Q, B>(config: RouteConfigLike<P, Q, B>, handler: RequestHandlerLike<P, Q, B, FakeRequestContext>): void {
    this.record('post', config, handler);
  }

  put<P, Q, B>(config: RouteConfigLike<P, Q, B>, handler: RequestHandlerLike<P, Q, B, FakeRequestContext>): void {
    this.record('put', config, handler);
  }

  route(method: HttpMethod, path: string): RecordedRoute<FakeRequestContext> | undefined {
    return this.routes.find((r) => r.method === method && r.config.path === path);
  }

  async invoke(method: HttpMethod, pathAndQuery: string, options: InvokeOptions = {}): Promise<InvokeResult> {
    const [path, search = ''] = pathAndQuery.split('?', 2);
    const match = this.match(method, path);
    if (!match) return errorResult(404);
    const { route, pathParams } = match;

    const user = options.user ?? null;
    if (!user) return errorResult(401, 'Unauthorized');
    const authz = route.config.security.authz;
    if ('requiredPrivileges' in authz) {
      const missing = authz.requiredPrivileges.filter((p) => !user.privileges.includes(p));
      if (missing.length > 0) {
        return errorResult(
          403,
          `API [${method.toUpperCase()} ${path}] is unauthorized for user, this action is granted by the Kibana privileges [${missing.join(',')}]`,
        );
      }
    }

    const raw = {
      params: { ...pathParams, ...options.params },
      query: { ...parseQueryString(search), ...options.query },
      body: options.body,
    };
    const validated: Record<'params' | 'query' | 'body', unknown> = { params: {}, query: {}, body: {} };
    const validate = route.config.validate;
    for (const [part, namespace] of PARTS) {
      const fn: RouteValidationFunction<unknown> | undefined = validate ? validate[part] : undefined;
      if (!fn) continue; // Kibana hands an unvalidated part to the handler as {}.
      let result: { value: unknown } | { error: Error };
      try {
        result = fn(raw[part], validationResults);
      } catch (err) {
        result = { error: err instanceof Error ? err : new Error(String(err)) };
      }
      if ('error' in result) return errorResult(400, `[${namespace}]: ${result.error.message}`);
      validated[part] = result.value;
    }

    const request: KibanaRequestLike = { ...validated, headers: options.headers ?? {} };
    try {
      return toResult(await route.handler(contextFor(user, this.core), request, fakeResponseFactory));
    } catch {
      // Kibana logs a handler that throws and answers with a generic 500.
      return errorResult(500, 'An internal server error occurred.');
    }
  }

  private match(method: HttpMethod, path: string): { route: RecordedRoute<FakeRequestContext>; pathParams: Record<string, string> } | undefined {
    let best: { route: RecordedRoute<FakeRequestContext>; pathParams: Record<string, string> } | undefined;
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const pathParams = matchPath(route.config.path, path);
      // Like hapi, a literal segment wins over a parameter (findings/_histogram before findings/{id}).
      if (pathParams && (!best || literalSegments(route.config.path) > literalSegments(best.route.config.path))) {
        best = { route, pathParams };
      }
    }
    return best;
  }

  private record<P, Q, B>(method: HttpMethod, config: RouteConfigLike<P, Q, B>, handler: RequestHandlerLike<P, Q, B, FakeRequestContext>): void {
    if (!config.path.startsWith('/')) throw new Error(`route path must start with "/": ${config.path}`);
    if (this.route(method, config.path)) throw new Error(`route ${method.toUpperCase()} ${config.path} is registered twice`);
    if (!config.security) throw new Error(`route ${method.toUpperCase()} ${config.path} has no security config`);
    // The handler receives what its own validators produced; the recorded list holds routes of every type.
    this.routes.push({
      method,
      config: config as RouteConfigLike<unknown, unknown, unknown>,
      handler: handler as unknown as RequestHandlerLike<unknown, unknown, unknown, FakeRequestContext>,
    });
  }
}
