import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EvidenceEvent, FindingDocument } from '../../../common/finding';
import { normalizeRecord } from '../../../server/store/normalize';
import { smallDay, tempDir } from '../test_support';
import { FileEvidenceStore } from './file_evidence_store';

/** The raw record's provider event id, as the analytic reads it. */
function eventIdOf(record: unknown): string | undefined {
  const n = normalizeRecord(record);
  return n.ok ? n.event.id : undefined;
}

describe('FileEvidenceStore', () => {
  let findings: FindingDocument[];
  let dir: string;
  beforeAll(async () => {
    ({ findings, dir } = await smallDay());
  });

  it('re-reads the raw record of every evidence event from its file and line, gzip, NDJSON and JSON lines alike', async () => {
    const store = new FileEvidenceStore([dir]);
    const providers = new Set<string>();
    for (const f of findings) {
      const records = await store.records(f.cloud_api_abuse.evidence);
      expect(records.map((r) => r.event_id)).toEqual(f.cloud_api_abuse.evidence.map((e) => e.event_id));
      for (const r of records) {
        expect(r.error).toBeUndefined();
        expect(eventIdOf(r.record)).toBe(r.event_id);
      }
      providers.add(f.cloud.provider);
    }
    expect([...providers].sort()).toEqual(['aws', 'azure', 'gcp']);
  });

  it('reads only files inside its data folders, and says why an entry has no record', async () => {
    const store = new FileEvidenceStore([dir]);
    const evidence = findings[0].cloud_api_abuse.evidence[0];
    const elsewhere = tempDir();
    const copy = path.join(elsewhere, 'copy.json.gz');
    cpSync(evidence.origin?.file ?? '', copy);
    const entries: EvidenceEvent[] = [
      { ...evidence, origin: { file: copy, line: evidence.origin?.line } },
      { ...evidence, origin: { file: path.join(dir, 'aws', '..', '..', path.basename(elsewhere), 'copy.json.gz'), line: evidence.origin?.line } },
      { ...evidence, origin: { file: path.join(dir, 'missing.json'), line: 1 } },
      { ...evidence, origin: { index: 'logs-aws.cloudtrail-default', id: 'x' } },
      { ...evidence, origin: { file: 'relative/file.json', line: 1 } },
      { ...evidence, origin: { file: evidence.origin?.file, line: 999_999 } },
      evidence,
    ];
    const records = await store.records(entries);
    expect(records.map((r) => r.error)).toEqual([
      'origin file is outside the data folder',
      'origin file is outside the data folder',
      expect.stringMatching(/^cannot read .*missing\.json: ENOENT$/),
      'no origin file and line',
      'origin file is not an absolute path',
      expect.stringMatching(/^no record at line 999999 of /),
      undefined,
    ]);
    expect(records.slice(0, 6).every((r) => r.record === undefined)).toBe(true);
    expect(eventIdOf(records[6].record)).toBe(evidence.event_id);
  });

  it('answers with an error, not another event, when the file changed since the run', async () => {
    const root = tempDir();
    const evidence = findings.flatMap((f) => f.cloud_api_abuse.evidence).find((e) => e.origin?.file?.endsWith('.json') && !e.origin.file.endsWith('.gz'));
    if (!evidence?.origin?.file || evidence.origin.line === undefined) throw new Error('the day should have evidence in a plain JSON-lines file');
    const file = path.join(root, 'logs', 'PT1H.json');
    mkdirSync(path.dirname(file), { recursive: true });
    // The same number of lines, other events: line numbers now point at different records.
    writeFileSync(file, Array.from({ length: evidence.origin.line + 2 }, (_, i) => JSON.stringify({ note: `line ${i + 1}` })).join('\n'));
    const store = new FileEvidenceStore([root]);
    const [record] = await store.records([{ ...evidence, origin: { file, line: evidence.origin.line } }]);
    expect(record).toEqual({ event_id: evidence.event_id, error: `the record at line ${evidence.origin.line} of ${file} is no longer this event (the file changed since the run)` });
  });
});
