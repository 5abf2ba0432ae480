import { DEFAULT_TIME_RANGE, requestRange, resolveTimeRange } from './time_range';

const now = new Date('2026-11-24T10:00:00.000Z');

describe('time range', () => {
  it('turns the default datemath range into ISO times that include the generated sample day', () => {
    const r = resolveTimeRange(DEFAULT_TIME_RANGE, now)!;
    expect(r).toEqual({ from: '2026-10-25T10:00:00.000Z', to: '2026-11-24T10:00:00.000Z' });
    expect(Date.parse('2026-11-20T11:22:05Z')).toBeGreaterThan(Date.parse(r.from));
  });

  it('rounds the end of a rounded range up and accepts absolute times', () => {
    const to = Date.parse(resolveTimeRange({ start: 'now-1d', end: 'now/d' }, now)!.to);
    expect(to).toBeGreaterThanOrEqual(now.getTime());
    // The last millisecond of the local day: one more is a local midnight.
    const next = new Date(to + 1);
    expect([next.getHours(), next.getMinutes(), next.getSeconds(), next.getMilliseconds()]).toEqual([0, 0, 0, 0]);
    expect(resolveTimeRange({ start: '2026-11-20T00:00:00.000Z', end: '2026-11-21T00:00:00.000Z' }, now)).toEqual({
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-21T00:00:00.000Z',
    });
  });

  it('refuses nonsense and reversed ranges', () => {
    expect(resolveTimeRange({ start: 'yesterday-ish', end: 'now' }, now)).toBeUndefined();
    expect(resolveTimeRange({ start: 'now', end: 'now-1d' }, now)).toBeUndefined();
  });

  it('refuses what moment would only guess at, such as a bare number', () => {
    expect(resolveTimeRange({ start: 'now-1d', end: '2026 or so' }, now)).toBeUndefined();
  });

  it('keeps what the user typed beside the bounds it resolved to', () => {
    expect(requestRange({ start: 'now-1h', end: 'now' }, now)).toEqual({ start: 'now-1h', end: 'now', from: '2026-11-24T09:00:00.000Z', to: '2026-11-24T10:00:00.000Z' });
    expect(requestRange({ start: 'now', end: 'now-1h' }, now)).toBeUndefined();
  });
});
