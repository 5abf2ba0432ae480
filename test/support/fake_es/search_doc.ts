/** A document as one search sees it: its stored record, where it lives, and its shard ordinal in the request. */
import type { FieldKinds } from './fields';
import { FieldReader as BaseReader, type FieldKind, type Scalar } from './fields';
import type { JsonObject } from './json';
import type { StoredDoc } from './store';

export interface SearchDoc {
  /** Concrete index: for data streams, the backing index, as `_index` shows in hits. */
  readonly index: string;
  readonly shard: number;
  readonly stored: StoredDoc;
}

/**
 * Normalized values per stored document and field (with its kind): stored documents are immutable (a write makes a
 * new one), and the same fields are read for every document by every query of a test, so parse them once.
 */
const valueCache = new WeakMap<StoredDoc, Map<string, Scalar[]>>();

/** Field access for one search, including the metadata fields `_id` and `_index`. */
export class DocReader {
  private readonly base: BaseReader;
  constructor(kinds: FieldKinds) {
    this.base = new BaseReader(kinds);
  }

  kind(path: string): FieldKind {
    return path === '_id' || path === '_index' ? 'keyword' : this.base.kind(path);
  }

  raw(doc: SearchDoc, path: string): Scalar[] {
    if (path === '_id') return [doc.stored.id];
    if (path === '_index') return [doc.index];
    return this.base.raw(doc.stored.source, path);
  }

  /** Read-only: the array is shared with later reads of the same field. */
  values(doc: SearchDoc, path: string): readonly Scalar[] {
    if (path === '_id') return [doc.stored.id];
    if (path === '_index') return [doc.index];
    const key = `${this.base.kind(path)}\u0000${path}`;
    let fields = valueCache.get(doc.stored);
    if (!fields) {
      fields = new Map();
      valueCache.set(doc.stored, fields);
    }
    let values = fields.get(key);
    if (!values) {
      values = this.base.values(doc.stored.source, path);
      fields.set(key, values);
    }
    return values;
  }

  source(doc: SearchDoc): JsonObject {
    return doc.stored.source;
  }
}
