/** Log files as a source of compacted events. */
import { compactEvent } from '../../server/analytic/compact';
import { defaultCatalog } from '../../server/analytic/default_catalog';
import { openLocalSource } from '../../server/store/local';
import type { LocalSource, LocalSourceOptions } from '../../server/store/local/types';
import { normalizeRecord } from '../../server/store/normalize';

/**
 * The original records are left to be re-read through each event's origin, so the reorder window and the chains
 * hold only what the analytic reads.
 */
export function localEventSource(paths: string[], options: Omit<LocalSourceOptions, 'normalize'> = {}): LocalSource {
  return openLocalSource(paths, {
    ...options,
    normalize: (record, origin) => {
      const result = normalizeRecord(record, origin);
      if (result.ok) compactEvent(result.event, defaultCatalog.classify);
      return result;
    },
  });
}
