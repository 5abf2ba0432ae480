/**
 * Index and component templates: which template a new index or data stream gets (highest priority among the
 * matching patterns), and the settings, mappings and aliases its components and own template compose into.
 */
import { badRequest, esError } from './errors';
import { isObject, type JsonObject, type JsonValue } from './json';
import { mergeMappings, normalizeMappings } from './mappings';
import { globMatch } from './patterns';

/** Elasticsearch's own templates for `logs-*-*` and `metrics-*-*`: writing there creates a data stream. */
export function builtinIndexTemplates(): [string, JsonObject][] {
  const mappings = (): JsonObject => ({
    properties: {
      '@timestamp': { type: 'date' },
      data_stream: {
        properties: { type: { type: 'constant_keyword' }, dataset: { type: 'constant_keyword' }, namespace: { type: 'constant_keyword' } },
      },
    },
  });
  return [
    ['logs', { index_patterns: ['logs-*-*'], composed_of: [], priority: 100, template: { mappings: mappings() }, data_stream: { hidden: false, allow_custom_routing: false }, allow_auto_create: true, _meta: { description: 'default logs template installed by x-pack', managed: true } }],
    ['metrics', { index_patterns: ['metrics-*-*'], composed_of: [], priority: 100, template: { mappings: mappings() }, data_stream: { hidden: false, allow_custom_routing: false }, allow_auto_create: true, _meta: { description: 'default metrics template installed by x-pack', managed: true } }],
  ];
}

export class Templates {
  readonly index = new Map<string, JsonObject>();
  readonly component = new Map<string, JsonObject>();

  matching(name: string): [string, JsonObject] | undefined {
    let best: [string, JsonObject] | undefined;
    for (const entry of this.index) {
      const patterns = toStrings(entry[1].index_patterns);
      if (!patterns.some((p) => globMatch(p, name))) continue;
      if (best === undefined || priority(entry[1]) > priority(best[1])) best = entry;
    }
    return best;
  }

  putIndex(name: string, body: JsonObject): void {
    const patterns = toStrings(body.index_patterns);
    if (patterns.length === 0) throw esError(400, 'action_request_validation_exception', 'Validation Failed: 1: index patterns are missing;');
    const missing = toStrings(body.composed_of).filter(
      (c) => !this.component.has(c) && !toStrings(body.ignore_missing_component_templates).includes(c),
    );
    if (missing.length > 0) {
      throw badRequest(`index template [${name}] specifies component templates [${missing.join(', ')}] that do not exist`);
    }
    for (const [other, template] of this.index) {
      if (other === name || priority(template) !== priority(body)) continue;
      const otherPatterns = toStrings(template.index_patterns);
      if (patternsOverlap(patterns, otherPatterns)) {
        throw badRequest(
          `index template [${name}] has index patterns [${patterns.join(', ')}] matching patterns from existing templates [${other}] with patterns (${other} => [${otherPatterns.join(', ')}]) that have the same priority [${priority(body)}], multiple index templates may not match during index creation, please use a different priority`,
        );
      }
    }
    const stored: JsonObject = { index_patterns: patterns, composed_of: toStrings(body.composed_of), ...body };
    stored.index_patterns = patterns;
    if (isObject(body.template) && isObject(body.template.mappings)) {
      stored.template = { ...body.template, mappings: normalizeMappings(body.template.mappings) };
    }
    this.index.set(name, stored);
  }

  putComponent(name: string, body: JsonObject): void {
    if (!isObject(body.template)) throw esError(400, 'action_request_validation_exception', 'Validation Failed: 1: template is required;');
    const stored: JsonObject = { ...body };
    if (isObject(body.template.mappings)) stored.template = { ...body.template, mappings: normalizeMappings(body.template.mappings) };
    this.component.set(name, stored);
  }

  /** Settings, mappings and aliases an index named `name` gets from its template and the template's components. */
  composed(name: string): { settings: JsonObject; mappings: JsonObject; aliases: JsonObject; template?: string } {
    let settings: JsonObject = {};
    let mappings: JsonObject = {};
    let aliases: JsonObject = {};
    const match = this.matching(name);
    if (match === undefined) return { settings, mappings, aliases };
    const layers: JsonObject[] = [];
    for (const component of toStrings(match[1].composed_of)) {
      const c = this.component.get(component);
      if (c !== undefined && isObject(c.template)) layers.push(c.template);
    }
    if (isObject(match[1].template)) layers.push(match[1].template);
    for (const layer of layers) {
      if (isObject(layer.settings)) settings = { ...settings, ...layer.settings };
      if (isObject(layer.mappings)) mappings = mergeMappings(mappings, layer.mappings, false);
      if (isObject(layer.aliases)) aliases = { ...aliases, ...layer.aliases };
    }
    return { settings, mappings, aliases, template: match[0] };
  }
}

function priority(template: JsonObject): number {
  return typeof template.priority === 'number' ? template.priority : 0;
}

export function toStrings(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Two pattern lists overlap when a name could match both: checked by matching each against the other's examples. */
function patternsOverlap(a: string[], b: string[]): boolean {
  const example = (p: string): string => p.split('*').join('x');
  return a.some((p) => b.some((q) => globMatch(p, example(q)) || globMatch(q, example(p))));
}
