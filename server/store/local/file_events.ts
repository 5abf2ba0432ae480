import type { AuditEvent, EventOrigin } from '../../../common/audit_event';
import type { ReadReportBuilder } from './read_report';
import type { NormalizeRecord, RecordSink, SkipCode } from './types';

/** Normalizes one file's records into events, collecting them until the merge takes them. */
export class FileEvents implements RecordSink {
  /** Events of the chunk just read; the merge empties it after each step. */
  readonly events: AuditEvent[] = [];

  constructor(
    private readonly file: string,
    private readonly normalize: NormalizeRecord,
    private readonly report: ReadReportBuilder,
  ) {}

  record(value: unknown, origin: EventOrigin): void {
    this.report.records++;
    let event: AuditEvent;
    try {
      const result = this.normalize(value, origin);
      if (!result.ok) {
        this.report.skip(this.file, 'rejected', result.reason, origin.line);
        return;
      }
      event = result.event;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.report.skip(this.file, 'rejected', `normalizer failed: ${message}`, origin.line);
      return;
    }
    const time = event.time;
    if (time === null || !Number.isFinite(time)) {
      this.report.skip(this.file, 'no_event_time', 'no event time', origin.line);
      return;
    }
    if (event.origin === undefined) event.origin = origin;
    this.events.push(event);
  }

  problem(code: SkipCode, reason: string, line?: number): void {
    this.report.skip(this.file, code, reason, line);
  }
}
