import { DEFAULT_COVERAGE_RANGE, resolveTimeRange } from './time_range';

const now = new Date('2026-11-24T09:30:00.000Z');

describe('coverage time range', () => {
  it('turns the default "last 30 days" into ISO bounds ending now', () => {
    expect(resolveTimeRange(DEFAULT_COVERAGE_RANGE, now)).toEqual({ from: '2026-10-25T09:30:00.000Z', to: '2026-11-24T09:30:00.000Z' });
  });

  it('keeps absolute dates as they are', () => {
    expect(resolveTimeRange({ start: '2026-11-20T00:00:00.000Z', end: '2026-11-21T00:00:00.000Z' }, now)).toEqual({
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-21T00:00:00.000Z',
    });
  });

  it('refuses a range that does not parse or runs backwards', () => {
    expect(resolveTimeRange({ start: 'yesterday-ish', end: 'now' }, now)).toBeUndefined();
    expect(resolveTimeRange({ start: 'now', end: 'now-1d' }, now)).toBeUndefined();
  });
});
