import type { EventOrigin } from '../../../common/audit_event';
import { readFileInto, type ByteCounter } from './read_file';
import { RecordTextParser } from './record_parser';
import type { RecordSink, SkipCode } from './types';

export interface RawReadSummary {
  files: number;
  bytes: number;
  records: number;
  problems: number;
}

/**
 * Reads and JSON.parses every record of the files through the same I/O and parsing path as openLocalSource,
 * without normalizing, ordering or reporting details: the baseline a benchmark compares the full read with.
 * `onRecord` sees each record (envelope removed).
 */
export async function readRawRecords(
  files: readonly string[],
  onRecord?: (record: unknown) => void,
): Promise<RawReadSummary> {
  const counter: ByteCounter = { bytes: 0 };
  const sink = new CountingSink(onRecord);
  for (const file of files) {
    const parser = new RecordTextParser(file, sink);
    for await (const _ of readFileInto(file, parser, sink, counter)) {
      // each step is one chunk; nothing to do between chunks
    }
  }
  return { files: files.length, bytes: counter.bytes, records: sink.records, problems: sink.problems };
}

class CountingSink implements RecordSink {
  records = 0;
  problems = 0;

  constructor(private readonly onRecord: ((record: unknown) => void) | undefined) {}

  record(value: unknown, _origin: EventOrigin): void {
    this.records++;
    this.onRecord?.(value);
  }

  problem(_code: SkipCode, _reason: string): void {
    this.problems++;
  }
}
