/**
 * Time parsing for audit logs, always UTC and independent of the host time zone (Date.parse is not: it reads
 * zone-less strings as local time). Returns epoch ms or undefined.
 *
 * Accepted forms:
 * - ISO 8601 / RFC 3339 with `T` or a space, any number of fraction digits (truncated to ms, as Elasticsearch does),
 *   `Z`, `±hh:mm`, `±hhmm` or no zone (read as UTC: Panther's `p_event_time`, "2024-03-20 10:00:00.000").
 * - ISO basic form `20131102T010628Z` (old CloudTrail samples).
 * - Java's default date format that CloudTrail uses inside responses: "Oct 2, 2019 11:12:29 PM",
 *   "Sep 14, 2020, 7:01:26 AM" (UTC).
 * - Epoch numbers: seconds below 1e11, milliseconds above.
 */
export function parseTime(v: unknown): number | undefined {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v <= 0) return undefined;
    return v < 1e11 ? Math.round(v * 1000) : Math.round(v);
  }
  if (typeof v !== 'string' || v.length < 8 || v.length > 64) return undefined;
  const first = v.charCodeAt(0);
  if (first >= 48 && first <= 57) return parseIso(v);
  return parseJavaDate(v);
}

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function parseIso(s: string): number | undefined {
  const len = s.length;
  if (len >= 15 && s.charCodeAt(8) === 84 /* T */ && s.charCodeAt(4) !== 45) return parseIsoBasic(s);
  if (len < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (len === 10) return Date.UTC(year, month - 1, day);
  const sep = s.charCodeAt(10);
  if ((sep !== 84 && sep !== 32 && sep !== 116) || len < 16 || s.charCodeAt(13) !== 58) return undefined;
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  if (hour < 0 || hour > 24 || minute < 0 || minute > 59) return undefined;
  let second = 0;
  let i = 16;
  if (i < len && s.charCodeAt(i) === 58) {
    second = digits(s, 17, 2);
    if (second < 0 || second > 60) return undefined;
    i = 19;
  }
  let ms = 0;
  if (i < len && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44)) {
    i++;
    let scale = 100;
    while (i < len) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      ms += c * scale;
      scale = Math.floor(scale / 10);
      i++;
    }
  }
  let offsetMinutes = 0;
  if (i < len) {
    const z = s.charCodeAt(i);
    if (z === 90 || z === 122) {
      i++;
    } else if (z === 43 || z === 45) {
      const oh = digits(s, i + 1, 2);
      const colon = s.charCodeAt(i + 3) === 58;
      const om = digits(s, i + (colon ? 4 : 3), 2);
      if (oh < 0 || om < 0) return undefined;
      offsetMinutes = (oh * 60 + om) * (z === 45 ? -1 : 1);
      i += colon ? 6 : 5;
    }
    if (i !== len) return undefined;
  }
  return startOfDay(year, month, day) + hour * 3600000 + minute * 60000 + second * 1000 + ms - offsetMinutes * 60000;
}

// Date.UTC is a runtime call; a log's timestamps mostly share their day, so the day's start is computed once per
// day. Date.UTC(y, m, d, h, mi, s, ms) is exactly Date.UTC(y, m, d) + the time of day in ms (same day overflow,
// same reading of years 0-99 as 1900-1999).
let cachedDay = -1;
let cachedDayStart = 0;

function startOfDay(year: number, month: number, day: number): number {
  const key = (year * 16 + month) * 32 + day;
  if (key !== cachedDay) {
    cachedDayStart = Date.UTC(year, month - 1, day);
    cachedDay = key;
  }
  return cachedDayStart;
}

/** 20131102T010628Z */
function parseIsoBasic(s: string): number | undefined {
  const year = digits(s, 0, 4);
  const month = digits(s, 4, 2);
  const day = digits(s, 6, 2);
  const hour = digits(s, 9, 2);
  const minute = digits(s, 11, 2);
  const second = digits(s, 13, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || minute < 0 || second < 0) return undefined;
  const rest = s.slice(15);
  if (rest !== '' && rest !== 'Z') return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

const MONTHS = new Map([
  ['Jan', 0], ['Feb', 1], ['Mar', 2], ['Apr', 3], ['May', 4], ['Jun', 5],
  ['Jul', 6], ['Aug', 7], ['Sep', 8], ['Oct', 9], ['Nov', 10], ['Dec', 11],
]);
// Java's DateFormat.MEDIUM in en_US; newer JDKs put a comma after the year and U+202F before AM/PM.
const JAVA_DATE = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2})[\s\u202f]([AP]M)$/;

function parseJavaDate(s: string): number | undefined {
  const m = JAVA_DATE.exec(s);
  if (m === null) return undefined;
  const month = MONTHS.get(m[1]);
  if (month === undefined) return undefined;
  let hour = Number(m[4]) % 12;
  if (m[7] === 'PM') hour += 12;
  return Date.UTC(Number(m[3]), month, Number(m[2]), hour, Number(m[5]), Number(m[6]));
}
