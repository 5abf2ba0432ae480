/**
 * The finding as it goes into and comes out of `_source`. A rewrite is a partial update: Elasticsearch merges its
 * objects into the stored ones, so the analyst's `cloud_api_abuse.workflow` (left out) survives, and an optional
 * field the newer chain no longer has would survive too unless the rewrite names it: those go as null, and null
 * never comes back out of the store.
 */
import type { CloudApiAbuseFields, FindingDocument } from '../../../../common/finding';

/** A partial document in Elasticsearch's sense: any field may be left out, or null to clear it. */
export type Clearable<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: Clearable<T[K]> | null } : T;

export type FindingRewrite = Clearable<Omit<FindingDocument, 'cloud_api_abuse'> & { cloud_api_abuse: Omit<CloudApiAbuseFields, 'workflow'> }>;

export interface WorkflowPatch {
  cloud_api_abuse: { workflow: { status: CloudApiAbuseFields['workflow']['status']; updated_at: string; updated_by: string; note: string | null } };
}

/** The optional fields of FindingDocument outside arrays, parents before children. */
const OPTIONAL_PATHS: readonly (readonly string[])[] = [
  ['source'],
  ['source', 'ip'],
  ['source', 'geo'],
  ['source', 'as'],
  ['user_agent'],
  ['cloud', 'account'],
  ['cloud', 'region'],
  ['cloud_api_abuse', 'automation'],
  ['cloud_api_abuse', 'root_identity', 'account'],
  ['cloud_api_abuse', 'root_identity', 'human'],
  ['cloud_api_abuse', 'shift', 'before', 'mfa'],
  ...['network', 'ip', 'country', 'asn', 'interface', 'tool', 'user_agent', 'mfa'].map((k) => ['cloud_api_abuse', 'shift', 'after', k]),
  // Never in a rewrite (the workflow is left out); cleared by a status change without a note.
  ['cloud_api_abuse', 'workflow', 'note'],
];

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `doc` of the bulk update: everything but the workflow, optional fields it lacks set to null. */
export function rewriteOf(finding: FindingDocument): FindingRewrite {
  const { workflow: _workflow, ...abuse } = finding.cloud_api_abuse;
  void _workflow;
  const out: Node = { ...finding, cloud_api_abuse: abuse };
  for (const path of OPTIONAL_PATHS) {
    let node = out;
    let i = 0;
    for (; i < path.length - 1; i++) {
      const child = node[path[i]];
      if (!isNode(child)) break;
      // Copy on the way down: the caller's finding is not ours to change.
      const copy = { ...child };
      node[path[i]] = copy;
      node = copy;
    }
    if (i === path.length - 1 && node[path[i]] === undefined) node[path[i]] = null;
  }
  return out as FindingRewrite;
}

/** A stored `_source` back as a FindingDocument: the nulls a rewrite left are dropped. */
export function findingFromSource(source: FindingDocument): FindingDocument {
  const root = source as unknown as Node;
  for (const path of OPTIONAL_PATHS) {
    let node: unknown = root;
    for (let i = 0; i < path.length - 1 && isNode(node); i++) node = node[path[i]];
    const key = path[path.length - 1];
    if (isNode(node) && node[key] === null) delete node[key];
  }
  return source;
}

export function workflowPatch(status: CloudApiAbuseFields['workflow']['status'], at: string, by: string, note: string | undefined): WorkflowPatch {
  // A status change without a note clears the previous note: it explained an earlier decision.
  return { cloud_api_abuse: { workflow: { status, updated_at: at, updated_by: by, note: note ?? null } } };
}
