/**
 * The calls that can start a chain by themselves (DESIGN §3.3), as an Elasticsearch query built from the catalog:
 * logging disabled or deleted, console logins, CloudShell, impersonation, credentials minted (for lineage), known
 * attack tools in the user agent, instance credentials used from a workstation. Everything else that can start a
 * chain is a context new for its identity, which the novelty aggregation finds.
 */
import type { estypes } from '@elastic/elasticsearch';
import type { AuditEvent } from '../../../common/audit_event';
import { catalogEntries, classify, detectInterface } from '../../analytic/catalog';
import { OFFENSIVE_RULES } from '../../analytic/catalog/interface_rules';
import type { CatalogEntry } from '../../analytic/catalog/types';
import { ACTION_FIELD, USER_AGENT_FIELD } from './fields';

const ANCHOR_KINDS = new Set(['logging_disabled', 'logging_deleted', 'detection_disabled', 'console_login', 'cloudshell', 'impersonation', 'credential_minted']);

const escapeWildcard = (s: string): string => s.replace(/[\\*?]/g, (c) => `\\${c}`);

function actionClause(e: CatalogEntry): estypes.QueryDslQueryContainer {
  if (e.match === 'suffix') return { wildcard: { [ACTION_FIELD]: { value: `*${escapeWildcard(e.action)}`, case_insensitive: true } } };
  // Azure logs operation names in whatever case the resource provider used.
  if (e.provider === 'azure') return { term: { [ACTION_FIELD]: { value: e.action, case_insensitive: true } } };
  return { term: { [ACTION_FIELD]: e.action } };
}

let cached: estypes.QueryDslQueryContainer[] | undefined;

export function anchorClauses(): estypes.QueryDslQueryContainer[] {
  if (cached) return cached;
  const exact = new Set<string>();
  const clauses: estypes.QueryDslQueryContainer[] = [];
  for (const e of catalogEntries) {
    if (!ANCHOR_KINDS.has(e.kind)) continue;
    if (e.provider === 'aws' && e.match !== 'suffix') exact.add(e.action);
    else clauses.push(actionClause(e));
  }
  clauses.push({ terms: { [ACTION_FIELD]: [...exact].sort() } });
  for (const rule of OFFENSIVE_RULES) {
    for (const marker of rule.contains) {
      clauses.push({ wildcard: { [USER_AGENT_FIELD]: { value: `*${escapeWildcard(marker)}*`, case_insensitive: true } } });
    }
  }
  // EC2 instance credentials (session named after the instance) used by a desktop client.
  clauses.push({
    bool: {
      filter: [{ wildcard: { 'aws.cloudtrail.user_identity.arn': { value: '*:assumed-role/*/i-*' } } }],
      should: ['*Darwin*', '*Windows*', '*Mac OS X*', '*macOS*'].map((value) => ({ wildcard: { [USER_AGENT_FIELD]: { value, case_insensitive: true } } })),
      minimum_should_match: 1,
    },
  });
  cached = clauses;
  return clauses;
}

/**
 * Whether an anchor call starts a chain by itself (so its principal is read in full) rather than only minting a
 * credential for lineage (AssumeRole by CI, by SSO users ...).
 */
export function startsChainByItself(e: AuditEvent): boolean {
  const itf = detectInterface(e);
  if (itf.offensive) return true;
  if (itf.workstation && (e.credential?.kind === 'instance' || /:assumed-role\/[^/]+\/i-[0-9a-f]+$/.test(e.actor.arn ?? ''))) return true;
  const cls = classify(e);
  return cls?.category === 'tamper' || cls?.kind === 'console_login' || cls?.kind === 'cloudshell' || cls?.kind === 'impersonation';
}
