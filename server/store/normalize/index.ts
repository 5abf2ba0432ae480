/**
 * Normalizes one audit record, of any supported cloud, log and encoding, into the canonical AuditEvent. The shape is
 * detected from the record itself. Never throws: an unusable record yields `{ ok: false, reason }`.
 */
import type { EventOrigin, NormalizeResult } from '../../../common/audit_event';
import { normalizeCloudTrailEcs } from './aws_cloudtrail_ecs';
import { normalizeCloudTrailRaw } from './aws_cloudtrail_raw';
import { normalizeActivityLogEcs } from './azure_activitylogs_ecs';
import { normalizeActivityLogRaw } from './azure_activitylogs_raw';
import { normalizeAuditLogEcs } from './azure_auditlogs_ecs';
import { normalizeAuditLogRaw } from './azure_auditlogs_raw';
import { normalizeKubeAudit } from './azure_kube_audit';
import { normalizeSignInEcs } from './azure_signinlogs_ecs';
import { normalizeSignInRaw } from './azure_signinlogs_raw';
import { detectShape } from './detect';
import { normalizeGcpAuditEcs } from './gcp_audit_ecs';
import { normalizeGcpAuditRaw } from './gcp_audit_raw';
import { isObject, str, type JsonObject } from './get';
import type { RecordShape } from './record_shape';
import { unrecognizedReason } from './unrecognized';

export type { RecordShape } from './record_shape';
export { RECORD_SHAPES } from './record_shape';

type Normalizer = (record: JsonObject, origin: EventOrigin | undefined) => NormalizeResult;

const NORMALIZERS: Record<RecordShape, Normalizer> = {
  'aws.cloudtrail.raw': normalizeCloudTrailRaw,
  'aws.cloudtrail.ecs': normalizeCloudTrailEcs,
  'gcp.audit.raw': normalizeGcpAuditRaw,
  'gcp.audit.ecs': normalizeGcpAuditEcs,
  'azure.activitylogs.raw': normalizeActivityLogRaw,
  'azure.activitylogs.ecs': normalizeActivityLogEcs,
  'azure.kubeaudit.raw': normalizeKubeAudit,
  'azure.signinlogs.raw': normalizeSignInRaw,
  'azure.signinlogs.ecs': normalizeSignInEcs,
  'azure.auditlogs.raw': normalizeAuditLogRaw,
  'azure.auditlogs.ecs': normalizeAuditLogEcs,
};

/** The normalizer of a shape; a switch over the usual raw shapes first, so dispatch needs no keyed lookup. */
function normalizerOf(shape: RecordShape): Normalizer {
  switch (shape) {
    case 'aws.cloudtrail.raw':
      return normalizeCloudTrailRaw;
    case 'gcp.audit.raw':
      return normalizeGcpAuditRaw;
    case 'azure.activitylogs.raw':
      return normalizeActivityLogRaw;
    case 'azure.signinlogs.raw':
      return normalizeSignInRaw;
    default:
      return NORMALIZERS[shape];
  }
}

export function detectRecordShape(record: unknown): RecordShape | undefined {
  if (!isObject(record)) return undefined;
  try {
    return detectShape(searchHitSource(record) ?? record);
  } catch {
    return undefined; // a hostile record (throwing getter, proxy) is simply not recognized
  }
}

export function normalizeRecord(record: unknown, origin?: EventOrigin): NormalizeResult {
  if (!isObject(record)) return { ok: false, reason: `record is not a JSON object (${describe(record)})` };
  let shape: RecordShape | undefined;
  try {
    const hit = searchHitSource(record);
    if (hit !== undefined) return normalizeRecord(hit, hitOrigin(record, origin));
    shape = detectShape(record);
    if (shape === undefined) return { ok: false, reason: unrecognizedReason(record) };
    return normalizerOf(shape)(record, origin);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: `cannot normalize ${shape ?? 'record'}: ${message.slice(0, 200)}` };
  }
}

/** Elasticsearch search hits exported as they come ({_index, _id, _source}): the document is the _source. */
function searchHitSource(r: JsonObject): JsonObject | undefined {
  const source = r._source;
  return isObject(source) && typeof r._index === 'string' ? source : undefined;
}

function hitOrigin(hit: JsonObject, origin: EventOrigin | undefined): EventOrigin {
  const where: EventOrigin = { ...origin, index: str(hit._index) };
  const docId = str(hit._id);
  if (docId !== undefined) where.docId = docId;
  return where;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `array of ${v.length}`;
  return typeof v;
}
