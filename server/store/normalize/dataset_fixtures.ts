/**
 * Test support: every record of the third-party datasets in ../shared/datasets (beside the repository root), in the
 * form each reader would hand it to the normalizer. Not shipped code; used by the tests and the micro-benchmark.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AuditEvent, EventOrigin, NormalizeResult } from '../../../common/audit_event';

export const DATASETS = path.resolve(__dirname, '../../../../shared/datasets');

export type DatasetName = 'invictus' | 'otrf' | 'ecs' | 'panther';

export interface DatasetRecord {
  dataset: DatasetName;
  record: unknown;
  origin: EventOrigin;
  /** Panther test case metadata (rule id, test name, log type), when the record comes from a Panther fixture. */
  panther?: { ruleId: string; testName: string; logType: string; file: string };
}

function rel(file: string): string {
  return path.relative(DATASETS, file);
}

function ndjson(file: string): Array<{ line: number; value: unknown }> {
  const out: Array<{ line: number; value: unknown }> = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, i) => {
    if (text.trim() !== '') out.push({ line: i + 1, value: JSON.parse(text) as unknown });
  });
  return out;
}

export function invictusRecords(): DatasetRecord[] {
  const dir = path.join(DATASETS, 'aws/invictus-ir-2023-07-10/CloudTrail');
  const out: DatasetRecord[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { Records: unknown[] };
    parsed.Records.forEach((record, i) => out.push({ dataset: 'invictus', record, origin: { file: rel(file), line: i + 1 } }));
  }
  return out;
}

export function otrfRecords(): DatasetRecord[] {
  const file = path.join(DATASETS, 'aws/otrf-ec2-imds-credential-theft/ec2_proxy_s3_exfiltration_2020-09-14011940.json');
  return ndjson(file).map(({ line, value }) => ({ dataset: 'otrf', record: value, origin: { file: rel(file), line } }));
}

export function ecsRecords(): DatasetRecord[] {
  const root = path.join(DATASETS, 'ecs/elastic-integrations');
  const out: DatasetRecord[] = [];
  for (const folder of fs.readdirSync(root).sort()) {
    const dir = path.join(root, folder);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (name.endsWith('.log')) {
        for (const { line, value } of ndjson(file)) out.push({ dataset: 'ecs', record: value, origin: { file: rel(file), line } });
      } else if (name.endsWith('.json')) {
        const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { expected?: unknown[] };
        const docs = Array.isArray(parsed.expected) ? parsed.expected : [parsed];
        docs.forEach((record, i) => out.push({ dataset: 'ecs', record, origin: { file: rel(file), line: i + 1 } }));
      }
    }
  }
  return out;
}

export const PANTHER_FILES = [
  'panther_tests_aws_cloudtrail.ndjson',
  'panther_tests_gcp_auditlog.ndjson',
  'panther_tests_azure_monitoractivity.ndjson',
  'panther_tests_azure_audit_signin.ndjson',
];

interface PantherCase {
  rule_id: string;
  test_name: string;
  log_type: string;
  log: unknown;
}

/** The reader unwraps Panther's test case: the normalizer receives the record under `log`. */
export function pantherRecords(): DatasetRecord[] {
  const out: DatasetRecord[] = [];
  for (const name of PANTHER_FILES) {
    const file = path.join(DATASETS, 'multi/panther-rule-tests', name);
    for (const { line, value } of ndjson(file)) {
      const c = value as PantherCase;
      out.push({
        dataset: 'panther',
        record: c.log,
        origin: { file: rel(file), line },
        panther: { ruleId: c.rule_id, testName: c.test_name, logType: c.log_type, file: name },
      });
    }
  }
  return out;
}

export function allDatasetRecords(): DatasetRecord[] {
  return [...invictusRecords(), ...otrfRecords(), ...ecsRecords(), ...pantherRecords()];
}

/** The event of a successful result; fails the test with the normalizer's reason otherwise. */
export function eventOf(result: NormalizeResult): AuditEvent {
  if (!result.ok) throw new Error(`expected an event, got: ${result.reason}`);
  return result.event;
}

/** Records of one dataset that satisfy a predicate on the raw record. */
export function recordsWhere(records: DatasetRecord[], predicate: (r: Record<string, unknown>) => boolean): DatasetRecord[] {
  return records.filter((d) => typeof d.record === 'object' && d.record !== null && predicate(d.record as Record<string, unknown>));
}

/** A deep copy of a JSON document without the given dotted paths (for "what if the pipeline dropped X" tests). */
export function withoutFields(doc: unknown, ...paths: string[]): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  for (const p of paths) {
    const segments = p.split('.');
    let cur: unknown = copy;
    for (const s of segments.slice(0, -1)) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[s] : undefined;
    if (typeof cur === 'object' && cur !== null) delete (cur as Record<string, unknown>)[segments[segments.length - 1]];
  }
  return copy;
}

/** Reads a nested value of a JSON document by dotted path. */
export function valueAt(doc: unknown, dotted: string): unknown {
  let cur: unknown = doc;
  for (const s of dotted.split('.')) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[s] : undefined;
  return cur;
}
