/**
 * The documents behind a finding's evidence, read again from the index and _id the analytic kept as each event's
 * origin. Made with the analyst's own client: a document the analyst may not read comes back as an error on its
 * entry, never as the document, and a refusal of the whole request (403) is such an error on every entry.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { EvidenceEvent } from '../../../../common/finding';
import type { EsClient } from '../../../kibana/types';
import type { EvidenceStore } from '../../types';
import { errorTypeOf } from '../findings/es_errors';
import { statusOf, withRetry, type RetryOptions } from '../retry';

export interface ElasticsearchEvidenceStoreOptions {
  client: EsClient;
  requestTimeoutMs: number;
  retry?: Partial<RetryOptions>;
}

export type EvidenceRecord = { event_id: string; record?: unknown; error?: string };

/** Documents per `_mget`. */
export const MAX_DOCS_PER_MGET = 1_000;

/**
 * A concrete index name, as Elasticsearch allows them (no patterns, lists, remote clusters or API paths): origins
 * come from stored findings, and a finding must not be able to steer the read elsewhere.
 */
const INDEX_NAME = /^[^-_+\s*,?"<>|\\/#:][^\s*,?"<>|\\/#:]{0,254}$/;

interface Wanted {
  index: string;
  id: string;
  /** Evidence entries that point at this document. */
  entries: number[];
}

export class ElasticsearchEvidenceStore implements EvidenceStore {
  constructor(private readonly o: ElasticsearchEvidenceStoreOptions) {}

  async records(evidence: EvidenceEvent[]): Promise<EvidenceRecord[]> {
    const out: EvidenceRecord[] = evidence.map((e) => ({ event_id: e.event_id }));
    const wanted = new Map<string, Wanted>();
    evidence.forEach((e, i) => {
      const index = e.origin?.index;
      const id = e.origin?.id;
      if (!index || !id) out[i].error = 'no origin';
      else if (!INDEX_NAME.test(index) || index === '.' || index === '..') out[i].error = 'invalid origin index';
      else {
        const key = `${index}\u0000${id}`;
        const w = wanted.get(key) ?? { index, id, entries: [] };
        w.entries.push(i);
        wanted.set(key, w);
      }
    });
    // grouped by index, so each request touches as few indices (and shards) as it can
    const list = [...wanted.values()].sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0));
    for (let start = 0; start < list.length; start += MAX_DOCS_PER_MGET) {
      const chunk = list.slice(start, start + MAX_DOCS_PER_MGET);
      const results = await this.fetch(chunk);
      chunk.forEach((w, k) => {
        for (const i of w.entries) Object.assign(out[i], results[k]);
      });
    }
    return out;
  }

  /** One `_mget`: per document its `_source` or why not. */
  private async fetch(chunk: Wanted[]): Promise<Omit<EvidenceRecord, 'event_id'>[]> {
    const request: estypes.MgetRequest = { docs: chunk.map((w) => ({ _index: w.index, _id: w.id })) };
    let response: estypes.MgetResponse;
    try {
      response = await withRetry(() => this.o.client.mget(request, { requestTimeout: this.o.requestTimeoutMs }), this.o.retry);
    } catch (error) {
      if (statusOf(error) !== 403) throw error;
      const error403 = `forbidden (${errorTypeOf(error) ?? 'security_exception'})`;
      return chunk.map(() => ({ error: error403 }));
    }
    return chunk.map((_, k) => {
      const doc = response.docs[k];
      if (doc === undefined) return { error: 'no answer' };
      if ('error' in doc) return { error: `${doc.error.type}${doc.error.reason ? `: ${doc.error.reason}` : ''}` };
      return doc.found ? { record: doc._source } : { error: 'not found' };
    });
  }
}
