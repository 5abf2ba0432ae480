/**
 * Writes the zip with yazl. Kibana's installer creates each file with the mode stored in the zip
 * (`externalFileAttributes >>> 16`), so modes are normalised to 644, or 755 for executables: whoever runs Kibana
 * must be able to read what another user built.
 */
import { createWriteStream, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export type ZipEntry = { name: string; file: string } | { name: string; data: Buffer };

export interface WrittenZip {
  path: string;
  bytes: number;
  entries: number;
}

/** Names as Kibana's installer reads them: relative, `/`-separated, no `..` segment. */
export function assertSafeEntryName(name: string): void {
  if (name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || name.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    throw new Error(`unsafe zip entry name: ${name}`);
  }
}

/**
 * The files under `folder` as entries under `prefix`. Skips `node_modules` below it (each package is added on its
 * own) and `.bin` (links to command-line tools); refuses other symbolic links, which a zip would not carry.
 */
export function filesUnder(folder: string, prefix: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const walk = (dir: string, name: string): void => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      if (item.isSymbolicLink()) throw new Error(`symbolic link in a packaged folder: ${full}`);
      if (item.isDirectory()) {
        if (item.name !== 'node_modules' && item.name !== '.bin') walk(full, `${name}/${item.name}`);
      } else if (item.isFile()) {
        entries.push({ name: `${name}/${item.name}`, file: full });
      }
    }
  };
  walk(folder, prefix);
  return entries;
}

const fileMode = (file: string): number => 0o100000 | (lstatSync(file).mode & 0o100 ? 0o755 : 0o644);

export async function writeZip(entries: ZipEntry[], zipPath: string): Promise<WrittenZip> {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const seen = new Set<string>();
  for (const entry of sorted) {
    assertSafeEntryName(entry.name);
    if (seen.has(entry.name)) throw new Error(`zip entry added twice: ${entry.name}`);
    seen.add(entry.name);
  }
  mkdirSync(path.dirname(zipPath), { recursive: true });
  // Written beside the target and renamed, so a failed build never leaves a zip that looks complete.
  const partial = `${zipPath}.partial`;
  const zip = new ZipFile();
  for (const entry of sorted) {
    if ('file' in entry) zip.addFile(entry.file, entry.name, { mode: fileMode(entry.file) });
    else zip.addBuffer(entry.data, entry.name, { mode: 0o100644 });
  }
  zip.end();
  try {
    await pipeline(zip.outputStream, createWriteStream(partial));
    renameSync(partial, zipPath);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { path: zipPath, bytes: statSync(zipPath).size, entries: sorted.length };
}
