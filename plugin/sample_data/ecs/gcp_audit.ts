/**
 * A Cloud Audit Logs LogEntry as the GCP integration's `logs-gcp.audit` pipeline indexes it (elastic/integrations
 * packages/gcp/data_stream/audit, the 2025 pipeline and its test fixtures):
 *
 * - principalEmail / principalSubject go to `client.user.email` / `client.user.id` and, in the current version, also
 *   `user.email` / `user.id`; delegation info, key name and third-party principal stay under
 *   `gcp.audit.authentication_info` as logged;
 * - `resource.labels` are not kept: only `project_id` (cloud.project.id), `instance_id` (cloud.instance.id) and
 *   `location` (cloud.availability_zone); a zone label is lost;
 * - `resourceName` is dropped for Kubernetes clusters (`k8s_cluster`, `gke_cluster`), whose resource goes to
 *   `orchestrator.*` instead;
 * - `serviceData` is not mapped (only `gcp.audit.flattened`, off by default, keeps the whole entry);
 * - a final clean-up drops null and '' values, keys made of dots, and the maps and lists left empty.
 * Entries whose payload is not an AuditLog are dropped by the pipeline: `undefined` here.
 */
import { derivedId } from '../../../server/store/normalize/derived_id';
import { isIpLiteral } from '../../../server/store/normalize/ip';
import {
  appendUnique,
  attach,
  dataStream,
  ECS_VERSION,
  isoDate,
  keepOriginal,
  obj,
  put,
  str,
  type EcsDocument,
  type EcsOptions,
  type Json,
} from './ecs_document';
import { GCP_DROP, kept } from './pipeline_values';

const DATASET = 'gcp.audit';
const AUDIT_LOG = 'type.googleapis.com/google.cloud.audit.AuditLog';
const KUBERNETES = new Set(['k8s_cluster', 'gke_cluster']);

export function gcpAuditToEcs(record: Json, options: EcsOptions | undefined): EcsDocument | undefined {
  const proto = obj(record.protoPayload);
  const payloadType = proto?.['@type'];
  if (payloadType !== undefined && payloadType !== null && payloadType !== AUDIT_LOG) return undefined;

  const doc: Json = {};
  const event: Json = {};
  const audit: Json = {};
  const cloud: Json = {};
  const log: Json = {};
  const clientUser: Json = {};
  const user: Json = {};

  put(audit, 'type', payloadType ?? undefined);
  put(event, 'id', str(record.insertId));
  const logName = str(record.logName);
  put(log, 'logger', logName);
  put(log, 'level', str(record.severity));
  if (logName !== undefined) {
    const cut = logName.indexOf('%2F');
    if (cut >= 0) put(event, 'provider', logName.slice(cut + 3) || undefined);
  }
  event.kind = 'event';
  cloud.provider = 'gcp';
  put(doc, '@timestamp', isoDate(record.timestamp) ?? isoDate(record.receiveTimestamp));

  const resource = obj(record.resource);
  const labels = obj(resource?.labels);
  const resourceType = str(resource?.type);
  const kubernetes = resourceType !== undefined && KUBERNETES.has(resourceType);
  put(cloud, 'project', textObject('id', labels?.project_id));
  put(cloud, 'instance', textObject('id', labels?.instance_id));
  put(cloud, 'availability_zone', str(labels?.location));
  if (kubernetes) {
    doc.orchestrator = { type: 'kubernetes', ...textObject('cluster', textObject('name', labels?.cluster_name)) };
  }

  const auth = obj(proto?.authenticationInfo);
  const authentication: Json = {};
  put(authentication, 'authority_selector', auth?.authoritySelector);
  put(authentication, 'service_account_key_name', auth?.serviceAccountKeyName);
  put(authentication, 'service_account_delegation_info', cleaned(auth?.serviceAccountDelegationInfo));
  put(authentication, 'third_party_principal', cleaned(auth?.thirdPartyPrincipal));
  const email = str(auth?.principalEmail);
  const subject = str(auth?.principalSubject);
  put(clientUser, 'email', email);
  put(clientUser, 'id', subject);
  put(user, 'email', email);
  put(user, 'id', subject);
  attach(audit, 'authentication_info', authentication);

  const authorization = authorizationInfo(proto?.authorizationInfo);
  put(audit, 'authorization_info', authorization);
  put(audit, 'labels', cleaned(record.labels));

  const requestMetadata = obj(proto?.requestMetadata);
  const callerIp = str(requestMetadata?.callerIp);
  const source: Json = {};
  if (callerIp !== undefined && callerIp !== 'gce-internal-ip' && callerIp !== 'private' && isIpLiteral(callerIp)) {
    source.ip = callerIp;
  }
  const userAgent = str(requestMetadata?.callerSuppliedUserAgent);

  const operation = obj(record.operation);
  const operationId = str(operation?.id);
  if (operationId !== undefined && event.id !== undefined && event.id !== operationId) audit.logentry_operation = { id: operationId };
  if (operation !== undefined) longRunning(event, operation);

  put(event, 'action', str(proto?.methodName));
  put(audit, 'num_response_items', integer(proto?.numResponseItems));
  put(audit, 'request', payload(proto?.request, 'policy'));
  put(audit, 'response', payload(proto?.response, 'status'));
  put(audit, 'metadata', cleaned(proto?.metadata));
  if (!kubernetes) put(audit, 'resource_name', str(proto?.resourceName));
  const locations = cleaned(obj(proto?.resourceLocation)?.currentLocations);
  if (locations !== undefined) audit.resource_location = { current_locations: locations };
  const service = str(proto?.serviceName);

  const status = obj(proto?.status);
  const code = integer(status?.code);
  const statusOut: Json = {};
  put(statusOut, 'code', code);
  put(statusOut, 'message', str(status?.message));
  attach(audit, 'status', statusOut);
  event.outcome = outcomeOf(code, authorization);
  accessCategory(event, authorization);

  put(audit, 'receive_timestamp', isoDate(record.receiveTimestamp));
  if (resourceType !== undefined) audit.resource = { type: resourceType };

  const related: Json = {};
  if (source.ip !== undefined) related.ip = [source.ip];
  if (email !== undefined) related.user = [email];

  const { index, stream } = dataStream(DATASET, options);
  event.dataset = DATASET;
  keepOriginal(doc, event, record, options);
  doc.data_stream = stream;
  doc.ecs = { version: ECS_VERSION };
  doc.event = event;
  doc.cloud = cloud;
  attach(doc, 'log', log);
  if (service !== undefined) doc.service = { name: service };
  attach(doc, 'source', source);
  if (userAgent !== undefined) doc.user_agent = { original: userAgent };
  for (const _ in clientUser) {
    doc.client = { user: clientUser };
    break;
  }
  attach(doc, 'user', user);
  attach(doc, 'related', related);
  doc.gcp = { audit };
  const id = str(record.insertId) ?? derivedId([operationId, str(record.timestamp), str(proto?.methodName), str(proto?.resourceName), subject ?? email]);
  return { index, id, document: doc };
}

function textObject(key: string, v: unknown): Json | undefined {
  if (typeof v === 'string' ? v.length === 0 : typeof v !== 'object' || v === null) return undefined;
  return { [key]: v };
}

function cleaned(v: unknown): unknown {
  return kept(v, GCP_DROP);
}

/** `convert` to long: numbers and numeric strings (numResponseItems is logged as a string). */
function integer(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : undefined;
  if (typeof v === 'string' && v.length > 0 && v.length < 20) {
    const n = Number(v);
    return Number.isFinite(n) ? Math.trunc(n) : undefined;
  }
  return undefined;
}

/** authorizationInfo with each entry's resourceAttributes renamed resource_attributes. */
function authorizationInfo(v: unknown): Json[] | undefined {
  const list = cleaned(v);
  if (!Array.isArray(list)) return undefined;
  return list.map((entry) => {
    const o = obj(entry);
    if (o === undefined || !('resourceAttributes' in o)) return entry as Json;
    const renamed: Json = {};
    for (const key in o) renamed[key === 'resourceAttributes' ? 'resource_attributes' : key] = o[key];
    return renamed;
  });
}

/** request / response: a non-object `policy` (request) or `status` (response) moves to `<name>_value`. */
function payload(v: unknown, scalarKey: string): Json | undefined {
  const o = obj(cleaned(v));
  if (o === undefined) return undefined;
  const inner = o[scalarKey];
  if (inner === undefined || obj(inner) !== undefined) return o;
  const out: Json = {};
  for (const key in o) if (key !== scalarKey) out[key] = o[key];
  out[`${scalarKey}_value`] = inner;
  return out;
}

/** Entries of a long-running operation that are not both first and last: a session start or end. */
function longRunning(event: Json, operation: Json): void {
  const first = operation.first === true;
  const last = operation.last === true;
  if (first && last) return;
  event.category = ['session'];
  if (first) event.type = ['start'];
  else if (last) event.type = ['end'];
}

function outcomeOf(code: number | undefined, authorization: Json[] | undefined): string {
  if (code !== undefined) return code === 0 ? 'success' : 'failure';
  if (authorization !== undefined && authorization.length === 1) {
    const granted = authorization[0].granted;
    if (granted === true) return 'success';
    if (granted === false) return 'failure';
  }
  return 'unknown';
}

/** One authorization check: network/configuration access, allowed or denied. */
function accessCategory(event: Json, authorization: Json[] | undefined): void {
  if (authorization === undefined || authorization.length !== 1) return;
  const category = Array.isArray(event.category) ? (event.category as string[]) : [];
  appendUnique(category, 'network');
  appendUnique(category, 'configuration');
  event.category = category;
  const granted = authorization[0].granted;
  if (granted === undefined || granted === null) return;
  const type = Array.isArray(event.type) ? (event.type as string[]) : [];
  type.push('access', granted ? 'allowed' : 'denied');
  event.type = type;
}
