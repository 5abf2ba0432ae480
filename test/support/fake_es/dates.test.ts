import { formatDatePattern, parseDate, parseDuration, resolveDateMath } from './dates';

describe('dates', () => {
  it('reads ISO strings without a zone as UTC, with offsets, fractions and epoch millis', () => {
    expect(parseDate('2025-03-01T10:00:00')).toBe(Date.UTC(2025, 2, 1, 10));
    expect(parseDate('2025-03-01')).toBe(Date.UTC(2025, 2, 1));
    expect(parseDate('2025-03-01T10:00:00+02:00')).toBe(Date.UTC(2025, 2, 1, 8));
    expect(parseDate('2025-03-01T10:00:00.123456789Z')).toBe(Date.UTC(2025, 2, 1, 10, 0, 0, 123));
    expect(parseDate('1740823200000')).toBe(1740823200000);
    expect(parseDate(1740823200000)).toBe(1740823200000);
    expect(parseDate('2025')).toBe(Date.UTC(2025, 0, 1));
    expect(parseDate('yesterday')).toBeNaN();
    expect(parseDate('2025-13-01')).toBeNaN();
  });

  it('resolves date math and rounds up for gt/lte, down for gte/lt', () => {
    const now = Date.UTC(2025, 2, 10, 12, 34, 56);
    expect(resolveDateMath('now-15m', now, false)).toBe(now - 15 * 60_000);
    expect(resolveDateMath('now/d', now, false)).toBe(Date.UTC(2025, 2, 10));
    expect(resolveDateMath('now/d', now, true)).toBe(Date.UTC(2025, 2, 11) - 1);
    expect(resolveDateMath('now-1M/M', now, false)).toBe(Date.UTC(2025, 1, 1));
    expect(resolveDateMath('2025-01-31||+1d', now, false)).toBe(Date.UTC(2025, 1, 1));
    expect(resolveDateMath('now/w', now, false)).toBe(Date.UTC(2025, 2, 10)); // 10 March 2025 is a Monday
    expect(resolveDateMath('now+1x', now, false)).toBeNaN();
  });

  it('parses durations and formats with simple Java patterns', () => {
    expect(parseDuration('1m')).toBe(60_000);
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('soon')).toBeNull();
    expect(formatDatePattern(Date.UTC(2025, 4, 6, 7, 8, 9), 'yyyy.MM.dd')).toBe('2025.05.06');
    expect(formatDatePattern(Date.UTC(2025, 4, 6, 7, 8, 9), "yyyy-MM-dd'T'HH:mm")).toBe('2025-05-06T07:08');
  });
});
