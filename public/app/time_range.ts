/**
 * A page's time range as the user typed it in the date picker (datemath, `now-30d`) and as the API takes it (ISO
 * instants). Shared by the findings, dashboard and coverage pages.
 */
import dateMath from '@elastic/datemath';

export interface TimeRange {
  start: string;
  end: string;
}

/** The sample day is a few days old; a month back shows it and a month of real detections. */
export const DEFAULT_TIME_RANGE: TimeRange = { start: 'now-30d', end: 'now' };

/** ISO bounds, or undefined when either end does not parse or the range runs backwards. Both ends share one `now`. */
export function resolveTimeRange(range: TimeRange, now: Date = new Date()): { from: string; to: string } | undefined {
  if (!parseable(range.start) || !parseable(range.end)) return undefined;
  const from = dateMath.parse(range.start, { forceNow: now });
  // Rounding the end up makes `now/d` mean the end of today, as Kibana's pickers do.
  const to = dateMath.parse(range.end, { roundUp: true, forceNow: now });
  if (!from?.isValid() || !to?.isValid() || from.isAfter(to)) return undefined;
  return { from: from.toISOString(), to: to.toISOString() };
}

/** Relative expressions, or absolute dates the picker writes as ISO; moment's lenient fallback is not wanted. */
function parseable(text: string): boolean {
  return text.trim().startsWith('now') || !Number.isNaN(Date.parse(text));
}

/** A range with the bounds it was resolved to when the user applied it (a refresh re-resolves it, moving `now`). */
export interface RequestedRange extends TimeRange {
  from: string;
  to: string;
}

export function requestRange(range: TimeRange, now?: Date): RequestedRange | undefined {
  const resolved = resolveTimeRange(range, now);
  return resolved && { ...range, ...resolved };
}
