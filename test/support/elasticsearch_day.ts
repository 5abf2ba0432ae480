/** The sample day loaded into the fake Elasticsearch as Elastic's integrations would index it, and detection over it. */
import type { Client } from '@elastic/elasticsearch';
import type { FindingDocument } from '../../common/finding';
import { ecsDocumentsOfFiles } from '../../plugin/sample_data/ecs';
import { FakeElasticsearch } from './fake_es';
import { DetectionEngine } from '../../server/analytic/engine';
import { defaultCatalog } from '../../server/analytic/default_catalog';
import { normalizeCompact } from '../../server/store/normalize/normalize_compact';
import { ElasticsearchEventSource, type SourceMode, type SourceStats } from '../../server/store/elasticsearch/event_source';
import { readAgent } from '../../server/store/elasticsearch/agent_reader';
import { DEFAULT_SOURCES } from '../../server/config';
import { runDetection } from '../../server/detection_run';
import type { AnalyticConfig } from '../../server/analytic/config';

export async function loadDay(files: string[], es = new FakeElasticsearch()): Promise<{ es: FakeElasticsearch; documents: number }> {
  const byIndex = new Map<string, { id: string; document: object }[]>();
  const summary = await ecsDocumentsOfFiles(files, (d) => {
    const list = byIndex.get(d.index) ?? [];
    list.push({ id: d.id, document: d.document });
    byIndex.set(d.index, list);
  });
  for (const [index, docs] of byIndex) es.index(index, docs);
  return { es, documents: summary.documents };
}

export async function detectElasticsearch(
  client: Client,
  window: { from: number; to: number; historyFrom: number },
  mode: SourceMode = 'candidate_first',
  config: Partial<AnalyticConfig> = {},
  indices: string[] = DEFAULT_SOURCES,
): Promise<{ findings: FindingDocument[]; stats: SourceStats }> {
  const engine = new DetectionEngine(defaultCatalog, config);
  const source = new ElasticsearchEventSource({
    client,
    indices,
    ...window,
    mode,
    config: engine.config,
    limits: { pageSize: 1000, requestTimeoutMs: 30_000, keepAlive: '1m' },
    maxEvents: 5_000_000,
    normalize: normalizeCompact,
    readAgent,
    seedBaseline: (seed) => engine.seedBaseline(seed),
  });
  const findings: FindingDocument[] = [];
  await runDetection({ source, engine, sink: { write: (docs) => void findings.push(...docs) } });
  return { findings, stats: source.stats };
}
