/**
 * A specific reason for a record no normalizer takes: a known format we do not support, a wrapper that should have
 * been unwrapped, or the record's keys.
 */
import { ecsDataset, OTHER_ENTRA_CATEGORIES } from './detect';
import { get, isObject, str, type JsonObject } from './get';

const MAX_KEYS_SHOWN = 12;

export function unrecognizedReason(r: JsonObject): string {
  if (ecsDataset(r) === '') {
    return (
      'ECS document without a recognizable dataset ' +
      '(no data_stream.dataset, event.dataset, aws.cloudtrail, gcp.audit or azure.* fields)'
    );
  }
  const provider = unsupportedProvider(r);
  if (provider !== undefined) return `unsupported provider: ${provider}`;
  const keys = Object.keys(r);
  if (keys.length === 0) return 'unrecognized record: empty object';
  if (keys.every((k) => k.startsWith('p_'))) return 'unrecognized record: only Panther enrichment fields (p_*), no provider record';
  const shown = keys.slice(0, MAX_KEYS_SHOWN).map((k) => (k.length > 40 ? `${k.slice(0, 40)}...` : k));
  const more = keys.length > MAX_KEYS_SHOWN ? ` (+${keys.length - MAX_KEYS_SHOWN} more)` : '';
  return `unrecognized record: keys ${shown.join(',')}${more}`;
}

function unsupportedProvider(r: JsonObject): string | undefined {
  if (Array.isArray(get(r, 'Records'))) return 'CloudTrail delivery file envelope {"Records": [...]}: pass each element of Records';
  if (get(r, 'digestStartTime') !== undefined && get(r, 'digestEndTime') !== undefined) {
    return 'CloudTrail digest file (log integrity, no events)';
  }
  const dataset = ecsDataset(r);
  if (dataset !== undefined) return `ECS dataset ${dataset.slice(0, 80)}`;
  const category = str(get(r, 'category'));
  if (category !== undefined && OTHER_ENTRA_CATEGORIES.has(category)) return `Azure ${category}`;
  if (str(get(r, 'eventType')) !== undefined && isObject(get(r, 'actor')) && get(r, 'published') !== undefined) return 'Okta System Log';
  const kind = str(get(r, 'kind'));
  if (kind === 'Event' && str(get(r, 'apiVersion'))?.startsWith('audit.k8s.io')) return 'Kubernetes audit log (outside a cloud envelope)';
  if (kind?.startsWith('admin#reports#')) return 'Google Workspace Admin SDK activity';
  if (get(r, 'Workload') !== undefined && get(r, 'Operation') !== undefined && get(r, 'RecordType') !== undefined) {
    return 'Microsoft 365 unified audit log';
  }
  const repoScoped = get(r, 'org') !== undefined || get(r, 'repo') !== undefined;
  if (typeof get(r, 'action') === 'string' && typeof get(r, 'actor') === 'string' && repoScoped) {
    return 'GitHub audit log';
  }
  return undefined;
}
