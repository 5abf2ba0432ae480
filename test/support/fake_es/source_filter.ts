/**
 * `_source` filtering: false, a field or list of fields, or `{ includes, excludes }`, with `*` wildcards that
 * match across dots. An included object comes whole (minus excludes); literal dotted keys match by full path.
 */
import { badRequest } from './errors';
import { asArray, isObject, type JsonObject, type JsonValue } from './json';
import { globMatch } from './patterns';

export type SourceFilter = ((source: JsonObject) => JsonObject) | 'all' | 'none';

export function compileSourceFilter(spec: JsonValue | undefined, includesQs?: string, excludesQs?: string): SourceFilter {
  let includes: string[] = [];
  let excludes: string[] = [];
  if (spec === false) return 'none';
  if (spec === undefined || spec === null || spec === true) {
    // handled below with the querystring forms
  } else if (typeof spec === 'string') includes = [spec];
  else if (Array.isArray(spec)) includes = spec.map(String);
  else if (isObject(spec)) {
    for (const key of Object.keys(spec)) {
      if (!['includes', 'excludes', 'include', 'exclude'].includes(key)) throw badRequest(`Unknown key for a START_ARRAY in [${key}].`);
    }
    includes = asArray(spec.includes ?? spec.include).map(String);
    excludes = asArray(spec.excludes ?? spec.exclude).map(String);
  } else throw badRequest('[_source] must be a boolean, a string, an array or an object');
  if (includesQs !== undefined) includes = includesQs.split(',');
  if (excludesQs !== undefined) excludes = excludesQs.split(',');
  if (includes.length === 0 && excludes.length === 0) return 'all';
  return (source) => filterObject(source, '', includes, excludes);
}

function filterObject(object: JsonObject, prefix: string, includes: string[], excludes: string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(object)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (excludes.some((p) => globMatch(p, path))) continue;
    const value = object[key];
    const included = includes.length === 0 || includes.some((p) => globMatch(p, path));
    const filtered = filterValue(value, path, included ? [] : includes.filter((p) => mayMatchBelow(p, path)), excludes, included);
    if (filtered !== undefined) out[key] = filtered;
  }
  return out;
}

function filterValue(value: JsonValue, path: string, includes: string[], excludes: string[], included: boolean): JsonValue | undefined {
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const item of value) {
      const f = filterValue(item, path, includes, excludes, included);
      if (f !== undefined) items.push(f);
    }
    return included || items.length > 0 ? items : undefined;
  }
  if (isObject(value)) {
    if (!included && includes.length === 0) return undefined;
    const inner = filterObject(value, path, includes, excludes);
    return included || Object.keys(inner).length > 0 ? inner : undefined;
  }
  return included ? value : undefined;
}

/** Could a pattern match some field below `path`? (Its literal prefix is compatible with `path.`.) */
function mayMatchBelow(pattern: string, path: string): boolean {
  const star = pattern.indexOf('*');
  const literal = star < 0 ? pattern : pattern.slice(0, star);
  const below = `${path}.`;
  return star < 0 ? literal.startsWith(below) : below.startsWith(literal) || literal.startsWith(below);
}
