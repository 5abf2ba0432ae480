import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DATASETS } from '../../../server/store/normalize/dataset_fixtures';
import { forEachRecord } from './read_records';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ecs-read-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function read(files: string[]): Promise<{ records: unknown[]; problems: number }> {
  const records: unknown[] = [];
  const summary = await forEachRecord(files, (r) => records.push(r));
  expect(summary.records).toBe(records.length);
  return { records, problems: summary.problems };
}

describe('forEachRecord', () => {
  it('reads the invictus-ir CloudTrail delivery files: every record out of its Records envelope', async () => {
    const folder = path.join(DATASETS, 'aws/invictus-ir-2023-07-10/CloudTrail');
    const { records, problems } = await read(readdirSync(folder).map((n) => path.join(folder, n)));
    expect(records).toHaveLength(2900);
    expect(problems).toBe(0);
    expect(records.every((r) => typeof (r as { eventName?: unknown }).eventName === 'string')).toBe(true);
  });

  it('reads gzipped documents and NDJSON, reporting a bad line and keeping the others', async () => {
    const gz = file('ct.json.gz', gzipSync(JSON.stringify({ Records: [{ eventName: 'A' }, { eventName: 'B' }] })));
    const lines = file('gcp.json', '{"insertId":"1"}\nnot json\n{"insertId":"2"}\n');
    const { records, problems } = await read([gz, lines]);
    expect(records).toEqual([{ eventName: 'A' }, { eventName: 'B' }, { insertId: '1' }, { insertId: '2' }]);
    expect(problems).toBe(1);
  });

  it('keeps the records before the cut of a truncated gzip file and reports the cut', async () => {
    const whole = gzipSync(Array.from({ length: 2000 }, (_, i) => JSON.stringify({ insertId: String(i), padding: 'x'.repeat(40 + (i % 17)) })).join('\n'));
    const cut = file('cut.json.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    const { records, problems } = await read([cut]);
    expect(records.length).toBeGreaterThan(100);
    expect(records.length).toBeLessThan(2000);
    expect(problems).toBeGreaterThanOrEqual(1);
  });

  it('reports a missing file and goes on with the next', async () => {
    const ok = file('ok.json', '{"insertId":"x"}\n');
    const { records, problems } = await read([path.join(dir, 'missing.json'), ok]);
    expect(records).toEqual([{ insertId: 'x' }]);
    expect(problems).toBe(1);
  });
});
