/**
 * Test support: what the analytic reads of one normalized event, field by field, so that the event normalized from
 * a raw record and the one normalized from its ECS document can be compared. Not shipped code.
 */
import type { AuditEvent } from '../../../common/audit_event';
import { classify } from '../../../server/analytic/catalog';

export const COMPARED_FIELDS = [
  'provider', 'log', 'id', 'time', 'account', 'region', 'service', 'action', 'outcome', 'errorCode', 'readOnly',
  'actor.type', 'actor.id', 'actor.name', 'actor.arn', 'actor.account', 'actor.sessionName', 'actor.issuer',
  'actor.human', 'actor.mfa', 'actor.appId', 'actor.delegationChain',
  'credential.id', 'credential.kind', 'credential.fromConsole',
  'source.ip', 'source.address', 'source.userAgent',
  'minted.id', 'minted.kind', 'minted.target', 'minted.sessionName',
  'resources', 'classification', 'request',
] as const;

export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** Catalog categories whose calls carry the parameters a response step or rollback needs. */
const PRIVILEGED = new Set(['privileged', 'tamper', 'auth_shift']);

/**
 * The value of one compared field as text. `resources` is compared as a set: Elastic's CloudTrail pipeline gathers
 * resources[] in a HashMap, so their order changes. `request` is compared for privileged calls only (see
 * `requestView`), `classification` is the catalog's verdict (category and kind).
 */
export function fieldValue(e: AuditEvent, field: ComparedField, requestView: (e: AuditEvent) => unknown): string {
  switch (field) {
    case 'resources':
      return JSON.stringify([...e.resources].sort());
    case 'classification': {
      const c = classify(e);
      return c === undefined ? '' : `${c.category}/${c.kind}`;
    }
    case 'request': {
      const c = classify(e);
      return c !== undefined && PRIVILEGED.has(c.category) ? canonical(requestView(e)) : '';
    }
    default:
      return canonical(valueAt(e, field));
  }
}

function valueAt(e: AuditEvent, dotted: string): unknown {
  let cur: unknown = e;
  for (const key of dotted.split('.')) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[key] : undefined;
  return cur;
}

/** JSON with object keys sorted, so two equal values print the same whatever their key order. */
export function canonical(v: unknown): string {
  if (v === undefined) return '';
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v).sort()) out[key] = sortKeys((v as Record<string, unknown>)[key]);
  return out;
}
