/**
 * A raw CloudTrail record as the AWS integration's `logs-aws.cloudtrail` pipeline indexes it (elastic/integrations
 * packages/aws/data_stream/cloudtrail/elasticsearch/ingest_pipeline/default.yml, the 2025 version that maps
 * `sessionCredentialFromConsole` and `user.changes.name`), processor by processor where it matters:
 *
 * - a first clean-up drops null, '', '-', 'none' and the maps and lists it leaves empty, everywhere in the record;
 * - `userIdentity.sourceIdentity`, `sessionContext.ec2RoleDelivery`, `webIdFederationData`, `identityProvider`,
 *   `sharedEventID` (the pipeline renames `sharedEventId`, which CloudTrail does not write) are not mapped: they
 *   survive only in `event.original`;
 * - request parameters, response elements, additional event data and service event details are kept twice: as
 *   Painless `toString()` text and, under 32,766 characters, as flattened objects;
 * - GeoIP/ASN enrichment, user-agent parsing and the optional actor/target entity script (behind the
 *   `actor_target_mapping` tag) need Elasticsearch's databases or are opt-in: they are left out, as is
 *   `event.created` (the time of ingest).
 */
import { derivedId } from '../../../server/store/normalize/derived_id';
import { isIpLiteral } from '../../../server/store/normalize/ip';
import { AWS_EVENT_CATEGORIES } from './aws_event_categories';
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
import { CLOUDTRAIL_DROP, hashMapOrder, javaText, kept } from './pipeline_values';

const DATASET = 'aws.cloudtrail';
/** Longest text Elasticsearch indexes as one keyword term: longer copies are not flattened. */
const MAX_FLATTENED_TEXT = 32766;

export function cloudTrailToEcs(record: Json, options: EcsOptions | undefined): EcsDocument {
  const json = obj(kept(record, CLOUDTRAIL_DROP)) ?? {};
  const ui = obj(json.userIdentity);
  const session = obj(ui?.sessionContext);
  const attributes = obj(session?.attributes);
  const issuer = obj(session?.sessionIssuer);
  const eventName = str(json.eventName);

  const doc: Json = {};
  const event: Json = {};
  const ct: Json = {};
  const user: Json = {};
  const cloud: Json = {};
  const account: Json = {};

  put(doc, '@timestamp', isoDate(json.eventTime) ?? isoDate(record['@timestamp']));
  put(ct, 'event_version', json.eventVersion);

  const identity: Json = {};
  const type = str(ui?.type);
  put(identity, 'type', type);
  put(user, 'name', ui?.userName);
  put(user, 'id', ui?.principalId);
  put(identity, 'arn', ui?.arn);
  put(account, 'id', ui?.accountId);
  put(identity, 'access_key_id', ui?.accessKeyId);
  const sessionContext: Json = {};
  put(sessionContext, 'mfa_authenticated', attributes?.mfaAuthenticated);
  put(sessionContext, 'creation_date', isoDate(attributes?.creationDate));
  const sessionIssuer: Json = {};
  put(sessionIssuer, 'type', issuer?.type);
  const roleSession = type === 'AssumedRole' || type === 'FederatedUser';
  if (roleSession) put(user, 'name', issuer?.userName);
  put(sessionIssuer, 'principal_id', issuer?.principalId);
  if (roleSession) put(user, 'changes', sessionNameChange(str(ui?.arn)));
  if (type === 'IdentityCenterUser' && user.id === undefined) put(user, 'id', obj(ui?.onBehalfOf)?.userId);
  put(sessionIssuer, 'arn', issuer?.arn);
  put(sessionIssuer, 'account_id', issuer?.accountId);
  attach(sessionContext, 'session_issuer', sessionIssuer);
  attach(identity, 'session_context', sessionContext);
  put(ct, 'session_credential_from_console', json.sessionCredentialFromConsole);
  put(identity, 'invoked_by', ui?.invokedBy);
  attach(ct, 'user_identity', identity);

  put(event, 'provider', json.eventSource);
  put(event, 'action', eventName);
  put(ct, 'event_category', json.eventCategory);

  // UserAuthentication (IAM Identity Center) names the person only in additionalEventData.UserName, which the
  // pipeline moves out of the additional data before copying it
  let additional = json.additionalEventData;
  const additionalMap = obj(additional);
  let movedKey: string | undefined;
  if (eventName === 'UserAuthentication' && user.name === undefined && additionalMap?.UserName !== undefined) {
    user.name = additionalMap.UserName;
    movedKey = 'UserName';
    const rest: Json = {};
    for (const key in additionalMap) if (key !== movedKey) rest[key] = additionalMap[key];
    additional = rest;
  }

  put(cloud, 'region', json.awsRegion);
  const source: Json = {};
  const address = json.sourceIPAddress;
  put(source, 'address', address);
  if (typeof address === 'string' && isIpLiteral(address)) source.ip = address;
  const userAgent: Json = {};
  put(userAgent, 'original', json.userAgent);

  put(ct, 'error_code', json.errorCode);
  put(ct, 'error_message', json.errorMessage);

  const flattened: Json = {};
  copyTwice(ct, flattened, 'request_parameters', json.requestParameters, record.requestParameters);
  copyTwice(ct, flattened, 'response_elements', json.responseElements, record.responseElements);
  copyTwice(ct, flattened, 'additional_eventdata', additional, record.additionalEventData, movedKey);
  copyTwice(ct, flattened, 'service_event_details', json.serviceEventDetails, record.serviceEventDetails);

  put(ct, 'request_id', json.requestID);
  put(event, 'id', json.eventID);
  put(ct, 'event_type', json.eventType);
  put(ct, 'api_version', json.apiVersion);
  put(ct, 'management_event', json.managementEvent);
  put(ct, 'read_only', json.readOnly);
  put(ct, 'resources', uniqueResources(json.resources));
  put(ct, 'recipient_account_id', json.recipientAccountId);
  if (account.id === undefined) put(account, 'id', json.recipientAccountId);
  put(ct, 'shared_event_id', json.sharedEventId);
  put(ct, 'vpc_endpoint_id', json.vpcEndpointId);

  const request = obj(json.requestParameters);
  const response = obj(json.responseElements);
  const relatedUsers: string[] = [];
  appendUnique(relatedUsers, text(request?.userName));
  appendUnique(relatedUsers, text(request?.newUserName));
  appendUnique(relatedUsers, text(obj(response?.user)?.userId));

  if (eventName === 'ConsoleLogin') put(ct, 'console_login', consoleLogin(additionalMap));

  categorize(event, ct, eventName, response);

  const group: Json = {};
  put(group, 'id', obj(response?.group)?.groupId);
  const target: Json = {};
  put(target, 'id', obj(response?.user)?.userId);
  if (request?.newUserName !== undefined) user.changes = { name: request.newUserName };
  put(group, 'name', request?.groupName);
  put(target, 'name', request?.userName);
  attach(user, 'target', target);

  const tls = tlsOf(obj(json.tlsDetails));

  if (typeof user.name === 'string' && user.name.indexOf('@') > 0) user.email = user.name;
  appendUnique(relatedUsers, text(user.id));
  appendUnique(relatedUsers, text(user.name));
  appendUnique(relatedUsers, text(obj(user.changes)?.name));

  const { index, stream } = dataStream(DATASET, options);
  event.kind = 'event';
  event.dataset = DATASET;
  keepOriginal(doc, event, record, options);
  attach(cloud, 'account', account);
  attach(ct, 'flattened', flattened);
  doc.data_stream = stream;
  doc.ecs = { version: ECS_VERSION };
  doc.event = event;
  attach(doc, 'cloud', cloud);
  attach(doc, 'source', source);
  attach(doc, 'user_agent', userAgent);
  attach(doc, 'user', user);
  attach(doc, 'group', group);
  if (tls !== undefined) doc.tls = tls;
  if (relatedUsers.length > 0) doc.related = { user: relatedUsers };
  doc.aws = { cloudtrail: ct };
  return { index, id: str(json.eventID) ?? fallbackId(json), document: doc };
}

/** Scalars as a mustache template renders them into an `append` value. */
function text(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** The `grok` on assumed-role / federated-user ARNs: the session name after the last slash. */
function sessionNameChange(arn: string | undefined): Json | undefined {
  if (arn === undefined) return undefined;
  const start = arn.indexOf('arn:aws:sts:');
  const slash = arn.lastIndexOf('/');
  if (start < 0 || slash < start || slash === arn.length - 1) return undefined;
  return { name: arn.slice(slash + 1) };
}

/**
 * The text copy (keyword) and, when short enough to index, the flattened copy of one payload: `value` as the
 * clean-up left it, `logged` as the record has it (its text keeps the HashMap sizes of the logged maps).
 */
function copyTwice(ct: Json, flattened: Json, field: string, value: unknown, logged: unknown, movedKey?: string): void {
  if (value === undefined) return;
  const asText = typeof value === 'string' ? value : javaText(logged, CLOUDTRAIL_DROP, movedKey);
  if (asText === undefined) return;
  ct[field] = asText;
  if (asText.length < MAX_FLATTENED_TEXT) flattened[field] = value;
}

/**
 * resources[]: ARN -> arn, accountId -> account_id, duplicates of (arn, account, type) dropped. The script gathers
 * them in a HashMap keyed by that triple, so they come out in that map's order.
 */
function uniqueResources(v: unknown): Json[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const byKey = new Map<string, Json>();
  for (const item of v) {
    const original = obj(item);
    if (original === undefined) continue;
    const resource: Json = {};
    for (const key in original) {
      if (key === 'ARN') resource.arn = original[key];
      else if (key === 'accountId') resource.account_id = original[key];
      else resource[key] = original[key];
    }
    const key = `${text(resource.arn) ?? ''}_${text(resource.account_id) ?? ''}_${text(resource.type) ?? ''}`;
    byKey.set(key, resource);
  }
  const out = hashMapOrder([...byKey.keys()]).map((key) => byKey.get(key) as Json);
  return out.length > 0 ? out : undefined;
}

function consoleLogin(additional: Json | undefined): Json | undefined {
  if (additional === undefined) return undefined;
  const data: Json = {};
  if (additional.MobileVersion !== undefined) data.mobile_version = additional.MobileVersion !== 'No';
  put(data, 'login_to', additional.LoginTo);
  if (additional.MFAUsed !== undefined) data.mfa_used = additional.MFAUsed !== 'No';
  for (const _ in data) return { additional_eventdata: data };
  return undefined;
}

/** The "Add ECS categorization" script: outcome from the error fields (ConsoleLogin: its result), then the table. */
function categorize(event: Json, ct: Json, eventName: string | undefined, response: Json | undefined): void {
  event.type = ['info'];
  event.outcome = ct.error_code !== undefined || ct.error_message !== undefined ? 'failure' : 'success';
  if (eventName === undefined) return;
  const login = response?.ConsoleLogin;
  if (eventName === 'ConsoleLogin' && typeof login === 'string') event.outcome = login.toLowerCase();
  const known = AWS_EVENT_CATEGORIES.get(eventName);
  if (known === undefined) return;
  event.category = [...known.category];
  if (known.type.length > 0) event.type = [...known.type];
  else delete event.type; // an empty list, removed by the final clean-up
}

/** tlsDetails: `TLSv1.3` dissected into protocol `tls` and version `1.3`. */
function tlsOf(details: Json | undefined): Json | undefined {
  if (details === undefined || details.tlsVersion === 'tlsVersion') return undefined;
  const tls: Json = {};
  const version = details.tlsVersion;
  if (typeof version === 'string') {
    const v = version.indexOf('v');
    if (v >= 0) {
      put(tls, 'version_protocol', version.slice(0, v).toLowerCase() || undefined);
      put(tls, 'version', version.slice(v + 1) || undefined);
    } else {
      tls.version = version;
    }
  }
  put(tls, 'cipher', details.cipherSuite);
  if (details.clientProvidedHostHeader !== undefined) tls.client = { server_name: details.clientProvidedHostHeader };
  for (const _ in tls) return tls;
  return undefined;
}

/** Records without an eventID (hand-made ones) still need a stable id: their request id, time and call. */
function fallbackId(json: Json): string {
  return derivedId([text(json.requestID), text(json.eventTime ?? json['@timestamp']), text(json.eventSource), text(json.eventName), text(obj(json.userIdentity)?.arn)]);
}
