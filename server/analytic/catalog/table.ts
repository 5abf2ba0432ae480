import type { CloudProvider } from '../../../common/audit_event';
import type { CatalogEntry } from './types';

export type EntryFields = Omit<CatalogEntry, 'provider' | 'service'>;

/** Tables are written per service; this stamps provider and service on each entry. */
export function forService(provider: CloudProvider, service: string | undefined, entries: EntryFields[]): CatalogEntry[] {
  return entries.map((entry) => (service === undefined ? { provider, ...entry } : { provider, service, ...entry }));
}
