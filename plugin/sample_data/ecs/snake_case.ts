/**
 * The sign-in pipeline's first script: every key of the record, at every depth (also inside lists), rewritten with
 * `([a-z])([A-Z]+)` -> `$1_$2` and lower-cased: `userPrincipalName` -> `user_principal_name`, `IPAddress` ->
 * `ipaddress`, `riskEventTypes_v2` -> `risk_event_types_v2`. Returns new objects; the record is not changed.
 */
const CAMEL_HUMP = /([a-z])([A-Z]+)/g;
const names = new Map<string, string>();

export function snakeCase(key: string): string {
  let name = names.get(key);
  if (name === undefined) {
    name = key.replace(CAMEL_HUMP, '$1_$2').toLowerCase();
    if (names.size > 10_000) names.clear();
    names.set(key, name);
  }
  return name;
}

export function snakeCaseKeys(m: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in m) out[snakeCase(key)] = snakeValue(m[key]);
  return out;
}

function snakeValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((item) => (isMap(item) ? snakeCaseKeys(item) : item));
  return isMap(v) ? snakeCaseKeys(v) : v;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
