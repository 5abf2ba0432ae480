/**
 * The scheduled detection over Elasticsearch, run the way Task Manager runs it, on a generated day loaded into the
 * fake Elasticsearch as the integrations index it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateSampleDay } from '../../plugin/sample_data';
import { FakeElasticsearch } from '../../test/support/fake_es';
import { loadDay } from '../../test/support/elasticsearch_day';
import { FakeTaskManager } from '../../test/support/fake_task_manager';
import { ElasticsearchFindingsStore, findingsIndex } from '../store/elasticsearch/findings';
import { ElasticsearchIdentityStore, identitiesIndexName } from '../store/elasticsearch/services';
import { parseConfig, type CloudApiAbuseConfig } from '../config';
import type { KbnLogger } from '../kibana/types';
import type { FindingDocument } from '../../common/finding';
import { MissingCredentialsError, detectionTaskId, registerDetectionTask, scheduleDetectionTask, type DetectionTaskServices } from './detection_task';
import { readState } from './task_state';

const DAY = Date.parse('2026-11-20T00:00:00Z');
const HOUR = 3_600_000;

const logger: KbnLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, get: () => logger };

function setup(es: FakeElasticsearch, config: CloudApiAbuseConfig, clock: { now: number }, retry = { baseDelayMs: 1, maxDelayMs: 2 }) {
  const tm = new FakeTaskManager();
  const findings = new ElasticsearchFindingsStore({ client: es.client(), index: findingsIndex('default'), retry });
  const identities = new ElasticsearchIdentityStore({ client: es.client(), index: identitiesIndexName(config.findingsIndexPrefix, 'default'), retry });
  const services: DetectionTaskServices = {
    readerFor: async (fakeRequest) => {
      if (!fakeRequest) throw new MissingCredentialsError();
      return es.client();
    },
    findingsFor: async () => findings,
    identitiesFor: async () => identities,
    automationFor: async () => undefined,
  };
  registerDetectionTask(tm, { logger, config, services: async () => services, now: () => clock.now });
  return { tm, findings, identities };
}

async function allFindings(store: ElasticsearchFindingsStore): Promise<FindingDocument[]> {
  const page = await store.list({ sort: { field: 'first_seen', order: 'asc' }, page: 0, perPage: 100 });
  return page.findings;
}

const ids = (fs: FindingDocument[]) => fs.map((f) => `${f.cloud_api_abuse.finding_id} ${f.kibana.alert.severity}`).sort();

describe('scheduled detection task', () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'caa-task-'));
    files = (await generateSampleDay({ outDir: dir, seed: 11, events: 15_000 })).files;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const config = parseConfig({ initialLookback: '30h', maxSpan: '36h', maxEventsPerRun: 1_000_000 });
  const id = detectionTaskId('default');

  it('records a clear error and no checkpoint when it has no credentials', async () => {
    const { es } = await loadDay(files);
    const clock = { now: DAY + 25 * HOUR };
    const { tm } = setup(es, config, clock);
    await scheduleDetectionTask(tm, 'default', '5m', logger);
    await tm.run(id);
    const state = readState((await tm.get(id)).state);
    expect(state.lastError?.message).toMatch(/no credentials.*Run detection now.*api_key/);
    expect(state.checkpoints).toEqual({});
  });

  it('keeps its checkpoint when the store fails mid-run, and the next run ends with the same findings as a clean run', async () => {
    // Reference: a clean run.
    const clean = await loadDay(files);
    const clock = { now: DAY + 25 * HOUR };
    const ref = setup(clean.es, config, clock);
    await scheduleDetectionTask(ref.tm, 'default', '5m', logger, { user: 'analyst' });
    await ref.tm.run(id);
    const expected = await allFindings(ref.findings);
    expect(expected.length).toBeGreaterThanOrEqual(9);
    // The run also left what each identity usually does, for the identities page.
    const profiles = await ref.identities.list({ page: 0, perPage: 100 });
    expect(profiles.total).toBeGreaterThan(10);
    const alice = profiles.profiles.find((p) => p.root_id.includes('alice.nguyen'));
    expect(alice?.interfaces.length).toBeGreaterThan(0);
    expect(alice?.services.length).toBeGreaterThan(0);

    const { es } = await loadDay(files);
    const { tm, findings } = setup(es, config, clock);
    await scheduleDetectionTask(tm, 'default', '5m', logger, { user: 'analyst' });
    // The third bulk request and every retry of it fail: part of the findings were written, then the store broke.
    let bulks = 0;
    es.faults.bulkItem({ match: () => ++bulks > 10, status: 429, times: 1_000 });
    await tm.run(id);
    const failed = readState((await tm.get(id)).state);
    expect(failed.lastError?.message).toMatch(/could not be written/);
    expect(failed.checkpoints).toEqual({});
    es.faults.clear();

    await tm.run(id);
    const ok = readState((await tm.get(id)).state);
    expect(ok.lastError).toBeUndefined();
    expect(Object.values(ok.checkpoints)).toEqual(config.sources.map(() => new Date(clock.now).toISOString()));
    const got = await allFindings(findings);
    expect(ids(got)).toEqual(ids(expected));
    expect(new Set(got.map((f) => f.cloud_api_abuse.finding_id)).size).toBe(got.length);
  }, 240_000);

  it('runs every few hours: a chain that grows later keeps its id and the analyst status, overlaps write no duplicates', async () => {
    const { es } = await loadDay(files);
    const clock = { now: DAY + 10 * HOUR };
    const { tm, findings } = setup(es, config, clock);
    await scheduleDetectionTask(tm, 'default', '1h', logger, { user: 'analyst' });
    let acknowledged: string | undefined;
    for (let h = 10; h <= 25; h += 3) {
      clock.now = DAY + h * HOUR;
      await tm.run(id);
      const state = readState((await tm.get(id)).state);
      expect(state.lastError).toBeUndefined();
      const current = await allFindings(findings);
      if (!acknowledged && current.length) {
        acknowledged = current[0].cloud_api_abuse.finding_id;
        await findings.setStatus({ ids: [acknowledged], status: 'acknowledged', by: 'analyst', at: new Date(clock.now).toISOString(), note: 'looking' });
      }
    }
    const final = await allFindings(findings);
    expect(new Set(final.map((f) => f.cloud_api_abuse.finding_id)).size).toBe(final.length);
    const kept = final.find((f) => f.cloud_api_abuse.finding_id === acknowledged);
    expect(kept?.cloud_api_abuse.workflow).toMatchObject({ status: 'acknowledged', updated_by: 'analyst', note: 'looking' });
    // Every injected chain is there, found incrementally.
    const roots = new Set(final.map((f) => f.cloud_api_abuse.root_identity.id));
    for (const r of ['alice.nguyen', 'bruno.costa', 'dana.kowalski', 'gina.rossi', 'hiro.tanaka', 'julia.schmidt', 'karim.benali', 'ops-automation']) {
      expect([...roots].some((x) => x.includes(r))).toBe(true);
    }
  }, 240_000);

  it('stops when aborted and keeps its checkpoint', async () => {
    const { es } = await loadDay(files);
    const clock = { now: DAY + 25 * HOUR };
    const { tm } = setup(es, config, clock);
    await scheduleDetectionTask(tm, 'default', '5m', logger, { user: 'analyst' });
    const controller = new AbortController();
    es.faults.delay({ path: /_search/, ms: 200, times: 100 });
    let callsAtAbort = 0;
    const run = tm.run(id, controller.signal);
    setTimeout(() => {
      callsAtAbort = es.calls.length;
      controller.abort();
    }, 50);
    await run;
    // Stops within the request in flight (a best-effort point-in-time close may follow).
    expect(es.calls.length - callsAtAbort).toBeLessThanOrEqual(2);
    const state = readState((await tm.get(id)).state);
    expect(state.lastError?.message).toMatch(/abort/i);
    expect(state.checkpoints).toEqual({});
  });
});
