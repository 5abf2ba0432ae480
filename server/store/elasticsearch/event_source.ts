/**
 * Audit events from the data streams Elastic's integrations write, for one detection window (DESIGN §5).
 *
 * candidate_first (default): work is pushed down. Aggregations name the principals with a context new for them and
 * summarise everyone's history (seeding the analytic's baselines); one query fetches the calls that can start a chain
 * by themselves (anchors.ts); then only the events of those principals, and of the credentials minted from them, are
 * fetched (point in time + search_after, chunked terms). full_scan reads every event of the window (the reference the
 * benchmark compares with, and a fallback).
 */
import type { estypes } from '@elastic/elasticsearch';
import type { AuditEvent, EventOrigin, NormalizeResult } from '../../../common/audit_event';
import type { AnalyticConfig } from '../../analytic/config';
import type { BaselineSeed } from '../../analytic/engine';
import type { EsClient } from '../../kibana/types';
import type { EventBatchSource } from '../../detection_run';
import { anchorClauses, startsChainByItself } from './anchors';
import { DATASET_FIELD, IP_FIELD, PRINCIPAL_FIELDS, TIME_FIELD } from './fields';
import { novelPrincipals, principalContexts, seedsOf, type AgentReader, type PrincipalContexts } from './novelty';
import { searchAll, type FetchCounter, type Hit, type RequestLimits } from './pit_search';
import { withRetry } from './retry';
import { networkOf } from '../../analytic/network';

export type SourceMode = 'candidate_first' | 'full_scan';

export interface ElasticsearchSourceOptions {
  client: EsClient;
  indices: string[];
  /** The window [from, to), epoch ms. */
  from: number;
  to: number;
  /** Baselines summarise [historyFrom, from). */
  historyFrom: number;
  mode: SourceMode;
  config: AnalyticConfig;
  limits: RequestLimits;
  /** Most events fetched in one run; the caller shortens the next window when a run hits it. */
  maxEvents: number;
  normalize: (record: unknown, origin: EventOrigin) => NormalizeResult;
  readAgent: AgentReader;
  seedBaseline?: (seed: BaselineSeed) => void;
  batchSize?: number;
}

export interface SourceStats extends FetchCounter {
  mode: SourceMode;
  /** Principals read in full, credentials read in full, anchor calls. */
  principals: number;
  credentials: number;
  anchors: number;
  events: number;
  rejected: number;
  /** The run hit maxEvents: the window was not read completely. */
  truncated: boolean;
}

const TERMS_CHUNK = 500;
const MAX_EXPANSIONS = 5;

export class ElasticsearchEventSource implements EventBatchSource {
  readonly stats: SourceStats;
  private readonly seen = new Set<string>();
  private readonly events: AuditEvent[] = [];

  constructor(private readonly o: ElasticsearchSourceOptions) {
    this.stats = { mode: o.mode, docs: 0, requests: 0, principals: 0, credentials: 0, anchors: 0, events: 0, rejected: 0, truncated: false };
  }

  async *batches(): AsyncGenerator<AuditEvent[]> {
    const { window, history } = await this.summaries();
    if (this.o.mode === 'full_scan') await this.collect(this.inWindow());
    else await this.candidateFirst(window, history);
    this.events.sort((a, b) => (a.time as number) - (b.time as number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.stats.events = this.events.length;
    const size = this.o.batchSize ?? 1000;
    for (let i = 0; i < this.events.length; i += size) yield this.events.slice(i, i + size);
    this.events.length = 0;
  }

  private inWindow(...more: estypes.QueryDslQueryContainer[]): estypes.QueryDslQueryContainer {
    return { bool: { filter: [{ range: { [TIME_FIELD]: { gte: this.o.from, lt: this.o.to, format: 'epoch_millis' } } }, ...more] } };
  }

  /** Per-principal contexts in the window and before it; the history seeds the analytic's baselines (both modes). */
  private async summaries(): Promise<{ window: PrincipalContexts[]; history: PrincipalContexts[] }> {
    const { client, indices, limits } = this.o;
    const aggLimits = { requestTimeoutMs: limits.requestTimeoutMs, signal: limits.signal, retry: limits.retry };
    const window = await principalContexts(client, indices, { from: this.o.from, to: this.o.to }, this.o.readAgent, aggLimits, this.stats);
    const active = new Map<number, string[]>();
    for (const p of window) {
      const i = PRINCIPAL_FIELDS.indexOf(p.field);
      active.set(i, [...(active.get(i) ?? []), p.value]);
    }
    const history: PrincipalContexts[] = [];
    for (const chunk of chunkMap(active, TERMS_CHUNK)) {
      history.push(...(await principalContexts(client, indices, { from: this.o.historyFrom, to: this.o.from }, this.o.readAgent, aggLimits, this.stats, chunk)));
    }
    if (this.o.seedBaseline) for (const seed of seedsOf(history)) this.o.seedBaseline(seed);
    return { window, history };
  }

  private async candidateFirst(window: PrincipalContexts[], history: PrincipalContexts[]): Promise<void> {
    const { config } = this.o;
    const principals = new Map<number, Set<string>>();
    const addPrincipal = (i: number, value: string): void => {
      let set = principals.get(i);
      if (!set) principals.set(i, (set = new Set()));
      set.add(value);
    };
    for (const p of novelPrincipals(history, window, config, this.o.from)) addPrincipal(PRINCIPAL_FIELDS.indexOf(p.field), p.value);

    // Calls that start a chain by themselves, and the credentials minted in the window.
    const anchors = await this.collect(this.inWindow({ bool: { should: anchorClauses(), minimum_should_match: 1 } }));
    this.stats.anchors = anchors.length;
    const minted = new Map<string, AuditEvent>();
    for (const e of anchors) {
      if (e.minted?.id) minted.set(e.minted.id, e);
      if (startsChainByItself(e)) this.principalsOf(e).forEach(([i, v]) => addPrincipal(i, v));
      // The service account an impersonation targets acts next, with the delegation naming the caller.
      if (e.minted?.kind === 'token' && e.minted.target) addPrincipal(PRINCIPAL_FIELDS.findIndex((f) => f.field === 'user.email'), e.minted.target);
    }
    const credentials = new Set(await this.usedElsewhere(minted));

    await this.fetchPrincipals(principals);
    // Credentials minted by what was read in full (including mint calls already fetched as anchors), hop by hop.
    const readInFull = (e: AuditEvent): boolean =>
      this.principalsOf(e).some(([i, v]) => principals.get(i)?.has(v)) || (!!e.credential?.id && this.fetchedCredentials.has(e.credential.id));
    for (let round = 0; round < MAX_EXPANSIONS; round++) {
      for (const e of this.events) if (e.minted?.id && readInFull(e)) credentials.add(e.minted.id);
      const todo = [...credentials].filter((c) => !this.fetchedCredentials.has(c));
      if (!todo.length) break;
      await this.fetchCredentials(todo);
    }
    this.stats.principals = [...principals.values()].reduce((n, s) => n + s.size, 0);
    this.stats.credentials = this.fetchedCredentials.size;
  }

  private readonly fetchedCredentials = new Set<string>();

  /** The principal-field values that name this event's actor (the event's log is the data stream's dataset). */
  private principalsOf(e: AuditEvent): [number, string][] {
    const value = e.provider === 'aws' ? e.actor.arn : e.actor.name;
    if (!value) return [];
    const out: [number, string][] = [];
    PRINCIPAL_FIELDS.forEach((pf, i) => {
      if (pf.dataset === e.log) out.push([i, value]);
    });
    return out;
  }

  /** Minted session keys used from a network other than the one they were minted from (aggregated, not fetched). */
  private async usedElsewhere(minted: Map<string, AuditEvent>): Promise<string[]> {
    const keys = [...minted.keys()].filter((k) => {
      const mint = minted.get(k) as AuditEvent;
      return mint.actor.type !== 'service' && !!mint.source.ip;
    });
    const out: string[] = [];
    for (let i = 0; i < keys.length; i += TERMS_CHUNK) {
      const chunk = keys.slice(i, i + TERMS_CHUNK);
      const request: estypes.SearchRequest = {
        index: this.o.indices,
        size: 0,
        ignore_unavailable: true,
        query: this.inWindow({ terms: { 'aws.cloudtrail.user_identity.access_key_id': chunk } }),
        aggs: { keys: { terms: { field: 'aws.cloudtrail.user_identity.access_key_id', size: chunk.length }, aggs: { ips: { terms: { field: IP_FIELD, size: 20 } } } } },
      };
      this.stats.requests++;
      const response = await withRetry(() => this.o.client.search(request, { requestTimeout: this.o.limits.requestTimeoutMs, signal: this.o.limits.signal }), {
        ...this.o.limits.retry,
        signal: this.o.limits.signal,
      });
      const buckets = (response.aggregations?.keys as { buckets?: { key: string; ips?: { buckets: { key: string }[] } }[] } | undefined)?.buckets ?? [];
      for (const b of buckets) {
        const mintNetwork = networkOf((minted.get(b.key) as AuditEvent).source);
        if ((b.ips?.buckets ?? []).some((ip) => networkOf({ ip: String(ip.key) }) !== mintNetwork)) out.push(b.key);
      }
    }
    return out;
  }

  private async fetchPrincipals(principals: Map<number, Set<string>>): Promise<AuditEvent[]> {
    const fetched: AuditEvent[] = [];
    for (const chunk of chunkMap(new Map([...principals].map(([i, s]) => [i, [...s]])), TERMS_CHUNK)) {
      const should = [...chunk].map(([i, values]) => ({
        bool: { filter: [{ term: { [DATASET_FIELD]: PRINCIPAL_FIELDS[i].dataset } }, { terms: { [PRINCIPAL_FIELDS[i].field]: values } }] },
      }));
      fetched.push(...(await this.collect(this.inWindow({ bool: { should, minimum_should_match: 1 } }))));
    }
    return fetched;
  }

  private async fetchCredentials(ids: string[]): Promise<AuditEvent[]> {
    ids.forEach((id) => this.fetchedCredentials.add(id));
    const fetched: AuditEvent[] = [];
    for (let i = 0; i < ids.length; i += TERMS_CHUNK) {
      const chunk = ids.slice(i, i + TERMS_CHUNK);
      const should: estypes.QueryDslQueryContainer[] = [
        { terms: { 'aws.cloudtrail.user_identity.access_key_id': chunk } },
        { terms: { 'azure.activitylogs.identity.claims.uti': chunk } },
      ];
      fetched.push(...(await this.collect(this.inWindow({ bool: { should, minimum_should_match: 1 } }))));
    }
    return fetched;
  }

  /** Fetches, normalizes and keeps every new hit of the query; returns the events it added. */
  private async collect(query: estypes.QueryDslQueryContainer): Promise<AuditEvent[]> {
    const added: AuditEvent[] = [];
    if (this.stats.truncated) return added;
    for await (const hits of searchAll(this.o.client, this.o.indices, query, this.o.limits, this.stats)) {
      for (const hit of hits) {
        const key = `${hit._index}\u0000${hit._id}`;
        if (this.seen.has(key)) continue;
        this.seen.add(key);
        const e = this.toEvent(hit);
        if (!e) continue;
        this.events.push(e);
        added.push(e);
      }
      if (this.events.length >= this.o.maxEvents) {
        this.stats.truncated = true;
        break;
      }
    }
    return added;
  }

  private toEvent(hit: Hit): AuditEvent | undefined {
    const result = this.o.normalize(hit._source, { index: hit._index, docId: hit._id });
    if (!result.ok || result.event.time === null) {
      this.stats.rejected++;
      return undefined;
    }
    return result.event;
  }
}

/** Splits per-field value lists into maps holding at most `size` values in all. */
function* chunkMap(map: Map<number, string[]>, size: number): Generator<Map<number, string[]>> {
  let chunk = new Map<number, string[]>();
  let n = 0;
  for (const [i, values] of map) {
    for (const v of values) {
      chunk.set(i, [...(chunk.get(i) ?? []), v]);
      if (++n >= size) {
        yield chunk;
        chunk = new Map();
        n = 0;
      }
    }
  }
  if (n) yield chunk;
}
