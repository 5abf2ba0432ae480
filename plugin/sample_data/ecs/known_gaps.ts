/**
 * Test support: every known reason why the event normalized from an ECS document differs from the one normalized
 * from the raw record, each with the exact condition under which it applies. A difference no gap explains fails
 * the equivalence tests. Two kinds:
 *
 * - `pipeline`: Elastic's pipeline itself drops or conflates the information; with `event.original` kept the ECS
 *   normalizer recovers it (`recoveredFromOriginal`) or cannot;
 * - `normalizer`: the pipeline keeps the information under a name the ECS normalizer (server/store/normalize) does not
 *   read; fixing the normalizer would close the gap (the fix is named).
 */
import type { AuditEvent } from '../../../common/audit_event';
import type { ComparedField } from './event_comparison';

export interface KnownGap {
  field: ComparedField;
  kind: 'pipeline' | 'normalizer';
  why: string;
  /** Only pipeline gaps: whether the ECS normalizer gets the value back from `event.original`. */
  recoveredFromOriginal?: boolean;
  /** The raw record and its raw event show the condition. */
  applies(raw: AuditEvent, record: Record<string, unknown>): boolean;
}

type Json = Record<string, unknown>;

function at(v: unknown, ...keys: string[]): unknown {
  let cur = v;
  for (const key of keys) cur = typeof cur === 'object' && cur !== null ? (cur as Json)[key] : undefined;
  return cur;
}

const KUBERNETES_RESOURCES = new Set(['k8s_cluster', 'gke_cluster']);

export const KNOWN_GAPS: readonly KnownGap[] = [
  {
    field: 'actor.human',
    kind: 'pipeline',
    recoveredFromOriginal: true,
    why: 'userIdentity.sessionContext.sourceIdentity is not mapped by the CloudTrail pipeline',
    applies: (raw, r) => raw.provider === 'aws' && at(r, 'userIdentity', 'sessionContext', 'sourceIdentity') !== undefined,
  },
  {
    field: 'actor.account',
    kind: 'pipeline',
    recoveredFromOriginal: false,
    why:
      'when userIdentity has no accountId (AWSService, SAMLUser, WebIdentityUser callers) the pipeline copies ' +
      'recipientAccountId into cloud.account.id, which the ECS normalizer reads as the caller\'s own account; fix: ' +
      'for those identity types ignore cloud.account.id when it equals aws.cloudtrail.recipient_account_id',
    applies: (raw, r) => raw.provider === 'aws' && at(r, 'userIdentity', 'accountId') === undefined && raw.actor.account === undefined,
  },
  {
    field: 'id',
    kind: 'normalizer',
    why:
      'the Activity log pipeline keeps eventDataId under its own name (azure.activitylogs.eventDataId, also ' +
      'azure.activitylogs.properties.eventDataId); the ECS normalizer reads azure.activitylogs.event_data_id, which ' +
      'no pipeline writes, and falls back to a derived id; fix: read azure.activitylogs.eventDataId',
    applies: (raw, r) => raw.log === 'azure.activitylogs' && (typeof r.eventDataId === 'string' || typeof at(r, 'properties', 'eventDataId') === 'string'),
  },
  {
    field: 'region',
    kind: 'normalizer',
    why:
      'the Activity log pipeline renames location to geo.name (and its GeoIP step then replaces `geo` for public ' +
      'caller addresses); the ECS normalizer reads azure.activitylogs.location or cloud.region, neither written; ' +
      'fix: read geo.name, and event.original when GeoIP replaced it',
    applies: (raw, r) => raw.log === 'azure.activitylogs' && typeof r.location === 'string',
  },
  {
    field: 'region',
    kind: 'pipeline',
    recoveredFromOriginal: false,
    why:
      'of resource.labels the GCP pipeline keeps only project_id, instance_id and location (as ' +
      'cloud.availability_zone): a zone or region label is dropped; gcp.audit.resource_location.current_locations ' +
      'is kept but the ECS normalizer does not read it (nor event.original); fix: fall back to it, then to ' +
      'event.original',
    applies: (raw, r) =>
      raw.provider === 'gcp' && typeof at(r, 'resource', 'labels', 'location') !== 'string' && raw.region !== undefined,
  },
  {
    field: 'source.address',
    kind: 'pipeline',
    recoveredFromOriginal: false,
    why:
      'the GCP pipeline maps requestMetadata.callerIp only when it is an IP: `private` and `gce-internal-ip` are ' +
      'dropped; the ECS normalizer does not look in event.original for them (fix: it could)',
    applies: (raw) => raw.provider === 'gcp' && raw.source.address !== undefined,
  },
  {
    field: 'resources',
    kind: 'pipeline',
    recoveredFromOriginal: false,
    why:
      'the GCP pipeline does not copy protoPayload.resourceName for Kubernetes cluster resources (k8s_cluster, ' +
      'gke_cluster); the ECS normalizer does not look in event.original for it (fix: it could)',
    applies: (raw, r) => raw.provider === 'gcp' && KUBERNETES_RESOURCES.has(String(at(r, 'resource', 'type'))),
  },
];

/** The gap explaining a difference in `field`, if any. */
export function gapFor(field: ComparedField, raw: AuditEvent, record: Record<string, unknown>, withOriginal: boolean): KnownGap | undefined {
  return KNOWN_GAPS.find((g) => g.field === field && g.applies(raw, record) && !(withOriginal && g.recoveredFromOriginal === true));
}
