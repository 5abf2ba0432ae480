import type { NormalizeRecord } from './types';
import { normalizeRecord } from '../normalize';

/** server/store/normalize; callers (tests, benchmarks) may inject their own. */
export function loadDefaultNormalizer(): Promise<NormalizeRecord> {
  return Promise.resolve(normalizeRecord);
}
