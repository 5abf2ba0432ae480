/**
 * Document APIs: _bulk, index/create/get/delete/update by id, _mget, _update_by_query, _delete_by_query.
 * Write responses carry _version, result, _shards, _seq_no and _primary_term the way Elasticsearch sends them.
 */
import { badRequest, EsError, esError, indexNotFound, unsupported, validationFailed } from './errors';
import { flag, liveShard, ok, type ApiRequest, type ApiResponse, type Engine } from './engine';
import type { BulkOp } from './faults';
import { has, isObject, type JsonObject, type JsonValue } from './json';
import { matchingDocs } from './search';
import { compileSourceFilter } from './source_filter';
import { shardsTotal, type Concurrency, type IndexState, type StoredDoc, type WriteResult } from './store';
import { compileUpdateScript } from './update_script';

const OPS: readonly BulkOp[] = ['index', 'create', 'update', 'delete'];

function shardsOf(r: WriteResult): JsonObject {
  if (r.result === 'noop') return { total: 0, successful: 0, failed: 0 };
  return { total: shardsTotal(r.index), successful: 1, failed: 0 };
}

function writeBody(r: WriteResult, refresh: boolean): JsonObject {
  const body: JsonObject = { _index: r.index.name, _id: r.id, _version: r.version, result: r.result, _shards: shardsOf(r), _seq_no: r.seqNo, _primary_term: 1 };
  if (refresh && r.result !== 'noop') body.forced_refresh = true;
  return body;
}

function causeOf(error: EsError): JsonObject {
  const e = error.body.error;
  if (!isObject(e)) return { type: 'exception', reason: error.message };
  const { root_cause: _rootCause, ...cause } = e;
  void _rootCause;
  return cause;
}

function concurrency(meta: JsonObject | Record<string, string>): Concurrency {
  const seq = meta.if_seq_no;
  const term = meta.if_primary_term;
  const out: Concurrency = {};
  if (seq !== undefined && seq !== null) out.ifSeqNo = Number(seq);
  if (term !== undefined && term !== null) out.ifPrimaryTerm = Number(term);
  return out;
}

function rejectUnsupportedWriteParams(params: JsonObject | Record<string, string>): void {
  if (params.pipeline !== undefined && params.pipeline !== '_none') throw unsupported('ingest pipelines');
  if (params.version !== undefined || params.version_type !== undefined) throw unsupported('external versioning');
}

function refreshRequested(qs: Record<string, string>): boolean {
  return flag(qs, 'refresh') === true;
}

// ---- _bulk --------------------------------------------------------------------------------------------------

export function bulk(engine: Engine, req: ApiRequest, pathIndex: string | undefined): ApiResponse {
  const started = Date.now();
  const lines = req.body;
  if (!Array.isArray(lines) || lines.length === 0) throw validationFailed('no requests added');
  rejectUnsupportedWriteParams(req.querystring);
  const refresh = refreshRequested(req.querystring);
  const items: JsonObject[] = [];
  let errors = false;
  for (let i = 0; i < lines.length; i++) {
    const action = lines[i];
    if (!isObject(action) || Object.keys(action).length !== 1) {
      throw esError(400, 'illegal_argument_exception', `Malformed action/metadata line [${i + 1}], expected START_OBJECT or END_OBJECT but found [${Array.isArray(action) ? 'START_ARRAY' : 'VALUE_STRING'}]`);
    }
    const op = Object.keys(action)[0] as BulkOp;
    if (!OPS.includes(op)) {
      throw esError(400, 'illegal_argument_exception', `Malformed action/metadata line [${i + 1}], expected field [create], [delete], [index] or [update] but found [${op}]`);
    }
    const meta = action[op];
    if (!isObject(meta)) throw esError(400, 'illegal_argument_exception', `Malformed action/metadata line [${i + 1}], expected START_OBJECT but found [${String(meta)}]`);
    for (const key of Object.keys(meta)) {
      if (!['_index', '_id', 'routing', 'if_seq_no', 'if_primary_term', 'require_alias', 'retry_on_conflict', 'dynamic_templates', 'require_data_stream', 'pipeline', 'version', 'version_type', '_source'].includes(key)) {
        throw esError(400, 'illegal_argument_exception', `Action/metadata line [${i + 1}] contains an unknown parameter [${key}]`);
      }
    }
    rejectUnsupportedWriteParams(meta);
    let doc: JsonValue | undefined;
    if (op !== 'delete') {
      if (i + 1 >= lines.length) throw badRequest('The bulk request must be terminated by a newline [\\n]');
      doc = lines[++i];
    }
    const target = typeof meta._index === 'string' ? meta._index : pathIndex;
    if (target === undefined) throw validationFailed('index is missing');
    const id = typeof meta._id === 'string' ? meta._id : typeof meta._id === 'number' ? String(meta._id) : undefined;
    if ((op === 'update' || op === 'delete') && id === undefined) throw validationFailed('id is missing');
    const faultDoc = isObject(doc) ? (op === 'update' ? (isObject(doc.doc) ? doc.doc : isObject(doc.upsert) ? doc.upsert : doc) : doc) : undefined;
    const fault = engine.faults.takeBulkItem({ op, index: target, id }, faultDoc);
    if (fault !== undefined) {
      errors = true;
      items.push({ [op]: { _index: target, _id: id ?? engine.state.ids.docId(), status: fault.status, error: fault.cause } });
      continue;
    }
    try {
      const result = applyBulkItem(engine, op, target, id, doc, concurrency(meta));
      items.push({ [op]: { ...writeBody(result, refresh), status: result.status } });
    } catch (e) {
      if (!(e instanceof EsError)) throw e;
      errors = true;
      const cause = causeOf(e);
      const index = typeof cause.index === 'string' ? cause.index : target;
      items.push({ [op]: { _index: index, _id: id ?? null, status: e.status, error: cause } });
    }
  }
  return ok({ errors, took: Date.now() - started, items });
}

function applyBulkItem(engine: Engine, op: BulkOp, target: string, id: string | undefined, doc: JsonValue | undefined, cc: Concurrency): WriteResult {
  const { state } = engine;
  switch (op) {
    case 'index':
    case 'create':
      return state.indexDoc(state.writeTarget(target, op), id, doc ?? null, op, cc);
    case 'update':
      if (isObject(doc)) {
        for (const key of Object.keys(doc)) {
          if (!['doc', 'upsert', 'doc_as_upsert', 'detect_noop', 'script', 'scripted_upsert', '_source'].includes(key)) {
            throw badRequest(`[UpdateRequest] unknown field [${key}]`);
          }
        }
      }
      return state.updateDoc(writeTargetForUpdate(engine, target, doc), id as string, doc ?? null, cc);
    case 'delete':
      return state.deleteDoc(state.writeTarget(target, 'delete', false), id as string, cc);
  }
}

/** An upsert may create the index; a plain update of a missing index is index_not_found. */
function writeTargetForUpdate(engine: Engine, target: string, body: JsonValue | undefined): IndexState {
  const upserts = isObject(body) && (body.doc_as_upsert === true || isObject(body.upsert));
  return engine.state.writeTarget(target, upserts && !engine.state.exists(target) ? 'index' : 'update', upserts);
}

// ---- single documents ---------------------------------------------------------------------------------------

export function indexDocument(engine: Engine, req: ApiRequest, index: string, id: string | undefined, forceCreate: boolean): ApiResponse {
  rejectUnsupportedWriteParams(req.querystring);
  const qsOp = req.querystring.op_type;
  if (qsOp !== undefined && qsOp !== 'index' && qsOp !== 'create') throw badRequest(`opType must be 'create' or 'index', found: [${qsOp}]`);
  // POST <index>/_doc without an id defaults to op_type=create, as the REST layer does.
  const op = forceCreate || qsOp === 'create' || (id === undefined && qsOp === undefined) ? 'create' : 'index';
  const target = engine.state.writeTarget(index, op);
  const result = engine.state.indexDoc(target, id, req.body, op, concurrency(req.querystring));
  return ok(writeBody(result, refreshRequested(req.querystring)), result.status);
}

export function updateDocument(engine: Engine, req: ApiRequest, index: string, id: string): ApiResponse {
  rejectDataStreamSingleDoc(engine, index);
  const target = writeTargetForUpdate(engine, index, req.body ?? undefined);
  const result = engine.state.updateDoc(target, id, req.body, concurrency(req.querystring));
  return ok(writeBody(result, refreshRequested(req.querystring)), result.status);
}

export function deleteDocument(engine: Engine, req: ApiRequest, index: string, id: string): ApiResponse {
  rejectDataStreamSingleDoc(engine, index);
  const target = engine.state.writeTarget(index, 'delete', false);
  const result = engine.state.deleteDoc(target, id, concurrency(req.querystring));
  return ok(writeBody(result, refreshRequested(req.querystring)), result.status);
}

export function getDocument(engine: Engine, req: ApiRequest, index: string, id: string, sourceOnly: boolean): ApiResponse {
  rejectDataStreamSingleDoc(engine, index);
  const target = singleIndex(engine, index);
  const doc = target.docs.get(id);
  if (doc === undefined) {
    if (sourceOnly) throw esError(404, 'resource_not_found_exception', `Document not found [${index}]/[${id}]`);
    return ok({ _index: target.name, _id: id, found: false }, 404);
  }
  const filter = compileSourceFilter(sourceParam(req.querystring._source), req.querystring._source_includes, req.querystring._source_excludes);
  const source = filter === 'all' ? doc.source : filter === 'none' ? undefined : filter(doc.source);
  if (sourceOnly) return ok(source ?? {});
  return ok(getBody(target, doc, source));
}

function getBody(index: IndexState, doc: StoredDoc, source: JsonObject | undefined): JsonObject {
  const body: JsonObject = { _index: index.name, _id: doc.id, _version: doc.version, _seq_no: doc.seqNo, _primary_term: doc.primaryTerm, found: true };
  if (source !== undefined) body._source = source;
  return body;
}

function sourceParam(value: string | undefined): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (value === 'false') return false;
  if (value === 'true' || value === '') return true;
  return value.split(',');
}

function singleIndex(engine: Engine, name: string): IndexState {
  const matches = engine.state.named(name);
  if (matches.length === 0) throw indexNotFound(name);
  if (matches.length > 1) throw badRequest(`alias [${name}] has more than one index associated with it [${matches.map((m) => m.name).join(', ')}], can't execute a single index op`);
  return matches[0];
}

/** Single-document reads and writes by id need the backing index, not the data stream. */
function rejectDataStreamSingleDoc(engine: Engine, name: string): void {
  if (engine.state.dataStreams.has(name)) {
    throw badRequest(`The provided expression [${name}] matches a data stream, specify the corresponding concrete indices instead.`);
  }
}

export function mget(engine: Engine, req: ApiRequest, pathIndex: string | undefined): ApiResponse {
  const body = isObject(req.body) ? req.body : {};
  let requests: JsonObject[];
  if (Array.isArray(body.docs)) requests = body.docs.filter(isObject);
  else if (Array.isArray(body.ids)) requests = body.ids.map((id) => ({ _id: String(id) }));
  else throw validationFailed('no documents to get');
  const docs = requests.map((r): JsonObject => {
    const index = typeof r._index === 'string' ? r._index : pathIndex;
    const id = typeof r._id === 'string' ? r._id : String(r._id);
    if (index === undefined) return { _index: null, _id: id, error: { type: 'action_request_validation_exception', reason: 'Validation Failed: 1: index is missing;' } };
    try {
      rejectDataStreamSingleDoc(engine, index);
      const target = singleIndex(engine, index);
      const doc = target.docs.get(id);
      if (doc === undefined) return { _index: target.name, _id: id, found: false };
      const spec = r._source !== undefined ? r._source : sourceParam(req.querystring._source);
      const filter = compileSourceFilter(spec, req.querystring._source_includes, req.querystring._source_excludes);
      return getBody(target, doc, filter === 'all' ? doc.source : filter === 'none' ? undefined : filter(doc.source));
    } catch (e) {
      if (!(e instanceof EsError)) throw e;
      return { _index: index, _id: id, error: e.body.error ?? null };
    }
  });
  return ok({ docs });
}

// ---- by query -----------------------------------------------------------------------------------------------

function byQueryBody(req: ApiRequest, allowed: string[]): JsonObject {
  const body = isObject(req.body) ? req.body : {};
  for (const key of Object.keys(body)) if (!allowed.includes(key)) throw unsupported(`by-query body field [${key}]`);
  if (req.querystring.wait_for_completion === 'false') throw unsupported('asynchronous by-query tasks');
  if (body.max_docs !== undefined || req.querystring.max_docs !== undefined) throw unsupported('max_docs');
  return body;
}

function byQueryResponse(started: number, total: number, updated: number, deleted: number): JsonObject {
  return {
    took: Date.now() - started,
    timed_out: false,
    total,
    updated,
    deleted,
    batches: total === 0 ? 0 : Math.ceil(total / 1000),
    version_conflicts: 0,
    noops: 0,
    retries: { bulk: 0, search: 0 },
    throttled_millis: 0,
    requests_per_second: -1,
    throttled_until_millis: 0,
    failures: [],
  };
}

export function updateByQuery(engine: Engine, req: ApiRequest, expression: string): ApiResponse {
  const started = Date.now();
  const body = byQueryBody(req, ['query', 'script', 'conflicts']);
  const rewrite = compileUpdateScript(body.script);
  const indices = engine.state.resolve(expression, { ignoreUnavailable: flag(req.querystring, 'ignore_unavailable') });
  const byName = new Map(indices.map((i) => [i.name, i]));
  const docs = matchingDocs(indices.map(liveShard), body.query, engine.now());
  for (const doc of docs) {
    const index = byName.get(doc.index) as IndexState;
    engine.state.rewriteDoc(index, doc.stored, rewrite === undefined ? doc.stored.source : rewrite(doc.stored.source));
  }
  return ok(byQueryResponse(started, docs.length, docs.length, 0));
}

export function deleteByQuery(engine: Engine, req: ApiRequest, expression: string): ApiResponse {
  const started = Date.now();
  const body = byQueryBody(req, ['query', 'conflicts']);
  if (!has(body, 'query')) throw validationFailed('query is missing');
  const indices = engine.state.resolve(expression, { ignoreUnavailable: flag(req.querystring, 'ignore_unavailable') });
  const byName = new Map(indices.map((i) => [i.name, i]));
  const docs = matchingDocs(indices.map(liveShard), body.query, engine.now());
  for (const doc of docs) engine.state.deleteDoc(byName.get(doc.index) as IndexState, doc.stored.id);
  return ok(byQueryResponse(started, docs.length, 0, docs.length));
}
