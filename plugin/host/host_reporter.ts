/**
 * What the host tells the person who started it: where things are, the URL, and how the detection runs go (events
 * read while it runs, at most every few seconds; figures when it ends; errors).
 */
import type { KbnLogger } from '../../server/kibana/types';
import type { SchedulerEvents } from './scheduler/detection_scheduler';

export interface HostOutput {
  info(line: string): void;
  error(line: string): void;
}

export const stderrOutput: HostOutput = {
  info: (line) => process.stderr.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};

export const silentOutput: HostOutput = { info: () => undefined, error: () => undefined };

const PROGRESS_EVERY_MS = 2_000;

const count = (n: number): string => n.toLocaleString('en-US');

/** Scheduler events as lines; the first finished run also says how long after the start its findings were ready. */
export function runReporter(out: HostOutput, startedAt: number, now: () => number = Date.now): SchedulerEvents {
  let lastProgress = 0;
  let firstRunReported = false;
  return {
    runStarted: () => {
      lastProgress = now();
      out.info('detection: run started');
    },
    progress: (events) => {
      if (now() - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now();
      out.info(`detection: ${count(events)} events read`);
    },
    runFinished: (outcome, durationMs) => {
      out.info(`detection: ${count(outcome.eventsRead)} events, ${count(outcome.findingsWritten)} findings written in ${(durationMs / 1000).toFixed(1)} s`);
      if (!firstRunReported) {
        firstRunReported = true;
        out.info(`detection: findings ready ${((now() - startedAt) / 1000).toFixed(1)} s after start`);
      }
    },
    runSkipped: () => out.info('detection: no new or changed log files since the last run'),
    runFailed: (error) => out.error(`detection failed: ${error.message}`),
  };
}

/** The Kibana logger the cluster task's code writes to. */
export function kbnLogger(out: HostOutput, prefix = 'detection'): KbnLogger {
  const text = (m: string | (() => string) | Error): string => (typeof m === 'function' ? m() : m instanceof Error ? m.message : m);
  const logger: KbnLogger = {
    trace: () => undefined,
    debug: () => undefined,
    info: (m) => out.info(`${prefix}: ${text(m)}`),
    warn: (m) => out.info(`${prefix}: warning: ${text(m)}`),
    error: (m) => out.error(`${prefix}: error: ${text(m)}`),
    get: (...context) => kbnLogger(out, [prefix, ...context].join('.')),
  };
  return logger;
}
