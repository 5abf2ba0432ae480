/**
 * Index mappings: kept as the JSON Elasticsearch returns from GET _mapping (dotted property names expanded into
 * objects), used to type fields for queries and to reject documents a real cluster would reject.
 */
import { parseDate } from './dates';
import { EsError, errorBody, esError } from './errors';
import { has, isObject, type JsonObject, type JsonValue } from './json';

const NUMERIC = new Set(['long', 'integer', 'short', 'byte', 'double', 'float', 'half_float', 'scaled_float', 'unsigned_long']);
const DATES = new Set(['date', 'date_nanos']);

export function isNumericType(type: string): boolean {
  return NUMERIC.has(type);
}
export function isDateType(type: string): boolean {
  return DATES.has(type);
}

/** `{"properties": {"user.name": ...}}` is stored as `{"user": {"properties": {"name": ...}}}`, as Elasticsearch does. */
export function normalizeMappings(mappings: JsonObject): JsonObject {
  const out: JsonObject = { ...mappings };
  if (isObject(mappings.properties)) out.properties = normalizeProperties(mappings.properties);
  return out;
}

function normalizeProperties(properties: JsonObject): JsonObject {
  let out: JsonObject = {};
  for (const key of Object.keys(properties)) {
    const raw = properties[key];
    if (!isObject(raw)) continue;
    const field = normalizeMappings(raw);
    const segments = key.split('.');
    let nested: JsonObject = field;
    for (let i = segments.length - 1; i > 0; i--) nested = { properties: { [segments[i]]: nested } };
    out = mergeProperties(out, { [segments[0]]: nested }, false);
  }
  return out;
}

/** Later mappings win field by field; with `strict`, changing a field's type is refused as PUT _mapping does. */
export function mergeMappings(base: JsonObject, next: JsonObject, strict: boolean): JsonObject {
  const normalized = normalizeMappings(next);
  const out: JsonObject = { ...base, ...normalized };
  if (isObject(base.properties) || isObject(normalized.properties)) {
    out.properties = mergeProperties(
      isObject(base.properties) ? base.properties : {},
      isObject(normalized.properties) ? normalized.properties : {},
      strict,
    );
  }
  return out;
}

function mergeProperties(base: JsonObject, next: JsonObject, strict: boolean, prefix = ''): JsonObject {
  const out: JsonObject = { ...base };
  for (const key of Object.keys(next)) {
    const incoming = next[key];
    const current = out[key];
    if (!isObject(incoming)) continue;
    if (!isObject(current)) {
      out[key] = incoming;
      continue;
    }
    const oldType = typeOf(current);
    const newType = typeOf(incoming);
    if (strict && oldType !== newType && has(incoming, 'type')) {
      throw esError(400, 'illegal_argument_exception', `mapper [${prefix}${key}] cannot be changed from type [${oldType}] to [${newType}]`);
    }
    const merged: JsonObject = { ...current, ...incoming };
    if (isObject(current.properties) || isObject(incoming.properties)) {
      merged.properties = mergeProperties(
        isObject(current.properties) ? current.properties : {},
        isObject(incoming.properties) ? incoming.properties : {},
        strict,
        `${prefix}${key}.`,
      );
    }
    out[key] = merged;
  }
  return out;
}

function typeOf(field: JsonObject): string {
  return typeof field.type === 'string' ? field.type : 'object';
}

/** The mapped type of a dotted field path (`object` for object fields), following multi-fields and aliases. */
export function fieldType(mappings: JsonObject, path: string): string | undefined {
  let node: JsonObject = mappings;
  const segments = path.split('.');
  for (let i = 0; i < segments.length; i++) {
    const properties = node.properties;
    const fields = node.fields;
    let next: JsonValue | undefined;
    if (isObject(properties) && has(properties, segments[i])) next = properties[segments[i]];
    else if (isObject(fields) && has(fields, segments[i])) next = fields[segments[i]];
    else if (node !== mappings && typeOf(node) === 'flattened') return 'flattened';
    if (!isObject(next)) return undefined;
    node = next;
  }
  if (node.type === 'alias' && typeof node.path === 'string') return fieldType(mappings, node.path);
  return typeOf(node);
}

/** Rejects what the real mapper would: unparseable numbers, dates and booleans, unknown fields under `strict`. */
export function validateDocument(mappings: JsonObject, source: JsonObject, id: string): void {
  walk(mappings, source, '', id, mappings.dynamic === 'strict' || mappings.dynamic === 'false' ? String(mappings.dynamic) : 'true');
}

function walk(mapping: JsonObject, object: JsonObject, prefix: string, id: string, dynamic: string): void {
  const properties = isObject(mapping.properties) ? mapping.properties : {};
  for (const rawKey of Object.keys(object)) {
    const segments = rawKey.split('.');
    let node: JsonObject | undefined = mapping;
    let nodeDynamic = dynamic;
    let path = prefix;
    let props: JsonObject = properties;
    for (let i = 0; i < segments.length && node !== undefined; i++) {
      const child: JsonValue | undefined = has(props, segments[i]) ? props[segments[i]] : undefined;
      const parent = path === '' ? '_doc' : path.slice(0, -1);
      path += segments[i] + (i < segments.length - 1 ? '.' : '');
      if (!isObject(child)) {
        if (nodeDynamic === 'strict') throw strictError(path, parent);
        node = undefined;
        break;
      }
      node = child;
      if (typeof child.dynamic === 'string' || typeof child.dynamic === 'boolean') nodeDynamic = String(child.dynamic);
      props = isObject(child.properties) ? child.properties : {};
    }
    if (node === undefined) continue;
    checkValue(node, object[rawKey], path, id, nodeDynamic);
  }
}

function checkValue(field: JsonObject, value: JsonValue, path: string, id: string, dynamic: string): void {
  if (value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) checkValue(field, item, path, id, dynamic);
    return;
  }
  const type = typeOf(field);
  if (isObject(value)) {
    if (type === 'object' || type === 'nested') walk(field, value, path + '.', id, dynamic);
    else if (type !== 'flattened' && type !== 'geo_point') throw parseError(path, type, id, '{...}', 'Can\'t get text on a START_OBJECT');
    return;
  }
  if (type === 'object' || type === 'nested') {
    throw parseError(path, type, id, String(value), `object mapping for [${path}] tried to parse field [${path}] as object, but found a concrete value`);
  }
  if (isNumericType(type)) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(n)) throw parseError(path, type, id, String(value), `For input string: "${String(value)}"`);
  } else if (isDateType(type) && typeof field.format !== 'string') {
    if (!Number.isFinite(parseDate(value))) {
      throw parseError(path, type, id, String(value), `failed to parse date field [${String(value)}] with format [strict_date_optional_time||epoch_millis]`);
    }
  } else if (type === 'boolean') {
    if (!(value === true || value === false || value === 'true' || value === 'false' || value === '')) {
      throw parseError(path, type, id, String(value), `Failed to parse value [${String(value)}] as only [true] or [false] are allowed.`);
    }
  }
}

function parseError(path: string, type: string, id: string, preview: string, cause: string): EsError {
  const reason = `[1:2] failed to parse field [${path}] of type [${type}] in document with id '${id}'. Preview of field's value: '${preview}'`;
  return new EsError(
    400,
    errorBody(400, { type: 'document_parsing_exception', reason, caused_by: { type: 'illegal_argument_exception', reason: cause } }, [
      { type: 'document_parsing_exception', reason },
    ]),
  );
}

function strictError(field: string, parent: string): EsError {
  return esError(400, 'strict_dynamic_mapping_exception', `[1:2] mapping set to strict, dynamic introduction of [${field.split('.').pop() ?? field}] within [${parent}] is not allowed`);
}
