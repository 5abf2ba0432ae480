/**
 * Against a real Elasticsearch (ES_URL): a generated day indexed into the integrations' data streams (in a namespace
 * of its own), read by the plugin's source candidate-first and by a full scan, and the findings written, read and
 * updated through the findings store. Everything created is deleted at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { generateSampleDay } from '../../plugin/sample_data';
import { ecsDocumentsOfFiles } from '../../plugin/sample_data/ecs';
import { detectFiles } from '../support/detect_files';
import { detectElasticsearch } from '../support/elasticsearch_day';
import { ElasticsearchFindingsStore, findingsIndex } from '../../server/store/elasticsearch/findings';
import type { FindingDocument } from '../../common/finding';

const DAY = Date.parse('2026-11-20T00:00:00Z');
const namespace = `caait${Date.now().toString(36)}`;
const datasets = ['aws.cloudtrail', 'gcp.audit', 'azure.activitylogs', 'azure.signinlogs'];
const streams = datasets.map((d) => `logs-${d}-${namespace}`);

function client(): Client {
  const auth = process.env.ES_API_KEY
    ? { apiKey: process.env.ES_API_KEY }
    : process.env.ES_USERNAME
      ? { username: process.env.ES_USERNAME, password: process.env.ES_PASSWORD ?? '' }
      : undefined;
  return new Client({ node: process.env.ES_URL as string, ...(auth ? { auth } : {}), tls: { rejectUnauthorized: process.env.ES_TLS_VERIFY !== 'false' } });
}

const summary = (fs: FindingDocument[]) => fs.map((f) => `${f.cloud_api_abuse.finding_id} ${f.kibana.alert.severity}`).sort();

describe('against a real Elasticsearch', () => {
  const es = client();
  let dir: string;
  let files: string[];
  const space = `it-${namespace}`;
  const index = findingsIndex(space);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'caa-it-'));
    files = (await generateSampleDay({ outDir: dir, seed: 21, events: 20_000 })).files;
    const operations: object[] = [];
    await ecsDocumentsOfFiles(files, (d) => {
      operations.push({ create: { _index: d.index.replace(/-default$/, `-${namespace}`), _id: d.id } }, d.document);
    });
    for (let i = 0; i < operations.length; i += 4_000) {
      const r = await es.bulk({ operations: operations.slice(i, i + 4_000), refresh: false });
      if (r.errors) throw new Error(`bulk load failed: ${JSON.stringify(r.items.find((x) => x.create?.error)?.create?.error)}`);
    }
    await es.indices.refresh({ index: streams, ignore_unavailable: true });
  });

  afterAll(async () => {
    await es.indices.deleteDataStream({ name: streams }).catch(() => undefined);
    await es.indices.delete({ index: index.name, ignore_unavailable: true }).catch(() => undefined);
    await es.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the same chains as the CLI, candidate-first and by full scan', async () => {
    const cli = await detectFiles(files);
    const window = { from: DAY, to: DAY + 86_400_000, historyFrom: DAY - 14 * 86_400_000 };
    const candidate = await detectElasticsearch(es, window, 'candidate_first', {}, streams);
    const full = await detectElasticsearch(es, window, 'full_scan', {}, streams);
    expect(summary(candidate.findings)).toEqual(summary(cli.findings));
    expect(summary(full.findings)).toEqual(summary(cli.findings));
    expect(candidate.stats.docs).toBeLessThan(full.stats.docs);
  });

  it('writes, reads and updates findings in the space index, keeping the analyst status on rewrite', async () => {
    const { findings } = await detectFiles(files);
    const store = new ElasticsearchFindingsStore({ client: es, index });
    await store.ensureInstalled();
    await store.write(findings);
    await es.indices.refresh({ index: index.name });
    const page = await store.list({ sort: { field: 'risk_score', order: 'desc' }, page: 0, perPage: 100 });
    expect(page.total).toBe(findings.length);
    const id = page.findings[0].cloud_api_abuse.finding_id;
    await store.setStatus({ ids: [id], status: 'acknowledged', by: 'integration', at: new Date().toISOString() });
    await store.write(findings);
    expect((await store.get(id))?.cloud_api_abuse.workflow.status).toBe('acknowledged');
  });
});
