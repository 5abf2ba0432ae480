/** _search, _count and point-in-time open/close. */
import { esError, validationFailed } from './errors';
import { flag, liveShard, ok, type ApiRequest, type ApiResponse, type Engine } from './engine';
import { isObject, type JsonObject } from './json';
import { countShards, searchShards, type Shard } from './search';

function resolveShards(engine: Engine, req: ApiRequest, expression: string | undefined): Shard[] {
  const qs = req.querystring;
  const expand = qs.expand_wildcards;
  return engine.state
    .resolve(expression, {
      ignoreUnavailable: flag(qs, 'ignore_unavailable'),
      allowNoIndices: flag(qs, 'allow_no_indices'),
      includeHidden: expand === 'all' || (expand?.split(',').includes('hidden') ?? false),
    })
    .map(liveShard);
}

export function search(engine: Engine, req: ApiRequest, expression: string | undefined): ApiResponse {
  const body: JsonObject = isObject(req.body) ? req.body : {};
  const pit = body.pit;
  let shards: readonly Shard[];
  let pitId: string | undefined;
  if (pit !== undefined) {
    if (expression !== undefined) {
      throw validationFailed('[indices] cannot be used with point in time. Do not specify any index with point in time.');
    }
    if (!isObject(pit)) throw esError(400, 'parsing_exception', '[pit] must be an object');
    shards = engine.pits.shards(pit.id, pit.keep_alive, engine.now());
    pitId = pit.id as string;
  } else {
    shards = resolveShards(engine, req, expression);
  }
  return ok(searchShards(shards, body, { now: engine.now(), pitId, querystring: req.querystring, maxResultWindow: engine.maxResultWindow }));
}

export function count(engine: Engine, req: ApiRequest, expression: string | undefined): ApiResponse {
  const body: JsonObject = isObject(req.body) ? req.body : {};
  return ok(countShards(resolveShards(engine, req, expression), body, engine.now()));
}

export function openPointInTime(engine: Engine, req: ApiRequest, expression: string): ApiResponse {
  if (isObject(req.body) && Object.keys(req.body).length > 0) {
    throw esError(400, 'illegal_argument_exception', '[fake_es] unsupported: open point in time with a body (index_filter)');
  }
  const shards = resolveShards(engine, req, expression);
  const id = engine.pits.create(shards, req.querystring.keep_alive, engine.now());
  return ok({ id, _shards: { total: shards.length, successful: shards.length, skipped: 0, failed: 0 } });
}

export function closePointInTime(engine: Engine, req: ApiRequest): ApiResponse {
  const body = isObject(req.body) ? req.body : {};
  const freed = engine.pits.close(body.id, engine.now());
  return ok({ succeeded: true, num_freed: freed });
}
