import * as path from 'node:path';
import type { KbnLogger } from '../../../server/kibana/types';
import { loadDay } from '../../../test/support/elasticsearch_day';
import { openHostStore } from '../store';
import { idOf, smallDay, tempDir } from '../test_support';
import { ClusterRunner, clusterConfig, clusterFromEnv, describeCluster } from './cluster';
import { DetectionScheduler } from './detection_scheduler';

const quiet: KbnLogger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  get: () => quiet,
};

describe('cluster mode', () => {
  it('reads ES_URL with an API key or a user, and nothing without ES_URL', () => {
    expect(clusterFromEnv({})).toBeUndefined();
    expect(clusterFromEnv({ ES_URL: 'https://es.example:9200', ES_API_KEY: 'a2V5' })).toEqual({ url: 'https://es.example:9200', auth: { apiKey: 'a2V5' }, verifyTls: true });
    expect(clusterFromEnv({ ES_URL: 'http://localhost:9200', ES_USERNAME: 'elastic', ES_PASSWORD: 'changeme', ES_TLS_VERIFY: 'false' })).toEqual({
      url: 'http://localhost:9200',
      auth: { username: 'elastic', password: 'changeme' },
      verifyTls: false,
    });
    // Messages never carry credentials written into the URL.
    expect(describeCluster({ url: 'https://elastic:secret@es.example:9200/', verifyTls: true })).toBe('https://es.example:9200');
  });

  it('runs the Kibana task’s detection over the cluster, span by span, into the SQLite findings store', async () => {
    const day = await smallDay();
    const { es } = await loadDay(day.day.files);
    const store = openHostStore(path.join(tempDir(), 'cluster.sqlite'));
    const runner = new ClusterRunner({ client: es.client(), store, config: clusterConfig(), logger: quiet, now: () => Date.parse('2026-11-21T00:00:00Z') });
    const scheduler = new DetectionScheduler({ runner, state: store.state, now: () => Date.parse('2026-11-21T00:00:00Z') });
    // The first run reads the first span of the initial lookback (the last 24 h); each later one the next span.
    let runs = 0;
    while (runs < 10) {
      await scheduler.runNow();
      await scheduler.whenIdle();
      runs++;
      if ((await scheduler.health()).checkpoint === '2026-11-21T00:00:00.000Z') break;
    }
    const health = await scheduler.health();
    expect(health).toMatchObject({ consecutiveFailures: 0, checkpoint: '2026-11-21T00:00:00.000Z', lastRun: { mode: expect.stringMatching(/^cluster, /) } });
    expect(runs).toBeGreaterThan(1);
    const stored = await store.findings.list({ sort: { field: 'risk_score', order: 'desc' }, page: 0, perPage: 100 });
    // Every chain the CLI finds at high or critical is in the store under the same id (spans re-read active chains).
    const severe = day.findings.filter((f) => ['high', 'critical'].includes(f.kibana.alert.severity)).map(idOf);
    expect(severe.length).toBeGreaterThan(0);
    expect(stored.findings.map(idOf)).toEqual(expect.arrayContaining(severe));
    // Each run leaves the profiles of the identities it saw.
    expect((await store.identities.list({ page: 0, perPage: 1 })).total).toBeGreaterThan(10);
    await scheduler.close();
    store.close();
  }, 120_000);
});
