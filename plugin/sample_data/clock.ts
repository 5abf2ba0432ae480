/** Time formatting in each provider's own style, and the daily activity curves. All times are epoch ms, UTC. */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a 'YYYY-MM-DD' date. */
export function dayStart(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`date must be YYYY-MM-DD, got "${date}"`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new Error(`not a calendar date: "${date}"`);
  return ms;
}

/** Parses 'HH:MM' or 'HH:MM:SS' into ms after midnight. */
export function timeOfDay(hms: string): number {
  const parts = hms.split(':').map(Number);
  if (parts.length < 2 || parts.some((p) => !Number.isInteger(p))) throw new Error(`bad time of day "${hms}"`);
  return parts[0] * HOUR + parts[1] * MINUTE + (parts[2] ?? 0) * SECOND;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
const pad3 = (n: number): string => (n < 10 ? '00' + n : n < 100 ? '0' + n : String(n));

/**
 * Fast formatter for times within one day (the hot path formats every event's time); falls back to Date for others.
 */
export class DayClock {
  readonly start: number;
  private readonly prefix: string;
  private readonly hh: string[] = [];
  private readonly mmss: string[] = [];

  constructor(start: number) {
    this.start = start;
    this.prefix = new Date(start).toISOString().slice(0, 11);
    for (let h = 0; h < 24; h++) this.hh.push(pad2(h));
    for (let m = 0; m < 60; m++) this.mmss.push(pad2(m));
  }

  private parts(ms: number): [string, number] | null {
    const off = ms - this.start;
    if (off < 0 || off >= DAY) return null;
    const s = Math.floor(off / 1000);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    return [this.prefix + this.hh[h] + ':' + this.mmss[m] + ':' + this.mmss[s % 60], off % 1000];
  }

  /** CloudTrail: `2026-11-20T10:04:07Z`. */
  seconds(ms: number): string {
    const p = this.parts(ms);
    return p ? p[0] + 'Z' : new Date(ms - (ms % 1000)).toISOString().replace('.000Z', 'Z');
  }

  /** `2026-11-20T10:04:07.123Z`. */
  millis(ms: number): string {
    const p = this.parts(ms);
    return p ? p[0] + '.' + pad3(p[1]) + 'Z' : new Date(ms).toISOString();
  }

  /** GCP: nanosecond precision, `2026-11-20T10:04:07.123456789Z`; `sub` holds the 6 digits below the millisecond. */
  nanos(ms: number, sub: string): string {
    const p = this.parts(ms);
    return (p ? p[0] + '.' + pad3(p[1]) : new Date(ms).toISOString().slice(0, 23)) + sub + 'Z';
  }

  /** Azure: 7 fractional digits, `2026-11-20T10:04:07.1234567Z`; `sub` holds the 4 digits below the millisecond. */
  ticks(ms: number, sub: string): string {
    const p = this.parts(ms);
    return (p ? p[0] + '.' + pad3(p[1]) : new Date(ms).toISOString().slice(0, 23)) + sub + 'Z';
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function clock12(d: Date): string {
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** STS credential expiration as CloudTrail writes it: `Nov 20, 2026, 6:30:22 PM`. */
export function awsExpiration(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${clock12(d)}`;
}

/** IAM createDate as CloudTrail writes it: `Nov 20, 2026 12:23:05 PM`. */
export function awsCreateDate(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${clock12(d)}`;
}

/** A 24-value activity curve over UTC hours; only the shape matters, volumes are scaled elsewhere. */
export type DailyProfile = readonly number[];

/** Automation that runs around the clock, slightly busier in the working day of the main office. */
export const ALWAYS_ON: DailyProfile = [
  0.8, 0.75, 0.7, 0.7, 0.7, 0.75, 0.8, 0.9, 1, 1.05, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.05, 1, 0.95, 0.9, 0.9, 0.85, 0.85, 0.8,
];

/**
 * A person's working day in their time zone: busy 09-18 local, a little in the evening, almost nothing at night.
 * `floor` keeps some night activity (on-call, late e-mails) so every identity has history from the early hours.
 */
export function workday(utcOffsetHours: number, floor = 0.005): DailyProfile {
  const out: number[] = [];
  for (let h = 0; h < 24; h++) {
    const local = (((h + utcOffsetHours) % 24) + 24) % 24;
    let w: number;
    if (local >= 9 && local < 12) w = 1;
    else if (local >= 12 && local < 13) w = 0.6;
    else if (local >= 13 && local < 18) w = 0.95;
    else if (local >= 8 && local < 9) w = 0.55;
    else if (local >= 7 && local < 8) w = 0.25;
    else if (local >= 18 && local < 21) w = 0.2;
    else w = floor;
    out.push(Math.max(w, floor));
  }
  return out;
}

/** CI/CD: pushes during the engineering day (Europe then US) and a nightly pipeline at 02:00 UTC. */
export const CI_PIPELINES: DailyProfile = [
  0.15, 0.1, 0.6, 0.3, 0.1, 0.1, 0.2, 0.5, 0.8, 1, 1, 0.9, 0.8, 0.9, 1, 1.1, 1.1, 1, 0.9, 0.8, 0.6, 0.4, 0.3, 0.2,
];

/** Customer-facing services: follow traffic from Europe and the Americas. */
export const CUSTOMER_TRAFFIC: DailyProfile = [
  0.55, 0.45, 0.4, 0.35, 0.35, 0.4, 0.5, 0.65, 0.8, 0.9, 0.95, 1, 1, 1.05, 1.1, 1.15, 1.15, 1.1, 1.05, 1, 0.95, 0.85, 0.75, 0.65,
];

export function profileSum(p: DailyProfile): number {
  let s = 0;
  for (const v of p) s += v;
  return s;
}
