/**
 * Safe readers for untrusted JSON records. They never throw and never copy keys, so a record carrying `__proto__` or
 * `constructor` keys cannot pollute prototypes.
 *
 * Field names passed here are always literals of this code (`eventName`, `protoPayload`), never strings taken from a
 * record, and none of them is an Object.prototype member, so a plain property read cannot reach an inherited value.
 * (Lookups keyed by record-supplied strings go through Maps.) Plain reads keep the per-event cost low.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown): JsonObject | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

export function arr(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** A non-empty string, or a finite number rendered as text (ids and codes are sometimes logged as numbers). */
export function str(v: unknown): string | undefined {
  // kept this small so the compiler always inlines it: it runs dozens of times per event
  return typeof v === 'string' && v !== '' ? v : numberText(v);
}

function numberText(v: unknown): string | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

/** true/false, also when logged as "true"/"false" strings (CloudTrail mfaAuthenticated, Azure isComplianceCheck). */
export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'True' || v === 'TRUE') return true;
  if (v === 'false' || v === 'False' || v === 'FALSE') return false;
  return undefined;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.length > 0 && v.length < 32) {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Field by its canonical name or by an alternate spelling (Panther fixtures lower-case keys: `eventname`, `insertid`). */
export function field(o: JsonObject, name: string, alt?: string): unknown {
  const v = o[name];
  if (v !== undefined && v !== null) return v;
  if (alt !== undefined) {
    const a = o[alt];
    if (a !== undefined) return a;
  }
  return v;
}

/** Field of a possibly-missing object. */
export function get(o: unknown, name: string): unknown {
  return typeof o === 'object' && o !== null && !Array.isArray(o) ? (o as JsonObject)[name] : undefined;
}

/** Nested own field: get2(o, 'a', 'b') is o.a.b. */
export function get2(o: unknown, a: string, b: string): unknown {
  return get(get(o, a), b);
}

export function get3(o: unknown, a: string, b: string, c: string): unknown {
  return get(get(get(o, a), b), c);
}

/** First defined argument that is a non-empty string (see `str`). */
export function firstStr(...values: unknown[]): string | undefined {
  for (const v of values) {
    const s = str(v);
    if (s !== undefined) return s;
  }
  return undefined;
}
