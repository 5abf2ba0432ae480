/**
 * kibana.json must pass Kibana's external-plugin manifest parser (../shared/reference/kibana-contracts.md §1a):
 * unknown keys are a hard error, the id is camelCase without dots, owner.name is required, at least one of
 * server/ui is true, kibanaVersion is an exact version or "kibana".
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ALLOWED = new Set([
  'id', 'version', 'kibanaVersion', 'type', 'configPath', 'requiredPlugins', 'optionalPlugins', 'runtimePluginDependencies',
  'requiredBundles', 'ui', 'server', 'extraPublicDirs', 'serviceFolders', 'owner', 'description', 'enabledOnAnonymousPages',
]);

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../kibana.json'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };

describe('kibana.json', () => {
  it('has only keys the manifest parser knows', () => {
    expect(Object.keys(manifest).filter((k) => !ALLOWED.has(k))).toEqual([]);
  });
  it('has a camelCase id without dots: cloudApiAbuse', () => {
    expect(manifest.id).toBe('cloudApiAbuse');
    expect(manifest.id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });
  it('names its owner and a version matching package.json', () => {
    expect((manifest.owner as { name?: string }).name).toEqual(expect.any(String));
    expect(manifest.version).toBe(pkg.version);
  });
  it('has a server and a ui part and needs Task Manager', () => {
    expect(manifest.server).toBe(true);
    expect(manifest.ui).toBe(true);
    expect(manifest.requiredPlugins).toEqual(expect.arrayContaining(['taskManager']));
  });
  it('targets "kibana" (any version) in source; packaging stamps the exact version', () => {
    expect(manifest.kibanaVersion === 'kibana' || /^\d+\.\d+\.\d+$/.test(String(manifest.kibanaVersion))).toBe(true);
  });
  it('reads its settings under one config path, and is a standard plugin', () => {
    expect(manifest.configPath).toEqual(['cloudApiAbuse']);
    expect(manifest.type).toBe('standard');
  });
});
