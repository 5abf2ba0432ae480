/**
 * AKS `kube-audit` resource logs: an Activity-log-shaped envelope whose `properties.log` holds one Kubernetes audit
 * event as JSON text. The envelope's operation (diagnosticLogs/Read) says nothing about the call, so the event is
 * described by the embedded audit record, with the method named as GKE names it (`io.k8s.core.v1.pods.exec.create`)
 * so one catalog entry can match both clouds.
 */
import type { Actor, AuditEvent, EventOrigin, NormalizeResult } from '../../../common/audit_event';
import { clip, pushBounded } from './clip';
import { derivedId } from './derived_id';
import { subscriptionOfResourceId } from './azure_common';
import { arr, field, firstStr, get, get2, isObject, num, str, type JsonObject } from './get';
import { jsonObjectFromString } from './json_string';
import { callerSource } from './source';
import { parseTime } from './time';

const READ_VERBS = new Set(['get', 'list', 'watch']);

export function normalizeKubeAudit(r: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  const embedded = get(field(r, 'properties'), 'log');
  const log = isObject(embedded) ? embedded : typeof embedded === 'string' ? jsonObjectFromString(embedded) : undefined;
  if (log === undefined) return { ok: false, reason: 'AKS kube-audit record whose properties.log is not a JSON object' };
  const verb = str(get(log, 'verb'));
  const objectRef = get(log, 'objectRef');
  const resource = str(get(objectRef, 'resource'));
  if (verb === undefined || resource === undefined) {
    return { ok: false, reason: 'AKS kube-audit record without verb or objectRef.resource' };
  }
  // objectRef.apiVersion is either "v1" (with apiGroup beside it) or "group/version"
  const apiVersion = str(get(objectRef, 'apiVersion')) ?? 'v1';
  const slash = apiVersion.indexOf('/');
  const group = str(get(objectRef, 'apiGroup')) ?? (slash > 0 ? apiVersion.slice(0, slash) : undefined);
  const version = slash > 0 ? apiVersion.slice(slash + 1) : apiVersion;
  const subresource = str(get(objectRef, 'subresource'));
  const action = `${gkeGroupPrefix(group)}.${version}.${resource}${subresource !== undefined ? `.${subresource}` : ''}.${verb}`;

  const resourceId = str(field(r, 'resourceId', 'resourceid'));
  const time =
    parseTime(field(r, 'time')) ??
    parseTime(get(log, 'requestReceivedTimestamp')) ??
    parseTime(get(log, 'stageTimestamp')) ??
    parseTime(field(r, 'p_event_time')) ??
    null;
  const username = str(get2(log, 'user', 'username'));
  const sourceIp = str(arr(get(log, 'sourceIPs'))?.[0]);
  const code = num(get2(log, 'responseStatus', 'code'));
  const requestUri = str(get(log, 'requestURI'));

  const resources: string[] = [];
  pushBounded(resources, resourceId);
  pushBounded(resources, requestUri);
  const event: AuditEvent = {
    id: clip(str(get(log, 'auditID'))) ?? derivedId([time, action, resourceId, username, sourceIp, requestUri]),
    time,
    provider: 'azure',
    log: 'azure.activitylogs',
    encoding: 'raw',
    service: 'MICROSOFT.CONTAINERSERVICE',
    action: clip(action) as string,
    outcome: code === undefined ? 'unknown' : code < 400 ? 'success' : 'failure',
    readOnly: READ_VERBS.has(verb),
    actor: kubeActor(username, str(get2(log, 'user', 'uid'))),
    source: callerSource(sourceIp, str(get(log, 'userAgent'))),
    resources,
    request: log,
    raw: r,
  };
  if (code !== undefined && code >= 400) event.errorCode = String(code);
  const subscription = subscriptionOfResourceId(resourceId);
  if (subscription !== undefined) event.account = clip(subscription);
  const region = firstStr(field(r, 'location'));
  if (region !== undefined) event.region = clip(region);
  if (origin !== undefined) event.origin = origin;
  return { ok: true, event };
}

/**
 * GKE names API groups in reverse-domain order: core -> io.k8s.core, apps -> io.k8s.apps,
 * rbac.authorization.k8s.io -> io.k8s.authorization.rbac, cert-manager.io -> io.cert-manager.
 */
function gkeGroupPrefix(group: string | undefined): string {
  if (group === undefined || group === '') return 'io.k8s.core';
  if (group.endsWith('.k8s.io')) return `io.k8s.${group.slice(0, -7).split('.').reverse().join('.')}`;
  if (!group.includes('.')) return `io.k8s.${group}`;
  return group.split('.').reverse().join('.');
}

function kubeActor(username: string | undefined, uid: string | undefined): Actor {
  if (username === undefined) return { type: 'unknown' };
  // anonymous requests have no identity at all; other system: users are the cluster's own components
  const type =
    username === 'system:anonymous'
      ? 'unknown'
      : username.startsWith('system:serviceaccount:')
        ? 'service_account'
        : username.startsWith('system:')
          ? 'service'
          : 'user';
  const actor: Actor = { type, name: clip(username.includes('@') ? username.toLowerCase() : username) };
  if (uid !== undefined) actor.id = clip(uid);
  return actor;
}
