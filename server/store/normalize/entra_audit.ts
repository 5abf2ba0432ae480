/**
 * Entra ID audit log semantics shared by the raw and ECS normalizers: who initiated a directory change (a user or an
 * application), on what, with what result.
 */
import type { Actor, AuditEvent, Encoding, EventOrigin, Outcome } from '../../../common/audit_event';
import { clip, pushBounded } from './clip';
import { derivedId } from './derived_id';
import { ENTRA_SERVICE } from './entra_signin';
import { firstStr, get, isObject, str } from './get';
import { callerSource } from './source';

export interface AuditFacts {
  action: string;
  id?: string;
  time: number | null;
  tenantId?: string;
  /** properties.initiatedBy */
  initiatedBy: unknown;
  result?: string;
  resultReason?: string;
  callerIp?: string;
  /** targetResources: an array, or an index-keyed object in ECS documents */
  targets: unknown;
  correlationId?: string;
  request?: Record<string, unknown>;
}

function auditOutcome(result: string | undefined): Outcome {
  const r = result?.toLowerCase();
  if (r === 'success' || r === 'succeeded') return 'success';
  if (r === 'failure' || r === 'failed') return 'failure';
  return 'unknown';
}

function initiator(initiatedBy: unknown): { actor: Actor; ip?: string } {
  const user = get(initiatedBy, 'user');
  if (isObject(user)) {
    const actor: Actor = { type: 'user' };
    const id = str(get(user, 'id'));
    const upn = str(get(user, 'userPrincipalName'));
    if (id !== undefined) actor.id = clip(id);
    if (upn !== undefined) actor.name = clip(upn.toLowerCase());
    return { actor, ip: str(get(user, 'ipAddress')) };
  }
  const app = get(initiatedBy, 'app');
  if (isObject(app)) {
    const actor: Actor = { type: 'service_account' };
    const id = firstStr(get(app, 'servicePrincipalId'), get(app, 'appId'));
    const name = firstStr(get(app, 'displayName'), get(app, 'servicePrincipalName'));
    const appId = str(get(app, 'appId'));
    if (id !== undefined) actor.id = clip(id);
    if (name !== undefined) actor.name = clip(name);
    if (appId !== undefined) actor.appId = clip(appId);
    return { actor, ip: str(get(app, 'ipAddress')) };
  }
  return { actor: { type: 'unknown' } };
}

function targetIds(targets: unknown): string[] {
  const out: string[] = [];
  const list = Array.isArray(targets) ? targets : isObject(targets) ? Object.values(targets) : [];
  for (const t of list) pushBounded(out, firstStr(get(t, 'id'), get(t, 'userPrincipalName')));
  return out;
}

export function auditEvent(f: AuditFacts, encoding: Encoding, raw: unknown, origin: EventOrigin | undefined): AuditEvent {
  const { actor, ip } = initiator(f.initiatedBy);
  const outcome = auditOutcome(f.result);
  const sourceIp = ip ?? f.callerIp;
  const event: AuditEvent = {
    id: clip(f.id) ?? derivedId([f.correlationId, f.time, f.action, actor.id, sourceIp]),
    time: f.time,
    provider: 'azure',
    log: 'azure.auditlogs',
    encoding,
    service: ENTRA_SERVICE,
    action: clip(f.action) as string,
    outcome,
    actor,
    source: callerSource(sourceIp, undefined),
    resources: targetIds(f.targets),
    raw,
  };
  if (f.tenantId !== undefined) {
    event.account = clip(f.tenantId);
    actor.account = event.account;
  }
  if (outcome === 'failure' && f.resultReason !== undefined) event.errorCode = clip(f.resultReason);
  if (f.request !== undefined) event.request = f.request;
  if (origin !== undefined) event.origin = origin;
  return event;
}
