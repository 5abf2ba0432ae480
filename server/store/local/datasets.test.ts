/**
 * The real third-party datasets, read with the real normalizer (the default of openLocalSource). Expected counts
 * come from the datasets' SOURCE.md files and from parsing the files independently here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditEvent } from '../../../common/audit_event';
import { listInputFiles } from './list_input_files';
import { openLocalSource } from './local_source';
import { readRawRecords } from './raw_records';
import { DATASETS, isTimeOrdered } from './test_support';
import type { ReadReport } from './types';

async function readWithDefaultNormalizer(paths: string[]): Promise<{ events: AuditEvent[]; report: ReadReport }> {
  const source = openLocalSource(paths);
  const events: AuditEvent[] = [];
  for await (const batch of source.batches()) events.push(...batch);
  return { events, report: source.report() };
}

const INVICTUS = path.join(DATASETS, 'aws/invictus-ir-2023-07-10/CloudTrail');
const OTRF = path.join(DATASETS, 'aws/otrf-ec2-imds-credential-theft');
const PANTHER = path.join(DATASETS, 'multi/panther-rule-tests');
const ECS = path.join(DATASETS, 'ecs/elastic-integrations');

describe('real datasets', () => {
  it('invictus-ir: 55 CloudTrail S3 files, 2,900 events, all in time order, each traced to its file and record', async () => {
    const { events, report } = await readWithDefaultNormalizer([INVICTUS]);
    expect(events).toHaveLength(2900);
    expect(isTimeOrdered(events)).toBe(true);
    expect(report).toMatchObject({ files: 55, filesDone: 55, records: 2900, events: 2900, late: 0, skipped: 0 });
    // every record of every file comes out once, with its 1-based index in the file's Records array
    const perFile = new Map<string, number[]>();
    for (const e of events) {
      const list = perFile.get(e.origin?.file ?? '') ?? [];
      list.push(e.origin?.line ?? 0);
      perFile.set(e.origin?.file ?? '', list);
    }
    for (const name of readdirSync(INVICTUS)) {
      const count = (JSON.parse(readFileSync(path.join(INVICTUS, name), 'utf8')) as { Records: unknown[] }).Records.length;
      const lines = (perFile.get(path.join(INVICTUS, name)) ?? []).sort((a, b) => a - b);
      expect(lines).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
    expect(events[0].time).toBe(Date.parse('2023-07-10T11:42:18Z'));
  });

  it('OTRF: 103 Logstash-shaped CloudTrail lines in time order', async () => {
    const { events, report } = await readWithDefaultNormalizer([OTRF]);
    expect(events).toHaveLength(103);
    expect(isTimeOrdered(events)).toBe(true);
    expect(report.skipped).toBe(0);
    expect(events.map((e) => e.origin?.line).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 103 }, (_, i) => i + 1),
    );
  });

  it('Panther rule tests: every line is read; each one is an event or a skip naming file and line', async () => {
    const files = readdirSync(PANTHER).filter((f) => f.endsWith('.ndjson')).map((f) => path.join(PANTHER, f));
    const lineCounts = new Map(files.map((f) => [f, readFileSync(f, 'utf8').split('\n').filter(Boolean).length]));
    const total = [...lineCounts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(475 + 48 + 249 + 204);
    const { events, report } = await readWithDefaultNormalizer([`${PANTHER}/*.ndjson`]);
    expect(report.records).toBe(total);
    expect(events.length + (report.skipsByCode.rejected ?? 0) + (report.skipsByCode.no_event_time ?? 0)).toBe(total);
    expect(report.skipped).toBe(total - events.length);
    expect(report.skipsByCode.not_json).toBeUndefined();
    // the Panther `log` envelope is removed: events are provider records
    expect(events.every((e) => typeof e.raw === 'object' && e.raw !== null && !('rule_id' in e.raw))).toBe(true);
    const seen = new Set<string>();
    for (const item of [...events.map((e) => e.origin), ...report.skips]) {
      const file = item?.file ?? '';
      const line = item?.line ?? 0;
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(lineCounts.get(file) ?? 0);
      seen.add(`${file}:${line}`);
    }
    expect(seen.size).toBe(total);
  });

  it('Elastic integration fixtures: `expected` documents, single documents and raw lines are all read', async () => {
    const { files } = await listInputFiles([ECS]);
    let expectedCount = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (file.endsWith('.log')) expectedCount += text.split('\n').filter((l) => l.trim()).length;
      else {
        const doc = JSON.parse(text) as { expected?: unknown[] };
        expectedCount += doc.expected ? doc.expected.length : 1;
      }
    }
    const { events, report } = await readWithDefaultNormalizer([ECS]);
    expect(report.records).toBe(expectedCount);
    expect(events.length + (report.skipsByCode.rejected ?? 0) + (report.skipsByCode.no_event_time ?? 0)).toBe(expectedCount);
    expect(report.skipsByCode.not_json).toBeUndefined();
    expect(report.skipsByCode.broken_document).toBeUndefined();
    expect(isTimeOrdered(events)).toBe(true);
  });

  it('the bare reading path sees the same records as the full read', async () => {
    const { files } = await listInputFiles([INVICTUS, `${PANTHER}/*.ndjson`, OTRF]);
    const raw = await readRawRecords(files);
    expect(raw.records).toBe(2900 + 976 + 103);
    expect(raw.problems).toBe(0);
  });
});
