import * as path from 'node:path';
import { HOUR } from '../../../server/analytic/coverage';
import { expectedAutomationSchema } from '../../../server/analytic/automation';
import { smallDay, tempDir } from '../test_support';
import { openHostStore } from './index';

const ms = (iso: string): number => Date.parse(iso);

describe('SqliteCoverageStore', () => {
  it('answers the whole day with the same report as the CLI coverage over the same events', async () => {
    const day = await smallDay();
    const store = openHostStore(path.join(tempDir(), 'coverage.sqlite'));
    store.coverage.replace(day.hours);
    expect(await store.coverage.report({ from: ms('2026-11-19T00:00:00Z'), to: ms('2026-11-22T00:00:00Z') })).toEqual(day.coverage);
    store.close();
  });

  it('answers a range from the hours it touches, rounded out to whole hours', async () => {
    const day = await smallDay();
    const store = openHostStore(path.join(tempDir(), 'coverage.sqlite'));
    store.coverage.replace(day.hours);
    const from = ms('2026-11-20T10:30:00Z');
    const to = ms('2026-11-20T12:15:00Z');
    const report = await store.coverage.report({ from, to });
    // 10:00-13:00: the hours 10, 11 and 12 counted whole.
    const hours = day.hours.filter((h) => h.hour >= Math.floor(from / HOUR) && h.hour < Math.ceil(to / HOUR));
    expect(hours.map((h) => new Date(h.hour * HOUR).toISOString())).toEqual(['2026-11-20T10:00:00.000Z', '2026-11-20T11:00:00.000Z', '2026-11-20T12:00:00.000Z']);
    const events = hours.reduce((n, h) => n + h.scopes.reduce((m, s) => m + s.events, 0), 0);
    expect(report.generated_from.events).toBe(events);
    expect(events).toBeGreaterThan(0);
    expect(events).toBeLessThan(day.coverage.generated_from.events);
    expect(Date.parse(report.generated_from.first_seen ?? '')).toBeGreaterThanOrEqual(ms('2026-11-20T10:00:00Z'));
    expect(Date.parse(report.generated_from.last_seen ?? '')).toBeLessThan(ms('2026-11-20T13:00:00Z'));
    // A range with no logged hour: an empty report.
    const none = await store.coverage.report({ from: ms('2025-01-01T00:00:00Z'), to: ms('2025-01-02T00:00:00Z') });
    expect(none.generated_from).toEqual({ events: 0, first_seen: null, last_seen: null });
    expect(none.scopes).toEqual([]);
    store.close();
  });

  it('replaces the previous run’s hours', async () => {
    const day = await smallDay();
    const store = openHostStore(path.join(tempDir(), 'coverage.sqlite'));
    store.coverage.replace(day.hours);
    store.coverage.replace(day.hours.slice(0, 2));
    const report = await store.coverage.report({ from: 0, to: ms('2030-01-01T00:00:00Z') });
    expect(report.generated_from.events).toBe(day.hours.slice(0, 2).reduce((n, h) => n + h.scopes.reduce((m, s) => m + s.events, 0), 0));
    store.close();
  });
});

describe('SqliteIdentityProfileStore', () => {
  it('lists the run’s profiles most active first, filtered by provider and by plain text, and replaces them by id', async () => {
    const { profiles } = await smallDay();
    expect(profiles.length).toBeGreaterThan(10);
    const store = openHostStore(path.join(tempDir(), 'identities.sqlite'));
    await store.identities.write(profiles);
    const all = await store.identities.list({ page: 0, perPage: 1000 });
    expect(all.total).toBe(profiles.length);
    expect(all.profiles.map((p) => p.id)).toEqual([...profiles].sort((a, b) => b.events - a.events || (a.id < b.id ? -1 : 1)).map((p) => p.id));
    expect(all.profiles[0]).toEqual(profiles.find((p) => p.id === all.profiles[0].id));

    const gcp = await store.identities.list({ providers: ['gcp'], page: 0, perPage: 1000 });
    expect(gcp.total).toBe(profiles.filter((p) => p.provider === 'gcp').length);
    expect(gcp.profiles.every((p) => p.provider === 'gcp')).toBe(true);

    const someone = profiles.find((p) => p.provider === 'azure') ?? profiles[0];
    const text = someone.root_id.slice(0, 6).toUpperCase();
    const found = await store.identities.list({ search: text, page: 0, perPage: 1000 });
    expect(found.profiles.map((p) => p.id).sort()).toEqual(profiles.filter((p) => p.root_id.toLowerCase().includes(text.toLowerCase())).map((p) => p.id).sort());
    expect((await store.identities.list({ search: '%', page: 0, perPage: 10 })).total).toBe(profiles.filter((p) => p.root_id.includes('%')).length);

    const second = await store.identities.list({ page: 1, perPage: 5 });
    expect(second.profiles.map((p) => p.id)).toEqual(all.profiles.slice(5, 10).map((p) => p.id));

    await store.identities.write([{ ...someone, events: 1_000_000, updated_at: '2026-11-22T00:00:00.000Z' }]);
    const after = await store.identities.list({ page: 0, perPage: 1 });
    expect(after.total).toBe(profiles.length);
    expect(after.profiles[0]).toMatchObject({ id: someone.id, events: 1_000_000 });
    store.close();
  });
});

describe('SqliteAutomationStore', () => {
  it('answers the empty default until a file is saved, then the file, who saved it and when', async () => {
    const file = path.join(tempDir(), 'automation.sqlite');
    const store = openHostStore(file);
    expect(await store.automation.get()).toEqual(expectedAutomationSchema.parse({}));
    expect(store.automation.saved()).toBeUndefined();
    expect(await store.automation.compiled()).toBeUndefined();
    const config = { down_weight: 0.2, expected_automation: [{ name: 'terraform-ci', reason: 'IaC pipeline', user_agents: ['terraform'] }] };
    await store.automation.put(config, 'lead');
    expect(await store.automation.get()).toEqual(config);
    expect(store.automation.saved()).toEqual({ by: 'lead', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect((await store.automation.compiled())?.entries.map((e) => e.name)).toEqual(['terraform-ci']);
    store.close();
    const reopened = openHostStore(file);
    expect(await reopened.automation.get()).toEqual(config);
    reopened.close();
  });

  it('refuses a file the schema rejects and keeps the saved one', async () => {
    const store = openHostStore(path.join(tempDir(), 'automation.sqlite'));
    const good = { down_weight: 0.5, expected_automation: [{ name: 'ci', reason: 'pipeline', accounts: ['1234'] }] };
    await store.automation.put(good, 'lead');
    const bad = { down_weight: 2, expected_automation: [{ name: 'x', reason: 'no matcher' }] };
    await expect(store.automation.put(bad as typeof good, 'lead')).rejects.toThrow();
    expect(await store.automation.get()).toEqual(good);
    store.close();
  });
});
