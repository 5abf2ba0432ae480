/**
 * The kibana.json that goes into the zip: the source manifest with the exact Kibana version and the plugin's
 * version stamped in, as @kbn/plugin-helpers does. Checked against the rules of Kibana's manifest parser
 * (kibana-contracts.md §1a, the same rules as test/manifest/kibana_json.test.ts), because a manifest Kibana refuses
 * is only found out when Kibana fails to start.
 */
export type PluginManifest = Record<string, unknown>;

const KNOWN_KEYS = new Set([
  'id', 'version', 'kibanaVersion', 'type', 'configPath', 'requiredPlugins', 'optionalPlugins', 'runtimePluginDependencies',
  'requiredBundles', 'ui', 'server', 'extraPublicDirs', 'serviceFolders', 'owner', 'description', 'enabledOnAnonymousPages',
]);

export function stampManifest(source: PluginManifest, kibanaVersion: string, pluginVersion: string): PluginManifest {
  return { ...source, version: pluginVersion, kibanaVersion };
}

const isStringList = (value: unknown): boolean => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** What Kibana's manifest parser (or its installer) would refuse; empty when the manifest is fine. */
export function manifestProblems(manifest: PluginManifest, kibanaVersion: string): string[] {
  const problems: string[] = [];
  const unknown = Object.keys(manifest).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0) problems.push(`unrecognized properties ${unknown.join(', ')}`);
  if (typeof manifest.id !== 'string' || !/^[a-z][a-zA-Z0-9]+$/.test(manifest.id)) problems.push('id must be camelCase without dots');
  if (typeof manifest.version !== 'string' || manifest.version === '') problems.push('version is required');
  if (manifest.kibanaVersion !== kibanaVersion) problems.push(`kibanaVersion must be ${kibanaVersion}`);
  const owner = manifest.owner as { name?: unknown } | undefined;
  if (typeof owner?.name !== 'string' || owner.name === '') problems.push('owner.name is required');
  if (typeof manifest.server !== 'boolean' || typeof manifest.ui !== 'boolean') problems.push('server and ui must be booleans');
  else if (!manifest.server && !manifest.ui) problems.push('at least one of server and ui must be true');
  for (const key of ['requiredPlugins', 'optionalPlugins', 'requiredBundles'] as const) {
    if (manifest[key] !== undefined && !isStringList(manifest[key])) problems.push(`${key} must be a list of plugin ids`);
  }
  if (manifest.configPath !== undefined && typeof manifest.configPath !== 'string' && !isStringList(manifest.configPath)) {
    problems.push('configPath must be a string or a list of strings');
  }
  return problems;
}
