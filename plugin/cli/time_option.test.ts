import { parseTimeOption } from './time_option';

describe('parseTimeOption', () => {
  const now = Date.parse('2026-11-20T12:00:00Z');
  it('accepts ISO dates and times', () => {
    expect(parseTimeOption('2026-11-20', now)).toBe(Date.parse('2026-11-20T00:00:00Z'));
    expect(parseTimeOption('2026-11-20T10:30:00Z', now)).toBe(Date.parse('2026-11-20T10:30:00Z'));
  });
  it('accepts durations back from now', () => {
    expect(parseTimeOption('24h', now)).toBe(now - 86_400_000);
    expect(parseTimeOption('90m', now)).toBe(now - 90 * 60_000);
    expect(parseTimeOption('7d', now)).toBe(now - 7 * 86_400_000);
  });
  it('explains what it expected on bad input', () => {
    expect(() => parseTimeOption('yesterday', now)).toThrow(/ISO 8601/);
    expect(() => parseTimeOption('2026-13-45', now)).toThrow(/not a valid date/);
  });
});
