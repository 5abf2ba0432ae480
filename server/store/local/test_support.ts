/** Helpers for the tests of this folder (not a test itself). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AuditEvent, EventOrigin, NormalizeResult } from '../../../common/audit_event';
import { openLocalSource } from './local_source';
import type { LocalSourceOptions, ReadReport, RecordSink, SkipCode } from './types';

export const DATASETS = path.resolve(__dirname, '../../../../shared/datasets');

const TIME_FIELDS = ['eventTime', '@timestamp', 'timestamp', 'time', 'createdDateTime'];

/**
 * A stand-in normalizer that only reads a time and an id, so these tests check reading, not normalizing.
 * `{"reject": "why"}` is refused with that reason.
 */
export function timeOnlyNormalize(record: unknown, origin?: EventOrigin): NormalizeResult {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { ok: false, reason: 'record is not a JSON object' };
  }
  const r = record as Record<string, unknown>;
  if (typeof r.reject === 'string') return { ok: false, reason: r.reject };
  let time: number | null = null;
  for (const field of TIME_FIELDS) {
    const value = r[field];
    if (typeof value === 'string') {
      const parsed = Date.parse(value);
      if (!Number.isNaN(parsed)) time = parsed;
      break;
    }
  }
  const id = typeof r.id === 'string' ? r.id : typeof r.eventID === 'string' ? r.eventID : '';
  const event: AuditEvent = {
    id,
    time,
    provider: 'aws',
    log: 'aws.cloudtrail',
    encoding: 'raw',
    service: '',
    action: typeof r.eventName === 'string' ? r.eventName : '',
    outcome: 'unknown',
    actor: { type: 'unknown' },
    source: {},
    resources: [],
    raw: record,
    origin,
  };
  return { ok: true, event };
}

/** A scratch directory under the OS temp dir, removed by `cleanup`. */
export class Scratch {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'local-source-'));

  file(name: string, content: string | Buffer): string {
    const full = path.join(this.dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    return full;
  }

  gzip(name: string, content: string): string {
    return this.file(name, gzipSync(Buffer.from(content)));
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `{"id":"e1","eventTime":"..."}` records, one per minute from `start`. */
export function records(prefix: string, count: number, start = Date.UTC(2024, 0, 1), stepMs = 60_000): object[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    eventTime: new Date(start + i * stepMs).toISOString(),
  }));
}

export const ndjson = (items: readonly object[]): string => items.map((r) => JSON.stringify(r)).join('\n') + '\n';

export interface ReadResult {
  events: AuditEvent[];
  batches: number;
  report: ReadReport;
}

export async function readAll(paths: string[], options: LocalSourceOptions = {}): Promise<ReadResult> {
  const source = openLocalSource(paths, { normalize: timeOnlyNormalize, ...options });
  const events: AuditEvent[] = [];
  let batches = 0;
  for await (const batch of source.batches()) {
    batches++;
    for (const event of batch) events.push(event);
  }
  return { events, batches, report: source.report() };
}

export const ids = (events: readonly AuditEvent[]): string[] => events.map((e) => e.id);

export function isTimeOrdered(events: readonly AuditEvent[]): boolean {
  for (let i = 1; i < events.length; i++) if ((events[i].time as number) < (events[i - 1].time as number)) return false;
  return true;
}

/** Records and problems as a parser hands them over. */
export class CollectingSink implements RecordSink {
  readonly records: { value: unknown; origin: EventOrigin }[] = [];
  readonly problems: { code: SkipCode; reason: string; line?: number }[] = [];

  record(value: unknown, origin: EventOrigin): void {
    this.records.push({ value, origin });
  }

  problem(code: SkipCode, reason: string, line?: number): void {
    this.problems.push({ code, reason, line });
  }

  ids(): unknown[] {
    return this.records.map((r) => (r.value as { id?: unknown }).id);
  }
}
