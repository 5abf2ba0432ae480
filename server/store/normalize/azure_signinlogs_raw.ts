/** Entra ID sign-in log records as diagnostic settings export them (all five sign-in categories). */
import type { EventOrigin, NormalizeResult } from '../../../common/audit_event';
import { tenantOfResourceId } from './azure_common';
import { mfaFromDetails, signInEvent } from './entra_signin';
import { num, obj, str, type JsonObject } from './get';
import { parseTime } from './time';

export function normalizeSignInRaw(r: JsonObject, origin: EventOrigin | undefined): NormalizeResult {
  // Reads are written out per field (see aws_cloudtrail_raw.ts); get(x, k) is obj(x)?.k.
  const category = str(r.category);
  if (category === undefined) return { ok: false, reason: 'Entra ID sign-in record without category' };
  const request = obj(r.properties);
  const props = request ?? {};
  const location = obj(props.location);
  const resourceId = str(r.resourceId ?? r.resourceid);
  const event = signInEvent(
    {
      category,
      id: str(props.id) ?? str(r.id),
      time: parseTime(r.time) ?? parseTime(props.createdDateTime) ?? parseTime(r.p_event_time) ?? null,
      tenantId: str(r.tenantId ?? r.tenantid) ?? tenantOfResourceId(resourceId),
      homeTenantId: str(props.homeTenantId),
      userId: str(props.userId),
      upn: str(props.userPrincipalName),
      appId: str(props.appId),
      appName: str(props.appDisplayName),
      servicePrincipalId: str(props.servicePrincipalId),
      servicePrincipalName: str(props.servicePrincipalName),
      tokenId: str(props.uniqueTokenIdentifier),
      errorCode: str(obj(props.status)?.errorCode),
      resultType: str(r.resultType ?? r.resulttype),
      result: str(props.result),
      ip: str(props.ipAddress) ?? str(r.callerIpAddress ?? r.calleripaddress),
      userAgent: str(props.userAgent),
      country: str(location?.countryOrRegion),
      city: str(location?.city),
      asn: num(props.autonomousSystemNumber),
      authenticationRequirement: str(props.authenticationRequirement),
      mfaSatisfied: mfaFromDetails(props.authenticationDetails),
      audience: str(props.resourceId),
      correlationId: str(r.correlationId ?? r.correlationid) ?? str(props.correlationId),
      request,
    },
    'raw',
    r,
    origin,
  );
  return { ok: true, event };
}
