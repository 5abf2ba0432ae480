import { gzipSync } from 'node:zlib';
import { readFileInto, readHead } from './read_file';
import { RecordTextParser } from './record_parser';
import { CollectingSink, ndjson, records, Scratch } from './test_support';

async function readOne(file: string): Promise<CollectingSink & { bytes: number }> {
  const sink = new CollectingSink();
  const counter = { bytes: 0 };
  const parser = new RecordTextParser(file, sink);
  for await (const _ of readFileInto(file, parser, sink, counter)) {
    // one step per chunk
  }
  return Object.assign(sink, { bytes: counter.bytes });
}

describe('reading one file', () => {
  const scratch = new Scratch();
  afterAll(() => scratch.cleanup());

  it('recognises gzip by its magic bytes, whatever the file is called', async () => {
    const text = ndjson(records('g', 3));
    const gz = scratch.gzip('export.json', text);
    const plainGz = scratch.file('plain.gz', text);
    expect((await readOne(gz)).ids()).toEqual(['g1', 'g2', 'g3']);
    expect((await readOne(plainGz)).ids()).toEqual(['g1', 'g2', 'g3']);
  });

  it('keeps every record decompressed before a truncation and reports where it was cut', async () => {
    const many = records('r', 20000);
    const full = gzipSync(Buffer.from(ndjson(many)));
    const cutAt = Math.floor(full.length / 2);
    const file = scratch.file('cut.json.gz', full.subarray(0, cutAt));
    const sink = await readOne(file);
    const got = sink.ids();
    expect(got.length).toBeGreaterThan(1000);
    expect(got.length).toBeLessThan(many.length);
    // every record before the cut, in order, none lost or invented
    expect(got).toEqual(many.slice(0, got.length).map((r) => (r as { id: string }).id));
    expect(sink.problems).toEqual([
      { code: 'truncated_gzip', reason: `truncated gzip after ${cutAt} bytes`, line: got.length + 1 },
    ]);
    expect(sink.bytes).toBe(cutAt);
  });

  it('reports a corrupt gzip stream and keeps the records before the damage', async () => {
    const full = gzipSync(Buffer.from(ndjson(records('c', 20000))));
    const damaged = Buffer.from(full);
    for (let i = Math.floor(full.length / 2); i < Math.floor(full.length / 2) + 64; i++) damaged[i] ^= 0xff;
    const sink = await readOne(scratch.file('damaged.gz', damaged));
    expect(sink.records.length).toBeGreaterThan(0);
    expect(sink.problems.map((p) => p.code)).toContain('corrupt_gzip');
  });

  it('reads UTF-16LE exports (Windows PowerShell) by their byte-order mark', async () => {
    const text = '\ufeff' + ndjson(records('u', 2));
    const file = scratch.file('ps.json', Buffer.from(text, 'utf16le'));
    expect((await readOne(file)).ids()).toEqual(['u1', 'u2']);
  });

  it('reports a file that cannot be read, and an empty one', async () => {
    const missing = await readOne(scratch.dir + '/gone.json');
    expect(missing.problems).toEqual([{ code: 'unreadable', reason: 'cannot open: ENOENT', line: undefined }]);
    const dir = await readOne(scratch.dir);
    expect(dir.problems.map((p) => p.code)).toEqual(['unreadable']);
    const empty = await readOne(scratch.file('empty.json', ''));
    expect(empty.problems).toEqual([{ code: 'empty_file', reason: 'empty file', line: undefined }]);
  });

  it('peeks at the head of a gzip file without decompressing all of it', async () => {
    const big = ndjson(records('h', 100000));
    const file = scratch.gzip('big.ndjson.gz', big);
    const head = await readHead(file);
    expect(head?.complete).toBe(false);
    expect(head?.text.startsWith(JSON.stringify(records('h', 1)[0]))).toBe(true);
    expect(head?.text.length).toBeLessThan(big.length);
  });
});
