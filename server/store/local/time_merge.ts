import type { AuditEvent } from '../../../common/audit_event';
import { FileEvents } from './file_events';
import { MinHeap } from './min_heap';
import { readFileInto } from './read_file';
import type { ReadReportBuilder } from './read_report';
import { RecordTextParser } from './record_parser';
import { ReorderBuffer } from './reorder_buffer';
import type { NormalizeRecord } from './types';

/** A file and when its events start (-Infinity when nothing tells). */
export interface PlannedFile {
  file: string;
  start: number;
}

export interface MergeOptions {
  normalize: NormalizeRecord;
  lateness: number;
  since: number;
  until: number;
  batchSize: number;
  maxRecordChars: number;
  onStep?: () => void;
}

/** One open file: how far its events have got, and the reader that advances it by one chunk. */
interface Cursor {
  file: string;
  order: number;
  /** The newest event time read from the file so far (its planned start before the first read). */
  position: number;
  steps: AsyncGenerator<void, void, void>;
  /** The next step, started as soon as the previous one was taken in, so its I/O overlaps other files' work. */
  ahead?: Promise<IteratorResult<void, void>>;
  sink: FileEvents;
}

function cursorBefore(a: Cursor, b: Cursor): boolean {
  return a.position < b.position || (a.position === b.position && a.order < b.order);
}

/**
 * Merges files into one stream in time order with bounded memory. A sweep line over the planned start times
 * opens a file only when the merge reaches its start, always advances the file that is furthest behind, and
 * sends events through a reorder buffer that holds each event until both the newest event seen and every open or
 * pending file are more than the hold window past it. The window adapts to the disorder the files show: it starts
 * at a minute and grows with the largest step back in time seen inside any file, up to `lateness`, so ordered
 * exports are not held for a quarter of an hour (that is memory and time) while disordered ones are. Memory is the
 * files that overlap in time plus that window. Events older than one already released still come out (counted
 * as late).
 */
export async function* mergeInTimeOrder(
  plan: readonly PlannedFile[],
  report: ReadReportBuilder,
  options: MergeOptions,
): AsyncGenerator<AuditEvent[], void, void> {
  const cursors = new MinHeap<Cursor>(cursorBefore);
  const buffer = new ReorderBuffer<AuditEvent>();
  const { lateness, since, until, batchSize } = options;
  let next = 0;
  let open = 0;
  let maxSeen = -Infinity;
  let hold = Math.min(lateness, MIN_HOLD_MS);
  const release = new Release(buffer, report, batchSize);
  let current: Cursor | undefined;
  try {
    for (;;) {
      while (next < plan.length && (cursors.size === 0 || plan[next].start <= (cursors.peek() as Cursor).position)) {
        const opened = openCursor(plan[next], next, report, options);
        opened.ahead = opened.steps.next();
        cursors.push(opened);
        next++;
        open++;
        if (open > report.maxOpenFiles) report.maxOpenFiles = open;
      }
      const cursor = cursors.pop();
      if (cursor === undefined) break;
      current = cursor;
      const step = await (cursor.ahead ?? cursor.steps.next());
      cursor.ahead = undefined;
      const events = cursor.sink.events;
      for (let i = 0; i < events.length; i++) {
        const event = events[i];
        const time = event.time as number;
        if (time > cursor.position) cursor.position = time;
        else if (cursor.position - time + MIN_HOLD_MS > hold && cursor.position !== -Infinity) {
          hold = Math.min(lateness, cursor.position - time + MIN_HOLD_MS);
          if (hold > report.maxHoldMs) report.maxHoldMs = hold;
        }
        if (time > maxSeen) maxSeen = time;
        if (time < since || time >= until) {
          report.outOfRange++;
          continue;
        }
        buffer.push(time, event);
      }
      events.length = 0;
      if (buffer.size > report.maxBuffered) report.maxBuffered = buffer.size;
      if (step.done) {
        open--;
        report.filesDone++;
      } else {
        cursor.ahead = cursor.steps.next();
        cursors.push(cursor);
      }
      current = undefined;
      options.onStep?.();

      const behind = cursors.peek()?.position ?? Infinity;
      const pending = next < plan.length ? plan[next].start : Infinity;
      const releaseBefore = Math.min(maxSeen, behind, pending) - hold;
      while (release.fill(releaseBefore)) yield release.take();
    }
    while (release.fill(Infinity)) yield release.take();
    if (release.pending > 0) yield release.take();
  } finally {
    // The consumer may stop early: close whatever is still open.
    if (current) await settle(current);
    for (const cursor of cursors.drain()) await settle(cursor);
  }
}

/** Closes a cursor's file, after the step started ahead (a generator cannot be returned while it runs). */
async function settle(cursor: Cursor): Promise<void> {
  if (cursor.ahead) await cursor.ahead.catch(() => undefined);
  await cursor.steps.return();
}

/** The hold window before any disorder has been seen. */
const MIN_HOLD_MS = 60_000;

/** Takes events off the reorder buffer into batches, counting those that come out late. */
class Release {
  private out: AuditEvent[] = [];
  private lastReleased = -Infinity;

  constructor(
    private readonly buffer: ReorderBuffer<AuditEvent>,
    private readonly report: ReadReportBuilder,
    private readonly batchSize: number,
  ) {}

  get pending(): number {
    return this.out.length;
  }

  /** Moves events earlier than `before` into the batch; true when the batch is full. */
  fill(before: number): boolean {
    const { buffer, out } = this;
    while (out.length < this.batchSize && buffer.peekTime() < before) {
      const event = buffer.pop();
      const time = event.time as number;
      if (time < this.lastReleased) this.report.late++;
      else this.lastReleased = time;
      out.push(event);
    }
    return out.length >= this.batchSize;
  }

  take(): AuditEvent[] {
    const batch = this.out;
    this.out = [];
    this.report.events += batch.length;
    return batch;
  }
}

function openCursor(planned: PlannedFile, order: number, report: ReadReportBuilder, options: MergeOptions): Cursor {
  const sink = new FileEvents(planned.file, options.normalize, report);
  const parser = new RecordTextParser(planned.file, sink, { maxRecordChars: options.maxRecordChars });
  return {
    file: planned.file,
    order,
    position: planned.start,
    steps: readFileInto(planned.file, parser, sink, report.bytes),
    sink,
  };
}
