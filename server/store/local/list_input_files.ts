import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** What a directory walk takes; explicitly named files and glob matches are taken whatever their name. */
const LOG_EXTENSIONS = ['.json', '.jsonl', '.ndjson', '.log', '.gz', '.txt'];

export interface InputFiles {
  /** Absolute paths, each once, in argument order; sorted within each directory or pattern. */
  files: string[];
  /** Arguments that name nothing. */
  missing: string[];
}

/** Expands files, directories (recursively) and glob patterns into the log files to read. */
export async function listInputFiles(args: string[]): Promise<InputFiles> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const take = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const arg of args) {
    const found = await expand(arg);
    if (found === undefined || found.length === 0) missing.push(arg);
    else found.forEach(take);
  }
  return { files, missing };
}

async function expand(arg: string): Promise<string[] | undefined> {
  const absolute = path.resolve(arg);
  const info = await stat(absolute).catch(() => undefined);
  // A literal path wins over a pattern reading of it: `logs[1].json` may be a real file name.
  if (info?.isFile()) return [absolute];
  if (info?.isDirectory()) return walk(absolute, new Set());
  if (isDynamicPattern(arg)) {
    const matches = await glob(arg, { absolute: true, onlyFiles: true, dot: false, expandDirectories: false });
    return matches.map((m) => path.resolve(m)).sort(byCodePoint);
  }
  return undefined;
}

async function walk(dir: string, visited: Set<string>): Promise<string[]> {
  // Symlinked directories can loop back; walk each real directory once.
  const real = await realpath(dir).catch(() => dir);
  if (visited.has(real)) return [];
  visited.add(real);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries.map((e) => e.name).filter((n) => !n.startsWith('.')).sort(byCodePoint);
  const out: string[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => undefined);
    if (info?.isDirectory()) out.push(...(await walk(full, visited)));
    else if (info?.isFile() && isLogLike(name)) out.push(full);
  }
  return out;
}

function isLogLike(name: string): boolean {
  const lower = name.toLowerCase();
  return LOG_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
