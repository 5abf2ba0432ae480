/** The standalone host's page script: the same app, with React, EUI and charts bundled in (there is no Kibana). */
import * as path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './kibana_public';

export const HOST_UI_DIR = path.join(REPO_ROOT, 'build', 'host', 'public');

export async function buildHostUi(outDir: string = HOST_UI_DIR): Promise<string> {
  const outfile = path.join(outDir, 'app.js');
  await build({
    entryPoints: [path.join(REPO_ROOT, 'public', 'standalone.tsx')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
