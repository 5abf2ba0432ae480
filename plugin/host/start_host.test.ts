/**
 * The host end to end, as someone who just cloned the repository starts it: an empty log folder gets a generated day,
 * the first run finds the injected chains, an analyst acknowledges one, and it is still acknowledged after a restart
 * on the same database file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROUTE_PATHS, type DetectionHealth, type FindingsPage, type FindingWithRecords } from '../../common/api';
import type { SampleLabels } from '../sample_data';
import { LABELS_FILE } from '../sample_data/generate_sample_day';
import { startHost, type HostOptions, type RunningHost } from './start_host';
import { httpRequest, idOf, tempDir } from './test_support';

const XSRF = { 'kbn-xsrf': 'e2e' };

function stubUi(): string {
  const dir = tempDir('cloud-api-abuse-ui-');
  writeFileSync(path.join(dir, 'app.js'), 'document.title = "panel";\n');
  return dir;
}

describe('startHost', () => {
  const root = tempDir('cloud-api-abuse-e2e-');
  const data = path.join(root, 'logs');
  const db = path.join(root, 'host.sqlite');
  const options = (): HostOptions => ({ data, db, port: 0, quiet: true, waitForFirstRun: true, sampleEvents: 20_000, seed: 7, uiDir: stubUi(), buildUi: false, user: 'ana' });
  let host: RunningHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  it('generates a day in an empty folder, finds every injected chain, and keeps a status change across a restart', async () => {
    host = await startHost(options());
    const labels = JSON.parse(readFileSync(path.join(data, LABELS_FILE), 'utf8')) as SampleLabels;
    expect(labels.chains.length).toBe(9);

    const health = (await httpRequest(host.url, 'GET', ROUTE_PATHS.detectionHealth)).json as DetectionHealth;
    expect(health).toMatchObject({ running: false, consecutiveFailures: 0, lastRun: { eventsRead: labels.totalEvents, mode: 'folder' } });
    const page = (await httpRequest(host.url, 'GET', `${ROUTE_PATHS.findings}?perPage=100`)).json as FindingsPage;
    expect(page.total).toBe(health.lastRun?.findingsWritten);
    for (const chain of labels.chains) {
      const found = page.findings.filter((f) => f.cloud_api_abuse.evidence.some((e) => chain.eventIds.includes(e.event_id)));
      expect([chain.id, found.map((f) => f.cloud_api_abuse.root_identity.id.toLowerCase())]).toEqual([chain.id, expect.arrayContaining([chain.rootIdentity.toLowerCase()])]);
    }

    // The tamper chain, as the analyst opens it: the finding and the raw records behind it.
    const tamper = labels.chains.find((c) => c.id === 'aws-recon-then-logging-tamper');
    const target = page.findings.find((f) => f.cloud_api_abuse.evidence.some((e) => tamper?.eventIds.includes(e.event_id)));
    if (!target) throw new Error('the tamper chain should have a finding');
    const opened = (await httpRequest(host.url, 'GET', ROUTE_PATHS.finding.replace('{id}', idOf(target)))).json as FindingWithRecords;
    expect(opened.records.filter((r) => r.record !== undefined)).toHaveLength(target.cloud_api_abuse.evidence.length);
    const change = await httpRequest(host.url, 'POST', ROUTE_PATHS.findingsStatus, { body: { ids: [idOf(target)], status: 'acknowledged', note: 'owner asked' }, headers: XSRF });
    expect(change.status).toBe(200);
    await host.close();

    // Restart on the same file: nothing changed in the folder, so no run; the status is there.
    host = await startHost(options());
    const after = (await httpRequest(host.url, 'GET', ROUTE_PATHS.finding.replace('{id}', idOf(target)))).json as FindingWithRecords;
    expect(after.finding.cloud_api_abuse.workflow).toEqual({ status: 'acknowledged', updated_by: 'ana', updated_at: expect.any(String), note: 'owner asked' });
    expect(((await httpRequest(host.url, 'GET', ROUTE_PATHS.detectionHealth)).json as DetectionHealth).lastRun?.eventsRead).toBe(labels.totalEvents);

    // A forced run rewrites every finding; the analyst's status stays.
    expect((await httpRequest(host.url, 'POST', ROUTE_PATHS.detectionRunSoon, { headers: XSRF })).status).toBe(202);
    await host.whenIdle();
    const rerun = (await httpRequest(host.url, 'GET', `${ROUTE_PATHS.findings}?statuses=acknowledged`)).json as FindingsPage;
    expect(rerun.findings.map(idOf)).toEqual([idOf(target)]);
    expect(((await httpRequest(host.url, 'GET', ROUTE_PATHS.identities)).json as { total: number }).total).toBeGreaterThan(10);
  }, 120_000);

  it('says clearly when the port is taken, and leaves the database closed', async () => {
    host = await startHost(options());
    const port = Number(new URL(host.url).port);
    await expect(startHost({ ...options(), db: path.join(root, 'other.sqlite'), port })).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
    // Closed: SQLite removes the write-ahead log when the last connection closes.
    expect(existsSync(path.join(root, 'other.sqlite'))).toBe(true);
    expect(existsSync(path.join(root, 'other.sqlite-wal'))).toBe(false);
  }, 120_000);

  it('builds the panel when it is missing, and tells the user to build it when it cannot', async () => {
    const uiDir = tempDir('cloud-api-abuse-ui-');
    const built: string[] = [];
    host = await startHost({
      ...options(),
      uiDir,
      buildUi: async (outDir) => {
        built.push(outDir);
        writeFileSync(path.join(outDir, 'app.js'), '/* built */\n');
        writeFileSync(path.join(outDir, 'app.css'), 'body{}\n');
      },
    });
    expect(built).toEqual([uiDir]);
    const page = await httpRequest(host.url, 'GET', '/app/coverage');
    expect(page.text).toContain('<link rel="stylesheet" href="/app.css">');
    expect((await httpRequest(host.url, 'GET', '/app.js')).text).toBe('/* built */\n');
    await host.close();
    host = undefined;

    await expect(startHost({ ...options(), uiDir: tempDir() })).rejects.toThrow('the panel is not built');
    await expect(startHost({ ...options(), uiDir: tempDir(), buildUi: async () => Promise.reject(new Error('esbuild missing')) })).rejects.toThrow(
      /esbuild missing\. Run: npm run build:host-ui$/,
    );
  }, 120_000);

  it('serves read-only when asked: the page says so and writes are refused; warns when listening beyond this machine', async () => {
    const lines: string[] = [];
    const output = { info: (l: string) => void lines.push(l), error: (l: string) => void lines.push(l) };
    host = await startHost({ ...options(), quiet: false, output, readOnly: true, host: '0.0.0.0' });
    expect(lines).toContainEqual(expect.stringMatching(/^panel: +http:\/\/127\.0\.0\.1:\d+\/app\/findings \(read-only\)$/));
    expect(lines).toContain('warning: listening on 0.0.0.0: the host has no login, so anyone who can reach this address can read the findings');
    expect((await httpRequest(host.url, 'GET', '/app/findings')).text).toContain('content="false"');
    expect((await httpRequest(host.url, 'POST', ROUTE_PATHS.detectionRunSoon, { headers: XSRF })).status).toBe(403);
  }, 120_000);
});
