/**
 * The host's findings list at 100,000 findings: a temp SQLite store is filled through the store's own write path with
 * findings made from the analytic's real findings on a generated day (varied severities, risks, providers, accounts,
 * identities, statuses and times over 90 days), then the list route is timed through the real HTTP adapter with the
 * queries the findings page sends (always with its default "last 30 days" range): default sort, critical only, a
 * search, provider + status, page 10. Target: p95 < 200 ms.
 *
 * Evidence lists are cut to at most 30 events per finding (the rest counted in evidence_truncated): the list reads
 * documents only for the page it returns, so their size weighs on the insert, not on the queries.
 */
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROUTE_PATHS } from '../../common/api';
import type { FindingDocument, Severity, WorkflowStatus } from '../../common/finding';
import { defaultCatalog } from '../../server/analytic/default_catalog';
import { DetectionEngine } from '../../server/analytic/engine';
import { runDetection } from '../../server/detection_run';
import { READ_PRIVILEGE, registerRoutes, WRITE_PRIVILEGE } from '../../server/routes';
import type { DetectionControl } from '../../server/store/types';
import { localEventSource } from '../../plugin/cli/local_source';
import { HostRouter, type HostRequestContext } from '../../plugin/host/http/host_router';
import { startHttpServer } from '../../plugin/host/http/host_server';
import { StaticUi } from '../../plugin/host/http/static_ui';
import { FileEvidenceStore, openHostStore, type HostStore } from '../../plugin/host/store';
import { generateSampleDay } from '../../plugin/sample_data';

const DAY = 86_400_000;
const MAX_EVIDENCE = 30;
const BATCH = 1_000;

/** xorshift32: the same store every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

async function templates(dir: string): Promise<FindingDocument[]> {
  await generateSampleDay({ outDir: dir, events: 20_000, seed: 3 });
  const engine = new DetectionEngine(defaultCatalog);
  const out: FindingDocument[] = [];
  await runDetection({ source: localEventSource([dir]), engine, sink: { write: (docs) => void out.push(...docs) } });
  for (const f of out) {
    const a = f.cloud_api_abuse;
    if (a.evidence.length > MAX_EVIDENCE) {
      a.chain.evidence_truncated += a.evidence.length - MAX_EVIDENCE;
      a.evidence = a.evidence.slice(0, MAX_EVIDENCE);
    }
  }
  return out;
}

const SEVERITY_OF = (risk: number): Severity => (risk >= 80 ? 'critical' : risk >= 60 ? 'high' : risk >= 40 ? 'medium' : 'low');
const ECS_SEVERITY: Record<Severity, number> = { low: 21, medium: 47, high: 73, critical: 99 };

/** One varied finding: a template re-cast as another identity, account, time, risk and workflow. */
function variant(template: FindingDocument, i: number, now: number, random: () => number): FindingDocument {
  const f = structuredClone(template);
  const a = f.cloud_api_abuse;
  const provider = f.cloud.provider;
  const account = provider === 'aws' ? String(100_000_000_000 + Math.floor(random() * 40) * 7_919) : provider === 'gcp' ? `project-${Math.floor(random() * 40)}` : `sub-${Math.floor(random() * 40)}`;
  const person = Math.floor(random() * 3_000);
  const name = `user-${person}`;
  a.finding_id = createHash('sha256').update(`bench:${i}`).digest('hex').slice(0, 32);
  a.root_identity = { ...a.root_identity, id: provider === 'aws' ? `arn:aws:iam::${account}:user/${name}` : `${name}@corp-${provider}.example`, name, account };
  for (const e of a.evidence) e.principal = name;
  a.chain.accounts = [account];
  f.cloud = { ...f.cloud, account: { id: account } };
  const first = now - Math.floor(random() * 90 * DAY);
  const last = first + Math.floor(random() * 12 * 3_600_000);
  a.chain.first_seen = new Date(first).toISOString();
  a.chain.last_seen = new Date(last).toISOString();
  a.chain.event_count = 1 + Math.floor(random() * 2_000);
  const risk = 5 + Math.floor(random() * 96);
  const severity = SEVERITY_OF(risk);
  f.kibana.alert = { ...f.kibana.alert, risk_score: risk, severity };
  f.event = { ...f.event, risk_score: risk, severity: ECS_SEVERITY[severity], start: a.chain.first_seen, end: a.chain.last_seen };
  f['@timestamp'] = a.chain.last_seen;
  const roll = random();
  const status: WorkflowStatus = roll < 0.8 ? 'open' : roll < 0.95 ? 'acknowledged' : 'closed';
  a.workflow = status === 'open' ? { status } : { status, updated_by: 'analyst', updated_at: new Date(last + 3_600_000).toISOString() };
  return f;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n: number): number => Math.round(n * 10) / 10;

function get(agent: Agent, port: number, pathAndQuery: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathAndQuery, agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(res.statusCode) : reject(new Error(`${pathAndQuery}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

const idle: DetectionControl = { health: async () => ({ enabled: true, running: false, consecutiveFailures: 0 }), runNow: async () => ({ scheduled: false }) };

/**
 * Fills a host store with `total` varied findings (dated over the 90 days before `now`); returns the seconds it took.
 * `workDir` receives the generated day the findings are cast from.
 */
export async function fillFindings(store: HostStore, workDir: string, total: number, now: number): Promise<number> {
  const base = await templates(path.join(workDir, 'day'));
  const random = rng(42);
  const started = performance.now();
  for (let i = 0; i < total; i += BATCH) {
    const batch: FindingDocument[] = [];
    for (let j = i; j < Math.min(total, i + BATCH); j++) batch.push(variant(base[j % base.length], j, now, random));
    await store.findings.write(batch);
  }
  // What the host does after each run's writes: refresh the planner's statistics.
  store.optimize();
  return (performance.now() - started) / 1000;
}

export async function measureListRoute(opts: { findings?: number; requests?: number; verbose?: boolean } = {}): Promise<{ findings: number; p50_ms: number; p95_ms: number; insert_s: number }> {
  const total = opts.findings ?? 100_000;
  const requests = opts.requests ?? 250;
  const root = mkdtempSync(path.join(tmpdir(), 'caa-bench-list-'));
  const store = openHostStore(path.join(root, 'bench.sqlite'));
  try {
    const now = Date.now();
    const insertSeconds = await fillFindings(store, root, total, now);

    const router = new HostRouter();
    registerRoutes<HostRequestContext>(router, async (context) => ({
      findings: store.findings,
      evidence: new FileEvidenceStore([root]),
      automation: store.automation,
      control: idle,
      coverage: store.coverage,
      identities: store.identities,
      currentUser: () => context.user.name,
    }));
    const ui = new StaticUi(root, false);
    const server = await startHttpServer({ router, ui, user: { name: 'bench', privileges: [READ_PRIVILEGE, WRITE_PRIVILEGE] }, host: '127.0.0.1', port: 0 });
    const port = Number(new URL(server.url).port);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // What the findings page sends: its default range (the last 30 days) with the table's page and the filters.
    const range = `from=${new Date(now - 30 * DAY).toISOString()}&to=${new Date(now).toISOString()}`;
    const queries: [string, string][] = [
      ['default sort', `${range}&page=0&perPage=25`],
      ['critical', `${range}&severities=critical&page=0&perPage=25`],
      ['search', `${range}&search=user-17&page=0&perPage=25`],
      ['provider + status', `${range}&providers=aws&statuses=open&statuses=acknowledged&page=0&perPage=25`],
      ['page 10', `${range}&sortField=last_seen&sortOrder=desc&page=10&perPage=25`],
    ];
    try {
      for (const [, q] of queries) await get(agent, port, `${ROUTE_PATHS.findings}?${q}`);
      const times: number[] = [];
      const byQuery = new Map<string, number[]>();
      for (let i = 0; i < requests; i++) {
        const [name, q] = queries[i % queries.length];
        const t = performance.now();
        await get(agent, port, `${ROUTE_PATHS.findings}?${q}`);
        const ms = performance.now() - t;
        times.push(ms);
        byQuery.set(name, [...(byQuery.get(name) ?? []), ms]);
      }
      if (opts.verbose) {
        for (const [name, list] of byQuery) {
          const sorted = [...list].sort((a, b) => a - b);
          process.stderr.write(`list route, ${name}: p50 ${round(percentile(sorted, 50))} ms, p95 ${round(percentile(sorted, 95))} ms\n`);
        }
      }
      times.sort((a, b) => a - b);
      return { findings: store.findings.count(), p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)), insert_s: round(insertSeconds) };
    } finally {
      agent.destroy();
      await server.close();
    }
  } finally {
    store.close();
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  measureListRoute({ verbose: true }).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
