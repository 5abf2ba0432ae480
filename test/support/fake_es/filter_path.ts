/**
 * The `filter_path` query parameter: keeps only the response fields matching a comma-separated list of dotted
 * paths (`*` matches one field name, `**` any depth, a leading `-` excludes). Arrays are traversed as if
 * transparent, as Elasticsearch does.
 */
import { isObject, type JsonValue } from './json';
import { globRegex } from './patterns';

type Path = string[];

export function applyFilterPath(body: JsonValue, filterPath: string | undefined): JsonValue {
  if (filterPath === undefined || filterPath === '') return body;
  const all = filterPath.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const includes = all.filter((p) => !p.startsWith('-')).map((p) => p.split('.'));
  const excludes = all.filter((p) => p.startsWith('-')).map((p) => p.slice(1).split('.'));
  let out = body;
  if (includes.length > 0) out = include(out, includes) ?? {};
  if (excludes.length > 0) out = exclude(out, excludes) ?? {};
  return out;
}

function segmentMatches(pattern: string, key: string): boolean {
  return pattern === '*' || pattern === '**' || (pattern.includes('*') ? globRegex(pattern).test(key) : pattern === key);
}

/** Paths remaining after descending into `key`; an empty path means "this whole subtree". */
function descend(paths: Path[], key: string): { whole: boolean; rest: Path[] } {
  let whole = false;
  const rest: Path[] = [];
  for (const p of paths) {
    if (p[0] === '**') {
      rest.push(p); // `**` may swallow this level...
      if (p.length > 1 && segmentMatches(p[1], key)) {
        if (p.length === 2) whole = true;
        else rest.push(p.slice(2));
      }
      continue;
    }
    if (!segmentMatches(p[0], key)) continue;
    if (p.length === 1) whole = true;
    else rest.push(p.slice(1));
  }
  return { whole, rest };
}

function include(value: JsonValue, paths: Path[]): JsonValue | undefined {
  if (Array.isArray(value)) {
    const items = value.map((v) => include(v, paths)).filter((v): v is JsonValue => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (!isObject(value)) return undefined;
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(value)) {
    const { whole, rest } = descend(paths, key);
    if (whole) out[key] = value[key];
    else if (rest.length > 0) {
      const inner = include(value[key], rest);
      if (inner !== undefined) out[key] = inner;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function exclude(value: JsonValue, paths: Path[]): JsonValue | undefined {
  if (Array.isArray(value)) return value.map((v) => exclude(v, paths)).filter((v): v is JsonValue => v !== undefined);
  if (!isObject(value)) return value;
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(value)) {
    const { whole, rest } = descend(paths, key);
    if (whole) continue;
    const inner = rest.length > 0 ? exclude(value[key], rest) : value[key];
    if (inner !== undefined) out[key] = inner;
  }
  return out;
}
