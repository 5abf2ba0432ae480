/**
 * What the server bundle loads at run time. It is built with `packages: 'external'`, so every npm package it uses
 * stays a `require("name")` that Node resolves from the plugin's folder upwards: first the zip's own node_modules,
 * then Kibana's (`<kibana>/node_modules`, two levels above `plugins/<id>`).
 */
import { builtinModules } from 'node:module';

/**
 * Packages the plugin takes from Kibana instead of carrying a copy. `@elastic/elasticsearch`: Kibana hands plugins
 * its client; the server imports only its types and tells its errors by name (client_errors.ts), so a second copy
 * would only add weight. `@kbn/*`: Kibana's own packages, never on npm (config.ts falls back to zod without
 * `@kbn/config-schema`).
 */
export function isKibanaProvided(name: string): boolean {
  return name === '@elastic/elasticsearch' || name.startsWith('@kbn/');
}

export interface RuntimeRequires {
  /** npm packages the zip must carry, sorted. */
  bundled: string[];
  /** Packages resolved from Kibana's node_modules, sorted. */
  fromKibana: string[];
}

const REQUIRE_CALL = /\brequire\(\s*(["'])([^"'\n]+)\1\s*\)/g;

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`; undefined for relative paths and Node's built-ins. */
export function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtinModules.includes(name) ? undefined : name;
}

export function runtimeRequires(bundleSource: string): RuntimeRequires {
  const names = new Set<string>();
  for (const match of bundleSource.matchAll(REQUIRE_CALL)) {
    const name = packageNameOf(match[2]);
    if (name !== undefined) names.add(name);
  }
  const all = [...names].sort();
  return { bundled: all.filter((n) => !isKibanaProvided(n)), fromKibana: all.filter(isKibanaProvided) };
}
