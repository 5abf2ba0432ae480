import { firstEventTime, startTimeOf, timeFromPath } from './start_time';
import { ndjson, records, Scratch, timeOnlyNormalize } from './test_support';

describe('when a file starts', () => {
  const scratch = new Scratch();
  afterAll(() => scratch.cleanup());

  it('takes the first usable event time from the head, also of gzip files and documents', async () => {
    const start = Date.UTC(2023, 6, 10, 12, 0);
    const items = [{ id: 'no-time' }, ...records('t', 50000, start)];
    const gz = scratch.gzip('a.json.gz', ndjson(items));
    expect(await firstEventTime(gz, timeOnlyNormalize)).toBe(start);
    const small = scratch.file('b.json', JSON.stringify({ Records: items.slice(0, 100) }));
    expect(await firstEventTime(small, timeOnlyNormalize)).toBe(start);
    // larger than the head that is read: the scanner finds the first complete records in it
    const large = scratch.file('c.json', JSON.stringify({ Records: items.slice(0, 5000) }, null, 2));
    expect(await firstEventTime(large, timeOnlyNormalize)).toBe(start);
  });

  it('falls back to a timestamp in the path, then to nothing', async () => {
    const named = scratch.file('218007301253_CloudTrail_us-east-1_20230710T1220Z_WMiHxZgr.json', '{"Records":[]}');
    expect(await startTimeOf(named, timeOnlyNormalize)).toBe(Date.UTC(2023, 6, 10, 12, 20));
    const unnamed = scratch.file('export.json', 'not json at all');
    expect(await startTimeOf(unnamed, timeOnlyNormalize)).toBeUndefined();
  });

  it.each([
    ['AWSLogs/1/CloudTrail/us-east-1/2023/07/10/1_CloudTrail_us-east-1_20230710T1220Z_x.json.gz', Date.UTC(2023, 6, 10, 12, 20)],
    ['insights-activity-logs/resourceId=/SUBSCRIPTIONS/S/y=2024/m=03/d=05/h=07/m=00/PT1H.json', Date.UTC(2024, 2, 5, 7, 0)],
    ['cloudaudit.googleapis.com/activity/2023/07/10/13:00:00_13:59:59_S0.json', Date.UTC(2023, 6, 10, 13, 0)],
    ['exports/signins-2024-02-29T23-15.ndjson', Date.UTC(2024, 1, 29, 23, 15)],
    ['exports/dump.ndjson', undefined],
    ['exports/build-99999999T9999Z.json', undefined],
  ])('reads the time in %s', (file, expected) => {
    expect(timeFromPath(file)).toBe(expected);
  });
});
