/** Entra ID sign-in log records as diagnostic settings export them (all five sign-in categories). */
import type { EventOrigin, NormalizeResult } from '../../../common/audit_event';
import { tenantOfResourceId } from './azure_common';
import { mfaFromDetails, signInEvent } from './entra_signin';
import { field, firstStr, get, get2, num, obj, str, type JsonObject } from './get';
import { parseTime } from './time';

export function normalizeSignInRaw(r: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  const category = str(field(r, 'category'));
  if (category === undefined) return { ok: false, reason: 'Entra ID sign-in record without category' };
  const props = obj(field(r, 'properties')) ?? {};
  const location = get(props, 'location');
  const resourceId = str(field(r, 'resourceId', 'resourceid'));
  const event = signInEvent(
    {
      category,
      id: firstStr(get(props, 'id'), field(r, 'id')),
      time: parseTime(field(r, 'time')) ?? parseTime(get(props, 'createdDateTime')) ?? parseTime(field(r, 'p_event_time')) ?? null,
      tenantId: firstStr(field(r, 'tenantId', 'tenantid'), tenantOfResourceId(resourceId)),
      homeTenantId: str(get(props, 'homeTenantId')),
      userId: str(get(props, 'userId')),
      upn: str(get(props, 'userPrincipalName')),
      appId: str(get(props, 'appId')),
      appName: str(get(props, 'appDisplayName')),
      servicePrincipalId: str(get(props, 'servicePrincipalId')),
      servicePrincipalName: str(get(props, 'servicePrincipalName')),
      tokenId: str(get(props, 'uniqueTokenIdentifier')),
      errorCode: str(get2(props, 'status', 'errorCode')),
      resultType: str(field(r, 'resultType', 'resulttype')),
      result: str(get(props, 'result')),
      ip: firstStr(get(props, 'ipAddress'), field(r, 'callerIpAddress', 'calleripaddress')),
      userAgent: str(get(props, 'userAgent')),
      country: str(get(location, 'countryOrRegion')),
      city: str(get(location, 'city')),
      asn: num(get(props, 'autonomousSystemNumber')),
      authenticationRequirement: str(get(props, 'authenticationRequirement')),
      mfaSatisfied: mfaFromDetails(get(props, 'authenticationDetails')),
      audience: str(get(props, 'resourceId')),
      correlationId: firstStr(field(r, 'correlationId', 'correlationid'), get(props, 'correlationId')),
      request: obj(field(r, 'properties')),
    },
    'raw',
    r,
    origin,
  );
  return { ok: true, event };
}
