/** Index, mapping, template and data stream administration, refresh, and the root info endpoint. */
import { badRequest, esError, indexNotFound } from './errors';
import { ok, type ApiRequest, type ApiResponse, type Engine } from './engine';
import { isObject, type JsonObject, type JsonValue } from './json';
import { mergeMappings } from './mappings';
import { globMatch, isPattern } from './patterns';
import type { IndexState } from './store';

export function info(engine: Engine): ApiResponse {
  return ok({
    name: 'fake-es-node',
    cluster_name: 'fake-es',
    cluster_uuid: 'fAkEcLuStEr0000000000w',
    version: {
      number: engine.version,
      build_flavor: 'default',
      build_type: 'docker',
      build_hash: '0000000000000000000000000000000000000000',
      build_date: '2025-07-17T00:00:00.000Z',
      build_snapshot: false,
      lucene_version: '10.2.2',
      minimum_wire_compatibility_version: '8.19.0',
      minimum_index_compatibility_version: '8.0.0',
    },
    tagline: 'You Know, for Search',
  });
}

function body(req: ApiRequest): JsonObject {
  return isObject(req.body) ? req.body : {};
}

// ---- indices ------------------------------------------------------------------------------------------------

export function createIndex(engine: Engine, req: ApiRequest, name: string): ApiResponse {
  const b = body(req);
  for (const key of Object.keys(b)) if (!['settings', 'mappings', 'aliases'].includes(key)) throw badRequest(`unknown key [${key}] for create index`);
  engine.state.createIndex(name, b);
  return ok({ acknowledged: true, shards_acknowledged: true, index: name });
}

export function indexExists(engine: Engine, expression: string): ApiResponse {
  const names = expression.split(',');
  const all = names.every((n) => (isPattern(n) ? engine.state.resolve(n).length > 0 : engine.state.exists(n)));
  return ok(null, all ? 200 : 404);
}

export function getIndex(engine: Engine, expression: string): ApiResponse {
  const out: JsonObject = {};
  for (const index of engine.state.resolve(expression, { allowNoIndices: isPattern(expression) })) {
    out[index.name] = { aliases: index.aliases, mappings: index.mappings, settings: { index: indexSettings(index) } };
  }
  return ok(out);
}

export function deleteIndex(engine: Engine, expression: string): ApiResponse {
  engine.state.deleteIndex(expression);
  return ok({ acknowledged: true });
}

/** Settings as GET returns them: nested under `index`, values as strings, plus what the cluster adds. */
function indexSettings(index: IndexState): JsonObject {
  const flat: Record<string, string> = {};
  const visit = (node: JsonValue, prefix: string): void => {
    if (isObject(node)) for (const k of Object.keys(node)) visit(node[k], prefix === '' ? k : `${prefix}.${k}`);
    else if (node !== null) flat[prefix.startsWith('index.') ? prefix.slice(6) : prefix] = Array.isArray(node) ? node.join(',') : String(node);
  };
  visit(index.settings, '');
  const settings: JsonObject = {
    number_of_shards: '1',
    number_of_replicas: '1',
    ...flat,
    creation_date: String(index.creationDate),
    provided_name: index.name,
    uuid: index.uuid,
    version: { created: '9009000' },
  };
  if (index.hidden) settings.hidden = 'true';
  return nest(settings);
}

function nest(flat: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(flat)) {
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node = isObject(next) ? next : (node[part] = {});
    }
    node[parts[parts.length - 1]] = flat[key];
  }
  return out;
}

export function getMapping(engine: Engine, expression: string | undefined): ApiResponse {
  const out: JsonObject = {};
  for (const index of engine.state.resolve(expression)) out[index.name] = { mappings: index.mappings };
  return ok(out);
}

export function putMapping(engine: Engine, req: ApiRequest, expression: string): ApiResponse {
  const b = body(req);
  const indices = engine.state.resolve(expression, { allowNoIndices: false });
  // Validate against every index before changing any, as the master applies a mapping update atomically.
  const merged = indices.map((index) => mergeMappings(index.mappings, b, true));
  indices.forEach((index, i) => (index.mappings = merged[i]));
  return ok({ acknowledged: true });
}

export function refresh(engine: Engine, expression: string | undefined): ApiResponse {
  const n = engine.state.resolve(expression).length;
  return ok({ _shards: { total: n * 2, successful: n, failed: 0 } });
}

// ---- templates ----------------------------------------------------------------------------------------------

export function putIndexTemplate(engine: Engine, req: ApiRequest, name: string): ApiResponse {
  if (req.querystring.create === 'true' && engine.state.templates.index.has(name)) throw badRequest(`index template [${name}] already exists`);
  engine.state.templates.putIndex(name, body(req));
  return ok({ acknowledged: true });
}

export function getIndexTemplates(engine: Engine, name: string | undefined, head: boolean): ApiResponse {
  const entries = matchingNames(engine.state.templates.index, name);
  if (entries.length === 0 && name !== undefined && !isPattern(name)) {
    if (head) return ok(null, 404);
    throw esError(404, 'resource_not_found_exception', `index template matching [${name}] not found`);
  }
  if (head) return ok(null, 200);
  return ok({ index_templates: entries.map(([n, t]) => ({ name: n, index_template: t })) });
}

export function deleteIndexTemplate(engine: Engine, name: string): ApiResponse {
  const entries = matchingNames(engine.state.templates.index, name);
  if (entries.length === 0) throw esError(404, 'resource_not_found_exception', `index_template [${name}] missing`);
  for (const [n] of entries) engine.state.templates.index.delete(n);
  return ok({ acknowledged: true });
}

export function putComponentTemplate(engine: Engine, req: ApiRequest, name: string): ApiResponse {
  if (req.querystring.create === 'true' && engine.state.templates.component.has(name)) throw badRequest(`component template [${name}] already exists`);
  engine.state.templates.putComponent(name, body(req));
  return ok({ acknowledged: true });
}

export function getComponentTemplates(engine: Engine, name: string | undefined, head: boolean): ApiResponse {
  const entries = matchingNames(engine.state.templates.component, name);
  if (entries.length === 0 && name !== undefined && !isPattern(name)) {
    if (head) return ok(null, 404);
    throw esError(404, 'resource_not_found_exception', `component template matching [${name}] not found`);
  }
  if (head) return ok(null, 200);
  return ok({ component_templates: entries.map(([n, t]) => ({ name: n, component_template: t })) });
}

export function deleteComponentTemplate(engine: Engine, name: string): ApiResponse {
  const entries = matchingNames(engine.state.templates.component, name);
  if (entries.length === 0) throw esError(404, 'resource_not_found_exception', `component_template [${name}] missing`);
  for (const [n] of entries) {
    for (const [t, template] of engine.state.templates.index) {
      if (Array.isArray(template.composed_of) && template.composed_of.includes(n)) {
        throw badRequest(`component templates [${n}] cannot be removed as they are still in use by index templates [${t}]`);
      }
    }
    engine.state.templates.component.delete(n);
  }
  return ok({ acknowledged: true });
}

function matchingNames(map: Map<string, JsonObject>, name: string | undefined): [string, JsonObject][] {
  const names = name === undefined || name === '*' ? ['*'] : name.split(',');
  return [...map.entries()].filter(([n]) => names.some((p) => globMatch(p, n))).sort(([a], [b]) => (a < b ? -1 : 1));
}

// ---- data streams -------------------------------------------------------------------------------------------

export function createDataStream(engine: Engine, name: string): ApiResponse {
  engine.state.createDataStream(name);
  return ok({ acknowledged: true });
}

export function getDataStreams(engine: Engine, name: string | undefined): ApiResponse {
  const patterns = name === undefined || name === '_all' ? ['*'] : name.split(',');
  const streams = [...engine.state.dataStreams.values()].filter((s) => patterns.some((p) => globMatch(p, s.name)));
  if (streams.length === 0 && name !== undefined && !isPattern(name)) throw indexNotFound(name);
  return ok({
    data_streams: streams.map((s) => ({
      name: s.name,
      timestamp_field: { name: '@timestamp' },
      indices: s.indices.map((i) => ({ index_name: i, index_uuid: engine.state.indices.get(i)?.uuid ?? '_na_' })),
      generation: s.generation,
      status: 'YELLOW',
      template: s.template,
      hidden: false,
      system: false,
      allow_custom_routing: false,
      replicated: false,
      rollover_on_write: false,
    })),
  });
}

export function deleteDataStream(engine: Engine, name: string): ApiResponse {
  engine.state.deleteDataStream(name);
  return ok({ acknowledged: true });
}
