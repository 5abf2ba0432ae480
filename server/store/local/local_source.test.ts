import { readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openLocalSource } from './local_source';
import { MAX_SKIP_DETAILS } from './read_report';
import { DEFAULT_MAX_RECORD_CHARS } from './record_parser';
import type { ReadProgress } from './types';
import { ids, isTimeOrdered, ndjson, readAll, records, Scratch, timeOnlyNormalize } from './test_support';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const T0 = Date.UTC(2024, 0, 1);

describe('openLocalSource', () => {
  const scratch = new Scratch();
  afterAll(() => scratch.cleanup());

  it('merges overlapping files of every layout into one time-ordered stream', async () => {
    // Three sources covering the same hour, each ordered inside, interleaved in time.
    const a = records('a', 60, T0, MINUTE);
    const b = records('b', 30, T0 + 30_000, 2 * MINUTE);
    const c = records('c', 20, T0 + 10_000, 3 * MINUTE);
    const files = [
      scratch.file('merge-a.ndjson', ndjson(a)),
      scratch.gzip('merge-b.json.gz', JSON.stringify({ Records: b })),
      scratch.file('merge-c.json', JSON.stringify({ records: c }, null, 2)),
    ];
    const { events, report } = await readAll(files);
    expect(events).toHaveLength(110);
    expect(isTimeOrdered(events)).toBe(true);
    expect(new Set(ids(events)).size).toBe(110);
    expect(report).toMatchObject({ files: 3, filesDone: 3, records: 110, events: 110, late: 0, skipped: 0 });
  });

  it('releases events through the reorder window: disorder within `lateness` is repaired, beyond it counted late', async () => {
    // Large enough to be read in several chunks: the straggler arrives long after its neighbours were released.
    const inOrder = records('o', 40000, T0, 1000);
    const shuffled = [inOrder[1], inOrder[0], inOrder[3], inOrder[2], ...inOrder.slice(4)];
    const straggler = { id: 'straggler', eventTime: new Date(T0 + 5 * MINUTE).toISOString() };
    const file = scratch.file('late.ndjson', ndjson([...shuffled, straggler]));
    const { events, report } = await readAll([file], { lateness: 10 * MINUTE });
    expect(ids(events).slice(0, 4)).toEqual(['o1', 'o2', 'o3', 'o4']);
    expect(events).toHaveLength(40001);
    expect(ids(events)).toContain('straggler');
    expect(isTimeOrdered(events.filter((e) => e.id !== 'straggler'))).toBe(true);
    expect(report.late).toBe(1);
  });

  it('holds events only as long as the files\' own disorder requires', async () => {
    // 60,000 events a second apart (several read chunks), in order: nothing needs holding for a quarter of an hour.
    const ordered = scratch.file('ordered.ndjson', ndjson(records('a', 60_000, T0, 1000)));
    const calm = await readAll([ordered], { lateness: 15 * MINUTE });
    expect(calm.report.maxHoldMs).toBe(0);
    expect(calm.report.maxBuffered).toBeLessThan(60_000 / 3);
    // A file that steps back four minutes once: the window grows to cover it, and a later step back comes out in order.
    const rows = records('d', 60_000, T0, 1000);
    const disordered = [...rows.slice(0, 30_000), rows[30_000 - 240], ...rows.slice(30_000, 40_000), rows[40_000 - 200], ...rows.slice(40_000)];
    const file = scratch.file('disordered.ndjson', ndjson(disordered.map((r, i) => ({ ...r, id: `x${i}` }))));
    const { events, report } = await readAll([file], { lateness: 15 * MINUTE });
    expect(report.maxHoldMs).toBe(239_000 + MINUTE); // the step back (239 s) plus a minute
    expect(report.late).toBeLessThanOrEqual(1);
    const released = ids(events);
    expect(isTimeOrdered(events.slice(released.indexOf('x30001')))).toBe(true);
  });

  it('keeps memory bounded: files that do not overlap are read one at a time, the buffer holds one window', async () => {
    const dir = path.join(scratch.dir, 'hourly');
    const files: string[] = [];
    for (let h = 0; h < 120; h++) {
      const name = `hourly/export-${String(h).padStart(3, '0')}.ndjson`;
      files.push(scratch.file(name, ndjson(records(`h${h}-`, 30, T0 + h * HOUR, MINUTE))));
    }
    const { events, report } = await readAll([dir], { batchSize: 100 });
    expect(events).toHaveLength(120 * 30);
    expect(isTimeOrdered(events)).toBe(true);
    expect(report.files).toBe(files.length);
    expect(report.maxOpenFiles).toBeLessThanOrEqual(2);
    // the window is 15 minutes of one-per-minute events, plus the chunk just read
    expect(report.maxBuffered).toBeLessThanOrEqual(30 + 16);
  });

  it('opens files by their start time, not by their names', async () => {
    const late = scratch.file('order/a-later.ndjson', ndjson(records('L', 5, T0 + 10 * HOUR, MINUTE)));
    const early = scratch.file('order/z-earlier.ndjson', ndjson(records('E', 5, T0, MINUTE)));
    const { events, report } = await readAll([late, early], { lateness: 0 });
    expect(ids(events)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'L1', 'L2', 'L3', 'L4', 'L5']);
    expect(report.maxOpenFiles).toBe(1);
  });

  it('filters by since (inclusive) and until (exclusive)', async () => {
    const file = scratch.file('range.ndjson', ndjson(records('r', 10, T0, MINUTE)));
    const { events, report } = await readAll([file], { since: T0 + 2 * MINUTE, until: T0 + 5 * MINUTE });
    expect(ids(events)).toEqual(['r3', 'r4', 'r5']);
    expect(report.outOfRange).toBe(7);
  });

  it('hands out batches of the requested size and reports progress', async () => {
    const file = scratch.file('batches.ndjson', ndjson(records('b', 2500, T0, 1000)));
    const progress: ReadProgress[] = [];
    const source = openLocalSource([file], { normalize: timeOnlyNormalize, onProgress: (p) => progress.push(p) });
    const sizes: number[] = [];
    for await (const batch of source.batches()) sizes.push(batch.length);
    expect(sizes).toEqual([1000, 1000, 500]);
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ files: 1, filesDone: 1 });
    expect(last.bytesRead).toBe(last.bytesTotal);
    expect(() => source.batches()).toThrow(/once/);
  });

  it('never stops on bad input: each problem is a skip naming file and line, the records around it come out', async () => {
    const good = (p: string) => records(p, 2, T0, MINUTE).map((r) => JSON.stringify(r));
    const [g1, g2] = good('n');
    const notJson = scratch.file('bad/notjson.ndjson', `${g1}\n{oops\n${g2}\n`);
    const [r1, r2] = good('r');
    const rejected = scratch.file('bad/rejected.ndjson', `${r1}\n{"reject":"unknown log"}\n${r2}\n`);
    const [t1, t2] = good('t');
    const noTime = scratch.file('bad/notime.ndjson', `${t1}\n{"id":"x"}\n${t2}\n`);
    const [d1, d2] = good('d');
    const broken = scratch.file('bad/broken.json', `{"Records":[${d1},${d2},{"id":"d3","eventTi`);
    const truncated = gzipSync(Buffer.from(ndjson(records('z', 20000, T0, 10))));
    const cutGz = scratch.file('bad/cut.json.gz', truncated.subarray(0, truncated.length >> 1));
    const empty = scratch.file('bad/empty.json', '');
    const [p1, p2] = good('p');
    const proto = scratch.file('bad/proto.ndjson', `${p1}\n{"id":"p-mid","eventTime":"2024-01-01T00:00:30Z","__proto__":{"x":1}}\n${p2}\n`);

    const { events, report } = await readAll([notJson, rejected, noTime, broken, cutGz, empty, proto, path.join(scratch.dir, 'bad', 'absent.json')]);
    const got = new Set(ids(events));
    for (const id of ['n1', 'n2', 'r1', 'r2', 't1', 't2', 'd1', 'd2', 'p1', 'p-mid', 'p2', 'z1']) expect(got).toContain(id);
    expect(isTimeOrdered(events)).toBe(true);
    const skip = (file: string) => report.skips.filter((s) => s.file === file).map((s) => [s.code, s.line, s.reason]);
    expect(skip(notJson)).toEqual([['not_json', 2, expect.stringMatching(/^line is not JSON/)]]);
    expect(skip(rejected)).toEqual([['rejected', 2, 'unknown log']]);
    expect(skip(noTime)).toEqual([['no_event_time', 2, 'no event time']]);
    expect(skip(broken)).toEqual([['broken_document', 3, expect.stringContaining('inside record 3')]]);
    expect(skip(cutGz)).toEqual([['truncated_gzip', expect.any(Number), expect.stringMatching(/^truncated gzip after \d+ bytes$/)]]);
    expect(skip(empty)).toEqual([['empty_file', undefined, 'empty file']]);
    expect(skip(proto)).toEqual([['unsafe_key', 2, expect.stringContaining('__proto__')]]);
    expect(report.missing).toEqual([path.join(scratch.dir, 'bad', 'absent.json')]);
    expect(report.rejectedByReason).toEqual({ 'unknown log': 1 });
    expect(report.skipsByCode).toEqual({
      not_json: 1,
      rejected: 1,
      no_event_time: 1,
      broken_document: 1,
      truncated_gzip: 1,
      empty_file: 1,
      unsafe_key: 1,
    });
    const cutSkip = report.skips.find((s) => s.file === cutGz);
    const zEvents = events.filter((e) => e.id.startsWith('z'));
    expect(cutSkip?.line).toBe(zEvents.length + 1);
    expect(report.filesDone).toBe(7);
  });

  it('reports a line beyond the default 64 MB maximum and keeps its neighbours', async () => {
    const [before, after] = records('big', 2, T0, MINUTE).map((r) => JSON.stringify(r));
    const huge = `{"id":"huge","eventTime":"2024-01-01T00:00:30Z","blob":"${'x'.repeat(DEFAULT_MAX_RECORD_CHARS)}"}`;
    const file = scratch.file('huge.ndjson', `${before}\n${huge}\n${after}\n`);
    const { events, report } = await readAll([file]);
    expect(ids(events)).toEqual(['big1', 'big2']);
    expect(report.skips).toEqual([
      { file, line: 2, code: 'too_long', reason: `line longer than ${DEFAULT_MAX_RECORD_CHARS} characters` },
    ]);
  });

  it('turns a normalizer that throws into a skip for that record only', async () => {
    const file = scratch.file('throws.ndjson', ndjson(records('n', 3, T0, MINUTE)));
    const normalize = (record: unknown) => {
      if ((record as { id: string }).id === 'n2') throw new Error('boom');
      return timeOnlyNormalize(record);
    };
    const { events, report } = await readAll([file], { normalize });
    expect(ids(events)).toEqual(['n1', 'n3']);
    expect(report.skips).toEqual([{ file, line: 2, code: 'rejected', reason: 'normalizer failed: boom' }]);
  });

  it('keeps the first skips in detail and counts the rest', async () => {
    const lines = Array.from({ length: MAX_SKIP_DETAILS + 50 }, () => 'garbage').join('\n');
    const file = scratch.file('many-skips.log', `${JSON.stringify(records('m', 1)[0])}\n${lines}\n`);
    const { events, report } = await readAll([file]);
    expect(events).toHaveLength(1);
    expect(report.skipped).toBe(MAX_SKIP_DETAILS + 50);
    expect(report.skips).toHaveLength(MAX_SKIP_DETAILS);
    expect(report.skipsNotListed).toBe(50);
    expect(report.skipsByCode.not_json).toBe(MAX_SKIP_DETAILS + 50);
  });

  it('closes its files when the consumer stops early', async () => {
    // Files of several read chunks each, so that all three are open when the consumer stops.
    const files = [0, 1, 2].map((i) => scratch.file(`stop-${i}.ndjson`, ndjson(records(`s${i}-`, 40000, T0, 1000))));
    const openFds = (): number => readdirSync('/proc/self/fd').length;
    const before = openFds();
    const source = openLocalSource(files, { normalize: timeOnlyNormalize, batchSize: 10 });
    for await (const batch of source.batches()) {
      expect(batch).toHaveLength(10);
      break;
    }
    const report = source.report();
    expect(report.events).toBe(10);
    expect(report.filesDone).toBe(0);
    expect(report.maxOpenFiles).toBe(3);
    expect(openFds()).toBe(before);
  });
});
