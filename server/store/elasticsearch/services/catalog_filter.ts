/**
 * Which documents the catalog calls tamper or privileged, as queries. The catalog classifies by (service, action)
 * and, for some actions, by conditions on the request, trying entries in an order where one can shadow another (a
 * SetIamPolicy that changes audit configs is tamper, any other one privileged). So the queries are not written per
 * entry: an aggregation lists the (service, action) pairs present that a tamper or privileged entry could match, the
 * catalog itself classifies each pair once for every combination of its conditions holding or not, and a category's
 * query takes, per pair, the combinations that give it, each condition becoming a query (condition_query.ts).
 */
import type { estypes } from '@elastic/elasticsearch';
import type { AuditEvent } from '../../../../common/audit_event';
import { buildCatalogIndex, catalogEntries, classifyWith, type CatalogIndex, type EntryCondition } from '../../../analytic/catalog';
import type { ActionCategory, CatalogEntry } from '../../../analytic/catalog/types';
import { bucketKey, buckets, child, type AggNode } from './agg_reader';
import { conditionQuery } from './condition_query';
import type { ActionFields, CoverageDataset } from './coverage_datasets';
import { firstPresentAggs, presentSelector, readFirstPresent } from './first_present';

type Query = estypes.QueryDslQueryContainer;
type Agg = estypes.AggregationsAggregationContainer;

export type CoverageCategory = Extract<ActionCategory, 'tamper' | 'privileged'>;
export const COVERAGE_CATEGORIES: readonly CoverageCategory[] = ['tamper', 'privileged'];

/** Bounds of the pair listing: services per log, actions per service (catalog candidates only). */
const MAX_SERVICES = 1_000;
const MAX_ACTIONS = 5_000;
/** More conditions than this on one pair (the catalog has at most 3) are not combined: the pair is left out. */
const MAX_CONDITIONS = 8;
const MISSING = '__missing__';

/** A (service, action) pair present in a log, as stored, and as the normalizer would give it to the catalog. */
export interface ActionPair {
  /** The stored service; undefined when the document has none. */
  service?: string;
  /** Which of the log's action fields holds the action, and its stored value. */
  actionField: number;
  action: string;
  classified: { service: string; action: string };
}

const escapeWildcard = (s: string): string => s.replace(/[\\*?]/g, (ch) => `\\${ch}`);

function entryKey(e: CatalogEntry): string {
  return (e.action.startsWith('.') ? e.action.slice(1) : e.action).trim();
}

/**
 * Documents a tamper or privileged entry could match (more, never fewer): AWS names start with the entry's action
 * (Lambda logs versioned names), GCP methods end with it (entries match dotted suffixes), Azure operations end with it
 * (nested provider operations), ignoring case where the catalog does.
 */
function candidates(d: CoverageDataset, a: ActionFields): Query {
  let query = candidateQueries.get(a);
  if (!query) candidateQueries.set(a, (query = candidatesOf(d, a)));
  return query;
}

const candidateQueries = new WeakMap<ActionFields, Query>();

function candidatesOf(d: CoverageDataset, a: ActionFields): Query {
  const keys = [...new Set(catalogEntries.filter((e) => e.provider === d.provider && isCounted(e.category)).map(entryKey))].sort();
  const should: Query[] = [];
  for (const key of keys) {
    for (const f of a.actions) {
      if (d.provider === 'aws') should.push({ prefix: { [f.field]: key } });
      else should.push({ wildcard: { [f.field]: { value: `*${escapeWildcard(key)}`, case_insensitive: true } } });
    }
  }
  return { bool: { should, minimum_should_match: 1 } };
}

function isCounted(category: ActionCategory): category is CoverageCategory {
  return category === 'tamper' || category === 'privileged';
}

/** The aggregation listing a log's candidate pairs (read back with `readPairs`). */
export function pairsAggregation(d: CoverageDataset, a: ActionFields): Agg {
  const byAction = firstPresentAggs(a.actions, MAX_ACTIONS, {});
  const aggs: Record<string, Agg> = a.service ? { svc: { terms: { field: a.service, size: MAX_SERVICES, missing: MISSING }, aggs: byAction } } : byAction;
  return { filter: candidates(d, a), aggs };
}

export function readPairs(a: ActionFields, node: AggNode | undefined): ActionPair[] {
  const out: ActionPair[] = [];
  const add = (service: string | undefined, parent: AggNode | undefined): void => {
    for (const b of readFirstPresent(a.actions, parent, '')) {
      if (b.field === undefined || b.value === undefined) continue;
      const action = a.actionOf(b.value);
      out.push({ service, actionField: b.field, action: b.value, classified: { service: a.serviceOf(service, action), action } });
    }
  };
  if (!a.service) add(undefined, node);
  else {
    for (const s of buckets(child(node, 'svc'))) {
      const key = bucketKey(s);
      if (key !== undefined) add(key === MISSING ? undefined : String(key), s);
    }
  }
  return out;
}

// --- classifying a pair under every combination of its conditions ---------------------------------------------

/** Never holds on an event without a request; its negation always does. Both keep an entry conditional. */
const NEVER: EntryCondition = { path: '\u0000', present: true };
const ALWAYS: EntryCondition = { not: NEVER };

const aloneIndexes = new Map<CatalogEntry, CatalogIndex>();

function matchesAlone(entry: CatalogEntry, event: AuditEvent): boolean {
  let index = aloneIndexes.get(entry);
  if (!index) aloneIndexes.set(entry, (index = buildCatalogIndex([{ ...entry, when: undefined }])));
  return classifyWith(index, event)?.explicit === true;
}

/** For one pair: its conditions, and the category the catalog gives under each combination (bit i: condition i holds). */
export interface PairClassification {
  conditions: EntryCondition[];
  outcomes: (CoverageCategory | undefined)[];
}

const classified = new Map<string, PairClassification | undefined>();
const CLASSIFIED_LIMIT = 20_000;

export function classifyPair(d: CoverageDataset, pair: ActionPair): PairClassification | undefined {
  const cacheKey = `${d.provider}\u0000${pair.classified.service}\u0000${pair.classified.action}`;
  if (classified.has(cacheKey)) return classified.get(cacheKey);
  const event: AuditEvent = {
    id: '',
    time: 0,
    provider: d.provider,
    log: d.dataset,
    encoding: 'ecs',
    service: pair.classified.service,
    action: pair.classified.action,
    outcome: 'success',
    actor: { type: 'unknown' },
    source: {},
    resources: [],
    raw: undefined,
  };
  const lower = event.action.toLowerCase();
  const matched = catalogEntries.filter((e) => e.provider === d.provider && lower.includes(entryKey(e).toLowerCase()) && matchesAlone(e, event));
  const conditional = matched.filter((e) => e.when !== undefined);
  let result: PairClassification | undefined;
  if (conditional.length <= MAX_CONDITIONS) {
    const outcomes: (CoverageCategory | undefined)[] = [];
    for (let mask = 0; mask < 2 ** conditional.length; mask++) {
      const entries = matched.map((e) => {
        const i = conditional.indexOf(e);
        return i < 0 ? e : { ...e, when: mask & (1 << i) ? ALWAYS : NEVER };
      });
      const category = classifyWith(buildCatalogIndex(entries), event)?.category;
      outcomes.push(category !== undefined && isCounted(category) ? category : undefined);
    }
    if (outcomes.some((o) => o !== undefined)) result = { conditions: conditional.map((e) => e.when as EntryCondition), outcomes };
  }
  if (classified.size >= CLASSIFIED_LIMIT) classified.clear();
  classified.set(cacheKey, result);
  return result;
}

/** Per category, the documents of a log the catalog puts in it; `match_none` when none. */
export function categoryQueries(d: CoverageDataset, a: ActionFields, pairs: ActionPair[]): Record<CoverageCategory, Query> {
  const should: Record<CoverageCategory, Query[]> = { tamper: [], privileged: [] };
  // Pairs classified alike whatever their conditions say are grouped per (service, action field) into one terms query.
  const plain = new Map<string, { category: CoverageCategory; service?: string; field: number; actions: string[] }>();
  for (const pair of pairs) {
    const c = classifyPair(d, pair);
    if (!c) continue;
    const select = pairSelector(a, pair.service, pair.actionField, [pair.action]);
    for (const category of COVERAGE_CATEGORIES) {
      const masks = c.outcomes.flatMap((o, mask) => (o === category ? [mask] : []));
      if (masks.length === 0) continue;
      if (masks.length === c.outcomes.length) {
        const key = `${category}\u0000${pair.service ?? MISSING}\u0000${pair.actionField}`;
        const group = plain.get(key) ?? { category, service: pair.service, field: pair.actionField, actions: [] };
        group.actions.push(pair.action);
        plain.set(key, group);
        continue;
      }
      const queries = c.conditions.map((condition) => conditionQuery(condition, a.conditions));
      const combinations = masks.map((mask): Query => ({
        bool: { filter: queries.filter((_, i) => mask & (1 << i)), must_not: queries.filter((_, i) => !(mask & (1 << i))) },
      }));
      should[category].push({ bool: { filter: [select], should: combinations, minimum_should_match: 1 } });
    }
  }
  for (const g of plain.values()) should[g.category].push(pairSelector(a, g.service, g.field, g.actions.sort()));
  const toQuery = (list: Query[]): Query => (list.length ? { bool: { should: list, minimum_should_match: 1 } } : { match_none: {} });
  return { tamper: toQuery(should.tamper), privileged: toQuery(should.privileged) };
}

function pairSelector(a: ActionFields, service: string | undefined, field: number, actions: string[]): Query {
  const filter: Query[] = [presentSelector(a.actions, field), { terms: { [a.actions[field].field]: actions } }];
  if (a.service) filter.push(service === undefined ? { bool: { must_not: [{ exists: { field: a.service } }] } } : { term: { [a.service]: service } });
  return { bool: { filter } };
}
