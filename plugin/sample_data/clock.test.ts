import { awsCreateDate, awsExpiration, DayClock, dayStart, timeOfDay, workday } from './clock';

describe('clock', () => {
  const start = dayStart('2026-11-20');
  const clock = new DayClock(start);
  const t = start + timeOfDay('13:04:07') + 123;

  it('parses the day and times of day, refusing what is not a date', () => {
    expect(new Date(start).toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(() => dayStart('2026-02-30')).toThrow();
    expect(() => dayStart('20261120')).toThrow();
  });

  it("formats times in each provider's style, inside and outside the day", () => {
    expect(clock.seconds(t)).toBe('2026-11-20T13:04:07Z');
    expect(clock.millis(t)).toBe('2026-11-20T13:04:07.123Z');
    expect(clock.nanos(t, '456789')).toBe('2026-11-20T13:04:07.123456789Z');
    expect(clock.ticks(t, '4567')).toBe('2026-11-20T13:04:07.1234567Z');
    expect(clock.seconds(start - 1000)).toBe('2026-11-19T23:59:59Z');
    expect(Date.parse(clock.nanos(t, '456789'))).toBe(t);
  });

  it('writes STS expirations and IAM dates as CloudTrail does', () => {
    expect(awsExpiration(t)).toBe('Nov 20, 2026, 1:04:07 PM');
    expect(awsCreateDate(start)).toBe('Nov 20, 2026 12:00:00 AM');
  });

  it("puts a person's working day in their time zone", () => {
    const london = workday(0);
    const seattle = workday(-8);
    expect(london[10]).toBe(1);
    expect(london[3]).toBeLessThan(0.01);
    expect(seattle[18]).toBe(1);
    expect(seattle[10]).toBeLessThan(0.01);
  });
});
