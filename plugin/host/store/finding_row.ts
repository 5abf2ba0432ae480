/**
 * A finding as the findings tables hold it: the columns filters and sorts read, computed from the document, and the
 * document itself compressed without its workflow (the workflow has its own columns, which a rewrite leaves alone).
 */
import { constants as zlibConstants, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { FindingDocument, WorkflowStatus } from '../../../common/finding';

export interface FindingColumns {
  id: string;
  risk_score: number;
  severity: string;
  /** ECS `event.severity` (21, 47, 73, 99): sorts severities by rank, as the Elasticsearch store does. */
  severity_rank: number;
  first_seen: number;
  last_seen: number;
  event_count: number;
  provider: string;
  root_identity: string;
  search_text: string;
}

export interface WorkflowColumns {
  status: WorkflowStatus;
  status_updated_at: string | null;
  status_updated_by: string | null;
  status_note: string | null;
}

/** Where free text is looked for (the same fields as the Elasticsearch store): who, and what they called. */
export function searchText(f: FindingDocument): string {
  const a = f.cloud_api_abuse;
  const values = new Set<string>();
  for (const v of [a.root_identity.id, a.root_identity.name, ...a.evidence.flatMap((e) => [e.principal, e.action])]) {
    if (v) values.add(v.toLowerCase());
  }
  // One value per line: search text is printable (validated), so a match never spans two values.
  return [...values].join('\n');
}

/** The indexed columns, or why the finding cannot be stored. */
export function findingColumns(f: FindingDocument): FindingColumns | { invalid: string } {
  const a = f.cloud_api_abuse;
  const firstSeen = Date.parse(a?.chain?.first_seen);
  const lastSeen = Date.parse(a?.chain?.last_seen);
  if (typeof a?.finding_id !== 'string' || a.finding_id === '') return { invalid: 'no finding id' };
  if (!Number.isFinite(firstSeen) || !Number.isFinite(lastSeen)) return { invalid: 'chain first_seen/last_seen are not times' };
  if (!Number.isFinite(f.kibana?.alert?.risk_score) || !Number.isFinite(f.event?.severity)) return { invalid: 'no risk score or severity' };
  return {
    id: a.finding_id,
    risk_score: f.kibana.alert.risk_score,
    severity: f.kibana.alert.severity,
    severity_rank: f.event.severity,
    first_seen: firstSeen,
    last_seen: lastSeen,
    event_count: a.chain.event_count,
    provider: f.cloud.provider,
    root_identity: a.root_identity.id,
    search_text: searchText(f),
  };
}

export function workflowColumns(f: FindingDocument): WorkflowColumns {
  const w = f.cloud_api_abuse.workflow ?? { status: 'open' };
  return { status: w.status, status_updated_at: w.updated_at ?? null, status_updated_by: w.updated_by ?? null, status_note: w.note ?? null };
}

/** Accounts and techniques, each once: the multi-valued filters. */
export function findingAccounts(f: FindingDocument): string[] {
  return [...new Set(f.cloud_api_abuse.chain.accounts)];
}

export function findingTechniques(f: FindingDocument): string[] {
  return [...new Set(f.cloud_api_abuse.techniques.map((t) => t.id))];
}

/**
 * JSON compresses about nine times at zlib's fastest level (ten at the default, for a quarter more time): every run
 * rewrites its findings, so writing fast wins. A page inflates at most a hundred documents.
 */
export function encodeDocument(f: FindingDocument): Buffer {
  const { workflow: _workflow, ...abuse } = f.cloud_api_abuse;
  void _workflow;
  return deflateRawSync(JSON.stringify({ ...f, cloud_api_abuse: abuse }), { level: zlibConstants.Z_BEST_SPEED });
}

export function decodeDocument(blob: Buffer, w: WorkflowColumns): FindingDocument {
  const f = JSON.parse(inflateRawSync(blob).toString('utf8')) as FindingDocument;
  f.cloud_api_abuse.workflow = {
    status: w.status,
    ...(w.status_updated_at !== null ? { updated_at: w.status_updated_at } : {}),
    ...(w.status_updated_by !== null ? { updated_by: w.status_updated_by } : {}),
    ...(w.status_note !== null ? { note: w.status_note } : {}),
  };
  return f;
}
