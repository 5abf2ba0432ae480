/**
 * The cluster's state: indices with their documents, data streams, templates (templates.ts), index expression
 * resolution, and the write operations (index, create, update, delete) with Elasticsearch's versioning and errors.
 * Stored documents are immutable records: a write replaces the record, so a point in time keeps what it saw.
 */
import { formatDatePattern } from './dates';
import { badRequest, esError, EsError, indexNotFound, validationFailed } from './errors';
import { IdSource } from './ids';
import { deepEqual, has, isObject, mergeDocument, type JsonObject, type JsonValue } from './json';
import { mergeMappings, validateDocument } from './mappings';
import { Templates } from './templates';
import { globMatch, isPattern } from './patterns';

export interface StoredDoc {
  readonly id: string;
  readonly source: JsonObject;
  readonly version: number;
  readonly seqNo: number;
  readonly primaryTerm: number;
  /** Position in the index in write order, like a Lucene doc id: a rewritten document moves to the end. */
  readonly docId: number;
}

export interface IndexState {
  readonly name: string;
  readonly uuid: string;
  mappings: JsonObject;
  settings: JsonObject;
  aliases: JsonObject;
  /** In docId order: every write deletes and re-inserts its key. */
  readonly docs: Map<string, StoredDoc>;
  /** Versions of deleted documents, so a re-created document continues the version sequence. */
  readonly tombstones: Map<string, number>;
  nextSeqNo: number;
  nextDocId: number;
  readonly dataStream: string | undefined;
  readonly hidden: boolean;
  readonly creationDate: number;
}

export interface DataStreamState {
  readonly name: string;
  readonly indices: string[];
  readonly template: string;
  generation: number;
}

export type WriteResultKind = 'created' | 'updated' | 'deleted' | 'not_found' | 'noop';

export interface WriteResult {
  index: IndexState;
  id: string;
  result: WriteResultKind;
  doc: StoredDoc | undefined;
  version: number;
  seqNo: number;
  status: number;
}

export type OpType = 'index' | 'create' | 'update' | 'delete';

export interface ResolveOptions {
  ignoreUnavailable?: boolean;
  allowNoIndices?: boolean;
  includeHidden?: boolean;
}

export interface Concurrency {
  ifSeqNo?: number;
  ifPrimaryTerm?: number;
}

const PRIMARY_TERM = 1;
const INVALID_CHARS = ['\\', '/', '*', '?', '"', '<', '>', '|', ' ', ',', '#', ':'];

export class ClusterState {
  readonly indices = new Map<string, IndexState>();
  readonly dataStreams = new Map<string, DataStreamState>();
  readonly templates = new Templates();

  constructor(
    private readonly now: () => number,
    readonly ids: IdSource,
  ) {}

  // ---- resolution -------------------------------------------------------------------------------------------

  /** Concrete indices for a read: comma lists, `*` patterns, `-exclusions`, data streams and aliases. */
  resolve(expression: string | undefined, options: ResolveOptions = {}): IndexState[] {
    const parts = expression === undefined || expression === '' || expression === '_all' ? ['*'] : expression.split(',');
    const out = new Map<string, IndexState>();
    let sawPattern = false;
    for (const part of parts) {
      if (part.startsWith('-') && sawPattern) {
        for (const index of this.expand(part.slice(1), true)) out.delete(index.name);
        continue;
      }
      if (isPattern(part)) {
        sawPattern = true;
        for (const index of this.expand(part, options.includeHidden === true || part.startsWith('.'))) out.set(index.name, index);
        continue;
      }
      const named = this.named(part);
      if (named.length === 0) {
        if (options.ignoreUnavailable === true) continue;
        throw indexNotFound(part);
      }
      for (const index of named) out.set(index.name, index);
    }
    if (out.size === 0 && options.allowNoIndices === false) throw indexNotFound(expression ?? '_all');
    return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private expand(pattern: string, includeHidden: boolean): IndexState[] {
    const out: IndexState[] = [];
    for (const index of this.indices.values()) {
      if (index.hidden && !includeHidden) continue;
      if (globMatch(pattern, index.name)) out.push(index);
    }
    for (const stream of this.dataStreams.values()) {
      if (globMatch(pattern, stream.name)) out.push(...this.backing(stream));
    }
    for (const index of this.indices.values()) {
      for (const alias of Object.keys(index.aliases)) if (globMatch(pattern, alias)) out.push(index);
    }
    return out;
  }

  /** An index, data stream or alias by exact name. */
  named(name: string): IndexState[] {
    const index = this.indices.get(name);
    if (index !== undefined) return [index];
    const stream = this.dataStreams.get(name);
    if (stream !== undefined) return this.backing(stream);
    return [...this.indices.values()].filter((i) => has(i.aliases, name));
  }

  private backing(stream: DataStreamState): IndexState[] {
    return stream.indices.map((n) => this.indices.get(n)).filter((i): i is IndexState => i !== undefined);
  }

  exists(name: string): boolean {
    return this.named(name).length > 0;
  }

  /** Where a write to `name` lands, creating the index or data stream from templates when it is missing. */
  writeTarget(name: string, op: OpType, autoCreate = true): IndexState {
    const stream = this.dataStreams.get(name);
    if (stream !== undefined) {
      if (op !== 'create') throw badRequest('only write ops with an op_type of create are allowed in data streams');
      return this.indices.get(stream.indices[stream.indices.length - 1]) as IndexState;
    }
    const index = this.indices.get(name);
    if (index !== undefined) return index;
    const aliased = [...this.indices.values()].filter((i) => has(i.aliases, name));
    if (aliased.length > 0) {
      const writable = aliased.filter((i) => {
        const alias = i.aliases[name];
        return isObject(alias) && alias.is_write_index === true;
      });
      if (writable.length === 1) return writable[0];
      if (aliased.length === 1) return aliased[0];
      throw badRequest(`no write index is defined for alias [${name}]. The write index may be explicitly disabled using is_write_index=false or the alias points to multiple indices without one being designated as a write index`);
    }
    if (op === 'update' || op === 'delete' || !autoCreate) throw indexNotFound(name);
    const template = this.templates.matching(name);
    if (template !== undefined && isObject(template[1].data_stream)) {
      if (op !== 'create') throw badRequest('only write ops with an op_type of create are allowed in data streams');
      const created = this.createDataStream(name);
      return this.indices.get(created.indices[0]) as IndexState;
    }
    return this.createIndex(name, {});
  }

  // ---- indices and data streams -----------------------------------------------------------------------------

  createIndex(name: string, body: JsonObject, options: { dataStream?: string; hidden?: boolean } = {}): IndexState {
    validateIndexName(name);
    if (this.indices.has(name) || this.dataStreams.has(name)) {
      const existing = this.indices.get(name);
      throw esError(400, 'resource_already_exists_exception', `index [${name}/${existing?.uuid ?? '_na_'}] already exists`, {
        index_uuid: existing?.uuid ?? '_na_',
        index: name,
      });
    }
    const fromTemplate = this.templates.composed(options.dataStream ?? name);
    if (options.dataStream === undefined) {
      const template = this.templates.matching(name);
      if (template !== undefined && isObject(template[1].data_stream)) {
        throw badRequest(`cannot create index with name [${name}], because it matches with template [${template[0]}] that creates data streams only, use create data stream api instead`);
      }
    }
    const mappings = isObject(body.mappings) ? mergeMappings(fromTemplate.mappings, body.mappings, false) : fromTemplate.mappings;
    const settings = isObject(body.settings) ? { ...fromTemplate.settings, ...body.settings } : fromTemplate.settings;
    const aliases = options.dataStream !== undefined ? {} : isObject(body.aliases) ? { ...fromTemplate.aliases, ...body.aliases } : fromTemplate.aliases;
    const index: IndexState = {
      name,
      uuid: this.ids.uuid(),
      mappings,
      settings,
      aliases,
      docs: new Map(),
      tombstones: new Map(),
      nextSeqNo: 0,
      nextDocId: 0,
      dataStream: options.dataStream,
      hidden: options.hidden ?? (name.startsWith('.') || settingIs(settings, 'hidden', true)),
      creationDate: this.now(),
    };
    this.indices.set(name, index);
    return index;
  }

  createDataStream(name: string): DataStreamState {
    validateIndexName(name);
    if (this.dataStreams.has(name) || this.indices.has(name)) {
      throw esError(400, 'resource_already_exists_exception', `data_stream [${name}] already exists`);
    }
    const template = this.templates.matching(name);
    if (template === undefined || !isObject(template[1].data_stream)) {
      throw badRequest(`no matching index template found for data stream [${name}]`);
    }
    const backing = `.ds-${name}-${formatDatePattern(this.now(), 'yyyy.MM.dd')}-000001`;
    this.createIndex(backing, {}, { dataStream: name, hidden: true });
    const stream: DataStreamState = { name, indices: [backing], template: template[0], generation: 1 };
    this.dataStreams.set(name, stream);
    return stream;
  }

  deleteIndex(expression: string): void {
    for (const name of expression.split(',')) {
      if (isPattern(name) || name === '_all') throw badRequest('Wildcard expressions or all indices are not allowed');
      if (this.dataStreams.has(name)) {
        throw badRequest(`The provided expression [${name}] matches a data stream, specify the corresponding concrete indices instead.`);
      }
      const index = this.indices.get(name);
      if (index === undefined) throw indexNotFound(name);
      if (index.dataStream !== undefined) {
        const stream = this.dataStreams.get(index.dataStream);
        if (stream !== undefined && stream.indices[stream.indices.length - 1] === name) {
          throw badRequest(`index [${name}] is the write index for data stream [${stream.name}] and cannot be deleted`);
        }
      }
      this.indices.delete(name);
    }
  }

  deleteDataStream(name: string): void {
    const names = isPattern(name) ? [...this.dataStreams.keys()].filter((n) => globMatch(name, n)) : [name];
    for (const n of names) {
      const stream = this.dataStreams.get(n);
      if (stream === undefined) throw esError(404, 'resource_not_found_exception', `data_stream matching [${name}] not found`);
      for (const backing of stream.indices) this.indices.delete(backing);
      this.dataStreams.delete(n);
    }
  }

  // ---- documents --------------------------------------------------------------------------------------------

  /** `index` replaces or creates; `create` fails with 409 when the id exists. */
  indexDoc(index: IndexState, id: string | undefined, source: JsonValue, op: 'index' | 'create', cc: Concurrency = {}): WriteResult {
    if (!isObject(source)) throw esError(400, 'mapper_parsing_exception', 'failed to parse, document is empty');
    const docId = id ?? this.ids.docId();
    if (Buffer.byteLength(docId) > 512) throw validationFailed(`id [${docId}] is too long, must be no longer than 512 bytes but was: ${Buffer.byteLength(docId)}`);
    if (index.dataStream !== undefined) requireTimestamp(source);
    validateDocument(index.mappings, source, docId);
    const existing = index.docs.get(docId);
    checkConcurrency(index, docId, existing, cc);
    if (existing !== undefined && op === 'create') {
      throw versionConflict(index, `[${docId}]: version conflict, document already exists (current version [${existing.version}])`);
    }
    const version = existing !== undefined ? existing.version + 1 : (index.tombstones.get(docId) ?? 0) + 1;
    const doc = this.put(index, docId, source, version);
    return { index, id: docId, result: existing === undefined ? 'created' : 'updated', doc, version, seqNo: doc.seqNo, status: existing === undefined ? 201 : 200 };
  }

  /** Partial update: `doc` merges into the source, `doc_as_upsert`/`upsert` create a missing document. */
  updateDoc(index: IndexState, id: string, body: JsonValue, cc: Concurrency = {}): WriteResult {
    if (!isObject(body)) throw badRequest('request body is required');
    if (has(body, 'script')) throw esError(400, 'illegal_argument_exception', '[fake_es] unsupported: update with script');
    const patch = body.doc;
    if (patch !== undefined && !isObject(patch)) throw badRequest('[doc] must be an object');
    const existing = index.docs.get(id);
    checkConcurrency(index, id, existing, cc);
    if (existing === undefined) {
      const upsert = body.doc_as_upsert === true ? patch : body.upsert;
      if (!isObject(upsert)) {
        throw esError(404, 'document_missing_exception', `[${id}]: document missing`, { index_uuid: index.uuid, shard: '0', index: index.name });
      }
      if (index.dataStream !== undefined) requireTimestamp(upsert);
      validateDocument(index.mappings, upsert, id);
      const version = (index.tombstones.get(id) ?? 0) + 1;
      const doc = this.put(index, id, upsert, version);
      return { index, id, result: 'created', doc, version, seqNo: doc.seqNo, status: 201 };
    }
    if (patch === undefined) throw validationFailed('script or doc is missing');
    const merged = mergeDocument(existing.source, patch);
    if (body.detect_noop !== false && deepEqual(merged, existing.source)) {
      return { index, id, result: 'noop', doc: existing, version: existing.version, seqNo: existing.seqNo, status: 200 };
    }
    validateDocument(index.mappings, merged, id);
    const doc = this.put(index, id, merged, existing.version + 1);
    return { index, id, result: 'updated', doc, version: doc.version, seqNo: doc.seqNo, status: 200 };
  }

  /** Replaces a document's source wholesale (update by query), keeping Elasticsearch's version bookkeeping. */
  rewriteDoc(index: IndexState, existing: StoredDoc, source: JsonObject): StoredDoc {
    validateDocument(index.mappings, source, existing.id);
    return this.put(index, existing.id, source, existing.version + 1);
  }

  deleteDoc(index: IndexState, id: string, cc: Concurrency = {}): WriteResult {
    const existing = index.docs.get(id);
    checkConcurrency(index, id, existing, cc);
    const seqNo = index.nextSeqNo++;
    if (existing === undefined) {
      const version = (index.tombstones.get(id) ?? 0) + 1;
      return { index, id, result: 'not_found', doc: undefined, version, seqNo, status: 404 };
    }
    index.docs.delete(id);
    index.tombstones.set(id, existing.version + 1);
    return { index, id, result: 'deleted', doc: undefined, version: existing.version + 1, seqNo, status: 200 };
  }

  private put(index: IndexState, id: string, source: JsonObject, version: number): StoredDoc {
    const doc: StoredDoc = { id, source, version, seqNo: index.nextSeqNo++, primaryTerm: PRIMARY_TERM, docId: index.nextDocId++ };
    index.docs.delete(id);
    index.docs.set(id, doc);
    index.tombstones.delete(id);
    return doc;
  }
}

function requireTimestamp(source: JsonObject): void {
  if (source['@timestamp'] === undefined || source['@timestamp'] === null) {
    throw esError(400, 'document_parsing_exception', '[1:1] failed to parse: data stream timestamp field [@timestamp] is missing');
  }
}

function checkConcurrency(index: IndexState, id: string, existing: StoredDoc | undefined, cc: Concurrency): void {
  if (cc.ifSeqNo === undefined && cc.ifPrimaryTerm === undefined) return;
  if (existing === undefined) {
    throw versionConflict(index, `[${id}]: version conflict, required seqNo [${cc.ifSeqNo}], primary term [${cc.ifPrimaryTerm}] but no document was found`);
  }
  if (existing.seqNo !== cc.ifSeqNo || existing.primaryTerm !== cc.ifPrimaryTerm) {
    throw versionConflict(
      index,
      `[${id}]: version conflict, required seqNo [${cc.ifSeqNo}], primary term [${cc.ifPrimaryTerm}]. current document has seqNo [${existing.seqNo}] and primary term [${existing.primaryTerm}]`,
    );
  }
}

function versionConflict(index: IndexState, reason: string): EsError {
  return esError(409, 'version_conflict_engine_exception', reason, { index_uuid: index.uuid, shard: '0', index: index.name });
}

function validateIndexName(name: string): void {
  const invalid = (reason: string): EsError =>
    esError(400, 'invalid_index_name_exception', `Invalid index name [${name}], ${reason}`, { index_uuid: '_na_', index: name });
  if (name !== name.toLowerCase()) throw invalid('must be lowercase');
  const bad = INVALID_CHARS.filter((c) => name.includes(c));
  if (bad.length > 0) throw invalid(`must not contain the following characters [${INVALID_CHARS.map((c) => `'${c}'`).join(',')}]`);
  if (/^[_\-+]/.test(name)) throw invalid("must not start with '_', '-', or '+'");
  if (name === '.' || name === '..') throw invalid("must not be '.' or '..'");
  if (Buffer.byteLength(name) > 255) throw invalid('index name is too long, (' + Buffer.byteLength(name) + ' > 255)');
}

function settingIs(settings: JsonObject, key: string, value: JsonValue): boolean {
  const index = settings.index;
  const nested = isObject(index) ? index[key] : undefined;
  const flat = settings[`index.${key}`] ?? settings[key];
  return deepEqual(nested, value) || deepEqual(flat, value) || deepEqual(nested ?? flat, String(value));
}

/** Number of replicas a write response reports in `_shards.total` (1 primary + replicas; 1 replica by default). */
export function shardsTotal(index: IndexState): number {
  const s = index.settings;
  const nested = isObject(s.index) ? s.index.number_of_replicas : undefined;
  const raw = nested ?? s['index.number_of_replicas'] ?? s.number_of_replicas;
  const replicas = raw === undefined ? 1 : Number(raw);
  return 1 + (Number.isFinite(replicas) ? replicas : 1);
}
