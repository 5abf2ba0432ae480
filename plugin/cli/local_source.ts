/** Log files as a source of compacted events. */
import { openLocalSource } from '../../server/store/local';
import type { LocalSource, LocalSourceOptions } from '../../server/store/local/types';
import { normalizeCompact } from '../../server/store/normalize/normalize_compact';

/**
 * The original records are left to be re-read through each event's origin, so the reorder window and the chains
 * hold only what the analytic reads.
 */
export function localEventSource(paths: string[], options: Omit<LocalSourceOptions, 'normalize'> = {}): LocalSource {
  return openLocalSource(paths, {
    ...options,
    normalize: normalizeCompact,
  });
}
