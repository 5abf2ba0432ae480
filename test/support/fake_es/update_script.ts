/**
 * The smallest useful subset of Painless for update_by_query: statements separated by `;` that assign
 * `params.x`, a string, number, boolean or null to `ctx._source.<path>` (or `ctx._source['dotted.key']`),
 * or remove a key with `ctx._source.remove('x')`. Anything else is refused with a 400.
 */
import { esError, unsupported } from './errors';
import { has, isObject, type JsonObject, type JsonValue } from './json';

type Step = { kind: 'set'; path: string[]; value: JsonValue } | { kind: 'remove'; path: string[]; key: string };

const ACCESS = String.raw`(?:\.([A-Za-z_@][\w@]*)|\[\s*(?:'([^']*)'|"([^"]*)")\s*\])`;
const SET = new RegExp(String.raw`^ctx\._source((?:${ACCESS})+)\s*=\s*(.+)$`, 's');
const REMOVE = new RegExp(String.raw`^ctx\._source((?:${ACCESS})*)\.remove\(\s*(?:'([^']*)'|"([^"]*)")\s*\)$`, 's');

export function compileUpdateScript(script: JsonValue | undefined): ((source: JsonObject) => JsonObject) | undefined {
  if (script === undefined || script === null) return undefined;
  const spec: JsonObject = typeof script === 'string' ? { source: script } : isObject(script) ? script : {};
  if (typeof spec.source !== 'string') throw unsupported('stored or malformed scripts');
  if (spec.lang !== undefined && spec.lang !== 'painless') throw unsupported(`script lang [${String(spec.lang)}]`);
  const params = isObject(spec.params) ? spec.params : {};
  const steps = spec.source
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((statement) => parseStatement(statement, params));
  return (source) => {
    const out = structuredClone(source);
    for (const step of steps) apply(out, step);
    return out;
  };
}

function parseStatement(statement: string, params: JsonObject): Step {
  const remove = REMOVE.exec(statement);
  if (remove !== null) return { kind: 'remove', path: accessPath(remove[1]), key: remove[5] ?? remove[6] };
  const set = SET.exec(statement);
  if (set === null) throw unsupported(`script statement [${statement}]`);
  return { kind: 'set', path: accessPath(set[1]), value: rhs(set[5].trim(), params) };
}

function accessPath(text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(ACCESS, 'g');
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

function rhs(text: string, params: JsonObject): JsonValue {
  if (text.startsWith('params')) {
    let node: JsonValue | undefined = params;
    for (const key of accessPath(text.slice('params'.length))) node = isObject(node) && has(node, key) ? node[key] : undefined;
    if (accessPath(text.slice('params'.length)).join('').length === 0) throw unsupported(`script value [${text}]`);
    return node === undefined ? null : node;
  }
  if (/^'[^']*'$|^"[^"]*"$/.test(text)) return text.slice(1, -1);
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  throw unsupported(`script value [${text}]`);
}

function apply(source: JsonObject, step: Step): void {
  const parentPath = step.kind === 'set' ? step.path.slice(0, -1) : step.path;
  let node: JsonObject = source;
  for (const key of parentPath) {
    const next = node[key];
    if (!isObject(next)) {
      throw esError(400, 'script_exception', 'runtime error', {
        script_stack: [],
        script: '',
        lang: 'painless',
        caused_by: { type: 'null_pointer_exception', reason: `Cannot invoke "Object.getClass()" because "${key}" is null` },
      });
    }
    node = next;
  }
  if (step.kind === 'set') node[step.path[step.path.length - 1]] = structuredClone(step.value);
  else delete node[step.key];
}
