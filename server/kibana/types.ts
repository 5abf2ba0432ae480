/**
 * Kibana's contracts, typed structurally (`@kbn/*` is not published): only the members this plugin uses, mirroring
 * ../shared/reference/kibana-contracts.md §2-3. The local fake (test/support/fake_kibana.ts) implements the same
 * interfaces; inside Kibana the real objects satisfy them.
 */
import type { Client } from '@elastic/elasticsearch';

/** `ElasticsearchClient` in Kibana: the client without its lifecycle members. */
export type EsClient = Omit<Client, 'connectionPool' | 'serializer' | 'extend' | 'close' | 'diagnostic'>;

export type LogMessage = string | (() => string);

export interface KbnLogger {
  trace(message: LogMessage, meta?: object): void;
  debug(message: LogMessage, meta?: object): void;
  info(message: LogMessage, meta?: object): void;
  warn(message: string | Error, meta?: object): void;
  error(message: string | Error, meta?: object): void;
  get(...childContext: string[]): KbnLogger;
}

export interface PluginInitContext<C> {
  logger: { get(...childContext: string[]): KbnLogger };
  config: { get<T = C>(): T };
  env: { packageInfo: { version: string }; instanceUuid?: string };
  node?: { roles: { backgroundTasks: boolean; ui: boolean } };
}

/** The incoming request as handlers see it (KibanaRequest). */
export interface KibanaRequestLike<P = unknown, Q = unknown, B = unknown> {
  params: P;
  query: Q;
  body: B;
  headers?: Record<string, string | string[] | undefined>;
  /** Present on real requests; aborted when the client goes away. */
  events?: { aborted$?: { subscribe(fn: () => void): { unsubscribe(): void } } };
}

export interface ScopedClusterClient {
  asInternalUser: EsClient;
  asCurrentUser: EsClient;
}

export interface CoreStartLike {
  elasticsearch: {
    client: {
      asInternalUser: EsClient;
      asScoped(request: unknown): ScopedClusterClient;
    };
  };
}

export interface RequestHandlerContextLike {
  core: Promise<{ elasticsearch: { client: ScopedClusterClient } }>;
}

// --- HTTP routes -------------------------------------------------------------------------------------------------

export interface ValidationResultFactory {
  ok<V>(value: V): { value: V };
  badRequest(error: Error | string, path?: string[]): { error: Error };
}

export type RouteValidationFunction<T> = (data: unknown, r: ValidationResultFactory) => { value: T } | { error: Error };

export interface RouteSecurity {
  authz: { requiredPrivileges: string[] } | { enabled: false; reason: string };
}

export interface RouteConfigLike<P, Q, B> {
  path: string;
  validate: { params?: RouteValidationFunction<P>; query?: RouteValidationFunction<Q>; body?: RouteValidationFunction<B> } | false;
  security: RouteSecurity;
  options?: { access?: 'internal' | 'public'; summary?: string; description?: string; tags?: string[] };
}

export interface ResponseLike {
  status: number;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface ResponseFactoryLike {
  ok(o?: { body?: unknown; headers?: Record<string, string> }): ResponseLike;
  accepted(o?: { body?: unknown }): ResponseLike;
  badRequest(o?: { body?: unknown }): ResponseLike;
  forbidden(o?: { body?: unknown }): ResponseLike;
  notFound(o?: { body?: unknown }): ResponseLike;
  conflict(o?: { body?: unknown }): ResponseLike;
  customError(o: { statusCode: number; body?: unknown }): ResponseLike;
}

export type RequestHandlerLike<P, Q, B, Ctx> = (
  context: Ctx,
  request: KibanaRequestLike<P, Q, B>,
  response: ResponseFactoryLike,
) => Promise<ResponseLike>;

export interface RouterLike<Ctx = RequestHandlerContextLike> {
  get<P, Q, B>(config: RouteConfigLike<P, Q, B>, handler: RequestHandlerLike<P, Q, B, Ctx>): void;
  post<P, Q, B>(config: RouteConfigLike<P, Q, B>, handler: RequestHandlerLike<P, Q, B, Ctx>): void;
  put<P, Q, B>(config: RouteConfigLike<P, Q, B>, handler: RequestHandlerLike<P, Q, B, Ctx>): void;
}

export interface CoreSetupLike<DepsStart = unknown> {
  http: { createRouter<Ctx = RequestHandlerContextLike>(): RouterLike<Ctx> };
  getStartServices(): Promise<[CoreStartLike, DepsStart, unknown]>;
}

// --- Task Manager --------------------------------------------------------------------------------------------------

export interface ConcreteTaskInstanceLike {
  id: string;
  taskType: string;
  params: Record<string, unknown>;
  state: Record<string, unknown>;
  attempts?: number;
  runAt?: Date;
  startedAt?: Date | null;
  schedule?: { interval: string };
}

export interface RunContextLike {
  taskInstance: ConcreteTaskInstanceLike;
  /** Newest Kibana versions: aborted when the task is cancelled or times out. */
  signal?: AbortSignal;
  /** Present when the task was scheduled with a user's request (user-scoped API key). */
  fakeRequest?: unknown;
}

export interface RunResultLike {
  state: Record<string, unknown>;
  runAt?: Date;
  schedule?: { interval: string };
  error?: Error;
}

export interface TaskRunnerLike {
  run(): Promise<RunResultLike | undefined>;
  cancel?(): Promise<void>;
}

export interface TaskDefinitionLike {
  title?: string;
  description?: string;
  timeout?: string;
  maxAttempts?: number;
  cost?: 1 | 2 | 4 | 10;
  stateSchemaByVersion?: Record<number, { schema: unknown; up(state: Record<string, unknown>): Record<string, unknown> }>;
  createTaskRunner(context: RunContextLike): TaskRunnerLike;
}

export interface TaskManagerSetupLike {
  registerTaskDefinitions(definitions: Record<string, TaskDefinitionLike>): void;
}

export interface TaskInstanceToSchedule {
  id: string;
  taskType: string;
  schedule?: { interval: string };
  params: Record<string, unknown>;
  state: Record<string, unknown>;
  scope?: string[];
  enabled?: boolean;
}

export interface TaskManagerStartLike {
  ensureScheduled(task: TaskInstanceToSchedule, options?: { request?: unknown }): Promise<unknown>;
  runSoon(id: string): Promise<unknown>;
  removeIfExists(id: string): Promise<void>;
  get?(id: string): Promise<ConcreteTaskInstanceLike>;
}

// --- Features (privileges) ------------------------------------------------------------------------------------------

export interface KibanaFeatureConfigLike {
  id: string;
  name: string;
  category: { id: string; label: string };
  app: string[];
  privileges: {
    all: { app: string[]; api: string[]; savedObject: { all: string[]; read: string[] }; ui: string[] };
    read: { app: string[]; api: string[]; savedObject: { all: string[]; read: string[] }; ui: string[] };
  };
}

export interface FeaturesSetupLike {
  registerKibanaFeature(feature: KibanaFeatureConfigLike): void;
}

export interface SpacesStartLike {
  spacesService: { getSpaceId(request: unknown): string };
}
