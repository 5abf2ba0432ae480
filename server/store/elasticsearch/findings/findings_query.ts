/**
 * FindingsQuery -> Elasticsearch query DSL. Built only from the typed query: values go into term, terms, range and
 * wildcard clauses as values, never into a query string, so no user text is parsed as a query language.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { FindingSortField, FindingsQuery } from '../../types';

export type FindingsFilter = Omit<FindingsQuery, 'sort' | 'page' | 'perPage'>;

export const FIELDS = {
  firstSeen: 'cloud_api_abuse.chain.first_seen',
  lastSeen: 'cloud_api_abuse.chain.last_seen',
  severity: 'kibana.alert.severity',
  provider: 'cloud.provider',
  accounts: 'cloud_api_abuse.chain.accounts',
  identity: 'cloud_api_abuse.root_identity.id',
  status: 'cloud_api_abuse.workflow.status',
  technique: 'cloud_api_abuse.techniques.id',
  findingId: 'cloud_api_abuse.finding_id',
} as const;

/** Where free text is looked for: who (root identity, evidence principals) and what (evidence actions). */
export const SEARCH_FIELDS = [
  'cloud_api_abuse.root_identity.id',
  'cloud_api_abuse.root_identity.name',
  'cloud_api_abuse.evidence.principal',
  'cloud_api_abuse.evidence.action',
] as const;

/** Severity sorts by the numeric ECS event.severity (21, 47, 73, 99), not alphabetically. */
export const SORT_FIELDS: Record<FindingSortField, string> = {
  risk_score: 'kibana.alert.risk_score',
  last_seen: FIELDS.lastSeen,
  first_seen: FIELDS.firstSeen,
  severity: 'event.severity',
  event_count: 'cloud_api_abuse.chain.event_count',
};

/** `*`, `?` and `\` are the wildcard query's only metacharacters; escaped, the text matches itself. */
export function escapeWildcard(text: string): string {
  return text.replace(/[\\*?]/g, '\\$&');
}

export function findingsFilter(q: FindingsFilter): estypes.QueryDslQueryContainer {
  const filter: estypes.QueryDslQueryContainer[] = [];
  // A chain overlaps [from, to) when it ends at or after `from` and starts before `to`.
  if (q.from !== undefined) filter.push({ range: { [FIELDS.lastSeen]: { gte: q.from, format: 'epoch_millis' } } });
  if (q.to !== undefined) filter.push({ range: { [FIELDS.firstSeen]: { lt: q.to, format: 'epoch_millis' } } });
  const terms = (field: string, values: readonly string[] | undefined): void => {
    if (values !== undefined && values.length > 0) filter.push({ terms: { [field]: [...values] } });
  };
  terms(FIELDS.severity, q.severities);
  terms(FIELDS.provider, q.providers);
  terms(FIELDS.accounts, q.accounts);
  terms(FIELDS.status, q.statuses);
  terms(FIELDS.technique, q.techniques);
  if (q.identity !== undefined && q.identity !== '') filter.push({ term: { [FIELDS.identity]: q.identity } });
  const text = q.search?.trim() ?? '';
  if (text !== '') {
    const value = `*${escapeWildcard(text)}*`;
    filter.push({
      bool: {
        should: SEARCH_FIELDS.map((field): estypes.QueryDslQueryContainer => ({ wildcard: { [field]: { value, case_insensitive: true } } })),
        minimum_should_match: 1,
      },
    });
  }
  return filter.length === 0 ? { match_all: {} } : { bool: { filter } };
}

/** The chosen field, then the finding id so that pages never overlap or skip between equal values. */
export function findingsSort(sort: FindingsQuery['sort']): estypes.SortCombinations[] {
  return [{ [SORT_FIELDS[sort.field]]: { order: sort.order, missing: '_last' } }, { [FIELDS.findingId]: { order: 'asc' } }];
}
