/**
 * The dashboard's top lists in one `size: 0` search: root identities and provider/account pairs are terms
 * aggregations over mapped keywords; privileged actions are counted from the evidence of the riskiest findings.
 *
 * Why not a terms aggregation for the actions too: evidence is an array of objects mapped as `object`, not `nested`,
 * so `evidence.action` and `evidence.stage` are two unrelated value lists per finding. A terms aggregation under a
 * stage filter would count every action of any chain that had one privileged step (its AssumeRole, its
 * GetCallerIdentity ...). The per-event pairing exists only in `_source`, which a top_hits aggregation returns:
 * SUMMARY_EVIDENCE_FINDINGS findings at most (Elasticsearch's default `index.max_inner_result_window`), the riskiest
 * first, and the answer says how many it read. A mapping with `evidence` as `nested` would lift that bound.
 *
 * The ranking helpers below are shared with the host's SQLite store, so both stores answer the same summary.
 */
import type { estypes } from '@elastic/elasticsearch';
import { SUMMARY_EVIDENCE_FINDINGS, SUMMARY_MAX_SIZE, type FindingsSummary, type SummaryPrivilegedAction, type SummaryProviderAccount } from '../../../../common/api';
import type { CloudProvider } from '../../../../common/audit_event';
import { SEVERITIES, type EvidenceEvent, type Severity } from '../../../../common/finding';
import { emptyCounts } from './histogram';
import { FIELDS, findingsSort } from './findings_query';

/** The riskiest first, then the finding id: the order both stores read evidence and identity names in. */
export const RISKIEST_FIRST = findingsSort({ field: 'risk_score', order: 'desc' });

/** The evidence fields a privileged action is counted from. */
export type ActionEvidence = Pick<EvidenceEvent, 'stage' | 'provider' | 'service' | 'action'>;

const COUNTED_STAGES: ReadonlySet<string> = new Set(['privileged', 'tamper']);
/** Every provider gets a bucket. */
const PROVIDERS = (['aws', 'gcp', 'azure'] as const satisfies readonly CloudProvider[]).length;

/** A size the aggregations accept: 1 to SUMMARY_MAX_SIZE. */
export function summarySize(size: number): number {
  return Math.min(SUMMARY_MAX_SIZE, Math.max(1, Math.floor(Number.isFinite(size) ? size : 1)));
}

interface Bucket<K = string> {
  key: K;
  doc_count: number;
}

interface TopHits<S> {
  hits: { hits: { _source?: S }[] };
}

interface IdentitySource {
  cloud?: { provider?: CloudProvider };
  kibana?: { alert?: { risk_score?: number } };
  cloud_api_abuse?: { root_identity?: { name?: string; provider?: CloudProvider } };
}

interface EvidenceSource {
  cloud_api_abuse?: { evidence?: Partial<ActionEvidence>[] };
}

export interface SummaryAggregations {
  identities: { buckets: (Bucket & { riskiest: TopHits<IdentitySource> })[] };
  providers: { buckets: (Bucket & { accounts: { buckets: (Bucket & { severity: { buckets: Bucket<string | number>[] } })[] } })[] };
  riskiest: TopHits<EvidenceSource>;
}

export function summaryAggregations(size: number): Record<keyof SummaryAggregations, estypes.AggregationsAggregationContainer> {
  const n = summarySize(size);
  return {
    identities: {
      terms: { field: FIELDS.identity, size: n },
      aggs: {
        riskiest: {
          top_hits: {
            size: 1,
            sort: RISKIEST_FIRST,
            _source: { includes: ['cloud_api_abuse.root_identity.name', 'cloud_api_abuse.root_identity.provider', 'cloud.provider', 'kibana.alert.risk_score'] },
          },
        },
      },
    },
    providers: {
      terms: { field: FIELDS.provider, size: PROVIDERS },
      // Each provider's top n accounts hold the overall top n (ordered by count, then provider, then account).
      aggs: { accounts: { terms: { field: FIELDS.accounts, size: n }, aggs: { severity: { terms: { field: FIELDS.severity, size: SEVERITIES.length } } } } },
    },
    riskiest: {
      top_hits: {
        size: SUMMARY_EVIDENCE_FINDINGS,
        sort: RISKIEST_FIRST,
        _source: { includes: ['cloud_api_abuse.evidence.stage', 'cloud_api_abuse.evidence.provider', 'cloud_api_abuse.evidence.service', 'cloud_api_abuse.evidence.action'] },
      },
    },
  };
}

export function summaryFrom(total: number, aggs: SummaryAggregations | undefined, size: number): FindingsSummary {
  const n = summarySize(size);
  const topIdentities = (aggs?.identities.buckets ?? []).flatMap((b): FindingsSummary['topIdentities'] => {
    const source = b.riskiest.hits.hits[0]?._source;
    const root = source?.cloud_api_abuse?.root_identity;
    const provider = root?.provider ?? source?.cloud?.provider;
    if (provider === undefined) return [];
    return [{ id: b.key, ...(root?.name ? { name: root.name } : {}), provider, count: b.doc_count, maxRisk: source?.kibana?.alert?.risk_score ?? 0 }];
  });
  const pairs: SummaryProviderAccount[] = [];
  for (const p of aggs?.providers.buckets ?? []) {
    for (const a of p.accounts.buckets) {
      const bySeverity = emptyCounts();
      for (const s of a.severity.buckets) if (isSeverity(String(s.key))) bySeverity[String(s.key) as Severity] += s.doc_count;
      pairs.push({ provider: p.key as CloudProvider, account: a.key, count: a.doc_count, bySeverity });
    }
  }
  const evidence = (aggs?.riskiest.hits.hits ?? []).map((h) => (h._source?.cloud_api_abuse?.evidence ?? []).flatMap(completeEvidence));
  return {
    total,
    topIdentities,
    topPrivilegedActions: topPrivilegedActions(evidence, n),
    privilegedActionsFrom: evidence.length,
    byProviderAccount: topProviderAccounts(pairs, n),
  };
}

function completeEvidence(e: Partial<ActionEvidence>): ActionEvidence[] {
  return e.stage && e.provider && e.service !== undefined && e.action ? [{ stage: e.stage, provider: e.provider, service: e.service, action: e.action }] : [];
}

function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Per privileged or tamper action (provider, service, action), in how many of these findings it was such a step;
 * most first, then by action, service, provider. `evidence` holds one list per finding.
 */
export function topPrivilegedActions(evidence: readonly (readonly ActionEvidence[])[], size: number): SummaryPrivilegedAction[] {
  const counts = new Map<string, SummaryPrivilegedAction>();
  for (const events of evidence) {
    const seen = new Set<string>();
    for (const e of events) {
      if (!COUNTED_STAGES.has(e.stage)) continue;
      const key = JSON.stringify([e.provider, e.service, e.action]);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { provider: e.provider, service: e.service, action: e.action, count: 1 });
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || compareText(a.action, b.action) || compareText(a.service, b.service) || compareText(a.provider, b.provider))
    .slice(0, summarySize(size));
}

/** Provider/account pairs, most findings first, then by provider and account. */
export function topProviderAccounts(pairs: readonly SummaryProviderAccount[], size: number): SummaryProviderAccount[] {
  return [...pairs].sort((a, b) => b.count - a.count || compareText(a.provider, b.provider) || compareText(a.account, b.account)).slice(0, summarySize(size));
}
