import type { NormalizeRecord } from './types';

let loading: Promise<NormalizeRecord> | undefined;

/**
 * server/store/normalize, loaded on first use: reading files does not pay for the normalizers' tables unless
 * it normalizes, and callers (tests, benchmarks) may inject their own.
 */
export function loadDefaultNormalizer(): Promise<NormalizeRecord> {
  loading ??= import('../normalize').then((normalizers) => normalizers.normalizeRecord);
  return loading;
}
