/**
 * Every record of a list of files, with the local reader's record parsing (layout detection, envelopes such as
 * `{"Records": [...]}`, NDJSON, bad lines reported and skipped). A sample day is about 1,500 small files, where the
 * streaming reader's per-file set-up (megabyte buffers, streams) costs more than the records: files up to 16 MiB are
 * read whole; larger ones, UTF-16 text and anything the whole read cannot decode go through the streaming reader.
 */
import { readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { EventOrigin } from '../../../common/audit_event';
import { readRawRecords } from '../../../server/store/local';
import { RecordTextParser } from '../../../server/store/local/record_parser';
import type { RecordSink, SkipCode } from '../../../server/store/local/types';

const WHOLE_FILE_BYTES = 16 * 1024 * 1024;
/** A gzip file read whole may not expand beyond this (a bomb goes to the streaming reader, which reads by chunks). */
const MAX_GUNZIPPED_BYTES = 256 * 1024 * 1024;

export interface ReadSummary {
  files: number;
  records: number;
  /** Lines or records that could not be read as JSON objects, and unreadable files. */
  problems: number;
}

export async function forEachRecord(files: readonly string[], onRecord: (record: unknown) => void): Promise<ReadSummary> {
  const summary: ReadSummary = { files: files.length, records: 0, problems: 0 };
  const sink: RecordSink = {
    record(value: unknown, _origin: EventOrigin): void {
      summary.records++;
      onRecord(value);
    },
    problem(_code: SkipCode, _reason: string): void {
      summary.problems++;
    },
  };
  for (const file of files) {
    const text = await wholeText(file);
    if (text === undefined) {
      const streamed = await readRawRecords([file], onRecord);
      summary.records += streamed.records;
      summary.problems += streamed.problems;
      continue;
    }
    const parser = new RecordTextParser(file, sink);
    parser.push(text);
    parser.end();
  }
  return summary;
}

/** The file's text when it is small, UTF-8 and (if gzipped) sound; undefined to stream it instead. */
async function wholeText(file: string): Promise<string | undefined> {
  try {
    if ((await stat(file)).size > WHOLE_FILE_BYTES) return undefined;
    let bytes = await readFile(file);
    if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes, { maxOutputLength: MAX_GUNZIPPED_BYTES });
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return undefined;
    return bytes.toString('utf8');
  } catch {
    return undefined; // unreadable, truncated or corrupt: the streaming reader reports what it can and keeps the rest
  }
}
