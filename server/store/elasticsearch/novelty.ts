/**
 * Which identities are worth reading in full, decided inside Elasticsearch: per principal, the networks, client
 * tools, interfaces and countries it used, with when each was first and last seen, over the history before the window
 * and over the window. A context first seen in the window, once the principal has the history the analytic asks for,
 * makes the principal a candidate (the same novelty rule as server/analytic/shift.ts). The history side also seeds the
 * analytic's baselines, so raw history is never pulled.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { BaselineSeed } from '../../analytic/engine';
import type { AnalyticConfig } from '../../analytic/config';
import { networkOf } from '../../analytic/network';
import type { EsClient } from '../../kibana/types';
import { COUNTRY_FIELD, DATASET_FIELD, IP_FIELD, PRINCIPAL_FIELDS, REGION_FIELD, SIGNIN_COUNTRY_FIELD, TIME_FIELD, USER_AGENT_FIELD, type PrincipalField } from './fields';
import { withRetry, type RetryOptions } from './retry';
import type { FetchCounter } from './pit_search';

/** Bucket bounds: principals per field, contexts per principal. */
const MAX_PRINCIPALS = 10_000;
const MAX_CONTEXTS = 200;

export interface Seen {
  first: number;
  last: number;
  count: number;
}

type Dim = 'network' | 'tool' | 'interface' | 'country';

export interface PrincipalContexts {
  field: PrincipalField;
  value: string;
  events: number;
  first: number;
  contexts: Record<Dim, Map<string, Seen>>;
  /** Where it mostly acts (an instance's region names its root). */
  region?: string;
}

/** What the analytic's interface detection looks at besides the user agent. */
export interface ClientFacts {
  userAgent?: string;
  /** Azure client application id (Activity log claims.appid, sign-in app id). */
  appId?: string;
  /** AWS sessionCredentialFromConsole. */
  fromConsole?: boolean;
}

/** How a client reads: its tool family and interface kind; undefined for provider services. */
export type AgentReader = (client: ClientFacts, provider: BaselineSeed['provider']) => { tool: string; kind: string } | undefined;

export interface AggregationLimits {
  requestTimeoutMs: number;
  signal?: AbortSignal;
  retry?: Partial<RetryOptions>;
}

type Agg = estypes.AggregationsAggregationContainer;

/** The client facts the interface detection reads, as nested terms under each user agent ('' when absent). */
const CLIENT_FIELDS = {
  aws: { field: 'aws.cloudtrail.session_credential_from_console', name: 'console' },
  'azure.activitylogs': { field: 'azure.activitylogs.identity.claims.appid', name: 'app' },
  'azure.signinlogs': { field: 'azure.signinlogs.properties.app_id', name: 'app' },
} as const;

function contextAggs(dataset: string): Record<string, Agg> {
  const seen = { first: { min: { field: TIME_FIELD } }, last: { max: { field: TIME_FIELD } } };
  const client = dataset === 'aws.cloudtrail' ? CLIENT_FIELDS.aws : CLIENT_FIELDS[dataset as 'azure.activitylogs' | 'azure.signinlogs'];
  const agentAggs: Record<string, Agg> = client ? { ...seen, client: { terms: { field: client.field, size: 20, missing: '' }, aggs: seen } } : seen;
  return {
    ...seen,
    ips: { terms: { field: IP_FIELD, size: MAX_CONTEXTS }, aggs: seen },
    agents: { terms: { field: USER_AGENT_FIELD, size: MAX_CONTEXTS, missing: '' }, aggs: agentAggs },
    countries: { terms: { field: COUNTRY_FIELD, size: 50 }, aggs: seen },
    signinCountries: { terms: { field: SIGNIN_COUNTRY_FIELD, size: 50 }, aggs: seen },
    regions: { terms: { field: REGION_FIELD, size: 1 } },
  };
}

interface Bucket {
  key: string | number;
  doc_count: number;
  first?: { value: number | null };
  last?: { value: number | null };
  ips?: { buckets: Bucket[] };
  agents?: { buckets: Bucket[] };
  client?: { buckets: Bucket[] };
  countries?: { buckets: Bucket[] };
  signinCountries?: { buckets: Bucket[] };
  regions?: { buckets: Bucket[] };
}

/**
 * Summarises, per principal of each principal field, the contexts used in [from, to). With `only`, just those
 * principals (values per field index).
 */
export async function principalContexts(
  client: EsClient,
  indices: string[],
  range: { from: number; to: number },
  readAgent: AgentReader,
  limits: AggregationLimits,
  counter: FetchCounter,
  only?: Map<number, string[]>,
): Promise<PrincipalContexts[]> {
  const aggs: Record<string, Agg> = {};
  const should: estypes.QueryDslQueryContainer[] = [];
  PRINCIPAL_FIELDS.forEach((pf, i) => {
    const values = only?.get(i);
    if (only && !values?.length) return;
    const inDataset: estypes.QueryDslQueryContainer = { term: { [DATASET_FIELD]: pf.dataset } };
    aggs[`p${i}`] = { filter: inDataset, aggs: { by: { terms: { field: pf.field, size: values ? values.length : MAX_PRINCIPALS }, aggs: contextAggs(pf.dataset) } } };
    if (values) should.push({ bool: { filter: [inDataset, { terms: { [pf.field]: values } }] } });
  });
  if (!Object.keys(aggs).length) return [];
  const filter: estypes.QueryDslQueryContainer[] = [{ range: { [TIME_FIELD]: { gte: range.from, lt: range.to, format: 'epoch_millis' } } }];
  if (should.length) filter.push({ bool: { should, minimum_should_match: 1 } });
  const request: estypes.SearchRequest = { index: indices, size: 0, ignore_unavailable: true, query: { bool: { filter } }, aggs };
  counter.requests++;
  const response = await withRetry(() => client.search(request, { requestTimeout: limits.requestTimeoutMs, signal: limits.signal }), {
    ...limits.retry,
    signal: limits.signal,
  });
  const out: PrincipalContexts[] = [];
  PRINCIPAL_FIELDS.forEach((field, i) => {
    const agg = response.aggregations?.[`p${i}`] as { by?: { buckets?: Bucket[] } } | undefined;
    for (const b of agg?.by?.buckets ?? []) {
      const contexts: PrincipalContexts['contexts'] = { network: new Map(), tool: new Map(), interface: new Map(), country: new Map() };
      for (const ip of b.ips?.buckets ?? []) merge(contexts.network, networkOf({ ip: String(ip.key) }), ip);
      for (const ua of b.agents?.buckets ?? []) {
        const userAgent = String(ua.key) || undefined;
        for (const c of ua.client?.buckets ?? [ua]) {
          const value = c === ua ? '' : String(c.key);
          const facts: ClientFacts = field.provider === 'aws' ? { userAgent, fromConsole: value === 'true' } : { userAgent, appId: value || undefined };
          const read = readAgent(facts, field.provider);
          if (!read) continue;
          merge(contexts.tool, read.tool, c);
          if (read.kind !== 'unknown') merge(contexts.interface, read.kind, c);
        }
      }
      for (const c of [...(b.countries?.buckets ?? []), ...(b.signinCountries?.buckets ?? [])]) merge(contexts.country, String(c.key), c);
      const region = b.regions?.buckets[0]?.key;
      out.push({ field, value: String(b.key), events: b.doc_count, first: b.first?.value ?? range.from, contexts, ...(region !== undefined ? { region: String(region) } : {}) });
    }
  });
  return out;
}

function merge(into: Map<string, Seen>, key: string, b: Bucket): void {
  const first = b.first?.value ?? Infinity;
  const last = b.last?.value ?? -Infinity;
  const seen = into.get(key);
  if (!seen) into.set(key, { first, last, count: b.doc_count });
  else {
    seen.first = Math.min(seen.first, first);
    seen.last = Math.max(seen.last, last);
    seen.count += b.doc_count;
  }
}

const keyOf = (p: PrincipalContexts): string => `${p.field.field}\u0000${p.value}`;

/**
 * Principals with a context first used in the window once they had the history to call it new. `history` covers the
 * time before the window, `window` the window itself.
 */
export function novelPrincipals(history: PrincipalContexts[], window: PrincipalContexts[], config: AnalyticConfig, windowFrom: number): PrincipalContexts[] {
  const before = new Map(history.map((p) => [keyOf(p), p]));
  const out: PrincipalContexts[] = [];
  for (const w of window) {
    const h = before.get(keyOf(w));
    const first = Math.min(h?.first ?? Infinity, w.first);
    if ((h?.events ?? 0) + w.events < config.minHistoryEvents) continue;
    const isNew = (dim: Dim): boolean => {
      for (const [key, seen] of w.contexts[dim]) {
        const known = h?.contexts[dim].get(key);
        if (known && known.last >= seen.first - config.historyWindowMs) continue;
        if (seen.first >= windowFrom && seen.first - first >= config.minHistoryMs) return true;
      }
      return false;
    };
    if (isNew('network') || isNew('tool') || isNew('interface') || isNew('country')) out.push(w);
  }
  return out;
}

/** The history side as seeds for the analytic's baselines (roots whose id is the principal value itself). */
export function seedsOf(history: PrincipalContexts[]): BaselineSeed[] {
  const seeds: BaselineSeed[] = [];
  const values = (m: Map<string, Seen>) => [...m].map(([value, s]) => ({ value, first: s.first, last: s.last, count: s.count }));
  for (const p of history) {
    const rootId = p.field.root(p.value, p.region);
    if (!rootId) continue;
    seeds.push({
      provider: p.field.provider,
      rootId,
      firstSeen: p.first,
      events: p.events,
      values: { network: values(p.contexts.network), tool: values(p.contexts.tool), interface: values(p.contexts.interface), country: values(p.contexts.country) },
    });
  }
  return seeds;
}
