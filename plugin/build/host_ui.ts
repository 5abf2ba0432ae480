/** The standalone host's page script: the same app, with React, EUI and charts bundled in (there is no Kibana). */
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './kibana_public';

export const HOST_UI_DIR = path.join(REPO_ROOT, 'build', 'host', 'public');

export async function buildHostUi(outDir: string = HOST_UI_DIR): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  await build({
    // app.js is the entry; EUI's icons (and anything else loaded lazily) become chunks fetched when first shown,
    // so the first page parses a fraction of the code.
    entryPoints: { app: path.join(REPO_ROOT, 'public', 'standalone.tsx') },
    bundle: true,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // The charts need time zones for their time axes only; ten years of zone data instead of all of history.
    alias: { 'moment-timezone': 'moment-timezone/builds/moment-timezone-with-data-10-year-range.min.js' },
    outdir: outDir,
    logLevel: 'warning',
  });
  return path.join(outDir, 'app.js');
}
