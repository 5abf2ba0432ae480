/**
 * The expected-automation file of a Kibana space in Elasticsearch: one document in a small hidden config index per
 * space, beside the findings index. Reads give the validated file (the empty default when none was saved); writes
 * validate, record who and when, and use optimistic concurrency: a write that lost a race re-reads once and
 * writes again, so two saves at once never fail silently and never leave a mix.
 */
import type { estypes } from '@elastic/elasticsearch';
import { expectedAutomationSchema, type ExpectedAutomationFile } from '../../../analytic/automation';
import type { EsClient } from '../../../kibana/types';
import type { AutomationConfigStore } from '../../types';
import { findingsIndex } from '../findings/findings_index';
import { statusOf, withRetry, type RetryOptions } from '../retry';
import { indexCreator } from './create_index_once';

export const AUTOMATION_DOCUMENT_ID = 'expected-automation';
const FINDINGS_SUFFIX = '.findings';

/**
 * `.alerts-cloud_api_abuse.findings` -> `.alerts-cloud_api_abuse.config-<space>`: under `.alerts-` like the findings
 * (where the Kibana system user may write), outside the findings pattern `<prefix>-*`.
 */
export function configIndexName(findingsIndexPrefix: string, spaceId: string): string {
  findingsIndex(spaceId, findingsIndexPrefix); // the same rules for the prefix and the space id
  const base = findingsIndexPrefix.endsWith(FINDINGS_SUFFIX) ? findingsIndexPrefix.slice(0, -FINDINGS_SUFFIX.length) : findingsIndexPrefix;
  return `${base}.config-${spaceId}`;
}

interface StoredAutomation {
  config: ExpectedAutomationFile;
  updated_by: string;
  /** ISO time. */
  updated_at: string;
}

const CONFIG_INDEX: Omit<estypes.IndicesCreateRequest, 'index'> = {
  settings: { number_of_shards: 1, auto_expand_replicas: '0-1', hidden: true },
  // the file is kept, not searched
  mappings: { dynamic: false, properties: { updated_by: { type: 'keyword' }, updated_at: { type: 'date' }, config: { type: 'object', enabled: false } } },
};

export class AutomationConflictError extends Error {
  constructor(index: string) {
    super(`the expected automation in [${index}] kept changing while it was being saved`);
    this.name = 'AutomationConflictError';
  }
}

export interface ElasticsearchAutomationStoreOptions {
  client: EsClient;
  /** `configIndexName(prefix, spaceId)`. */
  index: string;
  retry?: Partial<RetryOptions>;
  now?: () => Date;
}

export class ElasticsearchAutomationStore implements AutomationConfigStore {
  /** The config index, hidden and with its mapping, created once per store (several nodes may race: fine). */
  private readonly ensureIndex: () => Promise<void>;

  constructor(private readonly o: ElasticsearchAutomationStoreOptions) {
    this.ensureIndex = indexCreator(o.client, o.index, CONFIG_INDEX, o.retry);
  }

  async get(): Promise<ExpectedAutomationFile> {
    const current = await this.read();
    if (!current) return expectedAutomationSchema.parse({});
    const parsed = expectedAutomationSchema.safeParse(current.source.config);
    if (!parsed.success) throw new Error(`the expected automation stored in [${this.o.index}] is invalid: ${describe(parsed.error)}`);
    return parsed.data;
  }

  async put(config: ExpectedAutomationFile, by: string): Promise<void> {
    const parsed = expectedAutomationSchema.safeParse(config);
    if (!parsed.success) throw new Error(`expected automation: ${describe(parsed.error)}`);
    await this.ensureIndex();
    for (let attempt = 0; ; attempt++) {
      const current = await this.read();
      const document: StoredAutomation = { config: parsed.data, updated_by: by, updated_at: (this.o.now ?? (() => new Date()))().toISOString() };
      const index = this.o.index;
      const id = AUTOMATION_DOCUMENT_ID;
      try {
        if (current) {
          const request: estypes.IndexRequest<StoredAutomation> = { index, id, document, if_seq_no: current.seqNo, if_primary_term: current.primaryTerm };
          await withRetry(() => this.o.client.index(request), this.o.retry);
        } else {
          const request: estypes.CreateRequest<StoredAutomation> = { index, id, document };
          await withRetry(() => this.o.client.create(request), this.o.retry);
        }
        return;
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
        if (attempt >= 1) throw new AutomationConflictError(index);
      }
    }
  }

  /** The stored document with its sequence number and primary term; undefined when there is none (or no index). */
  private async read(): Promise<{ source: Partial<StoredAutomation>; seqNo: number; primaryTerm: number } | undefined> {
    let response: estypes.GetResponse<Partial<StoredAutomation>>;
    try {
      response = await withRetry(() => this.o.client.get<Partial<StoredAutomation>>({ index: this.o.index, id: AUTOMATION_DOCUMENT_ID }), this.o.retry);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
    if (!response.found || response._source === undefined || response._seq_no === undefined || response._primary_term === undefined) return undefined;
    return { source: response._source, seqNo: response._seq_no, primaryTerm: response._primary_term };
  }


}

function describe(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return `${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}
