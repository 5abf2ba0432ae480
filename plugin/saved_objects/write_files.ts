/**
 * Writes the two import files for one space's findings index, for importing by hand (Security > Rules > Import;
 * Stack Management > Saved objects > Import). The files for the default space are kept in ./ndjson, and a test holds
 * them equal to what the code generates.
 *
 *   node --require tsx/cjs plugin/saved_objects/write_files.ts [--space <id>] [--prefix <findings index prefix>] [--out <dir>]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SPACE } from '../../common/constants';
import { DEFAULT_FINDINGS_INDEX_PREFIX, findingsIndex } from '../../server/store/elasticsearch/findings/findings_index';
import { savedObjectsNdjson } from './dashboard';
import { securityRuleNdjson } from './security_rule';

export const NDJSON_DIR = path.join(__dirname, 'ndjson');

export function ndjsonFileNames(spaceId: string): { rule: string; savedObjects: string } {
  return { rule: `cloud_api_abuse_security_rule.${spaceId}.ndjson`, savedObjects: `cloud_api_abuse_saved_objects.${spaceId}.ndjson` };
}

export function writeNdjsonFiles(options: { spaceId?: string; prefix?: string; outDir?: string } = {}): string[] {
  const spaceId = options.spaceId ?? DEFAULT_SPACE;
  const index = findingsIndex(spaceId, options.prefix ?? DEFAULT_FINDINGS_INDEX_PREFIX).name;
  const outDir = options.outDir ?? NDJSON_DIR;
  mkdirSync(outDir, { recursive: true });
  const names = ndjsonFileNames(spaceId);
  const written = [path.join(outDir, names.rule), path.join(outDir, names.savedObjects)];
  writeFileSync(written[0], securityRuleNdjson(index));
  writeFileSync(written[1], savedObjectsNdjson(index));
  return written;
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

if (require.main === module) {
  try {
    const args = process.argv.slice(2);
    for (const file of writeNdjsonFiles({ spaceId: option(args, '--space'), prefix: option(args, '--prefix'), outDir: option(args, '--out') })) console.log(`wrote ${file}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
