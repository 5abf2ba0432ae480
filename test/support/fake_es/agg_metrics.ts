/** Single-value metrics: min, max, sum, avg, value_count, cardinality (value null when there is nothing to measure). */
import { formatDatePattern } from './dates';
import { searchPhaseError } from './errors';
import { normalize, type Scalar } from './fields';
import { isPrimitive, type JsonObject } from './json';
import type { SearchDoc } from './search_doc';
import { docValues, fieldOf, type AggContext } from './agg_context';

export const METRICS = new Set(['min', 'max', 'sum', 'avg', 'value_count', 'cardinality']);

export function metric(type: string, name: string, body: JsonObject, docs: SearchDoc[], ctx: AggContext): [string, JsonObject] {
  const field = fieldOf(body, type, name);
  const kind = ctx.reader.kind(field);
  if (type === 'value_count' || type === 'cardinality') {
    if (type === 'value_count') {
      let count = 0;
      for (const doc of docs) count += kind === 'keyword' || kind === 'dynamic' ? docValues(doc, field, kind, body.missing, ctx).length : ctx.reader.raw(doc, field).length;
      return ['value_count', { value: count }];
    }
    const distinct = new Set<Scalar>();
    for (const doc of docs) for (const v of docValues(doc, field, kind, body.missing, ctx)) distinct.add(v);
    return ['cardinality', { value: distinct.size }];
  }
  const numbers: number[] = [];
  for (const doc of docs) {
    // min and max ignore repeats: the cached normalized values serve; sum and avg count every raw value.
    if ((type === 'min' || type === 'max') && (kind === 'date' || kind === 'number')) {
      const values = ctx.reader.values(doc, field);
      if (values.length) {
        for (const v of values) numbers.push(v as number);
        continue;
      }
    }
    const raw = ctx.reader.raw(doc, field);
    const values = raw.length === 0 && isPrimitive(body.missing) ? [body.missing] : raw;
    for (const v of values) {
      const n = normalize(kind, v);
      if (typeof n === 'number') numbers.push(n);
      else if (n !== undefined) {
        throw searchPhaseError(400, { type: 'illegal_argument_exception', reason: `Field [${field}] of type [keyword] is not supported for aggregation [${type}]` });
      }
    }
  }
  let value: number | null;
  switch (type) {
    case 'min':
      value = numbers.length === 0 ? null : numbers.reduce((a, b) => Math.min(a, b));
      break;
    case 'max':
      value = numbers.length === 0 ? null : numbers.reduce((a, b) => Math.max(a, b));
      break;
    case 'sum':
      value = numbers.reduce((a, b) => a + b, 0);
      break;
    default:
      value = numbers.length === 0 ? null : numbers.reduce((a, b) => a + b, 0) / numbers.length;
  }
  const out: JsonObject = { value };
  if (value !== null && (kind === 'date' || (kind === 'dateish' && numbers.length > 0))) {
    out.value_as_string = formatDatePattern(value, typeof body.format === 'string' ? body.format : undefined);
  }
  return [type, out];
}
