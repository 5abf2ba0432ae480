import { cpSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { openHostStore, type HostStore } from '../store';
import { idOf, smallDay, tempDir, type SmallDay } from '../test_support';
import type { RunContext } from './detection_runner';
import { FolderRunner } from './folder_runner';

const context = (force = false, progress: number[] = []): RunContext => ({ signal: new AbortController().signal, force, onProgress: (n) => progress.push(n) });
const page = { sort: { field: 'risk_score', order: 'desc' }, page: 0, perPage: 100 } as const;

describe('FolderRunner', () => {
  let day: SmallDay;
  let dir: string;
  let store: HostStore;
  beforeAll(async () => {
    day = await smallDay();
  });
  beforeEach(() => {
    // A copy per test: tests touch and add files.
    dir = tempDir('cloud-api-abuse-folder-');
    cpSync(day.dir, dir, { recursive: true });
    store = openHostStore(path.join(tempDir(), 'folder.sqlite'));
  });
  afterEach(() => store.close());

  it('stores the CLI’s findings for the folder, with identity profiles and coverage, and reports progress', async () => {
    const progress: number[] = [];
    const runner = new FolderRunner({ dataDir: dir, store, now: () => Date.parse('2026-11-21T00:00:00Z') });
    const outcome = await runner.run(context(false, progress));
    expect(outcome).toEqual({ eventsRead: day.day.totalEvents, findingsWritten: day.findings.length, mode: 'folder', checkpoint: expect.any(Number) });
    expect(new Date(outcome?.checkpoint ?? 0).toISOString().slice(0, 10)).toBe('2026-11-20');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1]).toBe(day.day.totalEvents);
    const stored = await store.findings.list(page);
    // Same chains, same ids, as the CLI over the same files (here in another folder: evidence points at this one).
    expect(stored.findings.map(idOf).sort()).toEqual(day.findings.map(idOf).sort());
    expect(stored.findings.every((f) => f.cloud_api_abuse.evidence.every((e) => e.origin?.file?.startsWith(dir)))).toBe(true);
    expect((await store.identities.list({ page: 0, perPage: 1000 })).total).toBe(day.profiles.length);
    const coverage = await store.coverage.report({ from: Date.parse('2026-11-20T00:00:00Z'), to: Date.parse('2026-11-21T00:00:00Z') });
    expect(coverage.generated_from.events).toBe(day.coverage.generated_from.events);
  });

  it('skips a run when nothing changed, runs when forced, when a file changes or is added, or when the automation is saved', async () => {
    const runner = new FolderRunner({ dataDir: dir, store });
    expect(await runner.run(context())).toBeDefined();
    expect(await runner.run(context())).toBeUndefined();
    expect(await runner.run(context(true))).toMatchObject({ eventsRead: day.day.totalEvents });

    const file = day.findings[0].cloud_api_abuse.evidence[0].origin?.file?.replace(day.dir, dir) ?? '';
    utimesSync(file, new Date(), new Date('2030-01-01T00:00:00Z'));
    expect(await runner.run(context())).toBeDefined();
    expect(await runner.run(context())).toBeUndefined();

    mkdirSync(path.join(dir, 'late'), { recursive: true });
    writeFileSync(path.join(dir, 'late', 'more.ndjson'), '');
    expect(await runner.run(context())).toBeDefined();
    expect(await runner.run(context())).toBeUndefined();

    await store.automation.put({ down_weight: 0.3, expected_automation: [{ name: 'ci', reason: 'pipeline', user_agents: ['terraform'] }] }, 'lead');
    expect(await runner.run(context())).toBeDefined();
  });

  it('keeps the analyst’s status when a later run rewrites the findings', async () => {
    const runner = new FolderRunner({ dataDir: dir, store });
    await runner.run(context());
    const target = idOf(day.findings[0]);
    await store.findings.setStatus({ ids: [target], status: 'closed', by: 'lead', at: '2026-11-21T09:00:00.000Z', note: 'known test' });
    await runner.run(context(true));
    expect((await store.findings.get(target))?.cloud_api_abuse.workflow).toEqual({ status: 'closed', updated_by: 'lead', updated_at: '2026-11-21T09:00:00.000Z', note: 'known test' });
    expect((await store.findings.list(page)).total).toBe(day.findings.length);
  });

  it('fails, naming the folder, when it holds no log files, and stops when the run is cancelled', async () => {
    const empty = tempDir();
    await expect(new FolderRunner({ dataDir: empty, store }).run(context())).rejects.toThrow(`no log files in ${empty}`);
    const controller = new AbortController();
    controller.abort();
    await expect(new FolderRunner({ dataDir: dir, store }).run({ signal: controller.signal, force: true, onProgress: () => undefined })).rejects.toThrow('aborted');
    expect((await store.findings.list(page)).total).toBe(0);
  });
});
