/**
 * Reads a sample day back, file by file, in each provider's native format; used by the tests and by anyone who
 * wants to check an output folder (ids, times, record counts) without a full normalizer.
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';

export type SampleLog = 'cloudtrail' | 'gcp-audit' | 'azure-activity' | 'azure-signin';

export type SampleRecord = Record<string, unknown>;

export async function listSampleFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && (e.name.endsWith('.json') || e.name.endsWith('.json.gz')) && !e.name.startsWith('.'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export function logOf(file: string): SampleLog {
  const p = file.split(path.sep).join('/');
  if (p.includes('/CloudTrail/')) return 'cloudtrail';
  if (p.includes('/cloudaudit.googleapis.com/')) return 'gcp-audit';
  if (p.includes('/insights-activity-logs/')) return 'azure-activity';
  if (p.includes('/insights-logs-')) return 'azure-signin';
  throw new Error(`not a sample log file: ${file}`);
}

/** Parses one file: gunzip + JSON `{"Records":[...]}` for CloudTrail, one JSON object per line otherwise. */
export function readSampleFile(file: string): SampleRecord[] {
  if (logOf(file) === 'cloudtrail') {
    const doc: unknown = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
    if (!doc || typeof doc !== 'object' || !Array.isArray((doc as { Records?: unknown }).Records)) throw new Error(`${file}: no Records array`);
    return (doc as { Records: SampleRecord[] }).Records;
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as SampleRecord);
}

function field(r: SampleRecord, ...keys: string[]): unknown {
  let v: unknown = r;
  for (const k of keys) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** The provider's own id: CloudTrail eventID, GCP insertId, Azure eventDataId or the sign-in's id. */
export function recordId(log: SampleLog, r: SampleRecord): string {
  const v =
    log === 'cloudtrail' ? r.eventID : log === 'gcp-audit' ? r.insertId : log === 'azure-activity' ? r.eventDataId : field(r, 'properties', 'id');
  if (typeof v !== 'string') throw new Error(`${log} record without id`);
  return v;
}

/** Epoch ms of the record's event time. */
export function recordTime(log: SampleLog, r: SampleRecord): number {
  const v = log === 'cloudtrail' ? r.eventTime : log === 'gcp-audit' ? r.timestamp : r.time;
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) throw new Error(`${log} record without a time`);
  return t;
}
