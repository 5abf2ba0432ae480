/** The standalone host's options, their defaults and how a duration is read. */
import * as path from 'node:path';
import { durationMs } from '../../server/config';

/** The repository (or installed package) root: defaults are relative to it, not to the working directory. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export const DEFAULTS = {
  data: path.join(REPO_ROOT, '.data', 'sample-day'),
  db: path.join(REPO_ROOT, '.data', 'cloud-api-abuse.sqlite'),
  port: 5602,
  host: '127.0.0.1',
  /** With --watch: how often the folder is checked for new or changed files. */
  watchInterval: '1m',
  /**
   * A generated day big enough to look like an estate (dozens of identities, every provider, the nine injected
   * chains among a hundred thousand benign events) and small enough to be generated and analysed in seconds.
   */
  sampleEvents: 100_000,
  seed: 1,
} as const;

/** `30s`, `5m`, `1h` or `1d` (at least 1 s) as milliseconds; undefined for anything else. */
export function parseInterval(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1_000 ? value : undefined;
  const ms = durationMs(value.trim());
  return Number.isFinite(ms) && ms >= 1_000 ? ms : undefined;
}
