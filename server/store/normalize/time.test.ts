import { parseTime } from './time';

describe('parseTime', () => {
  it('reads RFC 3339 times and truncates sub-millisecond digits like Elasticsearch does', () => {
    expect(parseTime('2023-07-10T12:09:26Z')).toBe(Date.UTC(2023, 6, 10, 12, 9, 26));
    expect(parseTime('2024-11-19T00:49:55.293368631Z')).toBe(Date.UTC(2024, 10, 19, 0, 49, 55, 293));
    expect(parseTime('2019-10-18T09:45:48.0729893Z')).toBe(Date.UTC(2019, 9, 18, 9, 45, 48, 72));
  });

  it('applies zone offsets', () => {
    expect(parseTime('2019-10-18T04:45:48.0729893-05:00')).toBe(Date.UTC(2019, 9, 18, 9, 45, 48, 72));
    expect(parseTime('2022-02-08T06:22:28.3518405+00:00')).toBe(Date.UTC(2022, 1, 8, 6, 22, 28, 351));
    expect(parseTime('2020-01-01T01:00:00+0100')).toBe(Date.UTC(2020, 0, 1, 0, 0, 0));
  });

  it('reads zone-less and space-separated times (Panther p_event_time) as UTC, whatever the host zone', () => {
    expect(parseTime('2024-03-20 10:00:00.000')).toBe(Date.UTC(2024, 2, 20, 10, 0, 0));
    expect(parseTime('2023-01-10 21:04:02')).toBe(Date.UTC(2023, 0, 10, 21, 4, 2));
    expect(parseTime('2021-05-20 15:53:47Z')).toBe(Date.UTC(2021, 4, 20, 15, 53, 47));
    expect(parseTime('2024-06-03 15:23:22.000000000')).toBe(Date.UTC(2024, 5, 3, 15, 23, 22));
  });

  it('reads the ISO basic form of old CloudTrail samples', () => {
    expect(parseTime('20131102T010628Z')).toBe(Date.UTC(2013, 10, 2, 1, 6, 28));
  });

  it("reads the Java date format CloudTrail uses for STS expirations, with or without a comma after the year", () => {
    expect(parseTime('Oct 2, 2019 11:12:29 PM')).toBe(Date.UTC(2019, 9, 2, 23, 12, 29));
    expect(parseTime('Sep 14, 2020, 7:01:26 AM')).toBe(Date.UTC(2020, 8, 14, 7, 1, 26));
    expect(parseTime('Jul 10, 2023, 12:21:41 PM')).toBe(Date.UTC(2023, 6, 10, 12, 21, 41));
    expect(parseTime('Jul 10, 2023, 12:21:41 AM')).toBe(Date.UTC(2023, 6, 10, 0, 21, 41));
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(parseTime(1604306119)).toBe(1604306119000);
    expect(parseTime(1604306119123)).toBe(1604306119123);
  });

  it('gives the same answer as Date.UTC when consecutive times change day, roll over or name years 0-99', () => {
    const cases: [string, number][] = [
      ['2024-02-29T23:59:59.999Z', Date.UTC(2024, 1, 29, 23, 59, 59, 999)],
      ['2024-03-01T00:00:00Z', Date.UTC(2024, 2, 1)],
      ['2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12)],
      ['2023-02-31T10:00:00Z', Date.UTC(2023, 1, 31, 10)], // day past the month's end rolls over, as Date.UTC does
      ['2023-12-31T24:00:00Z', Date.UTC(2023, 11, 31, 24)],
      ['2016-12-31T23:59:60Z', Date.UTC(2016, 11, 31, 23, 59, 60)],
      ['0050-06-01T00:00:00Z', Date.UTC(50, 5, 1)],
      ['1969-12-31T23:59:59Z', -1000],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [text, expected] of cases) expect(parseTime(text)).toBe(expected);
    }
  });

  it('returns undefined for anything else', () => {
    for (const bad of ['', 'yesterday', '2023-13-01T00:00:00Z', '2023-07-10T12:09:26Zjunk', 'Foo 2, 2019 11:12:29 PM', null, {}, -5, NaN]) {
      expect(parseTime(bad)).toBeUndefined();
    }
  });
});
