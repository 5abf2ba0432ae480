/**
 * An in-memory Elasticsearch for tests, reached through a real `Client` whose Connection is built on
 * @elastic/elasticsearch-mock. Responses are shaped like Elasticsearch 8.x/9.x; unsupported requests fail with
 * a 400 that names what is missing. `calls` records every request; `faults` plans failures and delays.
 */
import { Client, errors, type ClientOptions } from '@elastic/elasticsearch';
import Mock from '@elastic/elasticsearch-mock';
import { decodedPath, fakeConnectionClass, splitPath } from './connection';
import type { Engine } from './engine';
import { EsError, errorBody } from './errors';
import { FaultPlan } from './faults';
import { applyFilterPath } from './filter_path';
import { IdSource } from './ids';
import { isObject, toJson, type JsonObject, type JsonValue } from './json';
import { PitRegistry } from './pit';
import { route } from './router';
import { ClusterState } from './store';
import { builtinIndexTemplates } from './templates';

export interface FakeElasticsearchOptions {
  /** Clock for `now` in date math, PIT expiry and data stream backing index names. Default Date.now. */
  now?: () => number;
  /** `version.number` reported by GET /. Default 9.1.0. */
  version?: string;
  /** Install Elasticsearch's built-in `logs` (`logs-*-*`) and `metrics` (`metrics-*-*`) data stream templates. Default true. */
  builtinTemplates?: boolean;
  /** index.max_result_window. Default 10,000. */
  maxResultWindow?: number;
}

export interface RecordedCall {
  method: string;
  /** Decoded path without the query string: e.g. `/logs-aws.cloudtrail-*,logs-gcp.audit-*` followed by `/_search`. */
  path: string;
  body: JsonValue | null;
  querystring: Record<string, string>;
}

/** A request as any transport hands it over: path as sent (percent-encoded), body already parsed. */
export interface FakeRequest {
  method: string;
  path: string;
  querystring: Record<string, string>;
  body: JsonValue | null;
}

export interface FakeResponse {
  status: number;
  /** null for HEAD. */
  body: JsonValue | null;
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'];

export class FakeElasticsearch {
  readonly faults = new FaultPlan();
  readonly calls: RecordedCall[] = [];
  private readonly engine: Engine;
  private readonly pits = new PitRegistry();
  private readonly state: ClusterState;
  private readonly mock = new Mock();
  /** Pass as `Connection` in ClientOptions to build a client by hand. */
  readonly Connection: ReturnType<typeof fakeConnectionClass>;

  constructor(options: FakeElasticsearchOptions = {}) {
    const now = options.now ?? Date.now;
    this.state = new ClusterState(now, new IdSource(0x5eed));
    if (options.builtinTemplates !== false) for (const [name, t] of builtinIndexTemplates()) this.state.templates.index.set(name, t);
    this.engine = {
      state: this.state,
      pits: this.pits,
      faults: this.faults,
      now,
      version: options.version ?? '9.1.0',
      maxResultWindow: options.maxResultWindow ?? 10_000,
    };
    this.mock.add({ method: METHODS, path: '/*' }, (params) => {
      const { status, body } = this.handle({
        method: params.method as string,
        path: params.path as string,
        querystring: { ...(params.querystring ?? {}) },
        body: params.body === undefined || params.body === null ? null : toJson(params.body),
      });
      // The mock turns a ResponseError into a response with that status; it is also how a 201 gets through.
      // Redaction off: it would clone the body, nulling objects that appear twice (an error's cause does).
      if (status === 200) return body === null ? '' : (body as JsonObject);
      return new errors.ResponseError(
        {
          body: body ?? '',
          statusCode: status,
          headers: {},
          warnings: null,
          meta: { context: null, name: 'fake_es', request: { params: { method: params.method as string, path: params.path as string }, options: {}, id: 0 }, connection: null, attempts: 0, aborted: false },
        },
        { redaction: { type: 'off', additionalKeys: [] } },
      );
    });
    this.Connection = fakeConnectionClass(this.mock, this.faults);
  }

  client(options: Partial<ClientOptions> = {}): Client {
    return new Client({ node: 'http://localhost:9200', ...options, Connection: this.Connection });
  }

  /** Executes one request against the fake, whatever carried it (the mock connection or the HTTP server). */
  handle(request: FakeRequest): FakeResponse {
    const path = decodedPath(request.path);
    this.calls.push({ method: request.method.toUpperCase(), path, body: request.body, querystring: request.querystring });
    const fault = this.faults.takeStatus(request.method, path);
    if (fault !== undefined) return fault;
    try {
      const response = route(this.engine, { method: request.method, segments: splitPath(request.path), querystring: request.querystring, body: request.body });
      if (response.body === null || response.status >= 300) return response;
      return { status: response.status, body: applyFilterPath(response.body, request.querystring.filter_path) };
    } catch (e) {
      if (e instanceof EsError) return { status: e.status, body: request.method.toUpperCase() === 'HEAD' ? null : e.body };
      // A bug in the fake: surface it as a 500 whose reason carries the stack, so the failing test shows it.
      const reason = e instanceof Error ? (e.stack ?? e.message) : String(e);
      return { status: 500, body: errorBody(500, { type: 'fake_es_internal_error', reason }) };
    }
  }

  /** Seeds documents through the normal write path (templates, data streams and mappings apply). */
  index(index: string, docs: { id?: string; document: object }[]): void {
    for (const { id, document } of docs) {
      const source = toJson(document);
      if (!isObject(source)) throw new Error('FakeElasticsearch.index: document must be an object');
      try {
        const target = this.state.writeTarget(index, 'create');
        this.state.indexDoc(target, id, source, target.dataStream !== undefined ? 'create' : 'index');
      } catch (e) {
        if (e instanceof EsError) throw new Error(`FakeElasticsearch.index(${index}): ${JSON.stringify(e.body)}`);
        throw e;
      }
    }
  }

  /** Concrete index names, backing indices of data streams included, sorted. */
  indices(): string[] {
    return [...this.state.indices.keys()].sort();
  }

  dataStreams(): string[] {
    return [...this.state.dataStreams.keys()].sort();
  }

  /** Copies of the `_source` of every document in the indices an expression resolves to, in index then write order. */
  docs(expression: string): JsonObject[] {
    return this.state.resolve(expression, { includeHidden: true }).flatMap((index) => [...index.docs.values()].map((d) => structuredClone(d.source)));
  }

  /** The mappings an index (or the write index of a data stream) holds, as GET _mapping shows them. */
  mappings(index: string): JsonObject {
    const found = this.state.named(index);
    if (found.length === 0) throw new Error(`FakeElasticsearch.mappings: no index [${index}]`);
    return structuredClone(found[found.length - 1].mappings);
  }

  /** Ids of points in time opened and neither closed nor expired. */
  openPitIds(): string[] {
    return this.pits.openIds(this.engine.now());
  }

  get pitsOpened(): number {
    return this.pits.opened;
  }
}

