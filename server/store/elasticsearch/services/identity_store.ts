/**
 * Identity profiles of a Kibana space in Elasticsearch: one document per root identity in a hidden index beside the
 * findings (`.alerts-cloud_api_abuse.identities-<space>`), replaced after each run. Listing filters on provider and
 * matches the root id as plain text (wildcard metacharacters escaped), never as query syntax.
 */
import { createHash } from 'node:crypto';
import type { estypes } from '@elastic/elasticsearch';
import type { IdentityProfile } from '../../../../common/api';
import type { CloudProvider } from '../../../../common/audit_event';
import type { EsClient } from '../../../kibana/types';
import type { IdentityProfilesPage, IdentityProfileStore } from '../../types';
import { configIndexName } from './automation_store';
import { indexCreator } from './create_index_once';
import { statusOf, withRetry, type RetryOptions } from '../retry';

/** `.alerts-cloud_api_abuse.config-<space>` -> `.alerts-cloud_api_abuse.identities-<space>`. */
export function identitiesIndexName(findingsIndexPrefix: string, spaceId: string): string {
  return configIndexName(findingsIndexPrefix, spaceId).replace(/\.config-([^.]+)$/, '.identities-$1');
}

const VALUES: estypes.MappingProperty = { type: 'object', enabled: false };

const IDENTITIES_INDEX: Omit<estypes.IndicesCreateRequest, 'index'> = {
  settings: { number_of_shards: 1, auto_expand_replicas: '0-1', hidden: true },
  mappings: {
    dynamic: false,
    properties: {
      id: { type: 'keyword' },
      provider: { type: 'keyword' },
      root_id: { type: 'keyword' },
      first_seen: { type: 'date' },
      last_seen: { type: 'date' },
      events: { type: 'long' },
      mfa_seen: { type: 'boolean' },
      updated_at: { type: 'date' },
      interfaces: VALUES,
      tools: VALUES,
      networks: VALUES,
      countries: VALUES,
      services: VALUES,
      regions: VALUES,
    },
  },
};

/** Profiles per bulk request: each is a few KB. */
const BULK_CHUNK = 500;

/** `*`, `?` and `\` are wildcard syntax; escaped they match themselves. */
export function literalWildcard(text: string): string {
  return `*${text.replace(/[\\*?]/g, (c) => `\\${c}`)}*`;
}

export interface ElasticsearchIdentityStoreOptions {
  client: EsClient;
  /** `identitiesIndexName(prefix, spaceId)`. */
  index: string;
  retry?: Partial<RetryOptions>;
}

export class ElasticsearchIdentityStore implements IdentityProfileStore {
  readonly ensureInstalled: () => Promise<void>;

  constructor(private readonly o: ElasticsearchIdentityStoreOptions) {
    this.ensureInstalled = indexCreator(o.client, o.index, IDENTITIES_INDEX, o.retry);
  }

  async write(profiles: IdentityProfile[]): Promise<void> {
    if (!profiles.length) return;
    await this.ensureInstalled();
    for (let i = 0; i < profiles.length; i += BULK_CHUNK) {
      const operations: estypes.BulkRequest<IdentityProfile>['operations'] = [];
      for (const p of profiles.slice(i, i + BULK_CHUNK)) operations.push({ index: { _index: this.o.index, _id: documentId(p.id) } }, p);
      const response = await withRetry(() => this.o.client.bulk<IdentityProfile>({ operations }), this.o.retry);
      if (response.errors) {
        const failed = response.items.map((item) => item.index?.error?.reason).filter((r): r is string => !!r);
        throw new Error(`${failed.length} identity profiles could not be written: ${failed[0] ?? 'unknown reason'}`);
      }
    }
  }

  async list(query: { providers?: CloudProvider[]; search?: string; page: number; perPage: number }): Promise<IdentityProfilesPage> {
    const filter: estypes.QueryDslQueryContainer[] = [];
    if (query.providers?.length) filter.push({ terms: { provider: query.providers } });
    if (query.search) filter.push({ wildcard: { root_id: { value: literalWildcard(query.search), case_insensitive: true } } });
    const request: estypes.SearchRequest = {
      index: this.o.index,
      query: { bool: { filter } },
      sort: [{ events: 'desc' }, { id: 'asc' }],
      from: query.page * query.perPage,
      size: query.perPage,
      track_total_hits: true,
      ignore_unavailable: true,
    };
    let response: estypes.SearchResponse<IdentityProfile>;
    try {
      response = await withRetry(() => this.o.client.search<IdentityProfile>(request), this.o.retry);
    } catch (error) {
      if (statusOf(error) === 404) return { total: 0, profiles: [] };
      throw error;
    }
    const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
    return { total, profiles: response.hits.hits.map((h) => h._source).filter((p): p is IdentityProfile => !!p) };
  }
}

/** Root ids can be long ARNs or URLs; `_id` is limited to 512 bytes, so long ones are hashed. */
function documentId(id: string): string {
  return Buffer.byteLength(id) <= 200 ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`;
}
