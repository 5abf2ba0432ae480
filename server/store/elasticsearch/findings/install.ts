/**
 * Installs the findings index template and the space's index. Several Kibana nodes run this at once on start, and
 * nodes of two versions run it during a rolling upgrade, so every step tolerates the others: the template is put
 * only when the stored one is older, an index someone else created is fine, and a mapping is never downgraded.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { EsClient, KbnLogger } from '../../../kibana/types';
import { statusOf, withRetry, type RetryOptions } from '../retry';
import { errorTypeOf } from './es_errors';
import type { FindingsIndex } from './findings_index';
import { FINDINGS_MAPPING_VERSION, findingsIndexSettings, findingsMappings } from './findings_mappings';

/** Above Elasticsearch's own templates (100-200), so ours decides for its pattern. */
const TEMPLATE_PRIORITY = 500;

export interface InstallOptions {
  client: EsClient;
  index: FindingsIndex;
  retry?: Partial<RetryOptions>;
  logger?: KbnLogger;
}

export interface InstallOutcome {
  template: 'installed' | 'upgraded' | 'current';
  index: 'created' | 'exists' | 'upgraded';
  /** Existing indices of the pattern whose mapping was brought to the current version. */
  upgradedIndices: string[];
}

export function findingsTemplate(index: FindingsIndex): estypes.IndicesPutIndexTemplateRequest {
  return {
    name: index.template,
    index_patterns: [index.pattern],
    priority: TEMPLATE_PRIORITY,
    version: FINDINGS_MAPPING_VERSION,
    _meta: { version: FINDINGS_MAPPING_VERSION, managed_by: 'cloud_api_abuse', description: 'Cloud API Abuse findings, one index per Kibana space' },
    template: { settings: findingsIndexSettings, mappings: findingsMappings },
  };
}

export async function installFindingsIndex({ client, index, retry, logger }: InstallOptions): Promise<InstallOutcome> {
  const stored = await withRetry(() => storedTemplateVersion(client, index.template), retry);
  let template: InstallOutcome['template'] = 'current';
  let upgradedIndices: string[] = [];
  if (stored === undefined || stored < FINDINGS_MAPPING_VERSION) {
    await withRetry(() => client.indices.putIndexTemplate(findingsTemplate(index)), retry);
    template = stored === undefined ? 'installed' : 'upgraded';
    logger?.info(`findings index template [${index.template}] ${template} at version ${FINDINGS_MAPPING_VERSION}`);
    // Indices made from an older template (or before any) get the new fields too.
    upgradedIndices = await upgradeMappings(client, index.pattern, retry);
  }
  let state: InstallOutcome['index'] = 'created';
  try {
    await withRetry(() => client.indices.create({ index: index.name }), retry);
    logger?.info(`findings index [${index.name}] created`);
  } catch (error) {
    if (!alreadyExists(error)) throw error;
    state = 'exists';
  }
  if (upgradedIndices.includes(index.name)) state = 'upgraded';
  else if (state === 'exists' && template === 'current') {
    // The template is current but this index may predate it (a node stopped between the two steps).
    if ((await upgradeMappings(client, index.name, retry)).length > 0) state = 'upgraded';
  }
  if (upgradedIndices.length > 0) logger?.info(`findings mapping upgraded on [${upgradedIndices.join(', ')}]`);
  return { template, index: state, upgradedIndices };
}

async function storedTemplateVersion(client: EsClient, name: string): Promise<number | undefined> {
  try {
    const res = await client.indices.getIndexTemplate({ name });
    const found = res.index_templates.find((t) => t.name === name);
    if (found === undefined) return undefined;
    return versionOf(found.index_template._meta) ?? 0;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** Puts the current mapping on the indices of `expression` whose mapping is older; returns their names. */
async function upgradeMappings(client: EsClient, expression: string, retry: Partial<RetryOptions> | undefined): Promise<string[]> {
  const current = await withRetry(() => client.indices.getMapping({ index: expression, expand_wildcards: 'all', allow_no_indices: true, ignore_unavailable: true }), retry);
  const older = Object.keys(current).filter((name) => (versionOf(current[name].mappings._meta) ?? 0) < FINDINGS_MAPPING_VERSION).sort();
  if (older.length === 0) return [];
  await withRetry(
    () =>
      client.indices.putMapping({
        index: older,
        expand_wildcards: 'all',
        dynamic: findingsMappings.dynamic,
        _meta: findingsMappings._meta,
        properties: findingsMappings.properties,
      }),
    retry,
  );
  return older;
}

function versionOf(meta: estypes.Metadata | undefined): number | undefined {
  const v: unknown = meta?.version;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Another node created it first: Elasticsearch says so with a 400 resource_already_exists_exception (409 via some proxies). */
function alreadyExists(error: unknown): boolean {
  const status = statusOf(error);
  return status === 409 || (status === 400 && errorTypeOf(error) === 'resource_already_exists_exception');
}
