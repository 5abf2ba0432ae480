/** date_histogram with fixed or calendar intervals (UTC), empty buckets filled between bounds when min_doc_count is 0. */
import { formatDatePattern, nextCalendarBucket, parseCalendarInterval, parseDate, parseDuration, resolveDateMath, roundDown, type CalendarUnit } from './dates';
import { badRequest, unsupported } from './errors';
import { normalize } from './fields';
import { isObject, type JsonObject, type JsonValue } from './json';
import type { SearchDoc } from './search_doc';
import { fieldOf, type AggContext, type SubAggregations } from './agg_context';

export function dateHistogram(name: string, body: JsonObject, docs: SearchDoc[], ctx: AggContext, sub: SubAggregations): JsonObject {
  for (const key of Object.keys(body)) {
    if (!['field', 'fixed_interval', 'calendar_interval', 'min_doc_count', 'extended_bounds', 'hard_bounds', 'format', 'time_zone', 'order'].includes(key)) {
      throw unsupported(`[date_histogram] option [${key}]`);
    }
  }
  const field = fieldOf(body, 'date_histogram', name);
  if (body.time_zone !== undefined && !['UTC', 'Z', '+00:00', 'Etc/UTC', 'GMT'].includes(String(body.time_zone))) {
    throw unsupported(`date_histogram time_zone [${String(body.time_zone)}]`);
  }
  let floor: (t: number) => number;
  let next: (t: number) => number;
  if (typeof body.fixed_interval === 'string') {
    const step = parseDuration(body.fixed_interval);
    if (step === null || step <= 0) throw badRequest(`failed to parse setting [date_histogram.fixedInterval] with value [${body.fixed_interval}] as a time value`);
    floor = (t) => Math.floor(t / step) * step;
    next = (t) => t + step;
  } else if (typeof body.calendar_interval === 'string') {
    const unit: CalendarUnit | null = parseCalendarInterval(body.calendar_interval);
    if (unit === null) throw badRequest(`The supplied interval [${body.calendar_interval}] could not be parsed as a calendar interval.`);
    floor = (t) => roundDown(t, unit);
    next = (t) => nextCalendarBucket(t, unit);
  } else {
    throw badRequest(`Required one of fields [fixed_interval, calendar_interval], but none were specified.`);
  }
  const kind = ctx.reader.kind(field);
  const counts = new Map<number, SearchDoc[]>();
  for (const doc of docs) {
    const keys = new Set<number>();
    for (const raw of ctx.reader.raw(doc, field)) {
      const t = kind === 'number' ? normalize('number', raw) : parseDate(raw);
      if (typeof t === 'number' && Number.isFinite(t)) keys.add(floor(t));
    }
    for (const k of keys) {
      let list = counts.get(k);
      if (list === undefined) counts.set(k, (list = []));
      list.push(doc);
    }
  }
  const minDocCount = typeof body.min_doc_count === 'number' ? body.min_doc_count : 0;
  let keys = [...counts.keys()].sort((a, b) => a - b);
  const hard = isObject(body.hard_bounds) ? body.hard_bounds : undefined;
  if (minDocCount === 0) {
    let lo = keys[0];
    let hi = keys[keys.length - 1];
    const ext = isObject(body.extended_bounds) ? body.extended_bounds : undefined;
    if (ext !== undefined) {
      const min = resolveBoundValue(ext.min, ctx.now);
      const max = resolveBoundValue(ext.max, ctx.now);
      if (min !== undefined) lo = lo === undefined ? floor(min) : Math.min(lo, floor(min));
      if (max !== undefined) hi = hi === undefined ? floor(max) : Math.max(hi, floor(max));
    }
    if (lo !== undefined && hi !== undefined) {
      const filled: number[] = [];
      for (let k = lo; k <= hi; k = next(k)) {
        filled.push(k);
        if (filled.length > 65536) throw badRequest('Trying to create too many buckets. Must be less than or equal to: [65536]');
      }
      keys = filled;
    }
  }
  if (hard !== undefined) {
    const min = resolveBoundValue(hard.min, ctx.now);
    const max = resolveBoundValue(hard.max, ctx.now);
    keys = keys.filter((k) => (min === undefined || k >= floor(min)) && (max === undefined || k <= max));
  }
  const format = typeof body.format === 'string' ? body.format : undefined;
  let buckets = keys
    .map((k) => ({ k, docs: counts.get(k) ?? [] }))
    .filter((b) => b.docs.length >= minDocCount)
    .map((b) => ({ key_as_string: formatDatePattern(b.k, format), key: b.k, doc_count: b.docs.length, ...sub(b.docs) }));
  if (body.order !== undefined) {
    const order = isObject(body.order) ? body.order : {};
    const [path] = Object.keys(order);
    const dir = order[path] === 'desc' ? -1 : 1;
    if (path === '_key') buckets = dir === 1 ? buckets : buckets.reverse();
    else if (path === '_count') buckets.sort((a, b) => (a.doc_count - b.doc_count) * dir || a.key - b.key);
    else throw unsupported(`date_histogram order [${String(path)}]`);
  }
  return { buckets };
}

function resolveBoundValue(v: JsonValue | undefined, now: number): number | undefined {
  if (v === undefined || v === null) return undefined;
  const t = resolveDateMath(v, now, false);
  return Number.isFinite(t) ? t : undefined;
}
