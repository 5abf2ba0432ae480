import { at, fieldPath } from './ecs_path';
import type { JsonObject } from './get';
import { jsonObjectFromString } from './json_string';

const EVENT_ORIGINAL = fieldPath('event.original');
/** event.original can hold a whole provider record; beyond this we do without it. */
const MAX_ORIGINAL = 1024 * 1024;

/**
 * The raw record an ECS document keeps in `event.original`, parsed at most once and only when a field the ECS
 * mapping does not carry is needed; `mentions` lets callers skip the parse when the key is not in the text at all.
 */
export class EcsOriginal {
  private readonly text: string | undefined;
  private parsed: JsonObject | undefined | null = null;

  constructor(doc: JsonObject) {
    const v = at(doc, EVENT_ORIGINAL);
    this.text = typeof v === 'string' ? v : undefined;
  }

  mentions(key: string): boolean {
    return this.text !== undefined && this.text.includes(key);
  }

  record(): JsonObject | undefined {
    if (this.parsed === null) this.parsed = this.text === undefined ? undefined : jsonObjectFromString(this.text, MAX_ORIGINAL);
    return this.parsed;
  }
}
