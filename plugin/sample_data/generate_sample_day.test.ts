import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateSampleDay } from './generate_sample_day';
import { listSampleFiles, logOf, readSampleFile, recordId, recordTime, type SampleLog, type SampleRecord } from './read_sample_day';
import type { SampleDayResult } from './types';

const EVENTS = 20_000;
const DATE = '2026-11-20';
const DAY_START = Date.parse(`${DATE}T00:00:00Z`);
const DAY_END = DAY_START + 24 * 3600_000;

interface Day {
  dir: string;
  result: SampleDayResult;
  files: string[];
  records: { file: string; log: SampleLog; record: SampleRecord }[];
}

async function generate(seed: number, events = EVENTS): Promise<Day> {
  const dir = await mkdtemp(path.join(tmpdir(), `sample-day-${seed}-`));
  const result = await generateSampleDay({ outDir: dir, seed, events, date: DATE });
  const files = await listSampleFiles(dir);
  const records = files.flatMap((file) => readSampleFile(file).map((record) => ({ file, log: logOf(file), record })));
  return { dir, result, files, records };
}

async function fingerprint(day: Day): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of [...day.files, day.result.labelsFile]) {
    out.set(path.relative(day.dir, f), createHash('sha256').update(await readFile(f)).digest('hex'));
  }
  return out;
}

let day: Day;
let same: Day;
let other: Day;

beforeAll(async () => {
  day = await generate(7);
  same = await generate(7);
  other = await generate(8);
});

afterAll(async () => {
  for (const d of [day, same, other]) if (d) await rm(d.dir, { recursive: true, force: true });
});

describe('determinism', () => {
  it('writes byte-identical files for the same seed and options', async () => {
    const a = await fingerprint(day);
    const b = await fingerprint(same);
    expect(a.size).toBeGreaterThan(100);
    expect([...b.entries()]).toEqual([...a.entries()]);
  });

  it('writes different files for a different seed', async () => {
    const a = await fingerprint(day);
    const c = await fingerprint(other);
    const shared = [...a.entries()].filter(([f, h]) => c.get(f) === h);
    expect(shared).toEqual([]);
  });
});

describe('volume', () => {
  it('writes the requested number of events within 5%, at least 95% of them benign', () => {
    expect(Math.abs(day.result.totalEvents - EVENTS) / EVENTS).toBeLessThanOrEqual(0.05);
    expect(day.records).toHaveLength(day.result.totalEvents);
    expect(day.result.benignEvents + day.result.attackEvents).toBe(day.result.totalEvents);
    expect(day.result.benignEvents / day.result.totalEvents).toBeGreaterThanOrEqual(0.95);
    expect(day.result.attackEvents).toBeGreaterThan(50);
    expect(day.result.attackEvents).toBeLessThan(400);
  });

  it('writes every provider and every log', () => {
    const byLog = new Map<SampleLog, number>();
    for (const r of day.records) byLog.set(r.log, (byLog.get(r.log) ?? 0) + 1);
    expect(byLog.get('cloudtrail')).toBeGreaterThan(EVENTS * 0.5);
    expect(byLog.get('gcp-audit')).toBeGreaterThan(EVENTS * 0.1);
    expect(byLog.get('azure-activity')).toBeGreaterThan(EVENTS * 0.02);
    expect(byLog.get('azure-signin')).toBeGreaterThan(EVENTS * 0.02);
  });

  it('keeps the labels file in step with what was written', async () => {
    const labels: unknown = JSON.parse(await readFile(day.result.labelsFile, 'utf8'));
    expect(labels).toEqual(day.result.labels);
    expect(day.result.labels).toMatchObject({ seed: 7, date: DATE, totalEvents: day.records.length });
    expect(day.result.labels.chains).toHaveLength(9);
  });
});

describe('event ids', () => {
  it('gives every record a unique provider id', () => {
    const ids = new Set(day.records.map((r) => recordId(r.log, r.record)));
    expect(ids.size).toBe(day.records.length);
  });

  it('finds every labelled attack event exactly once across the files', () => {
    const counts = new Map<string, number>();
    for (const r of day.records) {
      const id = recordId(r.log, r.record);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const labelled = day.result.labels.chains.flatMap((c) => c.eventIds);
    expect(labelled).toHaveLength(day.result.attackEvents);
    expect(new Set(labelled).size).toBe(labelled.length);
    expect(labelled.filter((id) => counts.get(id) !== 1)).toEqual([]);
  });
});

describe('files', () => {
  it('lays files out like the providers export them', () => {
    const rel = day.files.map((f) => path.relative(day.dir, f).split(path.sep).join('/'));
    const patterns = [
      /^aws\/AWSLogs\/\d{12}\/CloudTrail\/[a-z0-9-]+\/2026\/11\/20\/\d{12}_CloudTrail_[a-z0-9-]+_20261120T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$/,
      /^gcp\/cloudaudit\.googleapis\.com\/(activity|data_access)\/2026\/11\/20\/(\d\d)-00-00_\2-59-59_S0\.json$/,
      /^azure\/insights-activity-logs\/resourceId=\/SUBSCRIPTIONS\/[0-9A-F-]{36}\/y=2026\/m=11\/d=20\/h=\d\d\/m=00\/PT1H\.json$/,
      /^azure\/insights-logs-(signinlogs|noninteractiveusersigninlogs|serviceprincipalsigninlogs|managedidentitysigninlogs)\/resourceId=\/tenants\/[0-9a-f-]{36}\/providers\/Microsoft\.aadiam\/y=2026\/m=11\/d=20\/h=\d\d\/m=00\/PT1H\.json$/,
    ];
    expect(rel.filter((f) => !patterns.some((p) => p.test(f)))).toEqual([]);
  });

  it('keeps records in time order inside each file, and inside the window the file name says', () => {
    const problems: string[] = [];
    for (const file of day.files) {
      const log = logOf(file);
      const times = readSampleFile(file).map((r) => recordTime(log, r));
      for (let i = 1; i < times.length; i++) if (times[i] < times[i - 1]) problems.push(`${file}: out of order at ${i}`);
      const name = path.basename(file);
      let from: number;
      let span: number;
      if (log === 'cloudtrail') {
        const m = /_(\d{8})T(\d\d)(\d\d)Z_/.exec(name);
        from = DAY_START + Number(m?.[2]) * 3600_000 + Number(m?.[3]) * 60_000;
        span = 5 * 60_000;
      } else {
        const hh = log === 'gcp-audit' ? name.slice(0, 2) : /h=(\d\d)/.exec(file)?.[1];
        from = DAY_START + Number(hh) * 3600_000;
        span = 3600_000;
      }
      if (times.some((t) => t < from || t >= from + span)) problems.push(`${file}: record outside its window`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps every event inside the chosen day', () => {
    const outside = day.records.filter((r) => {
      const t = recordTime(r.log, r.record);
      return t < DAY_START || t >= DAY_END;
    });
    expect(outside).toEqual([]);
  });

  it('refuses to write into a folder that holds other logs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sample-day-foreign-'));
    try {
      await writeFile(path.join(dir, 'labels.json'), '{}');
      await expect(generateSampleDay({ outDir: dir, events: 1000 })).rejects.toThrow(/not written by the sample generator/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('scale', () => {
  it('grows by making the same identities busier, not by adding identities or credentials', async () => {
    const big = await generate(7, EVENTS * 3);
    try {
      const principals = (d: Day): Set<string> => {
        const out = new Set<string>();
        for (const { log, record } of d.records) {
          if (log === 'cloudtrail') {
            const u = record.userIdentity as Record<string, unknown>;
            out.add(String(u.arn ?? u.invokedBy ?? u.principalId));
          } else if (log === 'gcp-audit') {
            const a = (record.protoPayload as Record<string, Record<string, unknown>>).authenticationInfo;
            out.add(String(a.principalEmail ?? a.principalSubject));
          } else if (log === 'azure-signin') {
            const p = record.properties as Record<string, unknown>;
            out.add(String(p.userPrincipalName ?? p.servicePrincipalId));
          }
        }
        return out;
      };
      const awsKeys = (d: Day): number =>
        new Set(d.records.filter((r) => r.log === 'cloudtrail').map((r) => (r.record.userIdentity as Record<string, unknown>).accessKeyId)).size;
      expect(big.records.length / day.records.length).toBeGreaterThan(2.8);
      const small = principals(day);
      const large = principals(big);
      // Role sessions carry their session name in the ARN; count identities by what does not depend on volume.
      const stable = (s: Set<string>): Set<string> => new Set([...s].map((p) => p.replace(/\/(botocore-session-|aws-sdk-java-)?\d{6,}$/, '/<session>')));
      expect(stable(large).size).toBeLessThanOrEqual(stable(small).size * 1.1);
      expect(awsKeys(big)).toBeLessThan(awsKeys(day) * 1.3);
    } finally {
      await rm(big.dir, { recursive: true, force: true });
    }
  });
});
