/** One detection run as the scheduler sees it, whatever the events come from (a log folder or a cluster). */
export interface RunContext {
  signal: AbortSignal;
  /** Run even if nothing changed since the last successful run ("run now"). */
  force: boolean;
  /** Events read so far in this run. */
  onProgress(eventsRead: number): void;
}

export interface RunOutcome {
  eventsRead: number;
  findingsWritten: number;
  /** Every event before it has been analysed and its findings stored (epoch ms). */
  checkpoint?: number;
  mode: string;
}

export interface DetectionRunner {
  readonly mode: string;
  /** undefined: nothing new to read, nothing was done. Throws when the run failed; nothing it wrote is lost. */
  run(context: RunContext): Promise<RunOutcome | undefined>;
}
