/** What every converted document shares: options, the data stream envelope, dates as Elasticsearch stores them. */
import { parseTime } from '../../../server/store/normalize/time';

export type Json = Record<string, unknown>;

export interface EcsOptions {
  /**
   * Keep the raw record in `event.original` (and tag the document `preserve_original_event`), as an integration
   * does when that option is on. Off by default: most clusters drop it to save space.
   */
  keepOriginal?: boolean;
  /** Data stream namespace, default `default`. */
  namespace?: string;
}

export interface EcsDocument {
  /** The data stream the document lands in, e.g. `logs-aws.cloudtrail-default`. */
  index: string;
  /** Stable document id: the provider's event id where the record has one. */
  id: string;
  document: Json;
}

/** The ECS version the current integration pipelines write. */
export const ECS_VERSION = '8.11.0';

export function dataStream(dataset: string, options: EcsOptions | undefined): { index: string; stream: Json } {
  const namespace = options?.namespace ?? 'default';
  return { index: `logs-${dataset}-${namespace}`, stream: { type: 'logs', dataset, namespace } };
}

/**
 * A `date` processor with format ISO8601: extended ISO forms only, stored as UTC with milliseconds
 * (`2019-10-02T22:12:29.000Z`). Undefined where the processor would fail.
 */
export function isoDate(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length < 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return undefined;
  const ms = parseTime(v);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function obj(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

/** Assigns only defined values, so documents carry no `undefined` keys. */
export function put(target: Json, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/** Attaches a child object only when something was put into it. */
export function attach(target: Json, key: string, child: Json): void {
  for (const _ in child) {
    target[key] = child;
    return;
  }
}

/** An `append` processor with allow_duplicates: false. */
export function appendUnique(list: string[], value: string | undefined): void {
  if (value !== undefined && value !== '' && !list.includes(value)) list.push(value);
}

/** `event.original` and its tag, when the caller keeps originals. */
export function keepOriginal(doc: Json, event: Json, record: unknown, options: EcsOptions | undefined): void {
  if (options?.keepOriginal !== true) return;
  event.original = JSON.stringify(record);
  const tags = Array.isArray(doc.tags) ? (doc.tags as string[]) : [];
  appendUnique(tags, 'preserve_original_event');
  doc.tags = tags;
}
