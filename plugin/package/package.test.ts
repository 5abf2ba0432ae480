/**
 * The zip `npm run package` builds, opened and installed the way Kibana's installer does it (entries under
 * `kibana/<id>/` with that prefix stripped into `<kibana>/plugins/<id>`, files created with the zip's modes), then
 * loaded by Node from there with nothing but the zip's node_modules and, for the lazy part, Kibana's own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import * as yauzl from 'yauzl';
import { CommanderError } from 'commander';
import { buildPluginPackage, type PackageOptions, type PluginPackage } from './build_package';
import { KibanaVersionError } from './kibana_version';
import { buildProgram } from './main';

const REPO = path.resolve(__dirname, '../..');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const project = readJson<{ name: string; version: string; dependencies: Record<string, string>; devDependencies: Record<string, string> }>(path.join(REPO, 'package.json'));
const sourceManifest = readJson<Record<string, unknown>>(path.join(REPO, 'kibana.json'));

interface ZipItem {
  name: string;
  mode: number;
  data: Buffer;
}

async function readZip(file: string): Promise<ZipItem[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const items: ZipItem[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      zip
        .openReadStreamPromise(entry)
        .then(async (stream) => {
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          items.push({ name: entry.fileName, mode: entry.externalFileAttributes >>> 16, data: Buffer.concat(chunks) });
          zip.readEntry();
        })
        .catch(reject);
    });
    zip.readEntry();
  });
  return items;
}

/** What `bin/kibana-plugin install` does with the archive: strip `kibana/<folder>`, write under plugins/<id>. */
function install(items: ZipItem[], kibanaHome: string, stripPrefix: string): string {
  const pluginDir = path.join(kibanaHome, 'plugins', 'cloudApiAbuse');
  for (const item of items.filter((i) => i.name.startsWith(stripPrefix))) {
    const file = path.join(pluginDir, item.name.substring(stripPrefix.length));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, item.data, { mode: item.mode });
  }
  return realpathSync(pluginDir);
}

/** Loads server/index.js in a plain Node process (Node's own resolution, not jest's), then calls `plugin()`. */
const PROBE = `
const path = require('node:path');
const dir = process.argv[1];
const inside = (f) => f.startsWith(dir + path.sep);
const server = require(path.join(dir, 'server', 'index.js'));
const out = { plugin: typeof server.plugin, config: Object.keys(server.config).sort(), loadedOutside: Object.keys(require.cache).filter((f) => !inside(f)) };
out.defaults = server.config.schema.validate({});
try { server.config.schema.validate({ schedule: { interval: 'soon' } }); } catch (e) { out.badConfig = e.message; }
const logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, get() { return logger; } };
server.plugin({ logger, config: { get: () => ({}) }, env: { packageInfo: { version: '8.17.4' }, instanceUuid: 'x' } })
  .then((p) => { out.instance = { setup: typeof p.setup, start: typeof p.start }; }, (e) => { out.lazyError = e.message; })
  .finally(() => { out.loaded = Object.keys(require.cache); process.stdout.write(JSON.stringify(out)); });
`;

interface ProbeResult {
  plugin: string;
  config: string[];
  loadedOutside: string[];
  defaults: { schedule: { interval: string }; sources: string[] };
  badConfig?: string;
  instance?: { setup: string; start: string };
  lazyError?: string;
  loaded: string[];
}

function probe(pluginDir: string): ProbeResult {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_PATH;
  delete env.NODE_OPTIONS;
  const stdout = execFileSync(process.execPath, ['-e', PROBE, pluginDir], { cwd: path.dirname(pluginDir), env, encoding: 'utf8', timeout: 20_000 });
  return JSON.parse(stdout) as ProbeResult;
}

/** Package folders under a node_modules tree (scoped ones as `@scope/name`), relative to `root` with `/`. */
function packageFolders(root: string, nodeModules = 'node_modules'): string[] {
  const dir = path.join(root, nodeModules);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .flatMap((d) => (d.name.startsWith('@') ? readdirSync(path.join(dir, d.name)).map((n) => `${nodeModules}/${d.name}/${n}`) : [`${nodeModules}/${d.name}`]))
    .flatMap((folder) => [folder, ...packageFolders(root, `${folder}/node_modules`)]);
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesIn(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

const nameOf = (folder: string): string => folder.split('node_modules/').pop() ?? folder;

describe('npm run package -- --kibana-version 8.17.4', () => {
  let work: string;
  let result: PluginPackage;
  let items: ZipItem[];
  let pluginDir: string;
  const entry = (name: string): ZipItem => {
    const item = items.find((i) => i.name === `kibana/cloudApiAbuse/${name}`);
    if (!item) throw new Error(`no ${name} in the zip`);
    return item;
  };

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'caa-package-'));
    result = await buildPluginPackage({ kibanaVersion: '8.17.4', outDir: path.join(work, 'dist') });
    items = await readZip(result.zipPath);
    pluginDir = install(items, path.join(work, 'kibana-bare'), 'kibana/cloudApiAbuse');
  }, 60_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes cloudApiAbuse-8.17.4.zip into the folder asked for, and reports its size and entries', () => {
    expect(result.zipPath).toBe(path.join(work, 'dist', 'cloudApiAbuse-8.17.4.zip'));
    expect(result.bytes).toBe(statSync(result.zipPath).size);
    expect(result.entries).toBe(items.length);
    expect(readdirSync(path.join(work, 'dist'))).toEqual(['cloudApiAbuse-8.17.4.zip']);
  });

  it('holds one plugin the installer finds, every entry under kibana/cloudApiAbuse/ with a safe relative name', () => {
    const outside = items.filter((i) => !i.name.startsWith('kibana/cloudApiAbuse/'));
    const unsafe = items.filter((i) => i.name.startsWith('/') || i.name.includes('\\') || /^[A-Za-z]:/.test(i.name) || i.name.split('/').includes('..'));
    expect(outside.map((i) => i.name)).toEqual([]);
    expect(unsafe.map((i) => i.name)).toEqual([]);
    // The installer's own pattern for a plugin's manifest (src/cli_plugin/install/zip.ts analyzeArchive).
    const installerFinds = items.filter((i) => /(kibana[\\/][^\\/]+)[\\/]kibana.json/i.test(i.name));
    expect(installerFinds.map((i) => i.name)).toEqual(['kibana/cloudApiAbuse/kibana.json']);
  });

  it('stores modes every user can read, since the installer creates each file with the mode in the zip', () => {
    const unreadable = items.filter((i) => (i.mode & 0o444) !== 0o444 || (i.mode & 0o170000) !== 0o100000);
    expect(unreadable.map((i) => `${i.name} ${i.mode.toString(8)}`)).toEqual([]);
  });

  it('has a kibana.json stamped with exactly 8.17.4 and the plugin version, the rest as in the source manifest', () => {
    const manifest = JSON.parse(entry('kibana.json').data.toString('utf8')) as Record<string, unknown>;
    expect(manifest).toEqual({ ...sourceManifest, kibanaVersion: '8.17.4', version: project.version });
    expect(manifest).toMatchObject({ id: 'cloudApiAbuse', server: true, ui: true, configPath: sourceManifest.configPath });
    expect(manifest.requiredPlugins).toEqual(expect.arrayContaining(['taskManager', 'features']));
  });

  it('has a package.json as plugin-helpers writes it: kibana.version, production dependencies only, no scripts', () => {
    const pkg = JSON.parse(entry('package.json').data.toString('utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ name: project.name, version: project.version, kibana: { version: '8.17.4' } });
    expect(pkg.scripts).toBeUndefined();
    expect(pkg.devDependencies).toBeUndefined();
    const deps = pkg.dependencies as Record<string, string>;
    expect(Object.entries(deps).filter(([name, version]) => project.dependencies[name] !== version)).toEqual([]);
  });

  it('lists in package.json exactly the npm packages server/index.js requires, less those Kibana provides', () => {
    const bundle = readFileSync(path.join(pluginDir, 'server', 'index.js'), 'utf8');
    const required = new Set(
      [...bundle.matchAll(/\brequire\("([^"]+)"\)/g)]
        .map((m) => m[1])
        .filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
        .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]))
        .filter((n) => !builtinModules.includes(n)),
    );
    const fromKibana = [...required].filter((n) => n === '@elastic/elasticsearch' || n.startsWith('@kbn/')).sort();
    const pkg = JSON.parse(entry('package.json').data.toString('utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...required].filter((n) => !fromKibana.includes(n)).sort());
    expect(Object.keys(pkg.dependencies)).toContain('zod');
    expect(result.fromKibana).toEqual(fromKibana);
  });

  it('carries in node_modules exactly what those dependencies need, at the versions installed here, and nothing else', () => {
    const folders = packageFolders(pluginDir);
    const pkg = JSON.parse(entry('package.json').data.toString('utf8')) as { dependencies: Record<string, string> };
    // What Node would load, walked from the plugin's own dependencies inside the installed plugin only.
    const reachable = new Set<string>();
    const missing: string[] = [];
    const visit = (name: string, from: string): void => {
      for (let dir = from; ; dir = path.dirname(dir)) {
        const folder = path.join(dir, 'node_modules', name);
        if (existsSync(path.join(folder, 'package.json'))) {
          const rel = path.relative(pluginDir, folder).split(path.sep).join('/');
          if (reachable.has(rel)) return;
          reachable.add(rel);
          const own = readJson<{ dependencies?: Record<string, string> }>(path.join(folder, 'package.json'));
          for (const dep of Object.keys(own.dependencies ?? {})) visit(dep, folder);
          return;
        }
        if (dir === pluginDir) return void missing.push(`${name} from ${path.relative(pluginDir, from) || '.'}`);
      }
    };
    for (const name of Object.keys(pkg.dependencies)) visit(name, pluginDir);
    expect(missing).toEqual([]);
    expect(folders.sort()).toEqual([...reachable].sort());
    const versions = folders.map((f) => [f, readJson<{ version: string }>(path.join(pluginDir, f, 'package.json')).version]);
    expect(versions).toEqual(folders.map((f) => [f, readJson<{ version: string }>(path.join(REPO, f, 'package.json')).version]));
    expect(result.installed.map((p) => p.folder)).toEqual(folders.sort());
  });

  it('carries nothing from devDependencies, no command links and no native binaries', () => {
    const names = packageFolders(pluginDir).map(nameOf);
    expect(names.filter((n) => n in project.devDependencies)).toEqual([]);
    expect(names.filter((n) => ['react', 'react-dom', 'esbuild', 'jest', 'typescript', 'better-sqlite3', 'playwright-core', '@elastic/eui', '@elastic/elasticsearch', 'tsx'].includes(n))).toEqual([]);
    const files = filesIn(pluginDir).map((f) => path.relative(pluginDir, f));
    expect(files.filter((f) => f.split(path.sep).includes('.bin') || f.endsWith('.node') || /(^|[\\/])esbuild([\\/]|$)/.test(f))).toEqual([]);
  });

  it('loads server/index.js with only the zip: it exports plugin and the config descriptor, whose schema applies the defaults', () => {
    const bare = probe(pluginDir);
    expect(bare.plugin).toBe('function');
    expect(bare.config).toEqual(expect.arrayContaining(['schema']));
    expect(bare.loadedOutside).toEqual([]);
    expect(bare.defaults.schedule.interval).toBe('5m');
    expect(bare.defaults.sources).toContain('logs-aws.cloudtrail-*');
    expect(bare.badConfig).toMatch(/schedule\.interval/);
    // The lazily loaded part too: the server uses the Elasticsearch client Kibana hands it, and loads no copy.
    expect(bare.lazyError).toBeUndefined();
    expect(bare.instance).toEqual({ setup: 'function', start: 'function' });
  });

  it("starts the plugin inside a Kibana layout: zod and yaml from the zip's node_modules, nothing from Kibana's", () => {
    const home = path.join(work, 'kibana-home');
    const dir = install(items, home, 'kibana/cloudApiAbuse');
    // Kibana's own node_modules, two levels above plugins/<id>: here, this project's client stands in for Kibana's.
    mkdirSync(path.join(home, 'node_modules', '@elastic'), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules', '@elastic', 'elasticsearch'), path.join(home, 'node_modules', '@elastic', 'elasticsearch'), 'dir');
    const inKibana = probe(dir);
    expect(inKibana.lazyError).toBeUndefined();
    expect(inKibana.instance).toEqual({ setup: 'function', start: 'function' });
    const zipModules = path.join(dir, 'node_modules');
    const fromZip = new Set(inKibana.loaded.filter((f) => f.startsWith(zipModules + path.sep)).map((f) => path.relative(zipModules, f).split(path.sep)[0]));
    expect([...fromZip].sort()).toEqual(['yaml', 'zod']);
    // Kibana's client is there, but the plugin only uses the instance Kibana hands it (errors are told by name).
    expect(inKibana.loaded.filter((f) => !f.startsWith(dir + path.sep))).toEqual([]);
  });

  it('has the browser bundle at target/public/cloudApiAbuse.plugin.js, registering plugin/cloudApiAbuse/public', () => {
    const defined: { id: string; load: () => { plugin?: unknown } }[] = [];
    const context = {
      __kbnBundles__: { define: (id: string, load: () => { plugin?: unknown }) => defined.push({ id, load }) },
      __kbnSharedDeps__: { React: require('react'), ReactDom: require('react-dom'), ElasticEui: {}, ElasticCharts: {}, Moment: require('moment') },
    };
    runInNewContext(readFileSync(path.join(pluginDir, 'target', 'public', 'cloudApiAbuse.plugin.js'), 'utf8'), { ...context, window: context });
    expect(defined.map((d) => d.id)).toEqual(['plugin/cloudApiAbuse/public']);
    expect(typeof defined[0].load().plugin).toBe('function');
  });
});

describe('the Kibana version given', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'caa-package-version-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is stamped as given, in the zip name, kibana.json and package.json', async () => {
    const built = await buildPluginPackage({ kibanaVersion: '9.0.3', outDir: work });
    expect(path.basename(built.zipPath)).toBe('cloudApiAbuse-9.0.3.zip');
    const items = await readZip(built.zipPath);
    const json = (name: string) => JSON.parse(items.find((i) => i.name === `kibana/cloudApiAbuse/${name}`)?.data.toString('utf8') ?? '{}') as Record<string, unknown>;
    expect(json('kibana.json').kibanaVersion).toBe('9.0.3');
    expect(json('package.json').kibana).toEqual({ version: '9.0.3' });
    rmSync(built.zipPath);
  }, 60_000);

  it('is refused before anything is built when it is not an exact 8.x or 9.x version', async () => {
    for (const bad of ['8.17', 'v8.17.4', '8.17.4-SNAPSHOT', '7.17.28', '10.0.0', 'kibana', '']) {
      await expect(buildPluginPackage({ kibanaVersion: bad, outDir: work })).rejects.toThrow(KibanaVersionError);
    }
    expect(readdirSync(work)).toEqual([]);
  });

  it('is required on the command line, and a bad one is a usage error', async () => {
    const runs: PackageOptions[] = [];
    const parse = async (argv: string[]): Promise<string | undefined> => {
      const program = buildProgram(async (o) => void runs.push(o));
      program.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
      try {
        await program.parseAsync(argv, { from: 'user' });
        return undefined;
      } catch (error) {
        return error instanceof CommanderError ? error.code : String(error);
      }
    };
    expect(await parse([])).toBe('commander.missingMandatoryOptionValue');
    expect(await parse(['--kibana-version', '7.17.28'])).toBe('commander.invalidArgument');
    expect(await parse(['--kibana-version', '8.17'])).toBe('commander.invalidArgument');
    expect(runs).toEqual([]);
    expect(await parse(['--kibana-version', '8.17.4', '--out', 'some/dir'])).toBeUndefined();
    expect(runs).toEqual([{ kibanaVersion: '8.17.4', outDir: path.resolve('some/dir') }]);
  });
});
