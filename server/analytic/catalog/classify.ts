import type { AuditEvent, CloudProvider } from '../../../common/audit_event';
import { awsActions } from './aws_actions';
import { azureActions } from './azure_actions';
import { compileCondition, type EventPredicate } from './conditions';
import { entraActions } from './entra_actions';
import { gcpActions } from './gcp_actions';
import { isGenericRead, isKubernetesMethod } from './generic_reads';
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
  const explicit =
    event.provider === 'aws' ? lookupAws(index.aws, event) :
    event.provider === 'gcp' || isKubernetesMethod(event.action) ? lookupGcp(index.gcp, event) :
    lookupAzure(index.azure, event);
  if (explicit) return explicit;
  return isGenericRead(event) ? GENERIC_RECON : undefined;
}

let defaultIndex: CatalogIndex | undefined;

/** Classifies one event against the built-in catalog (indexed on first use). */
export function classify(event: AuditEvent): Classification | undefined {
  defaultIndex ??= buildCatalogIndex(catalogEntries);
  return classifyWith(defaultIndex, event);
}

function pick(candidates: Candidate[] | undefined, event: AuditEvent): Classification | undefined {
  if (!candidates) return undefined;
  for (const candidate of candidates) {
    if (!candidate.accepts || candidate.accepts(event)) return candidate.classification;
  }
  return undefined;
}

function lookupIn(byService: Map<string, ActionMap>, service: string, key: string, event: AuditEvent): Classification | undefined {
  return pick(byService.get(service)?.get(key), event) ?? pick(byService.get(ANY_SERVICE)?.get(key), event);
}

/** Lambda logs versioned names: UpdateFunctionCode20150331v2 -> UpdateFunctionCode. */
const API_VERSION_SUFFIX = /\d{8}(v\d+)?$/;

function lookupAws(index: ProviderIndex, event: AuditEvent): Classification | undefined {
  const found = lookupIn(index.exact, event.service, event.action, event);
  if (found) return found;
  // Versioned names end with a digit (20150331, v2): only those pay for the regular expression.
  const last = event.action.charCodeAt(event.action.length - 1);
  if (last < 48 || last > 57) return undefined;
  const unversioned = event.action.replace(API_VERSION_SUFFIX, '');
  return unversioned === event.action ? undefined : lookupIn(index.exact, event.service, unversioned, event);
}

function lookupGcp(index: ProviderIndex, event: AuditEvent): Classification | undefined {
  const method = event.action.toLowerCase();
  const exact = lookupIn(index.exact, event.service, method, event);
  if (exact) return exact;
  // Longest dotted suffix first: v1.compute.instances.setmetadata, compute.instances.setmetadata, ...
  for (let start = 0; start < method.length; ) {
    const found = lookupIn(index.suffix, event.service, start === 0 ? method : method.slice(start), event);
    if (found) return found;
    const dot = method.indexOf('.', start);
    if (dot < 0) break;
    start = dot + 1;
  }
  return undefined;
}

function lookupAzure(index: ProviderIndex, event: AuditEvent): Classification | undefined {
  const actions = index.exact.get(ANY_SERVICE);
  if (!actions) return undefined;
  const found = pick(actions.get(event.action), event);
  if (found) return found;
  const normalized = event.action.trim().toUpperCase();
  const again = normalized === event.action ? undefined : pick(actions.get(normalized), event);
  if (again) return again;
  const nested = normalized.lastIndexOf(NESTED_PROVIDER);
  return nested < 0 ? undefined : pick(actions.get(normalized.slice(nested + NESTED_PROVIDER.length)), event);
}
