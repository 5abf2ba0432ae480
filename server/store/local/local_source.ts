import { stat } from 'node:fs/promises';
import type { AuditEvent } from '../../../common/audit_event';
import { loadDefaultNormalizer } from './default_normalizer';
import { listInputFiles } from './list_input_files';
import { ReadReportBuilder } from './read_report';
import { DEFAULT_MAX_RECORD_CHARS } from './record_parser';
import { startTimeOf } from './start_time';
import { mergeInTimeOrder, type PlannedFile } from './time_merge';
import type { LocalSource, LocalSourceOptions, NormalizeRecord, ReadReport } from './types';

/** CloudTrail delivers events up to 15 minutes late. */
export const DEFAULT_LATENESS_MS = 15 * 60 * 1000;
export const DEFAULT_BATCH_SIZE = 1000;
/** Files whose heads are read at once while planning. */
const PLAN_CONCURRENCY = 16;

/**
 * Exported log files (files, directories, glob patterns) as one stream of normalized events in time order,
 * in batches. Bad input is skipped and reported, never fatal; `report()` can be read during and after the run.
 */
export function openLocalSource(paths: string[], options: LocalSourceOptions = {}): LocalSource {
  return new LocalFileSource(paths, options);
}

class LocalFileSource implements LocalSource {
  private readonly reportBuilder = new ReadReportBuilder();
  private started = false;

  constructor(
    private readonly paths: string[],
    private readonly options: LocalSourceOptions,
  ) {}

  report(): ReadReport {
    return this.reportBuilder.snapshot();
  }

  batches(): AsyncIterable<AuditEvent[]> {
    if (this.started) throw new Error('a local source can be read once');
    this.started = true;
    return this.read();
  }

  private async *read(): AsyncGenerator<AuditEvent[], void, void> {
    const { options } = this;
    const report = this.reportBuilder;
    const normalize = options.normalize ?? (await loadDefaultNormalizer());
    const { files, missing } = await listInputFiles(this.paths);
    report.files = files.length;
    report.missing = missing;
    const plan = await planFiles(files, normalize, report);
    const onProgress = options.onProgress;
    yield* mergeInTimeOrder(plan, report, {
      normalize,
      lateness: options.lateness ?? DEFAULT_LATENESS_MS,
      since: options.since ?? -Infinity,
      until: options.until ?? Infinity,
      batchSize: Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE),
      maxRecordChars: options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS,
      onStep:
        onProgress &&
        (() =>
          onProgress({
            bytesRead: report.bytes.bytes,
            bytesTotal: report.bytesTotal,
            files: report.files,
            filesDone: report.filesDone,
            events: report.events,
          })),
    });
  }
}

/**
 * Orders files by when their events start: the first event in the head of each file, else a timestamp in its
 * path, else before all others (in path order), so that the merge opens each file only when it is reached.
 */
export async function planFiles(
  files: readonly string[],
  normalize: NormalizeRecord,
  report: ReadReportBuilder,
): Promise<PlannedFile[]> {
  const plan: PlannedFile[] = new Array<PlannedFile>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const file = files[i];
      const size = await stat(file).then(
        (s) => s.size,
        () => 0,
      );
      report.bytesTotal += size;
      plan[i] = { file, start: (await startTimeOf(file, normalize)) ?? -Infinity };
    }
  };
  await Promise.all(Array.from({ length: Math.min(PLAN_CONCURRENCY, files.length) }, worker));
  return plan.sort((a, b) => a.start - b.start || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
