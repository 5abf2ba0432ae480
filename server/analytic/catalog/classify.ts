import type { AuditEvent, CloudProvider } from '../../../common/audit_event';
import { awsActions } from './aws_actions';
import { azureActions } from './azure_actions';
import { compileCondition, type EventPredicate } from './conditions';
import { entraActions } from './entra_actions';
import { gcpActions } from './gcp_actions';
import { genericReadRule, isKubernetesMethod, type GenericReadRule } from './generic_reads';
import type { CatalogEntry, Classification } from './types';

/** Every catalog entry, all providers. */
export const catalogEntries: readonly CatalogEntry[] = [...awsActions, ...gcpActions, ...azureActions, ...entraActions];

interface Candidate {
  accepts?: EventPredicate;
  classification: Classification;
}

type ActionMap = Map<string, Candidate[]>;

/** service ('' = any service) -> normalized action -> candidates, conditional ones first. */
interface ProviderIndex {
  exact: Map<string, ActionMap>;
  suffix: Map<string, ActionMap>;
}

export type CatalogIndex = Record<CloudProvider, ProviderIndex>;

const ANY_SERVICE = '';
const NESTED_PROVIDER = '/PROVIDERS/';

/**
 * Builds the lookup structures once. Keys: AWS service + exact eventName; GCP service + lower-cased methodName (or a
 * dotted suffix of it); Azure upper-cased operationName alone (it names its provider).
 */
export function buildCatalogIndex(entries: readonly CatalogEntry[]): CatalogIndex {
  const index: CatalogIndex = { aws: emptyProviderIndex(), gcp: emptyProviderIndex(), azure: emptyProviderIndex() };
  for (const entry of entries) {
    if (entry.match === 'suffix' && entry.provider !== 'gcp') {
      throw new Error(`catalog: suffix matching is for GCP method names only (${entry.provider} ${entry.action})`);
    }
    const providerIndex = index[entry.provider];
    const byService = entry.match === 'suffix' ? providerIndex.suffix : providerIndex.exact;
    const service = entry.provider === 'azure' ? ANY_SERVICE : (entry.service ?? ANY_SERVICE);
    let actions = byService.get(service);
    if (!actions) byService.set(service, (actions = new Map()));
    const key = actionKey(entry);
    const candidates = actions.get(key) ?? [];
    candidates.push({ accepts: entry.when && compileCondition(entry.when), classification: toClassification(entry) });
    // Conditional entries are tried before the unconditional fallback of the same action (stable otherwise).
    candidates.sort((a, b) => Number(a.accepts === undefined) - Number(b.accepts === undefined));
    actions.set(key, candidates);
  }
  return index;
}

function emptyProviderIndex(): ProviderIndex {
  return { exact: new Map(), suffix: new Map() };
}

function actionKey(entry: CatalogEntry): string {
  switch (entry.provider) {
    case 'aws':
      return entry.action;
    case 'gcp':
      return (entry.action.startsWith('.') ? entry.action.slice(1) : entry.action).toLowerCase();
    case 'azure':
      return entry.action.trim().toUpperCase();
  }
}

function toClassification(entry: CatalogEntry): Classification {
  const classification: Classification = {
    category: entry.category,
    kind: entry.kind,
    techniques: Object.freeze([...entry.techniques]) as string[],
    summary: entry.summary,
    explicit: true,
  };
  if (entry.rollback) classification.rollback = Object.freeze({ ...entry.rollback });
  if (entry.shift) classification.shift = entry.shift;
  // Shared by every event it classifies: frozen so no caller can alter the catalog through a result.
  return Object.freeze(classification);
}

const GENERIC_RECON: Classification = Object.freeze({
  category: 'recon',
  kind: 'enumeration',
  techniques: Object.freeze(['T1580']) as string[],
  summary: 'read or listed cloud resources',
  explicit: false,
});

/**
 * Classifies one event against an index; failed calls are classified like successful ones. Kubernetes audit methods
 * (`io.k8s.core.v1.pods.exec.create`) are named the GKE way for AKS too, so both clouds share those entries.
 */
export function classifyWith(index: CatalogIndex, event: AuditEvent): Classification | undefined {
  let plans = plansByIndex.get(index);
  if (!plans) plansByIndex.set(index, (plans = new PlanCache(index)));
  return classifyByPlan(plans.planFor(event.provider, event.service, event.action), event);
}

let defaultPlans: PlanCache | undefined;

/** Classifies one event against the built-in catalog (indexed on first use). */
export function classify(event: AuditEvent): Classification | undefined {
  defaultPlans ??= new PlanCache(buildCatalogIndex(catalogEntries));
  return classifyByPlan(defaultPlans.planFor(event.provider, event.service, event.action), event);
}

function classifyByPlan(plan: Plan, event: AuditEvent): Classification | undefined {
  const candidates = plan.candidates;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    if (!candidate.accepts || candidate.accepts(event)) return candidate.classification;
  }
  return plan.read.always || (plan.read.ifReadOnly && event.readOnly === true) ? GENERIC_RECON : undefined;
}

/**
 * What classifying an event of one (provider, service, action) comes down to: the candidates the index lookups
 * would try, in the order they would try them (the first the event satisfies wins), then the generic read rule.
 * Planned once per triple, so an event costs a few Map lookups and its own conditions, nothing more.
 */
interface Plan {
  provider: string;
  service: string;
  action: string;
  candidates: readonly Candidate[];
  read: GenericReadRule;
}

/** Enough for every action a catalog and a tenant's logs name; a flood of made-up names only restarts the cache. */
const PLAN_CACHE_LIMIT = 50_000;
const RECENT_SLOTS = 4096;

class PlanCache {
  /** provider -> service -> action -> plan */
  private readonly plans = new Map<string, Map<string, Map<string, Plan>>>();
  private size = 0;
  /**
   * In front of the Maps, plans met recently, in slots picked from a few characters of their service and action: a
   * Map lookup hashes every character of each fresh string, a slot reads a few and compares.
   */
  private readonly recent: (Plan | undefined)[] = new Array<Plan | undefined>(RECENT_SLOTS).fill(undefined);

  constructor(private readonly index: CatalogIndex) {}

  planFor(provider: CloudProvider, service: string, action: string): Plan {
    // events built by hand may lack a service: they still classify, through the Maps
    const slot = typeof service === 'string' && typeof action === 'string' ? recentSlot(service, action) : 0;
    const recent = this.recent[slot];
    if (recent !== undefined && recent.action === action && recent.service === service && recent.provider === provider) return recent;
    const plan = this.plans.get(provider)?.get(service)?.get(action) ?? this.add(provider, service, action);
    this.recent[slot] = plan;
    return plan;
  }

  private add(provider: CloudProvider, service: string, action: string): Plan {
    if (this.size >= PLAN_CACHE_LIMIT) {
      this.plans.clear();
      this.recent.fill(undefined);
      this.size = 0;
    }
    const plan = buildPlan(this.index, provider, service, action);
    let byService = this.plans.get(provider);
    if (!byService) this.plans.set(provider, (byService = new Map()));
    let byAction = byService.get(service);
    if (!byAction) byService.set(service, (byAction = new Map()));
    byAction.set(action, plan);
    this.size++;
    return plan;
  }
}

/** Services differ near their start (s3.amazonaws.com) or end (MICROSOFT.COMPUTE), actions in length and ending. */
function recentSlot(service: string, action: string): number {
  const s = service.length;
  const a = action.length;
  let h = Math.imul(s * 64 + a, 0x9e3779b1);
  if (s > 1) h = Math.imul(h ^ (service.charCodeAt(0) | (service.charCodeAt(1) << 8) | (service.charCodeAt(s - 1) << 16)), 0x01000193);
  if (a > 2) {
    h = Math.imul(h ^ (action.charCodeAt(a - 1) | (action.charCodeAt(a - 2) << 8) | (action.charCodeAt(a >> 1) << 16)), 0x01000193);
    h = Math.imul(h ^ (action.charCodeAt(a - 3) | (action.charCodeAt(a >> 2) << 8) | (action.charCodeAt(0) << 16)), 0x01000193);
  }
  return (h ^ (h >>> 16)) & (RECENT_SLOTS - 1);
}

const plansByIndex = new WeakMap<CatalogIndex, PlanCache>();

function buildPlan(index: CatalogIndex, provider: CloudProvider, service: string, action: string): Plan {
  const lists: (Candidate[] | undefined)[] = [];
  if (provider === 'aws') planAws(index.aws, service, action, lists);
  else if (provider === 'gcp' || isKubernetesMethod(action)) planGcp(index.gcp, service, action, lists);
  else planAzure(index.azure, action, lists);
  const candidates: Candidate[] = [];
  for (const list of lists) if (list) candidates.push(...list);
  return Object.freeze({
    provider,
    service,
    action,
    candidates: Object.freeze(candidates),
    read: Object.freeze(genericReadRule(provider, service, action)),
  });
}

/** The candidate lists one service-scoped lookup tries: the service's own entries, then the any-service ones. */
function planIn(byService: Map<string, ActionMap>, service: string, key: string, lists: (Candidate[] | undefined)[]): void {
  lists.push(byService.get(service)?.get(key), byService.get(ANY_SERVICE)?.get(key));
}

/** Lambda logs versioned names: UpdateFunctionCode20150331v2 -> UpdateFunctionCode. */
const API_VERSION_SUFFIX = /\d{8}(v\d+)?$/;

function planAws(index: ProviderIndex, service: string, action: string, lists: (Candidate[] | undefined)[]): void {
  planIn(index.exact, service, action, lists);
  const unversioned = action.replace(API_VERSION_SUFFIX, '');
  if (unversioned !== action) planIn(index.exact, service, unversioned, lists);
}

function planGcp(index: ProviderIndex, service: string, action: string, lists: (Candidate[] | undefined)[]): void {
  const method = action.toLowerCase();
  planIn(index.exact, service, method, lists);
  // Longest dotted suffix first: v1.compute.instances.setmetadata, compute.instances.setmetadata, ...
  for (let start = 0; start < method.length; ) {
    planIn(index.suffix, service, start === 0 ? method : method.slice(start), lists);
    const dot = method.indexOf('.', start);
    if (dot < 0) break;
    start = dot + 1;
  }
}

function planAzure(index: ProviderIndex, action: string, lists: (Candidate[] | undefined)[]): void {
  const actions = index.exact.get(ANY_SERVICE);
  if (!actions) return;
  lists.push(actions.get(action));
  const normalized = action.trim().toUpperCase();
  if (normalized !== action) lists.push(actions.get(normalized));
  const nested = normalized.lastIndexOf(NESTED_PROVIDER);
  if (nested >= 0) lists.push(actions.get(normalized.slice(nested + NESTED_PROVIDER.length)));
}
