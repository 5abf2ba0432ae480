/**
 * Cluster mode: with ES_URL set, the host reads the audit data streams of a real Elasticsearch the way the Kibana
 * task does (server/task/detection_run_once.ts: checkpoints, overlap, candidate-first reads, bounded spans) and keeps
 * the findings in its own SQLite file. The task's versioned state lives in the database between runs.
 */
import { Client, type ClientOptions } from '@elastic/elasticsearch';
import { parseConfig, type CloudApiAbuseConfig } from '../../../server/config';
import type { EsClient, KbnLogger } from '../../../server/kibana/types';
import { runOnce } from '../../../server/task/detection_run_once';
import { readState } from '../../../server/task/task_state';
import type { HostStore } from '../store';
import type { DetectionRunner, RunContext, RunOutcome } from './detection_runner';

const TASK_STATE_KEY = 'cluster_task_state';

export interface ClusterSettings {
  url: string;
  auth?: { apiKey: string } | { username: string; password: string };
  /** false only when ES_TLS_VERIFY=false (a test cluster with a self-signed certificate). */
  verifyTls: boolean;
}

/** ES_URL, with ES_API_KEY or ES_USERNAME/ES_PASSWORD (as the integration suite reads them); undefined without ES_URL. */
export function clusterFromEnv(env: NodeJS.ProcessEnv): ClusterSettings | undefined {
  const url = env.ES_URL?.trim();
  if (!url) return undefined;
  const auth = env.ES_API_KEY ? { apiKey: env.ES_API_KEY } : env.ES_USERNAME ? { username: env.ES_USERNAME, password: env.ES_PASSWORD ?? '' } : undefined;
  return { url, ...(auth ? { auth } : {}), verifyTls: env.ES_TLS_VERIFY !== 'false' };
}

export function clusterClient(settings: ClusterSettings): Client {
  const options: ClientOptions = { node: settings.url, tls: { rejectUnauthorized: settings.verifyTls } };
  if (settings.auth) options.auth = settings.auth;
  return new Client(options);
}

/** The URL without credentials, for messages. */
export function describeCluster(settings: ClusterSettings): string {
  try {
    const u = new URL(settings.url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return 'the cluster in ES_URL';
  }
}

/** The plugin's defaults (sources, overlap, spans, limits): the host reads what the Kibana task reads. */
export function clusterConfig(): CloudApiAbuseConfig {
  return parseConfig({});
}

export class ClusterRunner implements DetectionRunner {
  readonly mode = 'cluster';

  constructor(
    private readonly o: {
      client: EsClient;
      store: Pick<HostStore, 'findings' | 'identities' | 'automation' | 'state' | 'optimize'>;
      config: CloudApiAbuseConfig;
      logger: KbnLogger;
      now?: () => number;
    },
  ) {}

  async run(context: RunContext): Promise<RunOutcome> {
    const { store } = this.o;
    const state = readState(store.state.get(TASK_STATE_KEY));
    const next = await runOnce(state, {
      config: this.o.config,
      reader: this.o.client,
      findings: store.findings,
      identities: store.identities,
      automation: await store.automation.compiled(),
      logger: this.o.logger,
      now: this.o.now ?? Date.now,
      signal: context.signal,
    });
    store.state.set(TASK_STATE_KEY, next);
    store.optimize();
    const checkpoints = Object.values(next.checkpoints).map(Date.parse);
    const run = next.lastRun;
    context.onProgress(run?.eventsRead ?? 0);
    return {
      eventsRead: run?.eventsRead ?? 0,
      findingsWritten: run?.findingsWritten ?? 0,
      mode: run ? `cluster, ${run.mode}` : this.mode,
      ...(checkpoints.length ? { checkpoint: Math.min(...checkpoints) } : {}),
    };
  }
}
