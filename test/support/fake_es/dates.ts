/**
 * Dates the way Elasticsearch's default `strict_date_optional_time||epoch_millis` reads them, in UTC, plus date
 * math (`now-15m`, `2024-01-01||+1d/d`), durations (`1m`, `30s`) and calendar/fixed histogram intervals.
 */

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Milliseconds since the epoch, or NaN when the value is not a date. Strings without a zone are UTC. */
export function parseDate(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : NaN;
  if (typeof value !== 'string' || value.length === 0) return NaN;
  if (/^-?\d+$/.test(value) && !/^\d{4}$/.test(value)) return Number(value);
  const m = ISO.exec(value);
  if (m === null) return NaN;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (h === undefined && zone !== undefined) return NaN;
  const millis = frac === undefined ? 0 : Number(frac.padEnd(3, '0').slice(0, 3));
  const month = mo === undefined ? 0 : Number(mo) - 1;
  const day = d === undefined ? 1 : Number(d);
  const t = Date.UTC(Number(y), month, day, Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), millis);
  if (month > 11 || day > 31 || Number(h ?? 0) > 23 || Number(mi ?? 0) > 59 || Number(s ?? 0) > 59) return NaN;
  return t - zoneOffsetMillis(zone);
}

function zoneOffsetMillis(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** `strict_date_optional_time` output, as in `key_as_string` and `value_as_string`. */
export function formatDate(millis: number): string {
  return new Date(millis).toISOString();
}

/** The handful of Java date patterns tests use in `format` (yyyy MM dd HH mm ss SSS and literals). */
export function formatDatePattern(millis: number, pattern: string | undefined): string {
  if (pattern === undefined || pattern === 'strict_date_optional_time' || pattern === 'date_optional_time') {
    return formatDate(millis);
  }
  if (pattern === 'epoch_millis') return String(millis);
  const d = new Date(millis);
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  const parts: Record<string, string> = {
    yyyy: pad(d.getUTCFullYear(), 4),
    uuuu: pad(d.getUTCFullYear(), 4),
    MM: pad(d.getUTCMonth() + 1, 2),
    dd: pad(d.getUTCDate(), 2),
    HH: pad(d.getUTCHours(), 2),
    mm: pad(d.getUTCMinutes(), 2),
    ss: pad(d.getUTCSeconds(), 2),
    SSS: pad(d.getUTCMilliseconds(), 3),
  };
  return pattern.replace(/'([^']*)'|yyyy|uuuu|MM|dd|HH|mm|ss|SSS/g, (token, literal: string | undefined) =>
    literal !== undefined ? literal : (parts[token] ?? token),
  );
}

type Unit = 'y' | 'M' | 'w' | 'd' | 'h' | 'H' | 'm' | 's';
const UNITS = new Set(['y', 'M', 'w', 'd', 'h', 'H', 'm', 's']);

function addUnits(millis: number, amount: number, unit: Unit): number {
  const d = new Date(millis);
  switch (unit) {
    case 'y':
      return Date.UTC(d.getUTCFullYear() + amount, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
    case 'M':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + amount, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
    case 'w':
      return millis + amount * 7 * 86_400_000;
    case 'd':
      return millis + amount * 86_400_000;
    case 'h':
    case 'H':
      return millis + amount * 3_600_000;
    case 'm':
      return millis + amount * 60_000;
    case 's':
      return millis + amount * 1000;
  }
}

/** Start of the unit containing `millis` (UTC; weeks start on Monday, as in Elasticsearch). */
export function roundDown(millis: number, unit: Unit | 'q'): number {
  const d = new Date(millis);
  const y = d.getUTCFullYear();
  switch (unit) {
    case 'y':
      return Date.UTC(y, 0, 1);
    case 'q':
      return Date.UTC(y, Math.floor(d.getUTCMonth() / 3) * 3, 1);
    case 'M':
      return Date.UTC(y, d.getUTCMonth(), 1);
    case 'w': {
      const day = Date.UTC(y, d.getUTCMonth(), d.getUTCDate());
      return day - ((d.getUTCDay() + 6) % 7) * 86_400_000;
    }
    case 'd':
      return Date.UTC(y, d.getUTCMonth(), d.getUTCDate());
    case 'h':
    case 'H':
      return Math.floor(millis / 3_600_000) * 3_600_000;
    case 'm':
      return Math.floor(millis / 60_000) * 60_000;
    case 's':
      return Math.floor(millis / 1000) * 1000;
  }
}

export function nextCalendarBucket(start: number, unit: Unit | 'q'): number {
  return unit === 'q' ? addUnits(start, 3, 'M') : addUnits(start, 1, unit);
}

/**
 * Resolves a date or date-math expression. `roundUp` follows Elasticsearch: `gt` and `lte` round a `/unit` up to
 * the unit's last millisecond, `gte` and `lt` round down. Returns NaN when the expression is not a date.
 */
export function resolveDateMath(expression: unknown, now: number, roundUp: boolean): number {
  if (typeof expression === 'number') return Math.trunc(expression);
  if (typeof expression !== 'string') return NaN;
  let anchor: number;
  let math: string;
  if (expression.startsWith('now')) {
    anchor = now;
    math = expression.slice(3);
  } else {
    const sep = expression.indexOf('||');
    if (sep < 0) return parseDate(expression);
    anchor = parseDate(expression.slice(0, sep));
    math = expression.slice(sep + 2);
  }
  let t = anchor;
  let i = 0;
  while (i < math.length && Number.isFinite(t)) {
    const op = math[i++];
    if (op === '/') {
      const unit = math[i++];
      if (!UNITS.has(unit)) return NaN;
      const down = roundDown(t, unit as Unit);
      t = roundUp ? addUnits(down, 1, unit as Unit) - 1 : down;
    } else if (op === '+' || op === '-') {
      const m = /^(\d*)([yMwdhHms])/.exec(math.slice(i));
      if (m === null) return NaN;
      const amount = m[1] === '' ? 1 : Number(m[1]);
      t = addUnits(t, op === '+' ? amount : -amount, m[2] as Unit);
      i += m[0].length;
    } else {
      return NaN;
    }
  }
  return t;
}

/** Time values such as `keep_alive=1m`, `fixed_interval=30s`; null when malformed. */
export function parseDuration(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?)(nanos|micros|ms|s|m|h|d)$/.exec(value.trim());
  if (m === null) return value === '-1' ? -1 : null;
  const n = Number(m[1]);
  const factor: Record<string, number> = { nanos: 1e-6, micros: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  return n * factor[m[2]];
}

export type CalendarUnit = Unit | 'q';

/** `calendar_interval` names: `1d`/`day`, `1M`/`month`, `1q`/`quarter`, ... */
export function parseCalendarInterval(value: string): CalendarUnit | null {
  const names: Record<string, CalendarUnit> = {
    '1m': 'm', minute: 'm', '1h': 'h', hour: 'h', '1d': 'd', day: 'd', '1w': 'w', week: 'w',
    '1M': 'M', month: 'M', '1q': 'q', quarter: 'q', '1y': 'y', year: 'y',
  };
  return names[value] ?? null;
}
