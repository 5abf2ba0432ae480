import type { EventOrigin } from '../../../common/audit_event';
import { readHead } from './read_file';
import { RecordTextParser } from './record_parser';
import type { NormalizeRecord, RecordSink } from './types';

/** Records of a head tried for a usable time before giving up on it. */
const PEEK_RECORDS = 20;

/**
 * When a file's events start, for planning the merge: the time of the first event in its head, else a timestamp
 * in its path, else undefined (the caller then orders by path).
 */
export async function startTimeOf(file: string, normalize: NormalizeRecord): Promise<number | undefined> {
  return (await firstEventTime(file, normalize)) ?? timeFromPath(file);
}

/** The first usable event time in the head of a file (only the first block of a gzip file is decompressed). */
export async function firstEventTime(file: string, normalize: NormalizeRecord): Promise<number | undefined> {
  const head = await readHead(file);
  if (head === undefined) return undefined;
  const peek = new FirstTime(normalize);
  const parser = new RecordTextParser(file, peek);
  try {
    parser.push(head.text);
    if (head.complete) parser.end();
    else parser.flushHead();
  } catch (stop) {
    if (stop !== FirstTime.stop) throw stop;
  }
  return peek.time;
}

class FirstTime implements RecordSink {
  static readonly stop = new Error('peek done');
  time: number | undefined;
  private tried = 0;

  constructor(private readonly normalize: NormalizeRecord) {}

  record(value: unknown, origin: EventOrigin): void {
    let time: number | null = null;
    try {
      const result = this.normalize(value, origin);
      if (result.ok) time = result.event.time;
    } catch {
      // The read itself reports normalizer failures; a peek only looks for a time.
    }
    if (time !== null && Number.isFinite(time)) {
      this.time = time;
      throw FirstTime.stop;
    }
    if (++this.tried >= PEEK_RECORDS) throw FirstTime.stop;
  }

  problem(): void {}
}

/**
 * Timestamps that exports put in paths, most specific first: CloudTrail `..._20230710T1220Z_...`, ISO dates,
 * Azure `y=2023/m=07/d=10/h=12/m=00`, GCS sinks `2023/07/10/12:00:00_12:59:59_S0.json`, plain `2023/07/10/`.
 */
const PATH_TIMES: ReadonlyArray<RegExp> = [
  /(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?Z/,
  /(\d{4})-(\d{2})-(\d{2})(?:[T_ ](\d{2})[:\-.]?(\d{2})(?:[:\-.]?(\d{2}))?)?/,
  /y=(\d{4})\/m=(\d{2})\/d=(\d{2})(?:\/h=(\d{2})(?:\/m=(\d{2}))?)?/,
  /(\d{4})\/(\d{2})\/(\d{2})\/(?:(\d{2}):(\d{2}):(\d{2})_)?/,
];

/** A timestamp in the file name (preferred) or in its directories, as epoch ms. */
export function timeFromPath(file: string): number | undefined {
  const slashed = file.replace(/\\/g, '/');
  const name = slashed.slice(slashed.lastIndexOf('/') + 1);
  return timeIn(name) ?? timeIn(slashed);
}

function timeIn(text: string): number | undefined {
  for (const pattern of PATH_TIMES) {
    const m = pattern.exec(text);
    if (!m) continue;
    const part = (i: number): number => (m[i] ? Number(m[i]) : 0);
    const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
    if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) continue;
    if (hour > 23 || minute > 59 || second > 59) continue;
    return Date.UTC(year, month - 1, day, hour, minute, second);
  }
  return undefined;
}
