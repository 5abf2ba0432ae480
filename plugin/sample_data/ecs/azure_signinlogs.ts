/**
 * An Entra ID sign-in record (diagnostic settings export, any of the *SignInLogs categories) as the Azure
 * integration's `logs-azure.signinlogs` pipeline indexes it (elastic/integrations packages/azure/data_stream/
 * signinlogs). The whole record goes to `azure.signinlogs` with every key, at every depth, in snake case
 * (`userPrincipalName` -> `user_principal_name`, also inside authentication_details entries); then:
 *
 * - time -> @timestamp, resourceId -> azure.resource.id, tenantId -> azure.tenant_id, correlationId ->
 *   azure.correlation_id, the IP (properties.ipAddress, else callerIpAddress) -> source.address / source.ip /
 *   client.ip (properties.ipAddress leaves the properties; caller_ip_address stays), properties.userAgent ->
 *   user_agent.original, properties.id -> event.id;
 * - location (country) -> geo.country_iso_code, properties.location.city / state / coordinates -> geo.city_name /
 *   region_name / location (countryOrRegion and the rest of properties.location are dropped);
 * - createdDateTime -> created_at, processingTimeInMilliseconds -> processing_time_ms, riskLevelDuringSignIn ->
 *   risk_level_during_signin, status.failureReason / additionalDetails -> message;
 * - user.name / user.domain from the UPN, user.id, user.full_name; service.name and related.entity for service
 *   principals (current version).
 * - null and '' values, and the maps and lists left empty, are dropped.
 * Records of other categories are dropped by the pipeline: `undefined` here.
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
import { kept, type DropPolicy } from './pipeline_values';
import { snakeCaseKeys } from './snake_case';

const DATASET = 'azure.signinlogs';
/** The current pipeline ends by dropping null and '' values and the maps and lists left empty. */
const EMPTY_DROP: DropPolicy = { empties: true, dashAndNone: false, dotKeys: false };

const PROPERTY_RENAMES: ReadonlyArray<[string, string]> = [
  ['created_date_time', 'created_at'],
  ['processing_time_in_milliseconds', 'processing_time_ms'],
  ['risk_level_during_sign_in', 'risk_level_during_signin'],
];

export function signInToEcs(record: Json, options: EcsOptions | undefined): EcsDocument | undefined {
  const category = record.category;
  if (typeof category !== 'string' || !category.endsWith('SignInLogs')) return undefined;
  const si = snakeCaseKeys(record);
  const doc: Json = {};
  const event: Json = {};
  const azure: Json = {};
  const cloud: Json = {};
  const geo: Json = {};

  put(doc, '@timestamp', isoDate(si.time));
  delete si.time;
  const resourceId = str(si.resource_id);
  delete si.resource_id;

  const props = obj(si.properties);
  const address = firstText(props?.ipaddress, props?.ip_address, si.caller_ip_address);
  const source: Json = {};
  put(source, 'address', address);
  if (address !== undefined && isIpLiteral(address)) source.ip = address;
  if (props !== undefined) {
    delete props.ipaddress;
    delete props.ip_address;
  }

  if (si.level !== undefined && si.level !== null) doc.log = { level: String(si.level) };
  delete si.level;
  if (typeof si.duration_ms === 'number') {
    event.duration = si.duration_ms * 1_000_000;
    delete si.duration_ms;
  }
  if (si.location !== undefined) {
    geo.country_iso_code = si.location;
    delete si.location;
  }
  if (si.operation_name !== undefined && si.operation_name !== null) event.action = String(si.operation_name);
  put(azure, 'tenant_id', si.tenant_id);
  delete si.tenant_id;
  put(azure, 'correlation_id', si.correlation_id);
  delete si.correlation_id;

  let userAgent: unknown;
  if (props !== undefined) {
    for (const [from, to] of PROPERTY_RENAMES) {
      if (from in props) {
        props[to] = props[from];
        delete props[from];
      }
    }
    const status = obj(props.status);
    const message = statusMessage(status);
    if (message !== undefined) doc.message = message;
    const location = obj(props.location);
    if (location !== undefined) {
      put(geo, 'city_name', location.city);
      put(geo, 'region_name', location.state);
      const coordinates = obj(location.geo_coordinates);
      if (coordinates !== undefined) {
        const point: Json = {};
        put(point, 'lat', coordinates.latitude);
        put(point, 'lon', coordinates.longitude);
        for (const _ in point) {
          geo.location = point;
          break;
        }
      }
    }
    delete props.location;
    const details = processingDetails(props.authentication_processing_details);
    if (details !== undefined) props.authentication_processing_details = details;
    userAgent = props.user_agent;
    delete props.user_agent;
  }

  event.kind = 'event';
  event.category = ['authentication'];
  event.type = ['info'];
  const errorCode = obj(props?.status)?.error_code;
  if (errorCode === undefined || errorCode === null || Number(errorCode) === 0) event.outcome = 'success';
  else if (Number(errorCode) > 0) event.outcome = 'failure';
  put(event, 'id', str(props?.id));

  const user: Json = {};
  const upn = str(props?.user_principal_name);
  if (upn !== undefined) {
    const split = userOfName(upn);
    user.name = split?.name ?? upn;
    put(user, 'domain', split?.domain);
  }
  if (props?.user_display_name !== undefined && props.user_display_name !== null) user.full_name = String(props.user_display_name);
  if (props !== undefined && props.user_id === null) delete props.user_id;
  if (props?.user_id !== undefined) user.id = String(props.user_id);

  const servicePrincipal = str(props?.service_principal_name);
  const entities: string[] = [];
  for (const key of ['app_id', 'resource_id', 'service_principal_id', 'service_principal_credential_key_id']) {
    appendUnique(entities, str(props?.[key]));
  }
  entities.sort();

  addAzureResource(azure, cloud, resourceId);

  const { index, stream } = dataStream(DATASET, options);
  event.dataset = DATASET;
  keepOriginal(doc, event, record, options);
  doc.data_stream = stream;
  doc.ecs = { version: ECS_VERSION };
  doc.event = event;
  doc.cloud = cloud;
  if (address !== undefined) doc.source = source;
  if (source.ip !== undefined) doc.client = { ip: source.ip };
  for (const _ in geo) {
    doc.geo = geo;
    break;
  }
  if (userAgent !== undefined && userAgent !== null && userAgent !== '') doc.user_agent = { original: userAgent };
  for (const _ in user) {
    doc.user = user;
    break;
  }
  if (servicePrincipal !== undefined) doc.service = { name: servicePrincipal };
  const related: Json = {};
  if (source.ip !== undefined) related.ip = [source.ip];
  if (servicePrincipal !== undefined && entities.length > 0) related.entity = entities;
  for (const _ in related) {
    doc.related = related;
    break;
  }
  azure.signinlogs = kept(si, EMPTY_DROP) ?? {};
  doc.azure = azure;
  const id = str(props?.id) ?? derivedId([str(record.correlationId), str(record.time), category, upn ?? str(props?.app_id)]);
  return { index, id, document: doc };
}

function firstText(...values: unknown[]): string | undefined {
  for (const v of values) {
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return undefined;
}

/** failureReason and additionalDetails become `message` ("reason (details)") and leave the status. */
function statusMessage(status: Json | undefined): string | undefined {
  if (status === undefined) return undefined;
  const reason = typeof status.failure_reason === 'string' ? status.failure_reason : undefined;
  const details = typeof status.additional_details === 'string' ? status.additional_details : undefined;
  delete status.failure_reason;
  delete status.additional_details;
  if (reason !== undefined && details !== undefined) return `${reason} (${details})`;
  return reason ?? details;
}

/**
 * authenticationProcessingDetails [{key, value}] become one object; the pipeline sets `_tmp.<key>`, so dots in a
 * key nest the value.
 */
function processingDetails(v: unknown): Json | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: Json = {};
  let any = false;
  for (const item of v) {
    const o = obj(item);
    if (o === undefined || typeof o.key !== 'string') continue;
    const path = o.key.split('.');
    let at = out;
    for (let i = 0; i < path.length - 1; i++) {
      const next = obj(at[path[i]]) ?? {};
      at[path[i]] = next;
      at = next;
    }
    at[path[path.length - 1]] = o.value;
    any = true;
  }
  return any ? out : undefined;
}
