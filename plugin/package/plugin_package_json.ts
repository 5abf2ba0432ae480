/**
 * The package.json inside the zip, shaped like the one @kbn/plugin-helpers writes (its rewrite_package_json step):
 * the project's name and version, `kibana.version` for the target Kibana, no scripts and no devDependencies, and only
 * the production dependencies the server bundle loads, at the versions installed.
 */
import type { InstalledPackage } from './dependency_closure';

export interface ProjectPackageJson {
  name: string;
  version: string;
  description?: string;
  license?: string;
}

export interface PluginPackageJson {
  name: string;
  version: string;
  description?: string;
  license?: string;
  private: true;
  kibana: { version: string };
  dependencies: Record<string, string>;
}

/** `direct`: the packages the bundle requires, as found in node_modules (not the transitive ones). */
export function pluginPackageJson(project: ProjectPackageJson, kibanaVersion: string, direct: InstalledPackage[]): PluginPackageJson {
  return {
    name: project.name,
    version: project.version,
    ...(project.description !== undefined ? { description: project.description } : {}),
    ...(project.license !== undefined ? { license: project.license } : {}),
    private: true,
    kibana: { version: kibanaVersion },
    dependencies: Object.fromEntries(direct.map((p) => [p.name, p.version])),
  };
}
