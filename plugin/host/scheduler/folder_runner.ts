/**
 * Detection over a folder of log files, through the CLI's path (localEventSource -> runDetection -> the analytic).
 *
 * Every run reads the whole folder, and a run is skipped when no file was added, changed or removed (and the expected
 * automation was not saved) since the last successful run. Why not read only the new files: chains, credential
 * lineage and baselines cross files (a key minted in one hour's file is used in the next), so a run over the new
 * files alone would cut chains and rebuild baselines from a fraction of the history; and the analytic reads faster
 * than the logs arrive (tens of thousands of events per second). A full re-read gives the same findings as the CLI
 * over the same files, under the same finding ids, so re-runs update findings in place and keep their workflow.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { AuditEvent } from '../../../common/audit_event';
import { defaultCatalog } from '../../../server/analytic/default_catalog';
import { DetectionEngine } from '../../../server/analytic/engine';
import { runDetection, type EventBatchSource } from '../../../server/detection_run';
import { listInputFiles } from '../../../server/store/local';
import { localEventSource } from '../../cli/local_source';
import { HourlyCoverageAnalyzer } from '../store/hourly_coverage';
import type { HostStore } from '../store';
import type { DetectionRunner, RunContext, RunOutcome } from './detection_runner';

const FINGERPRINT_KEY = 'folder_fingerprint';

export class NoLogFilesError extends Error {
  constructor(dir: string) {
    super(`no log files in ${dir} (.json, .ndjson, .jsonl, .log, .txt or .gz, in any subfolder)`);
    this.name = 'NoLogFilesError';
  }
}

/** What the folder holds (paths, sizes, modification times) and the automation in force: a change means a new run. */
async function fingerprintOf(files: readonly string[], automationSavedAt: string | undefined): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`automation\0${automationSavedAt ?? ''}\n`);
  for (const file of files) {
    const info = await stat(file).catch(() => undefined);
    hash.update(`${file}\0${info?.size ?? -1}\0${info?.mtimeMs ?? -1}\n`);
  }
  return hash.digest('hex');
}

/** Passes batches through, noting the newest event time: the run's checkpoint. */
function watermarked(source: EventBatchSource): EventBatchSource & { newest(): number | undefined } {
  let newest: number | undefined;
  return {
    newest: () => newest,
    async *batches(): AsyncIterable<AuditEvent[]> {
      for await (const batch of source.batches()) {
        for (const e of batch) if (e.time !== null && (newest === undefined || e.time > newest)) newest = e.time;
        yield batch;
      }
    },
  };
}

export class FolderRunner implements DetectionRunner {
  readonly mode = 'folder';

  constructor(
    private readonly o: {
      dataDir: string;
      store: Pick<HostStore, 'findings' | 'identities' | 'coverage' | 'automation' | 'state' | 'optimize'>;
      now?: () => number;
    },
  ) {}

  async run(context: RunContext): Promise<RunOutcome | undefined> {
    const { store, dataDir } = this.o;
    const { files } = await listInputFiles([dataDir]);
    if (files.length === 0) throw new NoLogFilesError(dataDir);
    const fingerprint = await fingerprintOf(files, store.automation.saved()?.at);
    if (!context.force && store.state.get<string>(FINGERPRINT_KEY) === fingerprint) return undefined;

    const automation = await store.automation.compiled();
    const coverage = new HourlyCoverageAnalyzer();
    const engine = new DetectionEngine(defaultCatalog, automation ? { automation } : {}, coverage);
    const source = watermarked(localEventSource(files));
    let written = 0;
    const result = await runDetection({
      source,
      engine,
      signal: context.signal,
      onBatch: context.onProgress,
      sink: {
        write: async (docs) => {
          written += (await store.findings.write(docs, { signal: context.signal })).written;
        },
      },
    });
    await store.identities.write(engine.identityProfiles((this.o.now ?? Date.now)()));
    store.coverage.replace(coverage.hours());
    store.state.set(FINGERPRINT_KEY, fingerprint);
    store.optimize();
    const checkpoint = source.newest();
    return { eventsRead: result.events, findingsWritten: written, mode: this.mode, ...(checkpoint !== undefined ? { checkpoint } : {}) };
  }
}
