/**
 * A record loaded into Elasticsearch through the integration must tell the analytic what the raw record tells it:
 * normalizing the raw record and normalizing its ECS document (as indexed: a JSON round trip) give the same
 * provider, ids, time, account, region, actor, credential, source, minted credential, resources, classification and,
 * for privileged calls, request. Every difference must be one of the explained gaps of known_gaps.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AuditEvent } from '../../../common/audit_event';
import { normalizeRecord } from '../../../server/store/normalize';
import { ecsRecords, invictusRecords, otrfRecords, pantherRecords } from '../../../server/store/normalize/dataset_fixtures';
import { generateSampleDay } from '../generate_sample_day';
import { listSampleFiles, readSampleFile } from '../read_sample_day';
import { COMPARED_FIELDS, fieldValue, type ComparedField } from './event_comparison';
import { toEcs } from './index';
import { gapFor, type KnownGap } from './known_gaps';
import { CLOUDTRAIL_DROP, GCP_DROP, kept } from './pipeline_values';

type Json = Record<string, unknown>;

interface Tally {
  records: number;
  /** Records the raw normalizer accepts but that yield no ECS document. */
  withoutDocument: number;
  /** ECS documents the ECS normalizer rejects. */
  rejected: number;
  fullyEqual: number;
  equal: Record<ComparedField, number>;
  explained: Map<KnownGap, number>;
  unexplained: string[];
}

/** What the pipeline keeps of a request (its clean-up drops empty values); the ECS event's request is as indexed. */
function requestView(encoding: 'raw' | 'ecs') {
  return (e: AuditEvent): unknown => {
    // Azure: the pipelines rename properties keys by design; the request is compared through the classification
    if (e.provider === 'azure') return undefined;
    if (encoding === 'ecs') return e.request;
    return kept(e.request, e.provider === 'aws' ? CLOUDTRAIL_DROP : GCP_DROP);
  };
}

const rawView = requestView('raw');
const ecsView = requestView('ecs');

function compare(records: readonly unknown[], withOriginal: boolean): Tally {
  const equal = Object.fromEntries(COMPARED_FIELDS.map((f) => [f, 0])) as Record<ComparedField, number>;
  const tally: Tally = { records: 0, withoutDocument: 0, rejected: 0, fullyEqual: 0, equal, explained: new Map(), unexplained: [] };
  for (const record of records) {
    const raw = normalizeRecord(record);
    if (!raw.ok) continue;
    tally.records++;
    const converted = toEcs(record, { keepOriginal: withOriginal });
    if (converted === undefined) {
      tally.withoutDocument++;
      continue;
    }
    const ecs = normalizeRecord(JSON.parse(JSON.stringify(converted.document)) as unknown);
    if (!ecs.ok) {
      tally.rejected++;
      continue;
    }
    let same = true;
    for (const field of COMPARED_FIELDS) {
      const a = fieldValue(raw.event, field, rawView);
      const b = fieldValue(ecs.event, field, ecsView);
      if (a === b) {
        tally.equal[field]++;
        continue;
      }
      same = false;
      const gap = gapFor(field, raw.event, record as Json, withOriginal);
      if (gap !== undefined) tally.explained.set(gap, (tally.explained.get(gap) ?? 0) + 1);
      else if (tally.unexplained.length < 20) tally.unexplained.push(`${raw.event.action} ${field}: raw ${a} / ecs ${b}`);
    }
    if (same) tally.fullyEqual++;
  }
  return tally;
}

function share(n: number, of: number): string {
  return of === 0 ? '-' : `${((100 * n) / of).toFixed(2)}%`;
}

/** One line per dataset: records, fully equal share, and each field below 100%. */
function report(name: string, t: Tally): string {
  const compared = t.records - t.withoutDocument - t.rejected;
  const partial = COMPARED_FIELDS.filter((f) => t.equal[f] < compared).map((f) => `${f} ${share(t.equal[f], compared)}`);
  return `${name}: ${compared} compared, ${share(t.fullyEqual, compared)} equal on every field${partial.length > 0 ? `; ${partial.join(', ')}` : ''}`;
}

let dayDir: string;
let dayRecords: unknown[] = [];
const lines: string[] = [];

beforeAll(async () => {
  dayDir = mkdtempSync(path.join(tmpdir(), 'ecs-equivalence-'));
  await generateSampleDay({ outDir: dayDir, events: 20000, seed: 3 });
  for (const file of await listSampleFiles(dayDir)) dayRecords.push(...readSampleFile(file));
});

afterAll(() => {
  rmSync(dayDir, { recursive: true, force: true });
  dayRecords = [];
  process.stdout.write(`\nECS equivalence (share of compared records equal field by field)\n${lines.join('\n')}\n`);
});

const STRICT: Array<[string, () => unknown[]]> = [
  ['invictus-ir CloudTrail', () => invictusRecords().map((d) => d.record)],
  ['OTRF CloudTrail (Logstash-shaped)', () => otrfRecords().map((d) => d.record)],
  ['Elastic fixtures, raw .log files', () => ecsRecords().filter((d) => d.origin.file?.endsWith('.log')).map((d) => d.record)],
  ['generated sample day (20,000 events, seed 3)', () => dayRecords],
];

describe.each([
  ['without event.original (the default)', false],
  ['with event.original kept', true],
])('%s', (_label, withOriginal) => {
  it.each(STRICT)('%s: every record gets a document, and every difference is an explained gap', (name, records) => {
    const t = compare(records(), withOriginal);
    lines.push(`${withOriginal ? '[with original] ' : ''}${report(name, t)}`);
    expect(t.records).toBeGreaterThan(0);
    expect(t.withoutDocument).toBe(0);
    expect(t.rejected).toBe(0);
    expect(t.unexplained).toEqual([]);
    for (const [gap, n] of t.explained) lines.push(`    ${n} x ${gap.field} (${gap.kind}): ${gap.why}`);
  });
});

describe('what event.original brings back', () => {
  it('recovers the SAML sourceIdentity behind the sample day\'s federated sessions', () => {
    const without = compare(dayRecords, false);
    const withOriginal = compare(dayRecords, true);
    const human = (t: Tally) => t.equal['actor.human'];
    expect(human(without)).toBeLessThan(without.records);
    expect(human(withOriginal)).toBe(withOriginal.records);
  });
});

describe('Panther rule fixtures (hand-made records, some with lower-cased keys Elastic\'s pipelines do not read)', () => {
  it('keep most fields equal, and the analytic\'s verdict on nearly every record', () => {
    const t = compare(pantherRecords().map((d) => d.record), false);
    lines.push(`${report('Panther fixtures', t)}; ${t.withoutDocument} without document (Entra audit logs), ${t.rejected} rejected (lower-cased CloudTrail keys)`);
    const compared = t.records - t.withoutDocument - t.rejected;
    expect(compared).toBeGreaterThan(700);
    expect(t.equal.classification / compared).toBeGreaterThan(0.95);
    expect(t.equal.action / compared).toBeGreaterThan(0.99);
    expect(t.fullyEqual / compared).toBeGreaterThan(0.5);
  });
});
