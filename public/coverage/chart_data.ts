/** What the events-per-hour chart draws: one bar series per scope, gaps as shaded spans, logging changes as markers. */
import type { CoverageScope } from '../../common/coverage';
import { formatCount, formatHours, gapHours, scopeLabel } from './coverage_format';

export interface HourlyPoint {
  time: number;
  scope: string;
  events: number;
}

export interface GapSpan {
  x0: number;
  x1: number;
  details: string;
}

export interface TamperMark {
  time: number;
  details: string;
}

const HOUR = 3_600_000;

export function hourlyPoints(scopes: CoverageScope[]): HourlyPoint[] {
  return scopes.flatMap((s) => s.hourly.map((h) => ({ time: Date.parse(h.hour), scope: scopeLabel(s), events: h.events })));
}

export function gapSpans(scopes: CoverageScope[]): GapSpan[] {
  return scopes.flatMap((s) =>
    s.gaps.map((g) => ({
      x0: Date.parse(g.start),
      x1: Date.parse(g.end),
      details: `${scopeLabel(s)}: no events for ${formatHours(gapHours(g))}, about ${formatCount(g.expected_events)} expected`,
    })),
  );
}

/** Several changes in the same hour make one marker, so a looping script does not paint a solid wall. */
export function tamperMarks(scopes: CoverageScope[]): TamperMark[] {
  const byHour = new Map<number, { scope: string; action: string }[]>();
  for (const s of scopes) {
    for (const t of s.tamper_events) {
      const hour = Math.floor(Date.parse(t.time) / HOUR) * HOUR;
      const list = byHour.get(hour) ?? [];
      list.push({ scope: scopeLabel(s), action: t.action });
      byHour.set(hour, list);
    }
  }
  return [...byHour.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([time, list]) => {
      const actions = [...new Set(list.map((x) => `${x.action} in ${x.scope}`))];
      const shown = actions.slice(0, 3).join('; ');
      return { time, details: `${list.length} logging change(s): ${shown}${actions.length > 3 ? ` and ${actions.length - 3} more` : ''}` };
    });
}

/** The span with data, whole hours: the range asked for can be a month around a single day of logs. */
export function hourDomain(scopes: CoverageScope[]): { min: number; max: number } | undefined {
  const times = scopes.flatMap((s) => s.hourly.map((h) => Date.parse(h.hour)));
  const gapEnds = scopes.flatMap((s) => s.gaps.map((g) => Date.parse(g.end) - HOUR));
  if (!times.length) return undefined;
  return { min: Math.min(...times), max: Math.max(...times, ...gapEnds) };
}
