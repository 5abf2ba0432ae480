/**
 * Builds the zip `bin/kibana-plugin install` accepts, laid out as @kbn/plugin-helpers lays it out:
 * `kibana/<pluginId>/` holding kibana.json (exact kibanaVersion), package.json, server/, target/public/ and the
 * node_modules of the production packages the server bundle loads.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PLUGIN_ID } from '../../common/constants';
import { buildKibanaPublic, REPO_ROOT } from '../build/kibana_public';
import { buildServer } from '../build/server_bundle';
import { dependencyClosure, readPackageJson, type InstalledPackage } from './dependency_closure';
import { parseKibanaVersion } from './kibana_version';
import { manifestProblems, stampManifest, type PluginManifest } from './manifest';
import { pluginPackageJson, type ProjectPackageJson } from './plugin_package_json';
import { runtimeRequires } from './runtime_requires';
import { filesUnder, writeZip, type ZipEntry } from './zip_archive';

export const ZIP_ROOT = `kibana/${PLUGIN_ID}`;
export const DEFAULT_OUT_DIR = path.join(REPO_ROOT, 'build', 'dist');

export interface PackageOptions {
  kibanaVersion: string;
  /** Default build/dist in the project. */
  outDir?: string;
}

export interface PluginPackage {
  zipPath: string;
  bytes: number;
  entries: number;
  kibanaVersion: string;
  pluginVersion: string;
  /** The packages the server bundle requires, carried in the zip. */
  dependencies: InstalledPackage[];
  /** Everything under node_modules in the zip: the dependencies and what they need. */
  installed: InstalledPackage[];
  /** Required at run time but resolved from Kibana's own node_modules. */
  fromKibana: string[];
}

export const zipFileName = (kibanaVersion: string): string => `${PLUGIN_ID}-${kibanaVersion}.zip`;

const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

/** The bundle's npm requires, each of which must be a production dependency of the project. */
function checkedRequires(serverBundle: string, project: { dependencies?: Record<string, string> }) {
  const requires = runtimeRequires(readFileSync(serverBundle, 'utf8'));
  const undeclared = requires.bundled.filter((name) => project.dependencies?.[name] === undefined);
  if (undeclared.length > 0) {
    throw new Error(`server/index.js requires ${undeclared.join(', ')} at run time, which package.json does not list in dependencies`);
  }
  return requires;
}

export async function buildPluginPackage(options: PackageOptions): Promise<PluginPackage> {
  const kibanaVersion = parseKibanaVersion(options.kibanaVersion);
  const root = REPO_ROOT;
  const outDir = path.resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const project = readPackageJson(root) as ProjectPackageJson & { dependencies?: Record<string, string> };
  const manifest = stampManifest(JSON.parse(readFileSync(path.join(root, 'kibana.json'), 'utf8')) as PluginManifest, kibanaVersion, project.version);
  const problems = manifestProblems(manifest, kibanaVersion);
  if (problems.length > 0) throw new Error(`kibana.json would be refused by Kibana: ${problems.join('; ')}`);
  if (manifest.id !== PLUGIN_ID) throw new Error(`kibana.json id ${String(manifest.id)} is not ${PLUGIN_ID}`);

  const staging = mkdtempSync(path.join(tmpdir(), `${PLUGIN_ID}-package-`));
  try {
    await buildKibanaPublic(staging);
    const serverBundle = await buildServer(staging);
    const requires = checkedRequires(serverBundle, project);
    const installed = dependencyClosure(root, requires.bundled);
    const dependencies = installed.filter((p) => requires.bundled.includes(p.name) && p.folder === `node_modules/${p.name}`);
    const stale = dependencies.filter((p) => project.dependencies?.[p.name] !== p.version);
    if (stale.length > 0) {
      throw new Error(`installed ${stale.map((p) => `${p.name}@${p.version}`).join(', ')} differ from package.json (${stale.map((p) => project.dependencies?.[p.name]).join(', ')}): run npm ci`);
    }
    const entries: ZipEntry[] = [
      { name: `${ZIP_ROOT}/kibana.json`, data: json(manifest) },
      { name: `${ZIP_ROOT}/package.json`, data: json(pluginPackageJson(project, kibanaVersion, dependencies)) },
      ...filesUnder(path.join(staging, 'server'), `${ZIP_ROOT}/server`),
      ...filesUnder(path.join(staging, 'target'), `${ZIP_ROOT}/target`),
      ...installed.flatMap((p) => filesUnder(path.join(root, p.folder), `${ZIP_ROOT}/${p.folder}`)),
    ];
    const zip = await writeZip(entries, path.join(outDir, zipFileName(kibanaVersion)));
    return {
      zipPath: zip.path,
      bytes: zip.bytes,
      entries: zip.entries,
      kibanaVersion,
      pluginVersion: project.version,
      dependencies,
      installed,
      fromKibana: requires.fromKibana,
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
