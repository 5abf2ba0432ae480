import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { listInputFiles } from './list_input_files';
import { Scratch } from './test_support';

describe('listInputFiles', () => {
  const scratch = new Scratch();
  const at = (...parts: string[]): string => path.join(scratch.dir, ...parts);
  beforeAll(() => {
    mkdirSync(at('logs', '2024', '01'), { recursive: true });
    mkdirSync(at('logs', '.cache'), { recursive: true });
    for (const name of ['b.json', 'a.jsonl', 'c.ndjson', 'd.log', 'e.json.gz', 'f.txt', 'G.JSON', 'notes.md', 'x.csv']) {
      scratch.file(path.join('logs', name), '{}');
    }
    scratch.file(path.join('logs', '2024', '01', 'z.json'), '{}');
    scratch.file(path.join('logs', '.hidden.json'), '{}');
    scratch.file(path.join('logs', '.cache', 'in-hidden-dir.json'), '{}');
    scratch.file('single.csv', '{}');
  });
  afterAll(() => scratch.cleanup());

  it('walks directories for log-like files only, skipping hidden ones, in a stable order', async () => {
    const { files, missing } = await listInputFiles([at('logs')]);
    expect(files.map((f) => path.relative(scratch.dir, f))).toEqual([
      path.join('logs', '2024', '01', 'z.json'),
      path.join('logs', 'G.JSON'),
      path.join('logs', 'a.jsonl'),
      path.join('logs', 'b.json'),
      path.join('logs', 'c.ndjson'),
      path.join('logs', 'd.log'),
      path.join('logs', 'e.json.gz'),
      path.join('logs', 'f.txt'),
    ]);
    expect(missing).toEqual([]);
  });

  it('takes a named file whatever its extension, expands globs, removes duplicates, reports what is missing', async () => {
    const { files, missing } = await listInputFiles([
      at('single.csv'),
      `${scratch.dir}/logs/*.json`,
      at('logs', 'b.json'),
      at('nowhere.json'),
      `${scratch.dir}/nothing/*.json`,
    ]);
    expect(files).toEqual([at('single.csv'), at('logs', 'b.json')]);
    expect(missing).toEqual([at('nowhere.json'), `${scratch.dir}/nothing/*.json`]);
  });
});
