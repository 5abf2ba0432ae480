/**
 * The host's router: serves the plugin's route definitions (server/routes registerRoutes) as Kibana does, in
 * Kibana's order: the route is matched (404), non-GET requests must carry `kbn-xsrf` (400), the route's
 * `security.authz.requiredPrivileges` are checked against the local user (403), each request part is validated by
 * the route's own function (400, `[request query]: <message>`), then the handler runs; a handler that throws is a
 * generic 500.
 */
import type { KibanaRequestLike, RequestHandlerLike, RouteConfigLike, RouterLike, RouteValidationFunction } from '../../../server/kibana/types';
import type { RouteLogger } from '../../../server/routes/services';
import { errorResponse, responseFactory, toApiResponse, validationResults, type ApiResponse } from './kibana_responses';

export type HttpMethod = 'get' | 'post' | 'put';
export type QueryValues = Record<string, string | string[]>;

export interface LocalUser {
  name: string;
  /** Kibana API privileges the user holds (cloudApiAbuse-read, cloudApiAbuse-all). */
  privileges: readonly string[];
}

/** What handlers receive as `context`. */
export interface HostRequestContext {
  user: LocalUser;
}

export interface RegisteredRoute {
  method: HttpMethod;
  config: RouteConfigLike<unknown, unknown, unknown>;
  handler: RequestHandlerLike<unknown, unknown, unknown, HostRequestContext>;
}

export interface RouteMatch {
  route: RegisteredRoute;
  params: Record<string, string>;
}

export interface RouteRequest {
  query: QueryValues;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  user: LocalUser;
}

const PARTS = [
  ['params', 'request params'],
  ['query', 'request query'],
  ['body', 'request body'],
] as const;

/** `?a=1&a=2&b=x`: repeated keys become arrays, as Kibana hands them to validation. Never touches a prototype. */
export function parseQueryString(search: string): QueryValues {
  const entries = new Map<string, string | string[]>();
  for (const [key, value] of new URLSearchParams(search)) {
    const seen = entries.get(key);
    entries.set(key, seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value]);
  }
  return Object.fromEntries(entries);
}

/** A malformed escape stays as it came, for the route's validation to reject. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Path params of `template` (`/findings/{id}`) in `path`, or undefined when a literal segment differs. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i];
    if (segment.startsWith('{') && segment.endsWith('}')) {
      if (got[i] === '') return undefined;
      params[segment.slice(1, -1)] = safeDecode(got[i]);
    } else if (segment !== got[i]) {
      return undefined;
    }
  }
  return params;
}

function literalSegments(template: string): number {
  return template.split('/').filter((s) => !s.startsWith('{')).length;
}

export class HostRouter implements RouterLike<HostRequestContext> {
  readonly routes: RegisteredRoute[] = [];

  constructor(private readonly logger?: RouteLogger) {}

  get<P, Q, B>(config: RouteConfigLike<P, Q, B>, handler: RequestHandlerLike<P, Q, B, HostRequestContext>): void {
    this.register('get', config, handler);
  }

  post<P, Q, B>(config: RouteConfigLike<P, Q, B>, handler: RequestHandlerLike<P, Q, B, HostRequestContext>): void {
    this.register('post', config, handler);
  }

  put<P, Q, B>(config: RouteConfigLike<P, Q, B>, handler: RequestHandlerLike<P, Q, B, HostRequestContext>): void {
    this.register('put', config, handler);
  }

  /** The route for this method and path; a literal segment wins over a parameter (findings/_histogram before findings/{id}). */
  match(method: string, path: string): RouteMatch | undefined {
    let best: RouteMatch | undefined;
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params = matchPath(route.config.path, path);
      if (params && (!best || literalSegments(route.config.path) > literalSegments(best.route.config.path))) best = { route, params };
    }
    return best;
  }

  async handle({ route, params }: RouteMatch, request: RouteRequest): Promise<ApiResponse> {
    const { method, config } = route;
    if (method !== 'get' && request.headers['kbn-xsrf'] === undefined && request.headers['kbn-version'] === undefined) {
      return errorResponse(400, 'Request must contain a kbn-xsrf header.');
    }
    const authz = config.security.authz;
    if ('requiredPrivileges' in authz) {
      const missing = authz.requiredPrivileges.filter((p) => !request.user.privileges.includes(p));
      if (missing.length > 0) {
        return errorResponse(403, `API [${method.toUpperCase()} ${config.path}] is unauthorized for user, this action is granted by the Kibana privileges [${missing.join(',')}]`);
      }
    }
    const raw = { params, query: request.query, body: request.body };
    const validated: Record<'params' | 'query' | 'body', unknown> = { params: {}, query: {}, body: {} };
    for (const [part, namespace] of PARTS) {
      const validate: RouteValidationFunction<unknown> | undefined = config.validate ? config.validate[part] : undefined;
      if (!validate) continue; // Kibana hands an unvalidated part to the handler as {}.
      let result: { value: unknown } | { error: Error };
      try {
        result = validate(raw[part], validationResults);
      } catch (error) {
        result = { error: error instanceof Error ? error : new Error(String(error)) };
      }
      if ('error' in result) return errorResponse(400, `[${namespace}]: ${result.error.message}`);
      validated[part] = result.value;
    }
    const kibanaRequest: KibanaRequestLike = { ...validated, headers: request.headers };
    try {
      return toApiResponse(await route.handler({ user: request.user }, kibanaRequest, responseFactory));
    } catch (error) {
      this.logger?.error(`${method.toUpperCase()} ${config.path} failed: ${error instanceof Error ? error.message : String(error)}`);
      return errorResponse(500, 'An internal server error occurred.');
    }
  }

  private register<P, Q, B>(method: HttpMethod, config: RouteConfigLike<P, Q, B>, handler: RequestHandlerLike<P, Q, B, HostRequestContext>): void {
    if (!config.path.startsWith('/')) throw new Error(`route path must start with "/": ${config.path}`);
    if (this.routes.some((r) => r.method === method && r.config.path === config.path)) throw new Error(`route ${method.toUpperCase()} ${config.path} is registered twice`);
    if (!config.security) throw new Error(`route ${method.toUpperCase()} ${config.path} has no security config`);
    // Each handler receives what its own validators produced; the list holds routes of every type.
    this.routes.push({
      method,
      config: config as RouteConfigLike<unknown, unknown, unknown>,
      handler: handler as unknown as RequestHandlerLike<unknown, unknown, unknown, HostRequestContext>,
    });
  }
}
