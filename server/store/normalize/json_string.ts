import { isObject, type JsonObject } from './get';

/** Largest embedded JSON text we parse (Azure kube-audit `properties.log`, stringified request bodies). */
export const MAX_EMBEDDED_JSON = 256 * 1024;

/** Parses JSON object text embedded in a field; undefined when it is not an object, too large or malformed. */
export function jsonObjectFromString(s: string, max: number = MAX_EMBEDDED_JSON): JsonObject | undefined {
  if (s.length < 2 || s.length > max) return undefined;
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 10 || s.charCodeAt(i) === 13 || s.charCodeAt(i) === 9)) i++;
  if (s.charCodeAt(i) !== 123) return undefined;
  try {
    const parsed: unknown = JSON.parse(s);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
