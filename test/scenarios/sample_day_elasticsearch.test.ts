/**
 * The generated day as a cluster holds it (ECS documents in the integrations' data streams), read by the plugin's
 * Elasticsearch source through the real client: the same findings as the CLI over the same files, while reading only
 * a small part of the window.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateSampleDay } from '../../plugin/sample_data';
import { detectFiles } from '../support/detect_files';
import { detectElasticsearch, loadDay } from '../support/elasticsearch_day';
import type { FindingDocument } from '../../common/finding';

const DAY = Date.parse('2026-11-20T00:00:00Z');

const summary = (fs: FindingDocument[]) =>
  fs.map((f) => `${f.cloud_api_abuse.finding_id} ${f.kibana.alert.severity} ${f.cloud_api_abuse.root_identity.id}`).sort();

describe('the sample day in Elasticsearch', () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'caa-es-day-'));
    files = (await generateSampleDay({ outDir: dir, seed: 5, events: 60_000 })).files;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same findings (ids and severities) as the CLI over the same files', async () => {
    const cli = await detectFiles(files);
    const { es, documents } = await loadDay(files);
    expect(documents).toBeGreaterThan(55_000);
    const window = { from: DAY, to: DAY + 86_400_000, historyFrom: DAY - 14 * 86_400_000 };
    const { findings, stats } = await detectElasticsearch(es.client(), window);
    expect(summary(findings)).toEqual(summary(cli.findings));
    // Every point in time opened was closed.
    expect(es.pitsOpened).toBeGreaterThan(0);
    expect(es.openPitIds()).toEqual([]);
    expect(stats.docs).toBeLessThan(documents);
  }, 240_000);
});
