/** What every aggregation works with, and the field helpers they share. */
import { badRequest, unsupported } from './errors';
import { normalize, type FieldKind, type Scalar } from './fields';
import { isPrimitive, type JsonObject, type JsonValue } from './json';
import type { QueryContext } from './query';
import type { DocReader, SearchDoc } from './search_doc';

export interface AggContext extends QueryContext {
  reader: DocReader;
  typedKeys: boolean;
  /** Builds the `hits` object of a top_hits aggregation from its own request (size, sort, _source). */
  topHits: (docs: SearchDoc[], spec: JsonObject) => JsonObject;
}

/** Runs the sub-aggregations of one bucket over that bucket's documents. */
export type SubAggregations = (bucketDocs: SearchDoc[]) => JsonObject;

export function fieldOf(body: JsonObject, type: string, name: string): string {
  if (body.script !== undefined) throw unsupported(`script in [${type}] aggregation`);
  if (typeof body.field !== 'string') throw badRequest(`Required [field] for aggregation [${name}] of type [${type}]`);
  return body.field;
}

export function docValues(doc: SearchDoc, field: string, kind: FieldKind, missing: JsonValue | undefined, ctx: AggContext): readonly Scalar[] {
  const values = ctx.reader.values(doc, field);
  if (values.length === 0 && isPrimitive(missing)) {
    const m = normalize(kind, missing);
    return m === undefined ? [] : [m];
  }
  return values;
}
