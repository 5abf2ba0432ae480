/**
 * One detection run: events from a source, through the analytic, findings into a sink. The same path serves the
 * Kibana task, the CLI and the standalone host (DESIGN §1).
 */
import type { AuditEvent } from '../common/audit_event';
import type { FindingDocument, Severity } from '../common/finding';
import type { DetectionEngine } from './analytic/engine';

export interface EventBatchSource {
  batches(): AsyncIterable<AuditEvent[]>;
}

export interface FindingSink {
  write(findings: FindingDocument[]): Promise<void> | void;
}

export interface DetectionRunResult {
  events: number;
  eventsWithoutTime: number;
  findings: number;
  bySeverity: Record<Severity, number>;
}

export class RunAbortedError extends Error {
  constructor() {
    super('detection run aborted');
    this.name = 'RunAbortedError';
  }
}

export async function runDetection(opts: {
  source: EventBatchSource;
  sink: FindingSink;
  engine: DetectionEngine;
  signal?: AbortSignal;
  /** Called after each batch with the number of events pushed so far. */
  onBatch?: (events: number) => void;
}): Promise<DetectionRunResult> {
  const { source, sink, engine, signal } = opts;
  const bySeverity: Record<Severity, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  let findings = 0;
  let events = 0;
  const emit = async (docs: FindingDocument[]): Promise<void> => {
    if (!docs.length) return;
    for (const d of docs) bySeverity[d.kibana.alert.severity]++;
    findings += docs.length;
    await sink.write(docs);
  };
  for await (const batch of source.batches()) {
    if (signal?.aborted) throw new RunAbortedError();
    for (let i = 0; i < batch.length; i++) engine.push(batch[i]);
    events += batch.length;
    await emit(engine.drain());
    opts.onBatch?.(events);
  }
  if (signal?.aborted) throw new RunAbortedError();
  await emit(engine.flush());
  const stats = engine.stats();
  return { events, eventsWithoutTime: stats.skippedNoTime, findings, bySeverity };
}
