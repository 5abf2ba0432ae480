import type { ReadReport, Skip, SkipCode } from './types';

/** Skips kept in detail; the rest are only counted. */
export const MAX_SKIP_DETAILS = 1000;
/** Distinct normalizer reasons counted one by one; the rest are pooled. */
const MAX_REJECT_REASONS = 200;
const OTHER_REASONS = '(other reasons)';

/** Accumulates what a read did and what it skipped, readable at any time. */
export class ReadReportBuilder {
  files = 0;
  filesDone = 0;
  readonly bytes = { bytes: 0 };
  bytesTotal = 0;
  records = 0;
  events = 0;
  late = 0;
  outOfRange = 0;
  maxOpenFiles = 0;
  maxBuffered = 0;
  maxHoldMs = 0;
  missing: string[] = [];
  private skipped = 0;
  private readonly byCode: Partial<Record<SkipCode, number>> = {};
  private readonly rejected = new Map<string, number>();
  private readonly details: Skip[] = [];
  private notListed = 0;

  skip(file: string, code: SkipCode, reason: string, line?: number): void {
    this.skipped++;
    this.byCode[code] = (this.byCode[code] ?? 0) + 1;
    if (code === 'rejected') {
      const key = this.rejected.has(reason) || this.rejected.size < MAX_REJECT_REASONS ? reason : OTHER_REASONS;
      this.rejected.set(key, (this.rejected.get(key) ?? 0) + 1);
    }
    if (this.details.length < MAX_SKIP_DETAILS) {
      this.details.push(line === undefined ? { file, code, reason } : { file, line, code, reason });
    } else {
      this.notListed++;
    }
  }

  snapshot(): ReadReport {
    return {
      files: this.files,
      filesDone: this.filesDone,
      bytesRead: this.bytes.bytes,
      bytesTotal: this.bytesTotal,
      records: this.records,
      events: this.events,
      late: this.late,
      outOfRange: this.outOfRange,
      skipped: this.skipped,
      skipsByCode: { ...this.byCode },
      rejectedByReason: Object.fromEntries(this.rejected),
      skips: this.details.slice(),
      skipsNotListed: this.notListed,
      missing: this.missing.slice(),
      maxOpenFiles: this.maxOpenFiles,
      maxBuffered: this.maxBuffered,
      maxHoldMs: this.maxHoldMs,
    };
  }
}
