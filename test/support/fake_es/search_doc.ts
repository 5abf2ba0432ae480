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

  values(doc: SearchDoc, path: string): Scalar[] {
    if (path === '_id') return [doc.stored.id];
    if (path === '_index') return [doc.index];
    return this.base.values(doc.stored.source, path);
  }

  source(doc: SearchDoc): JsonObject {
    return doc.stored.source;
  }
}
