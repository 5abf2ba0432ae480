/**
 * An Azure Activity log record (diagnostic settings export) as the Azure integration's `logs-azure.activitylogs`
 * pipeline indexes it (elastic/integrations packages/azure/data_stream/activitylogs, ECS 8.11 version). The record
 * is parsed into `azure.activitylogs` as it is; the pipeline then renames a known set of keys:
 *
 * - time -> @timestamp, resourceId -> azure.resource.id (+ the parts the shared pipeline finds), callerIpAddress ->
 *   source.ip / client.ip (source.address when not an IP), location -> geo.name, correlationId ->
 *   azure.correlation_id, level -> log.level, durationMs -> event.duration (ns);
 * - resultType, resultSignature, operationName, operationVersion, tenantId and the RBAC evidence keys to snake case;
 * - dots in claim names become `_`; the `name` claim moves to `identity.claims_initiated_by_user.fullname` and
 *   `user.full_name`; the UPN (`.../claims/name`) gives user.name + user.domain + user.email;
 * - properties.eventCategory -> azure.activitylogs.event_category, statusMessage -> message, statusCode ->
 *   status_code, serviceRequestId -> service_request_id.
 * - the ECS 8.11 form adds cloud.account.id (the subscription), cloud.resource_id, azure.resource_group.name,
 *   azure.resource_provider.namespace and azure.correlation.id.
 * Everything else keeps the record's own spelling, e.g. `azure.activitylogs.eventDataId`, `...caller`.
 */
import { derivedId } from '../../../server/store/normalize/derived_id';
import { isIpLiteral } from '../../../server/store/normalize/ip';
import { addAzureResource } from './azure_resource';
import {
  appendUnique,
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
import { userOfName } from './grok_user';
import { javaText, KEEP_ALL } from './pipeline_values';

const DATASET = 'azure.activitylogs';
const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';
const SURNAME = `${CLAIMS}/surname`;
const NAME = `${CLAIMS}/name`;
const GIVEN_NAME = `${CLAIMS}/givenname`;

/** Keys the pipeline moves out of azure.activitylogs (or drops), handled one by one below. */
const MOVED = new Set([
  'time', 'resourceId', 'callerIpAddress', 'Level', 'level', 'durationMs', 'location', 'identity', 'properties',
  'resultType', 'operationName', 'operationVersion', 'tenantId', 'resultSignature', 'correlationId',
]);

const EVIDENCE_RENAMES: ReadonlyArray<[string, string]> = [
  ['roleAssignmentScope', 'role_assignment_scope'],
  ['roleDefinitionId', 'role_definition_id'],
  ['roleAssignmentId', 'role_assignment_id'],
  ['principalId', 'principal_id'],
  ['principalType', 'principal_type'],
];

const PROPERTY_RENAMES: ReadonlyArray<[string, string]> = [
  ['serviceRequestId', 'service_request_id'],
  ['statusCode', 'status_code'],
];

/** Severity numbers as the pipeline names them. */
const LEVELS = new Map([
  ['1', 'Critical'],
  ['2', 'Error'],
  ['3', 'Warning'],
  ['4', 'Informational'],
  ['5', 'Verbose'],
]);

const CATEGORY_TYPES = new Map([
  ['write', 'change'],
  ['read', 'access'],
  ['delete', 'deletion'],
  ['action', 'change'],
]);

export function activityLogToEcs(record: Json, options: EcsOptions | undefined): EcsDocument {
  const doc: Json = {};
  const event: Json = {};
  const al: Json = {};
  const azure: Json = {};
  const cloud: Json = {};
  for (const key in record) if (!MOVED.has(key)) al[key] = record[key];

  put(doc, '@timestamp', isoDate(record.time));
  const resourceId = str(record.resourceId);

  const source: Json = {};
  const caller = record.callerIpAddress;
  if (typeof caller === 'string' && isIpLiteral(caller)) source.ip = caller;
  else put(source, 'address', caller);

  const level = record.Level ?? record.level;
  if (level !== undefined && level !== null) {
    const text = String(level);
    doc.log = { level: LEVELS.get(text) ?? text };
  }
  if (typeof record.durationMs === 'number') event.duration = record.durationMs * 1_000_000;
  else put(al, 'durationMs', record.durationMs);
  if (record.location !== undefined) doc.geo = { name: record.location };

  if (typeof record.identity === 'string') al.identity_name = record.identity;
  else put(al, 'identity', identityOf(obj(record.identity)));

  const properties = propertiesOf(record.properties);
  const props = obj(properties);
  if (props !== undefined && props.eventCategory !== undefined) al.event_category = props.eventCategory;
  else al.event_category = props?.policies !== undefined ? 'Policy' : 'Administrative';
  if (props !== undefined) {
    const out: Json = {};
    for (const key in props) {
      if (key === 'eventCategory') continue;
      if (key === 'statusMessage') doc.message = props[key];
      else out[renamed(key, PROPERTY_RENAMES)] = props[key];
    }
    al.properties = out;
  } else {
    put(al, 'properties', properties);
  }

  const resultType = record.resultType;
  put(al, 'result_type', resultType);
  if (typeof resultType === 'string' && (resultType.toLowerCase() === 'success' || resultType.toLowerCase() === 'failure')) {
    event.outcome = resultType.toLowerCase();
  } else if (typeof props?.result === 'string' && ['success', 'failure', 'unknown'].includes(props.result)) {
    event.outcome = props.result;
  }
  put(al, 'operation_name', record.operationName);
  put(event, 'action', javaString(record.operationName));
  put(al, 'operation_version', record.operationVersion);
  put(al, 'tenant_id', record.tenantId);
  put(al, 'result_signature', record.resultSignature);
  put(azure, 'correlation_id', record.correlationId);

  const category = typeof al.category === 'string' ? CATEGORY_TYPES.get(al.category.toLowerCase()) : undefined;
  if (category !== undefined) event.type = [category];

  const user = userOf(obj(obj(al.identity)?.claims_initiated_by_user));
  event.kind = 'event';

  const related: Json = {};
  if (source.ip !== undefined) related.ip = [source.ip];
  if (user.name !== undefined) related.user = [user.name];
  const entities: string[] = [];
  appendUnique(entities, resourceId);
  appendUnique(entities, str(obj(obj(obj(al.identity)?.authorization)?.evidence)?.principal_id));
  if (entities.length > 0) related.entity = entities;

  addAzureResource(azure, cloud, resourceId);
  ecs811Aliases(azure, cloud, resourceId);

  const { index, stream } = dataStream(DATASET, options);
  event.dataset = DATASET;
  keepOriginal(doc, event, record, options);
  doc.data_stream = stream;
  doc.ecs = { version: ECS_VERSION };
  doc.event = event;
  doc.cloud = cloud;
  if (source.ip !== undefined) {
    doc.source = source;
    doc.client = { ip: source.ip };
  } else if (source.address !== undefined) {
    doc.source = source;
  }
  for (const _ in user) {
    doc.user = user;
    break;
  }
  for (const _ in related) {
    doc.related = related;
    break;
  }
  azure.activitylogs = al;
  doc.azure = azure;
  const id =
    str(record.eventDataId) ??
    str(props?.eventDataId) ??
    derivedId([str(record.correlationId), str(record.time), str(record.operationName), resourceId, str(record.resultType)]);
  return { index, id, document: doc };
}

/** A `convert` to string: Java's text of the value (the REST shape's {value, localizedValue} object included). */
function javaString(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'object' ? javaText(v, KEEP_ALL) : String(v);
}

/**
 * The ECS 8.11 form of the data stream (its sample_event.json) also writes the subscription and resource id under
 * `cloud.*` and the resource group, provider and correlation id as ECS-style objects.
 */
function ecs811Aliases(azure: Json, cloud: Json, resourceId: string | undefined): void {
  const resource = obj(azure.resource);
  put(cloud, 'resource_id', resourceId);
  if (typeof azure.subscription_id === 'string') cloud.account = { id: azure.subscription_id };
  if (typeof resource?.group === 'string') azure.resource_group = { name: resource.group };
  if (typeof resource?.provider === 'string') azure.resource_provider = { namespace: resource.provider };
  if (typeof azure.correlation_id === 'string') azure.correlation = { id: azure.correlation_id };
}

function renamed(key: string, renames: ReadonlyArray<[string, string]>): string {
  for (const [from, to] of renames) if (key === from) return to;
  return key;
}

/** Stringified properties are parsed; text that is not JSON stays as it is. */
function propertiesOf(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/** identity: evidence keys in snake case, claims with `_` for dots, the person's names gathered aside. */
function identityOf(identity: Json | undefined): Json | undefined {
  if (identity === undefined) return undefined;
  const out: Json = {};
  for (const key in identity) if (key !== 'authorization' && key !== 'claims') out[key] = identity[key];
  const authorization = obj(identity.authorization);
  if (authorization !== undefined) {
    const evidence = obj(authorization.evidence);
    const auth: Json = { ...authorization };
    if (evidence !== undefined) {
      const ev: Json = {};
      for (const key in evidence) ev[renamed(key, EVIDENCE_RENAMES)] = evidence[key];
      auth.evidence = ev;
    }
    out.authorization = auth;
  } else {
    put(out, 'authorization', identity.authorization);
  }
  const claims = obj(identity.claims);
  if (claims === undefined) {
    put(out, 'claims', identity.claims);
    return out;
  }
  const byUser: Json = {};
  put(byUser, 'fullname', claims.name);
  put(byUser, 'surname', nonNull(claims[SURNAME]));
  put(byUser, 'name', nonNull(claims[NAME]));
  put(byUser, 'givenname', nonNull(claims[GIVEN_NAME]));
  if (byUser.name !== undefined) byUser.schema = CLAIMS;
  const underscored: Json = {};
  for (const key in claims) if (key !== 'name') underscored[underscoredClaim(key)] = claims[key];
  out.claims = underscored;
  for (const _ in byUser) {
    out.claims_initiated_by_user = byUser;
    break;
  }
  return out;
}

function nonNull(v: unknown): unknown {
  return v === null ? undefined : v;
}

const claimNames = new Map<string, string>();

function underscoredClaim(key: string): string {
  let name = claimNames.get(key);
  if (name === undefined) {
    name = key.split('.').join('_');
    if (claimNames.size > 10_000) claimNames.clear();
    claimNames.set(key, name);
  }
  return name;
}

/** user.* from the UPN claim (split at @ when it is an address) and the display name claim. */
function userOf(byUser: Json | undefined): Json {
  const user: Json = {};
  const name = byUser?.name;
  if (typeof name === 'string' && name.length > 0) {
    const split = userOfName(name);
    if (split !== undefined) {
      user.name = split.name;
      user.domain = split.domain;
      user.email = name;
    } else {
      user.name = name;
    }
  }
  if (byUser?.fullname !== undefined && byUser.fullname !== null) user.full_name = String(byUser.fullname);
  return user;
}
