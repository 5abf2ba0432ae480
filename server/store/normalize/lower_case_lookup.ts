/**
 * A lookup in a table keyed by lower-case names, for names a record spells in its own case (`ServicePrincipal`,
 * `SignInLogs`). Each spelling met is remembered (up to `limit` of them), so the usual spellings cost one Map lookup
 * and no lower-casing per event. Same answers as `table.get(key.toLowerCase())`.
 */
export function lowerCaseLookup<V>(table: ReadonlyMap<string, V>, limit = 256): (key: string) => V | undefined {
  const seen = new Map<string, V | null>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      value = table.get(key.toLowerCase()) ?? null;
      if (seen.size < limit) seen.set(key, value);
    }
    return value ?? undefined;
  };
}
