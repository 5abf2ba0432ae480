/**
 * The standalone host: the plugin's REST API and panel without Kibana or Elasticsearch. Findings, profiles, coverage
 * and settings live in one SQLite file; the detection runs over a folder of log files (a generated sample day when
 * the folder has none), or over a real cluster when ES_URL is set.
 */
import { userInfo } from 'node:os';
import * as path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { durationMs } from '../../server/config';
import { READ_PRIVILEGE, registerRoutes, WRITE_PRIVILEGE, type RouteServices } from '../../server/routes';
import { ElasticsearchCoverage, ElasticsearchEvidenceStore } from '../../server/store/elasticsearch/services';
import type { CoverageSource, DetectionControl, EvidenceStore } from '../../server/store/types';
import { listInputFiles } from '../../server/store/local';
import { buildHostUi, HOST_UI_DIR } from '../build/host_ui';
import { generateSampleDay } from '../sample_data';
import { DEFAULTS, parseInterval } from './host_options';
import { kbnLogger, runReporter, silentOutput, stderrOutput, type HostOutput } from './host_reporter';
import { HostRouter, type HostRequestContext, type LocalUser } from './http/host_router';
import { startHttpServer, type RunningHttpServer } from './http/host_server';
import { ensureUiBuilt, LANDING, StaticUi } from './http/static_ui';
import { ClusterRunner, clusterClient, clusterConfig, clusterFromEnv, describeCluster } from './scheduler/cluster';
import type { DetectionRunner } from './scheduler/detection_runner';
import { DetectionScheduler } from './scheduler/detection_scheduler';
import { FolderRunner } from './scheduler/folder_runner';
import { FileEvidenceStore, openHostStore, type HostStore } from './store';

export interface HostOptions {
  /** Folder of log files (default `.data/sample-day` in the repository); a sample day is generated there when it has none. */
  data?: string;
  /** SQLite file (default `.data/cloud-api-abuse.sqlite` in the repository). */
  db?: string;
  /** Default 5602; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Re-read the folder every interval when files were added or changed. */
  watch?: boolean;
  /** Between runs (`30s`, `5m` ...): with --watch (default 1m) or a cluster (default: the plugin's schedule, 5m). */
  interval?: string | number;
  /** The local user may read but not change anything (status, automation, run now). */
  readOnly?: boolean;
  /** Seed of the generated sample day. */
  seed?: number;
  /** Events of the generated sample day (default 100,000). */
  sampleEvents?: number;
  /** false: never generate a sample day; an empty folder is an error in the detection's health. */
  sample?: boolean;
  /** Resolve only once the first detection run has ended. */
  waitForFirstRun?: boolean;
  /** No output at all. */
  quiet?: boolean;
  output?: HostOutput;
  /** Where ES_URL and its credentials are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Folder of the built panel (default build/host/public); built there when app.js is missing. */
  uiDir?: string;
  /** How to build the panel when missing (default buildHostUi); false: never build, fail instead. */
  buildUi?: ((outDir: string) => Promise<unknown>) | false;
  /** Request body limit in bytes (default 1 MiB, as Kibana). */
  maxBodyBytes?: number;
  /** The name recorded on status changes (default: the operating-system user). */
  user?: string;
  /** When the host was started, for "findings ready N s after start" (default: now). */
  startedAt?: number;
}

export interface RunningHost {
  url: string;
  /** Stops the scheduler (cancelling a run), the server, then closes the database. */
  close(): Promise<void>;
  /** Resolves once no detection run is under way or queued. */
  whenIdle(): Promise<void>;
  control: DetectionControl;
}

function localUserName(): string {
  try {
    return userInfo().username || 'local-user';
  } catch {
    return 'local-user';
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

async function hasLogFiles(dir: string): Promise<boolean> {
  return (await listInputFiles([dir])).files.length > 0;
}

interface Detection {
  runner: DetectionRunner;
  evidence: EvidenceStore;
  coverage: CoverageSource;
  intervalMs?: number;
  describe: string;
  client?: Client;
}

function detectionFor(o: HostOptions, store: HostStore, data: string, out: HostOutput): Detection {
  const interval = o.interval !== undefined ? parseInterval(o.interval) : undefined;
  if (o.interval !== undefined && interval === undefined) throw new Error(`--interval must be a duration of at least 1s such as 30s, 5m or 1h, got "${o.interval}"`);
  const cluster = clusterFromEnv(o.env ?? process.env);
  if (cluster) {
    const config = clusterConfig();
    const client = clusterClient(cluster);
    const requestTimeoutMs = durationMs(config.requestTimeout);
    return {
      runner: new ClusterRunner({ client, store, config, logger: kbnLogger(out) }),
      evidence: new ElasticsearchEvidenceStore({ client, requestTimeoutMs }),
      coverage: new ElasticsearchCoverage({ client, indices: config.sources, requestTimeoutMs }),
      intervalMs: interval ?? durationMs(config.schedule.interval),
      describe: `cluster ${describeCluster(cluster)} (${config.sources.join(', ')}), every ${o.interval ?? config.schedule.interval}`,
      client,
    };
  }
  const watchMs = o.watch ? (interval ?? parseInterval(DEFAULTS.watchInterval)) : undefined;
  if (!o.watch && o.interval !== undefined) out.info('note: --interval applies with --watch (or ES_URL); the folder is read once and on "Run detection now"');
  return {
    runner: new FolderRunner({ dataDir: data, store }),
    evidence: new FileEvidenceStore([data]),
    coverage: store.coverage,
    ...(watchMs !== undefined ? { intervalMs: watchMs } : {}),
    describe: `${data} (${o.watch ? `watched every ${o.interval ?? DEFAULTS.watchInterval}` : 'read at start and on "Run detection now"'})`,
  };
}

async function prepareSampleDay(o: HostOptions, data: string, out: HostOutput): Promise<void> {
  if (o.sample === false || (await hasLogFiles(data))) return;
  const events = o.sampleEvents ?? DEFAULTS.sampleEvents;
  const seed = o.seed ?? DEFAULTS.seed;
  const started = Date.now();
  out.info(`no log files in ${data}: generating a sample day there (${events.toLocaleString('en-US')} events, seed ${seed})`);
  const day = await generateSampleDay({ outDir: data, events, seed });
  out.info(`sample day: ${day.files.length.toLocaleString('en-US')} files, ${day.totalEvents.toLocaleString('en-US')} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function startHost(o: HostOptions = {}): Promise<RunningHost> {
  const startedAt = o.startedAt ?? Date.now();
  const out = o.quiet ? silentOutput : (o.output ?? stderrOutput);
  const data = path.resolve(o.data ?? DEFAULTS.data);
  const dbFile = path.resolve(o.db ?? DEFAULTS.db);
  const uiDir = path.resolve(o.uiDir ?? HOST_UI_DIR);
  const user: LocalUser = { name: o.user ?? localUserName(), privileges: o.readOnly ? [READ_PRIVILEGE] : [READ_PRIVILEGE, WRITE_PRIVILEGE] };

  const store = openHostStore(dbFile);
  let detection: Detection | undefined;
  let scheduler: DetectionScheduler | undefined;
  let server: RunningHttpServer | undefined;
  const close = async (): Promise<void> => {
    await scheduler?.close();
    await server?.close();
    await detection?.client?.close();
    store.close();
  };
  try {
    detection = detectionFor(o, store, data, out);
    scheduler = new DetectionScheduler({
      runner: detection.runner,
      state: store.state,
      ...(detection.intervalMs !== undefined ? { intervalMs: detection.intervalMs } : {}),
      events: runReporter(out, startedAt),
    });
    const routeLogger = { error: (message: string | Error) => out.error(`api: ${message instanceof Error ? message.message : message}`) };
    const router = new HostRouter(routeLogger);
    const services: Omit<RouteServices, 'currentUser'> = {
      findings: store.findings,
      evidence: detection.evidence,
      automation: store.automation,
      control: scheduler,
      coverage: detection.coverage,
      identities: store.identities,
    };
    registerRoutes<HostRequestContext>(router, async (context) => ({ ...services, currentUser: () => context.user.name }), routeLogger);
    const ui = new StaticUi(uiDir, !o.readOnly);
    server = await startHttpServer({ router, user, ui, host: o.host ?? DEFAULTS.host, port: o.port ?? DEFAULTS.port, maxBodyBytes: o.maxBodyBytes, logger: routeLogger });
    out.info(`logs:     ${detection.describe}`);
    out.info(`database: ${dbFile}`);
    out.info(`panel:    ${server.url}${LANDING}${o.readOnly ? ' (read-only)' : ''}`);
    if (!isLoopback(o.host ?? DEFAULTS.host)) {
      out.error(`warning: listening on ${o.host}: the host has no login, so anyone who can reach this address can read the findings${o.readOnly ? '' : ' and change them'}`);
    }

    // The page script builds in its own process while the sample day is generated here.
    const building = ensureUiBuilt(uiDir, o.buildUi === false ? undefined : (o.buildUi ?? buildHostUi)).then((state) => {
      if (state === 'built') out.info(`panel built in ${uiDir}`);
      ui.ready();
    });
    const sample = detection.runner instanceof FolderRunner ? prepareSampleDay(o, data, out) : Promise.resolve();
    await Promise.all([building, sample]);
    scheduler.start();
    if (o.waitForFirstRun) await scheduler.whenIdle();
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  const control = scheduler;
  return { url: server.url, close, whenIdle: () => control.whenIdle(), control };
}
