/** Runs the whole offline pipeline (reader, normalizers, analytic) over files, as the CLI does. */
import type { FindingDocument } from '../../common/finding';
import type { CoverageReport } from '../../common/coverage';
import type { ReadReport } from '../../server/store/local/types';
import type { AnalyticConfig } from '../../server/analytic/config';
import { DetectionEngine } from '../../server/analytic/engine';
import { CoverageAnalyzer } from '../../server/analytic/coverage';
import { defaultCatalog } from '../../server/analytic/default_catalog';
import { localEventSource } from '../../plugin/cli/local_source';
import { runDetection } from '../../server/detection_run';

export interface DetectedFiles {
  findings: FindingDocument[];
  report: ReadReport;
  coverage: CoverageReport;
  /** The engine after the run (its baselines, stats). */
  engine: DetectionEngine;
}

export async function detectFiles(paths: string[], config: Partial<AnalyticConfig> = {}): Promise<DetectedFiles> {
  const findings: FindingDocument[] = [];
  const coverage = new CoverageAnalyzer();
  const engine = new DetectionEngine(defaultCatalog, config, coverage);
  const source = localEventSource(paths);
  await runDetection({ source, engine, sink: { write: (docs) => void findings.push(...docs) } });
  return { findings, report: source.report(), coverage: coverage.report(), engine };
}

export const atLeast = (f: FindingDocument, severities: string[]): boolean => severities.includes(f.kibana.alert.severity);
