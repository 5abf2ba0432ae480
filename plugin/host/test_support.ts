/** Shared by the host's tests: a small generated day in a temp folder, its findings and coverage, temp databases. */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as nodeRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FindingDocument } from '../../common/finding';
import type { IdentityProfile } from '../../common/api';
import { defaultCatalog } from '../../server/analytic/default_catalog';
import { DetectionEngine } from '../../server/analytic/engine';
import { runDetection } from '../../server/detection_run';
import { generateSampleDay } from '../sample_data';
import type { SampleDayResult } from '../sample_data';
import { localEventSource } from '../cli/local_source';
import { HourlyCoverageAnalyzer, type CoverageHour } from './store/hourly_coverage';

export interface SmallDay {
  dir: string;
  day: SampleDayResult;
  findings: FindingDocument[];
  hours: CoverageHour[];
  /** The CLI's coverage report over the whole day. */
  coverage: ReturnType<HourlyCoverageAnalyzer['report']>;
  profiles: IdentityProfile[];
}

const tempDirs: string[] = [];

/** A fresh temp folder, removed when the test process exits. */
export function tempDir(prefix = 'cloud-api-abuse-host-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

process.once('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

export const SMALL_DAY_EVENTS = 5_000;
export const SMALL_DAY_SEED = 7;

let small: Promise<SmallDay> | undefined;

/** A 5,000-event generated day (all providers, nine injected chains) and what the analytic finds in it. */
export function smallDay(): Promise<SmallDay> {
  small ??= (async () => {
    const dir = tempDir('cloud-api-abuse-day-');
    const day = await generateSampleDay({ outDir: dir, events: SMALL_DAY_EVENTS, seed: SMALL_DAY_SEED });
    const coverage = new HourlyCoverageAnalyzer();
    const engine = new DetectionEngine(defaultCatalog, {}, coverage);
    const findings: FindingDocument[] = [];
    await runDetection({ source: localEventSource([dir]), engine, sink: { write: (docs) => void findings.push(...docs) } });
    return { dir, day, findings, hours: coverage.hours(), coverage: coverage.report(), profiles: engine.identityProfiles(Date.parse('2026-11-21T00:00:00Z')) };
  })();
  return small.then((d) => ({ ...d, findings: structuredClone(d.findings) }));
}

export const idOf = (f: FindingDocument): string => f.cloud_api_abuse.finding_id;

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

/**
 * One request with node:http (fetch would not let a test set or drop the Host header). `body` objects are sent as
 * JSON; strings and Buffers as they are.
 */
export function httpRequest(
  base: string,
  method: string,
  pathAndQuery: string,
  o: { headers?: Record<string, string>; body?: unknown; setHost?: boolean } = {},
): Promise<HttpAnswer> {
  const url = new URL(base);
  const payload = o.body === undefined ? undefined : typeof o.body === 'string' || Buffer.isBuffer(o.body) ? o.body : JSON.stringify(o.body);
  const headers: Record<string, string> = {
    ...(payload !== undefined && typeof o.body === 'object' && !Buffer.isBuffer(o.body) ? { 'content-type': 'application/json' } : {}),
    ...o.headers,
  };
  return new Promise((resolve, reject) => {
    const req = nodeRequest({ host: url.hostname, port: url.port, method, path: pathAndQuery, headers, setHost: o.setHost ?? true, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}
