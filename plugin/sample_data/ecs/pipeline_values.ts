/**
 * How Elastic's ingest pipelines treat the JSON values they copy: which empty values their clean-up scripts drop,
 * and the text Painless writes for `Map.toString()` (CloudTrail's `aws.cloudtrail.request_parameters` and friends).
 *
 * The json processor builds java.util.HashMap objects, so `toString()` lists keys in HashMap iteration order (by
 * bucket of String.hashCode, then insertion order), not in the record's order. The pipeline-test fixtures show it:
 * `{incomingTransitiveTags=..., transitiveTagKeys=..., durationSeconds=3600, roleArn=..., roleSessionName=..., tags=...}`.
 */

/** Which values a pipeline's "remove nulls" script drops (recursively, with maps and lists left empty by it). */
export interface DropPolicy {
  /** null, '' and the maps and lists left empty are dropped (every clean-up script does this). */
  readonly empties: boolean;
  /** CloudTrail's script also drops the strings '-' and 'none'. */
  readonly dashAndNone: boolean;
  /** GCP's script also drops keys made only of dots. */
  readonly dotKeys: boolean;
}

export const CLOUDTRAIL_DROP: DropPolicy = { empties: true, dashAndNone: true, dotKeys: false };
export const GCP_DROP: DropPolicy = { empties: true, dashAndNone: false, dotKeys: true };
/** No clean-up (the Azure pipelines): values print as they are, `null` included. */
export const KEEP_ALL: DropPolicy = { empties: false, dashAndNone: false, dotKeys: false };

type Json = Record<string, unknown>;

function isMap(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function droppedScalar(v: unknown, policy: DropPolicy): boolean {
  if (v === undefined) return true;
  if (!policy.empties) return false;
  if (v === null || v === '') return true;
  return policy.dashAndNone && (v === '-' || v === 'none');
}

function onlyDots(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== 46) return false;
  return true;
}

/** The value as the pipeline leaves it, or undefined when the pipeline drops it. */
export function kept(v: unknown, policy: DropPolicy): unknown {
  if (Array.isArray(v)) return keptList(v, policy);
  if (isMap(v)) return keptMap(v, policy);
  return droppedScalar(v, policy) ? undefined : v;
}

/** Same object when nothing in it is dropped (the usual case), so most records are not copied. */
function keptMap(m: Json, policy: DropPolicy): Json | undefined {
  let copy: Json | undefined;
  let size = 0;
  for (const key in m) {
    const v = m[key];
    const k = policy.dotKeys && onlyDots(key) ? undefined : kept(v, policy);
    if (k === v) {
      size++;
      if (copy !== undefined) copy[key] = v;
      continue;
    }
    if (copy === undefined) {
      copy = {};
      for (const before in m) {
        if (before === key) break;
        copy[before] = m[before];
      }
    }
    if (k !== undefined) {
      copy[key] = k;
      size++;
    }
  }
  if (size === 0 && policy.empties) return undefined;
  return copy ?? m;
}

function keptList(list: unknown[], policy: DropPolicy): unknown[] | undefined {
  let copy: unknown[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    const k = kept(v, policy);
    if (k === v && copy === undefined) continue;
    copy ??= list.slice(0, i);
    if (k !== undefined) copy.push(k);
  }
  const out = copy ?? list;
  return out.length === 0 && policy.empties ? undefined : out;
}

/** A string field the pipeline keeps (not dropped as empty). */
export function keptString(v: unknown, policy: DropPolicy): string | undefined {
  return typeof v === 'string' && !droppedScalar(v, policy) ? v : undefined;
}

// --- Painless / Java toString --------------------------------------------------------------------------------

/** String.hashCode spread as HashMap does, per key; records repeat the same few hundred keys. */
const spreadCache = new Map<string, number>();
const SPREAD_CACHE_LIMIT = 20_000;

function spreadHash(key: string): number {
  let h = spreadCache.get(key);
  if (h !== undefined) return h;
  let s = 0;
  for (let i = 0; i < key.length; i++) s = (Math.imul(31, s) + key.charCodeAt(i)) | 0;
  h = s ^ (s >>> 16);
  if (spreadCache.size >= SPREAD_CACHE_LIMIT) spreadCache.clear();
  spreadCache.set(key, h);
  return h;
}

/** Table size of a HashMap filled with `count` keys from empty: 16, doubled while count exceeds 3/4 of it. */
function tableSize(count: number): number {
  let size = 16;
  while (count > size * 0.75) size *= 2;
  return size;
}

/**
 * The keys of a JSON object in java.util.HashMap iteration order. The table is sized by every key the json
 * processor put (`allKeys`, before the clean-up removed any: HashMaps never shrink).
 */
export function hashMapOrder(keys: readonly string[], allKeys: number = keys.length): string[] {
  if (keys.length < 2) return keys.slice();
  const mask = tableSize(allKeys) - 1;
  const slots = keys.map((key, index) => ({ key, index, bucket: spreadHash(key) & mask }));
  slots.sort((a, b) => a.bucket - b.bucket || a.index - b.index);
  return slots.map((s) => s.key);
}

/** Double.toString: plain decimals in [1e-3, 1e7), computerized scientific notation outside it. */
function javaDouble(d: number): string {
  if (!Number.isFinite(d)) return Number.isNaN(d) ? 'NaN' : d > 0 ? 'Infinity' : '-Infinity';
  const a = Math.abs(d);
  if (a >= 1e-3 && a < 1e7) return Number.isInteger(d) ? `${d}.0` : String(d);
  const [mantissa, exponent] = d.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.startsWith('+') ? exponent.slice(1) : exponent}`;
}

/** Integers as Jackson reads them (Integer / Long); other numbers as the Double it reads. */
function javaNumber(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : javaDouble(n);
}

/**
 * `toString()` of the value the pipeline keeps after its clean-up (`policy`), as Painless prints it: maps in HashMap
 * order as `{k=v, k2=v2}`, lists as `[a, b]`. Undefined when the pipeline drops the value altogether. `v` is the value
 * as logged, before the clean-up: the clean-up removes entries from the maps the json processor filled, so each
 * table keeps the size its original keys gave it. `removedKey` is a top-level key the pipeline moved out first.
 */
export function javaText(v: unknown, policy: DropPolicy, removedKey?: string): string | undefined {
  const parts: string[] = [];
  return writeJava(v, policy, parts, removedKey) ? parts.join('') : undefined;
}

function writeJava(v: unknown, policy: DropPolicy, out: string[], removedKey?: string): boolean {
  if (Array.isArray(v)) {
    const mark = out.length;
    out.push('[');
    let n = 0;
    for (const item of v) {
      const at = out.length;
      if (n > 0) out.push(', ');
      if (writeJava(item, policy, out)) n++;
      else out.length = at;
    }
    if (n === 0 && policy.empties) {
      out.length = mark;
      return false;
    }
    out.push(']');
    return true;
  }
  if (isMap(v)) {
    const keys = Object.keys(v);
    const mark = out.length;
    out.push('{');
    let n = 0;
    for (const key of hashMapOrder(keys)) {
      if ((policy.dotKeys && onlyDots(key)) || key === removedKey) continue;
      const at = out.length;
      out.push(n > 0 ? ', ' : '', key, '=');
      if (writeJava(v[key], policy, out)) n++;
      else out.length = at;
    }
    if (n === 0 && policy.empties) {
      out.length = mark;
      return false;
    }
    out.push('}');
    return true;
  }
  if (droppedScalar(v, policy)) return false;
  out.push(typeof v === 'number' ? javaNumber(v) : v === null ? 'null' : String(v));
  return true;
}
