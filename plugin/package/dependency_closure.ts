/**
 * The installed packages a set of production dependencies needs at run time, found the way Node finds them: each
 * dependency from the folder of the package that depends on it, upwards through node_modules. Each is kept at its
 * path relative to the project root, so the copy in the zip resolves the same way as the original.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface InstalledPackage {
  name: string;
  version: string;
  /** Folder relative to the project root, `node_modules/zod` or `node_modules/a/node_modules/b`, with `/`. */
  folder: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export function readPackageJson(folder: string): PackageJson {
  return JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as PackageJson;
}

/** The folder `name` resolves to from `fromFolder`, looking no higher than `root`; undefined when not installed. */
function resolveInstalled(name: string, fromFolder: string, root: string): string | undefined {
  for (let dir = fromFolder; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root || path.dirname(dir) === dir) return undefined;
  }
}

/** Dependencies a package needs installed: its dependencies, and its peers unless marked optional. */
function needs(pkg: PackageJson): { name: string; optional: boolean }[] {
  const peersNeeded = Object.keys(pkg.peerDependencies ?? {}).filter((n) => !pkg.peerDependenciesMeta?.[n]?.optional);
  return [
    ...Object.keys(pkg.dependencies ?? {}).map((name) => ({ name, optional: false })),
    ...peersNeeded.map((name) => ({ name, optional: false })),
    ...Object.keys(pkg.optionalDependencies ?? {}).map((name) => ({ name, optional: true })),
  ];
}

/**
 * Every installed package `names` need, transitively, sorted by folder. Throws when a needed package is missing
 * (`npm ci` not run); an optional dependency that is not installed (another platform's binary) is skipped.
 */
export function dependencyClosure(root: string, names: string[]): InstalledPackage[] {
  const found = new Map<string, InstalledPackage>();
  const visit = (name: string, fromFolder: string, optional: boolean, requiredBy: string): void => {
    const folder = resolveInstalled(name, fromFolder, root);
    if (folder === undefined) {
      if (optional) return;
      throw new Error(`${name} (needed by ${requiredBy}) is not installed under ${path.join(root, 'node_modules')}: run npm ci`);
    }
    const relative = path.relative(root, folder).split(path.sep).join('/');
    if (found.has(relative)) return;
    const pkg = readPackageJson(folder);
    found.set(relative, { name, version: pkg.version ?? '', folder: relative });
    for (const dep of needs(pkg)) visit(dep.name, folder, dep.optional, `${name}@${pkg.version}`);
  };
  for (const name of names) visit(name, root, false, 'the server bundle');
  return [...found.values()].sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}
