/** Entra ID sign-in logs as Elastic's Azure integration indexes them (`logs-azure.signinlogs-*`). */
import type { EventOrigin, NormalizeResult } from '../../../common/audit_event';
import { tenantOfResourceId } from './azure_common';
import { at, fieldPath as p } from './ecs_path';
import { mfaFromDetails, signInEvent } from './entra_signin';
import { firstStr, num, obj, str, type JsonObject } from './get';
import { parseTime } from './time';

const F = {
  timestamp: p('@timestamp'),
  id: p('event.id'),
  category: p('azure.signinlogs.category'),
  resultType: p('azure.signinlogs.result_type'),
  callerIp: p('azure.signinlogs.caller_ip_address'),
  props: p('azure.signinlogs.properties'),
  propId: p('azure.signinlogs.properties.id'),
  userId: p('azure.signinlogs.properties.user_id'),
  upn: p('azure.signinlogs.properties.user_principal_name'),
  appId: p('azure.signinlogs.properties.app_id'),
  appName: p('azure.signinlogs.properties.app_display_name'),
  spId: p('azure.signinlogs.properties.service_principal_id'),
  spName: p('azure.signinlogs.properties.service_principal_name'),
  tokenId: p('azure.signinlogs.properties.unique_token_identifier'),
  errorCode: p('azure.signinlogs.properties.status.error_code'),
  homeTenant: p('azure.signinlogs.properties.home_tenant_id'),
  requirement: p('azure.signinlogs.properties.authentication_requirement'),
  details: p('azure.signinlogs.properties.authentication_details'),
  audience: p('azure.signinlogs.properties.resource_id'),
  correlation: p('azure.correlation_id'),
  tenant: p('azure.tenant_id'),
  resourceId: p('azure.resource.id'),
  sourceIp: p('source.ip'),
  userAgent: p('user_agent.original'),
  country: p('source.geo.country_iso_code'),
  city: p('source.geo.city_name'),
  topCountry: p('geo.country_iso_code'),
  topCity: p('geo.city_name'),
  asn: p('source.as.number'),
  // Entra logs the ASN itself; the pipeline keeps it under properties when no GeoIP ASN database enriched source.as.
  propAsn: p('azure.signinlogs.properties.autonomous_system_number'),
};

export function normalizeSignInEcs(doc: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  const category = str(at(doc, F.category));
  if (category === undefined) return { ok: false, reason: 'Entra ID sign-in ECS document without azure.signinlogs.category' };
  const enriched = at(doc, F.country) !== undefined || at(doc, F.city) !== undefined;
  const event = signInEvent(
    {
      category,
      id: firstStr(at(doc, F.propId), at(doc, F.id)),
      time: parseTime(at(doc, F.timestamp)) ?? null,
      tenantId: firstStr(at(doc, F.tenant), tenantOfResourceId(str(at(doc, F.resourceId)))),
      homeTenantId: str(at(doc, F.homeTenant)),
      userId: str(at(doc, F.userId)),
      upn: str(at(doc, F.upn)),
      appId: str(at(doc, F.appId)),
      appName: str(at(doc, F.appName)),
      servicePrincipalId: str(at(doc, F.spId)),
      servicePrincipalName: str(at(doc, F.spName)),
      tokenId: str(at(doc, F.tokenId)),
      errorCode: str(at(doc, F.errorCode)),
      resultType: str(at(doc, F.resultType)),
      ip: firstStr(at(doc, F.sourceIp), at(doc, F.callerIp)),
      userAgent: str(at(doc, F.userAgent)),
      country: str(at(doc, enriched ? F.country : F.topCountry)),
      city: str(at(doc, enriched ? F.city : F.topCity)),
      asn: num(at(doc, F.asn)) ?? num(at(doc, F.propAsn)),
      authenticationRequirement: str(at(doc, F.requirement)),
      mfaSatisfied: mfaFromDetails(at(doc, F.details)),
      audience: str(at(doc, F.audience)),
      correlationId: str(at(doc, F.correlation)),
      request: obj(at(doc, F.props)),
    },
    'ecs',
    doc,
    origin,
  );
  return { ok: true, event };
}
