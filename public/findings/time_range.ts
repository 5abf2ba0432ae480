/** The date picker speaks datemath (`now-30d`); the API wants ISO times. */
import dateMath from '@elastic/datemath';

export interface TimeRange {
  start: string;
  end: string;
}

/** The sample day is a few days old; a month back shows it and a month of real detections. */
export const DEFAULT_TIME_RANGE: TimeRange = { start: 'now-30d', end: 'now' };

export function resolveTimeRange(range: TimeRange, now: Date = new Date()): { from: string; to: string } | undefined {
  const from = dateMath.parse(range.start, { forceNow: now });
  const to = dateMath.parse(range.end, { roundUp: true, forceNow: now });
  if (!from?.isValid() || !to?.isValid() || from.valueOf() > to.valueOf()) return undefined;
  return { from: from.toISOString(), to: to.toISOString() };
}
