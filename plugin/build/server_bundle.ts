/** The server side of the Kibana plugin: `server/index.js` as CommonJS, npm packages left to node_modules. */
import * as path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './kibana_public';

export async function buildServer(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'server', 'index.js');
  await build({
    entryPoints: [path.join(REPO_ROOT, 'server', 'index.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // the async initializer's lazy import stays lazy inside one file
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
