/**
 * One scheduled detection run over Elasticsearch: pick the window from the checkpoint (with overlap for late events,
 * reaching back to the start of chains still active so they keep their ids), read candidate-first, analyse, persist,
 * and advance the checkpoint only when every finding was written. Bounded: a run covers at most `spanMs`, halved when
 * it hits maxEventsPerRun; the following runs catch up.
 */
import type { FindingDocument } from '../../common/finding';
import type { ExpectedAutomation } from '../analytic/automation';
import { defaultCatalog } from '../analytic/default_catalog';
import { DetectionEngine } from '../analytic/engine';
import { durationMs, type CloudApiAbuseConfig } from '../config';
import { runDetection } from '../detection_run';
import type { EsClient, KbnLogger } from '../kibana/types';
import { readAgent } from '../store/elasticsearch/agent_reader';
import { ElasticsearchEventSource } from '../store/elasticsearch/event_source';
import { normalizeCompact } from '../store/normalize/normalize_compact';
import type { FindingsStore, IdentityProfileStore } from '../store/types';
import type { DetectionTaskState } from './task_state';

const MIN_SPAN_MS = 5 * 60_000;

export interface RunOnceDeps {
  config: CloudApiAbuseConfig;
  reader: EsClient;
  findings: FindingsStore;
  identities?: IdentityProfileStore;
  automation?: ExpectedAutomation;
  logger: KbnLogger;
  now: () => number;
  signal?: AbortSignal;
}

const iso = (t: number): string => new Date(t).toISOString();

/** The earliest start among chains still active at `checkpoint`: re-reading from there keeps their finding ids. */
async function activeChainsStart(findings: FindingsStore, checkpoint: number, idleMs: number): Promise<number | undefined> {
  const page = await findings.list({ from: checkpoint - idleMs, to: checkpoint, sort: { field: 'first_seen', order: 'asc' }, page: 0, perPage: 1 });
  const first = page.findings[0]?.cloud_api_abuse.chain.first_seen;
  return first ? Date.parse(first) : undefined;
}

/** Profiles help analysts judge findings but are not findings: a failure to write them is logged, not fatal. */
async function writeProfiles(engine: DetectionEngine, deps: RunOnceDeps): Promise<void> {
  if (!deps.identities) return;
  try {
    await deps.identities.write(engine.identityProfiles(deps.now()));
  } catch (error) {
    deps.logger.warn(`identity profiles not updated: ${(error as Error).message}`);
  }
}

export async function runOnce(state: DetectionTaskState, deps: RunOnceDeps): Promise<DetectionTaskState> {
  const { config, logger } = deps;
  const startedAt = deps.now();
  const sources = config.sources;
  const known = sources.map((s) => state.checkpoints[s]).filter((c): c is string => !!c).map(Date.parse);
  const checkpoint = known.length ? Math.min(...known) : startedAt - durationMs(config.initialLookback);
  const maxSpan = durationMs(config.maxSpan);
  const span = Math.min(state.spanMs ?? maxSpan, maxSpan);
  const to = Math.min(startedAt, checkpoint + span);
  const engine = new DetectionEngine(defaultCatalog, deps.automation ? { automation: deps.automation } : {});
  const chainsFrom = known.length ? await activeChainsStart(deps.findings, checkpoint, engine.config.longSessionIdleMs) : undefined;
  const from = Math.max(checkpoint - engine.config.longSessionIdleMs, Math.min(checkpoint - durationMs(config.overlap), chainsFrom ?? Infinity));

  const source = new ElasticsearchEventSource({
    client: deps.reader,
    indices: sources,
    from,
    to,
    historyFrom: from - durationMs(config.historyWindow),
    mode: 'candidate_first',
    config: engine.config,
    limits: { pageSize: 1000, requestTimeoutMs: durationMs(config.requestTimeout), keepAlive: '2m', signal: deps.signal },
    maxEvents: config.maxEventsPerRun,
    normalize: normalizeCompact,
    readAgent,
    seedBaseline: (seed) => engine.seedBaseline(seed),
  });
  let written = 0;
  let rejected = 0;
  const result = await runDetection({
    source,
    engine,
    signal: deps.signal,
    sink: {
      write: async (docs: FindingDocument[]) => {
        const r = await deps.findings.write(docs, { signal: deps.signal });
        written += r.written;
        rejected += r.rejected.length;
        for (const x of r.rejected) logger.warn(`finding ${x.id} rejected by the findings index: ${x.reason}`);
      },
    },
  });
  await writeProfiles(engine, deps);
  const finishedAt = deps.now();
  const truncated = source.stats.truncated;
  const checkpoints = { ...state.checkpoints };
  // A truncated run did not see its whole window: keep the checkpoint and read less next time.
  if (!truncated) for (const s of sources) checkpoints[s] = iso(to);
  const spanMs = truncated ? Math.max(MIN_SPAN_MS, span / 2) : Math.min(maxSpan, span * 2);
  logger.info(
    `detection ${iso(from)}..${iso(to)}: ${result.events} events (${source.stats.docs} documents fetched in ${source.stats.requests} requests), ` +
      `${written} findings written${rejected ? `, ${rejected} rejected` : ''}${truncated ? '; window truncated at maxEventsPerRun, it will be read again in smaller steps' : ''}`,
  );
  return {
    ...state,
    checkpoints,
    spanMs,
    runs: state.runs + 1,
    consecutiveFailures: 0,
    lastSuccessAt: iso(finishedAt),
    lastError: undefined,
    lastRun: {
      startedAt: iso(startedAt),
      finishedAt: iso(finishedAt),
      from: iso(from),
      to: iso(to),
      eventsRead: result.events,
      docsFetched: source.stats.docs,
      requests: source.stats.requests,
      findingsWritten: written,
      findingsRejected: rejected,
      durationMs: finishedAt - startedAt,
      mode: source.stats.mode,
      truncated,
    },
  };
}
