import { isObject } from './get';

/**
 * A pre-split ECS field path. Documents from Elasticsearch `_source` are nested objects, but some exports keep
 * dotted keys (`"event.action": ...`); when the nested walk misses, the remaining dotted key is tried at that level.
 * Paths are built once at module load so a lookup allocates nothing. Paths are literals of this code, never taken
 * from a document, so plain reads cannot reach inherited members.
 */
export interface FieldPath {
  readonly segments: readonly string[];
  /** rests[i] = segments.slice(i).join('.') */
  readonly rests: readonly string[];
}

export function fieldPath(dotted: string): FieldPath {
  const segments = dotted.split('.');
  const rests = segments.map((_, i) => segments.slice(i).join('.'));
  return { segments, rests };
}

export function at(doc: unknown, path: FieldPath): unknown {
  let cur: unknown = doc;
  const { segments, rests } = path;
  for (let i = 0; i < segments.length; i++) {
    if (!isObject(cur)) return undefined;
    const key = segments[i];
    const next = cur[key];
    if (next === undefined) {
      if (i === segments.length - 1) return undefined;
      const dotted = rests[i];
      return cur[dotted];
    }
    cur = next;
  }
  return cur;
}
