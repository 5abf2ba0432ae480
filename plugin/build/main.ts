/**
 * `npm run build`: the Kibana plugin's files (public bundle with Kibana's shared dependencies external, server code,
 * manifest) under build/kibana/<pluginId>/, and the standalone host's page script. Prints what it wrote and its size.
 */
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { PLUGIN_ID } from '../../common/constants';
import { buildHostUi } from './host_ui';
import { buildKibanaPublic, REPO_ROOT } from './kibana_public';
import { buildServer } from './server_bundle';

export const KIBANA_BUILD_DIR = path.join(REPO_ROOT, 'build', 'kibana', PLUGIN_ID);

const kb = (file: string): string => `${(statSync(file).size / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  rmSync(KIBANA_BUILD_DIR, { recursive: true, force: true });
  mkdirSync(KIBANA_BUILD_DIR, { recursive: true });
  const started = Date.now();
  const publicBundle = await buildKibanaPublic(KIBANA_BUILD_DIR);
  const serverBundle = await buildServer(KIBANA_BUILD_DIR);
  copyFileSync(path.join(REPO_ROOT, 'kibana.json'), path.join(KIBANA_BUILD_DIR, 'kibana.json'));
  const hostUi = await buildHostUi();
  const rel = (f: string) => path.relative(REPO_ROOT, f);
  process.stdout.write(
    [
      `Kibana public bundle  ${rel(publicBundle)}  ${kb(publicBundle)} (React, EUI, charts, moment from Kibana's shared dependencies)`,
      `Kibana server code    ${rel(serverBundle)}  ${kb(serverBundle)}`,
      `Standalone host page  ${rel(hostUi)}  ${kb(hostUi)} (everything bundled)`,
      `built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      '',
    ].join('\n'),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
