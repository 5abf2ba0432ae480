import type { AuditEvent, EventOrigin, NormalizeResult } from '../../../common/audit_event';

/** The normalizer contract of server/store/normalize: one provider record in, an event or a reason out. */
export type NormalizeRecord = (record: unknown, origin?: EventOrigin) => NormalizeResult;

/** Why input was skipped. Stable codes for counting; the skip's `reason` carries the specifics. */
export type SkipCode =
  | 'unreadable' // missing at read time, permission denied, a directory, unsupported text encoding
  | 'empty_file'
  | 'truncated_gzip' // records before the cut are kept
  | 'corrupt_gzip'
  | 'not_json' // a line or record that is not valid JSON
  | 'not_object' // a scalar where a record was expected
  | 'too_long' // a line or record beyond the maximum length
  | 'broken_document' // a JSON document cut off or broken; complete records before it are kept
  | 'unsafe_key' // a `__proto__` key was removed; the record itself is kept
  | 'rejected' // the normalizer did not recognise the record
  | 'no_event_time';

export interface Skip {
  file: string;
  /** 1-based line (line-oriented files) or record index (JSON documents). */
  line?: number;
  code: SkipCode;
  reason: string;
}

/** Receives what a file parser finds: records (envelopes removed) and problems. */
export interface RecordSink {
  record(value: unknown, origin: EventOrigin): void;
  problem(code: SkipCode, reason: string, line?: number): void;
}

export interface ReadProgress {
  bytesRead: number;
  bytesTotal: number;
  files: number;
  filesDone: number;
  events: number;
}

export interface LocalSourceOptions {
  /**
   * How far (ms) an event may lag the newest seen event of its file and still come out in order. Default 15 min.
   * The reorder window only grows to it as far as the files' own disorder requires.
   */
  lateness?: number;
  /** Defaults to server/store/normalize, loaded on first use. */
  normalize?: NormalizeRecord;
  onProgress?: (progress: ReadProgress) => void;
  /** Keep events with since <= time < until (epoch ms). */
  since?: number;
  until?: number;
  /** Events per batch. Default 1,000. */
  batchSize?: number;
  /** Longest line or record kept (characters). Default 64 Mi. */
  maxRecordChars?: number;
}

export interface ReadReport {
  /** Files found for the given paths. */
  files: number;
  /** Files read to their end (or to the point where they broke). */
  filesDone: number;
  /** Bytes read from disk (compressed bytes for gzip files). */
  bytesRead: number;
  bytesTotal: number;
  /** Records found in the files, envelopes removed. */
  records: number;
  /** Events released to the consumer. */
  events: number;
  /** Events released after a newer event had already been released. */
  late: number;
  /** Events outside since/until. */
  outOfRange: number;
  skipped: number;
  skipsByCode: Partial<Record<SkipCode, number>>;
  /** The normalizer's own reasons for `rejected` skips. */
  rejectedByReason: Record<string, number>;
  /** The first skips in detail; `skipsNotListed` counts the rest. */
  skips: Skip[];
  skipsNotListed: number;
  /** Paths that matched nothing. */
  missing: string[];
  /** Most files open at once, and most events held for reordering: what bounds memory. */
  maxOpenFiles: number;
  maxBuffered: number;
  /** The widest reorder hold the files' disorder called for (at most `lateness`). */
  maxHoldMs: number;
}

export interface LocalSource {
  batches(): AsyncIterable<AuditEvent[]>;
  report(): ReadReport;
}
