/**
 * The raw records behind a finding's evidence, re-read from the log files the detection read: each evidence event
 * keeps its origin (file, and line or record index), and the file is read again through the same parser as the
 * detection (server/store/local), stopping once the wanted records are found. Only files inside the host's data
 * folders are read (a stored finding must not be able to steer reads elsewhere), and a record is returned only if it
 * is still the event the finding names (a file rewritten since the run answers with an error, not another event).
 */
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import type { EventOrigin } from '../../../common/audit_event';
import type { EvidenceEvent } from '../../../common/finding';
import { readFileInto } from '../../../server/store/local/read_file';
import { RecordTextParser } from '../../../server/store/local/record_parser';
import type { RecordSink, SkipCode } from '../../../server/store/local/types';
import { normalizeRecord } from '../../../server/store/normalize';
import type { EvidenceStore } from '../../../server/store/types';

export type EvidenceRecord = { event_id: string; record?: unknown; error?: string };

interface FileRead {
  records: Map<number, unknown>;
  problem?: string;
}

/** Reads `file` until every wanted line (or record index) has been seen. */
async function readRecordsAt(file: string, lines: ReadonlySet<number>): Promise<FileRead> {
  const out: FileRead = { records: new Map() };
  const sink: RecordSink = {
    record(value: unknown, origin: EventOrigin): void {
      if (origin.line !== undefined && lines.has(origin.line)) out.records.set(origin.line, value);
    },
    problem(code: SkipCode, reason: string): void {
      if (code === 'unreadable' || code === 'corrupt_gzip') out.problem ??= reason;
    },
  };
  const parser = new RecordTextParser(file, sink);
  for await (const _chunk of readFileInto(file, parser, sink, { bytes: 0 })) {
    if (out.records.size === lines.size) break;
  }
  return out;
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export class FileEvidenceStore implements EvidenceStore {
  private roots?: Promise<string[]>;

  /** `roots`: the folders the detection reads; evidence elsewhere is not read. */
  constructor(private readonly rootFolders: readonly string[]) {}

  async records(evidence: EvidenceEvent[]): Promise<EvidenceRecord[]> {
    const out: EvidenceRecord[] = evidence.map((e) => ({ event_id: e.event_id }));
    const byFile = new Map<string, Map<number, number[]>>();
    evidence.forEach((e, i) => {
      const file = e.origin?.file;
      const line = e.origin?.line;
      if (!file || line === undefined) {
        out[i].error = 'no origin file and line';
        return;
      }
      const lines = byFile.get(file) ?? new Map<number, number[]>();
      lines.set(line, [...(lines.get(line) ?? []), i]);
      byFile.set(file, lines);
    });
    for (const [file, lines] of byFile) {
      const entries = [...lines.values()].flat();
      const real = await this.allowed(file);
      if ('error' in real) {
        for (const i of entries) out[i].error = real.error;
        continue;
      }
      const read = await readRecordsAt(real.file, new Set(lines.keys()));
      for (const [line, indexes] of lines) {
        const record = read.records.get(line);
        for (const i of indexes) {
          if (record === undefined) out[i].error = read.problem ? `cannot read ${file}: ${read.problem}` : `no record at line ${line} of ${file}`;
          else if (!isSameEvent(record, evidence[i], real.file, line)) out[i].error = `the record at line ${line} of ${file} is no longer this event (the file changed since the run)`;
          else out[i].record = record;
        }
      }
    }
    return out;
  }

  private async allowed(file: string): Promise<{ file: string } | { error: string }> {
    if (!path.isAbsolute(file)) return { error: 'origin file is not an absolute path' };
    let real: string;
    try {
      real = await realpath(file);
    } catch (error) {
      return { error: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}` };
    }
    this.roots ??= Promise.all(this.rootFolders.map((r) => realpath(r).catch(() => path.resolve(r))));
    const roots = await this.roots;
    return roots.some((root) => isInside(root, real)) ? { file: real } : { error: 'origin file is outside the data folder' };
  }
}

function isSameEvent(record: unknown, evidence: EvidenceEvent, file: string, line: number): boolean {
  const normalized = normalizeRecord(record, { file, line });
  return normalized.ok && normalized.event.id === evidence.event_id;
}
