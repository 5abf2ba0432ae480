/**
 * `npm run package -- --kibana-version X.Y.Z`: the zip `bin/kibana-plugin install` accepts, built for that exact
 * Kibana version. Prints its path, size, entry count and the packages it carries.
 * Exit codes: 0 written, 1 the build failed, 2 usage error.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { buildPluginPackage, DEFAULT_OUT_DIR, type PackageOptions, type PluginPackage } from './build_package';
import { KibanaVersionError, parseKibanaVersion } from './kibana_version';

function kibanaVersion(value: string): string {
  try {
    return parseKibanaVersion(value);
  } catch (error) {
    throw error instanceof KibanaVersionError ? new InvalidArgumentError(error.reason) : error;
  }
}

export function buildProgram(run: (options: PackageOptions) => Promise<void>): Command {
  return new Command('package')
    .description('Build the Kibana plugin zip for one exact Kibana version (bin/kibana-plugin install file:///...zip)')
    .requiredOption('--kibana-version <X.Y.Z>', 'the exact version of the Kibana that will install it (8.x or 9.x)', kibanaVersion)
    .option('--out <dir>', 'folder for the zip', path.relative(process.cwd(), DEFAULT_OUT_DIR) || '.')
    .showHelpAfterError('(run with --help for the options)')
    .exitOverride()
    .action(async (o: { kibanaVersion: string; out: string }) => {
      await run({ kibanaVersion: o.kibanaVersion, outDir: path.resolve(o.out) });
    });
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

export function describePackage(p: PluginPackage): string {
  const rel = path.relative(process.cwd(), p.zipPath);
  const nested = p.installed.filter((i) => !p.dependencies.includes(i));
  return [
    `Kibana plugin zip  ${rel.startsWith('..') ? p.zipPath : rel}  ${mib(p.bytes)}, ${p.entries} entries`,
    `  for Kibana ${p.kibanaVersion} exactly; plugin version ${p.pluginVersion}`,
    `  node_modules: ${p.dependencies.map((d) => `${d.name}@${d.version}`).join(', ') || 'none'}` +
      (nested.length > 0 ? ` (and what they need: ${nested.map((d) => `${d.name}@${d.version}`).join(', ')})` : ''),
    `  from Kibana's own node_modules at run time: ${p.fromKibana.join(', ') || 'none'}`,
    `Install: bin/kibana-plugin install ${pathToFileURL(p.zipPath).href}`,
    '',
  ].join('\n');
}

if (require.main === module) {
  const program = buildProgram(async (options) => {
    process.stdout.write(describePackage(await buildPluginPackage(options)));
  });
  program.parseAsync(process.argv).catch((error: unknown) => {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
    process.stderr.write(`package failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
