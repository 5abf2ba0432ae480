/**
 * What the findings mapping says a field is: the check every generated object is held to, so that a rule or a panel
 * never names a field the index does not have (the mapping is `dynamic: false`: an unlisted field is in `_source`
 * but neither searchable nor aggregatable, and Security or Lens would silently find nothing).
 */
import type { estypes } from '@elastic/elasticsearch';
import { findingsMappings } from '../../server/store/elasticsearch/findings/findings_mappings';

/** The mapped type of `path` (`kibana.alert.reason.text` reaches a multi-field), or undefined when it is not mapped. */
export function mappedType(path: string, mappings: estypes.MappingTypeMapping = findingsMappings): string | undefined {
  let properties: Record<string, estypes.MappingProperty> | undefined = mappings.properties;
  let found: estypes.MappingProperty | undefined;
  for (const part of path.split('.')) {
    const next: estypes.MappingProperty | undefined = properties?.[part] ?? (found && 'fields' in found ? found.fields?.[part] : undefined);
    if (!next) return undefined;
    found = next;
    properties = 'properties' in next ? next.properties : undefined;
  }
  return found?.type ?? (found && 'properties' in found ? 'object' : undefined);
}

/** Types a terms aggregation, a KQL match or a rule-name override can use as text values. */
export const KEYWORD_TYPES: ReadonlySet<string> = new Set(['keyword', 'constant_keyword']);
export const NUMBER_TYPES: ReadonlySet<string> = new Set(['long', 'integer', 'short', 'byte', 'float', 'double', 'half_float', 'scaled_float']);
export const DATE_TYPES: ReadonlySet<string> = new Set(['date', 'date_nanos']);
