/**
 * GCP Cloud Audit Logs LogEntry records as a log sink writes them to Cloud Storage (keys in alphabetical order,
 * nanosecond timestamps), built from a method table entry and a caller.
 */
import { SECOND } from '../clock';
import type { DayClock } from '../clock';
import { gcpInsertId } from '../ids';
import type { Rng } from '../random';
import type { GcpProject } from '../scenario/org';
import { type GcpMethod, gcpMethod } from './gcp_methods';
import type { Json, JsonObject } from './json';

/** Who made the call, as authenticationInfo and requestMetadata tell. */
export interface GcpCaller {
  /** principalEmail; absent for workload-identity-federation principals. */
  email?: string;
  principalSubject: string;
  serviceAccountKeyName?: string;
  /** serviceAccountDelegationInfo entries, first = the original caller. */
  delegation?: JsonObject[];
  /** IP address, `private`, or `gce-internal-ip`; undefined for Google-internal callers. */
  callerIp?: string;
  /** Already suffixed with ,gzip(gfe) where the client went through the Google front end. */
  userAgent?: string;
}

export interface GcpCallSpec {
  time: number;
  project: GcpProject;
  method: GcpMethod | string;
  caller: GcpCaller;
  args?: Readonly<Record<string, string | undefined>>;
  /** PERMISSION_DENIED etc. */
  error?: { code: number; message: string };
  /** For long-running compute operations: which half of the operation this entry is. */
  operation?: { id: string; phase: 'first' | 'last' };
}

export interface GcpCallResult {
  route: string;
  record: JsonObject;
  insertId: string;
}

export function gcpRoute(log: 'activity' | 'data_access'): string {
  return `gcp/${log}`;
}

export function buildGcpCall(spec: GcpCallSpec, rng: Rng, clock: DayClock): GcpCallResult {
  const m = typeof spec.method === 'string' ? gcpMethod(spec.method) : spec.method;
  const ctx = { rng, time: spec.time, project: spec.project, args: spec.args ?? {}, caller: spec.caller };
  const target = m.target(ctx);
  const last = spec.operation?.phase === 'last';
  const insertId = gcpInsertId(rng);
  const sub = rng.digits(6);
  const c = spec.caller;
  const authorizationInfo: Json[] = [
    {
      granted: !spec.error,
      permission: m.permission,
      permissionType: m.permissionType,
      resource: target.authResource ?? target.resourceName,
      resourceAttributes: target.resourceAttributes ?? {},
    },
  ];
  const proto: JsonObject = {
    '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
    authenticationInfo: {
      principalEmail: c.email,
      principalSubject: c.principalSubject,
      serviceAccountDelegationInfo: c.delegation,
      serviceAccountKeyName: c.serviceAccountKeyName,
    },
    authorizationInfo: last ? undefined : authorizationInfo,
    metadata: last || !m.metadata ? undefined : m.metadata(ctx),
    methodName: m.method,
    numResponseItems: m.listing && !spec.error ? String(rng.int(1, 60)) : undefined,
    request: last || !m.request ? undefined : m.request(ctx, target.resourceName),
    requestMetadata: {
      callerIp: c.callerIp,
      callerSuppliedUserAgent: c.userAgent,
      destinationAttributes: {},
      requestAttributes: { auth: {}, time: clock.nanos(spec.time - rng.int(5, 60), rng.digits(6)) },
    },
    resourceLocation: target.location ? { currentLocations: [target.location] } : undefined,
    resourceName: target.resourceName,
    response: spec.error || !m.response ? undefined : m.response(ctx, target.resourceName, spec.operation),
    serviceData: last || !m.serviceData ? undefined : m.serviceData(ctx),
    serviceName: m.service,
    status: spec.error ? { code: spec.error.code, message: spec.error.message } : {},
  };
  const record: JsonObject = {
    insertId,
    logName: `projects/${spec.project.id}/logs/cloudaudit.googleapis.com%2F${m.log}`,
    operation: spec.operation
      ? { id: spec.operation.id, producer: m.service, first: spec.operation.phase === 'first' ? true : undefined, last: last ? true : undefined }
      : m.log === 'data_access' && m.service === 'iamcredentials.googleapis.com'
        ? { id: rng.digits(20), producer: m.service, first: true, last: true }
        : undefined,
    protoPayload: proto,
    receiveTimestamp: clock.nanos(Math.min(spec.time + rng.int(40, 900), clock.start + 24 * 3600 * SECOND - 1), rng.digits(6)),
    resource: { labels: target.labels, type: target.type },
    severity: spec.error ? 'ERROR' : m.log === 'activity' ? 'NOTICE' : 'INFO',
    timestamp: clock.nanos(spec.time, sub),
  };
  return { route: gcpRoute(m.log), record, insertId };
}
