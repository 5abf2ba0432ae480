/**
 * The Kibana browser bundle: `target/public/<pluginId>.plugin.js`, one script that registers the plugin's public entry
 * with `__kbnBundles__.define('plugin/<id>/public', ...)` the way Kibana's optimizer does, with the shared
 * dependencies taken from `__kbnSharedDeps__`.
 */
import * as path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { PLUGIN_ID } from '../../common/constants';
import { KIBANA_SHARED_DEPS } from './shared_deps';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/** Resolves each shared dependency to a module that re-exports Kibana's global. */
function kibanaSharedDeps(): Plugin {
  const names = Object.keys(KIBANA_SHARED_DEPS);
  const filter = new RegExp(`^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
  return {
    name: 'kibana-shared-deps',
    setup(b) {
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'kbn-shared-dep' }));
      b.onLoad({ filter: /.*/, namespace: 'kbn-shared-dep' }, (args) => ({ contents: `module.exports = ${KIBANA_SHARED_DEPS[args.path]};`, loader: 'js' }));
    },
  };
}

export async function buildKibanaPublic(outDir: string): Promise<string> {
  const bundleId = `plugin/${PLUGIN_ID}/public`;
  const outfile = path.join(outDir, 'target', 'public', `${PLUGIN_ID}.plugin.js`);
  await build({
    stdin: {
      contents: `import * as entry from './public/index.ts';\n__kbnBundles__.define(${JSON.stringify(bundleId)}, function () { return entry; }, ${JSON.stringify(bundleId)});\n`,
      resolveDir: REPO_ROOT,
      sourcefile: 'kibana_bundle_entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [kibanaSharedDeps()],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
