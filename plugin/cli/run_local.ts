/** Runs the detection over local log files: the CLI's (and the host's) way into the shared detection run. */
import { readFile } from 'node:fs/promises';
import type { FindingDocument } from '../../common/finding';
import type { CoverageReport } from '../../common/coverage';
import { DetectionEngine } from '../../server/analytic/engine';
import { CoverageAnalyzer } from '../../server/analytic/coverage';
import { defaultCatalog } from '../../server/analytic/default_catalog';
import { parseAutomationConfig, type ExpectedAutomation } from '../../server/analytic/automation';
import type { ReadProgress, ReadReport } from '../../server/store/local/types';
import { localEventSource } from './local_source';
import { runDetection, type DetectionRunResult } from '../../server/detection_run';

export interface LocalRunOptions {
  paths: string[];
  automationFile?: string;
  since?: number;
  until?: number;
  lateness?: number;
  coverage?: boolean;
  onProgress?: (p: ReadProgress) => void;
  onFindings?: (findings: FindingDocument[]) => Promise<void> | void;
}

export interface LocalRunResult {
  result: DetectionRunResult;
  report: ReadReport;
  coverage?: CoverageReport;
  seconds: number;
}

export async function loadAutomation(file: string | undefined): Promise<ExpectedAutomation | undefined> {
  if (!file) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read automation file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return parseAutomationConfig(text);
  } catch (err) {
    throw new UsageError(`${file}: ${(err as Error).message}`);
  }
}

/** A mistake in how the command was called or in its input files: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export async function runLocal(opts: LocalRunOptions): Promise<LocalRunResult> {
  const automation = await loadAutomation(opts.automationFile);
  const coverage = opts.coverage ? new CoverageAnalyzer() : undefined;
  const engine = new DetectionEngine(defaultCatalog, automation ? { automation } : {}, coverage);
  const source = localEventSource(opts.paths, { since: opts.since, until: opts.until, lateness: opts.lateness, onProgress: opts.onProgress });
  const started = process.hrtime.bigint();
  const result = await runDetection({
    source,
    engine,
    sink: { write: (docs) => opts.onFindings?.(docs) },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { result, report: source.report(), coverage: coverage?.report(), seconds };
}
