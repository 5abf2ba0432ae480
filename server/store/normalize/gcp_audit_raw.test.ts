import type { AuditEvent } from '../../../common/audit_event';
import { eventOf, pantherRecords, valueAt, type DatasetRecord } from './dataset_fixtures';
import { gcpActorType } from './gcp_common';
import { normalizeRecord } from './index';

const gcp = pantherRecords().filter((d) => d.panther?.logType === 'GCP.AuditLog');
const normalized = (r: unknown): AuditEvent => eventOf(normalizeRecord(r));
const find = (predicate: (d: DatasetRecord) => boolean): unknown => gcp.find(predicate)?.record;

/** A minimal Cloud Audit Logs entry; tests override what they exercise. */
function entry(payload: Record<string, unknown>, envelope: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    insertId: 'ins-1',
    logName: 'projects/prod-1/logs/cloudaudit.googleapis.com%2Factivity',
    timestamp: '2024-05-01T10:00:00.123456Z',
    resource: { type: 'gce_instance', labels: { project_id: 'prod-1', zone: 'europe-west1-b' } },
    protoPayload: {
      '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
      serviceName: 'compute.googleapis.com',
      methodName: 'v1.compute.instances.setMetadata',
      resourceName: 'projects/prod-1/zones/europe-west1-b/instances/web-1',
      authenticationInfo: { principalEmail: 'alice@example.com' },
      requestMetadata: { callerIp: '203.0.113.9', callerSuppliedUserAgent: 'google-cloud-sdk gcloud/460.0.0 command/gcloud.compute.instances.add-metadata' },
      ...payload,
    },
    ...envelope,
  };
}

describe('GCP audit LogEntry (raw)', () => {
  it('maps the LogEntry fields', () => {
    const e = normalized(entry({}));
    expect(e).toMatchObject({
      id: 'ins-1',
      time: Date.UTC(2024, 4, 1, 10, 0, 0, 123),
      provider: 'gcp',
      log: 'gcp.audit',
      service: 'compute.googleapis.com',
      action: 'v1.compute.instances.setMetadata',
      outcome: 'success',
      readOnly: false,
      account: 'prod-1',
      region: 'europe-west1-b',
      actor: { type: 'user', id: 'alice@example.com', name: 'alice@example.com' },
      source: { ip: '203.0.113.9' },
      resources: ['projects/prod-1/zones/europe-west1-b/instances/web-1'],
    });
    expect(e.credential).toBeUndefined();
  });

  it('merges protoPayload.metadata into the request, where startup-script changes live', () => {
    const e = normalized(
      entry({
        request: { '@type': 'type.googleapis.com/compute.instances.setMetadata', fingerprint: 'abc' },
        metadata: { instanceMetadataDelta: { addedMetadataKeys: ['startup-script'] } },
      }),
    );
    expect(e.request).toEqual({ '@type': 'type.googleapis.com/compute.instances.setMetadata', fingerprint: 'abc', instanceMetadataDelta: { addedMetadataKeys: ['startup-script'] } });
  });

  it('names failures with their gRPC code', () => {
    const denied = find((d) => valueAt(d.record, 'protoPayload.status.code') === 7);
    expect(normalized(denied)).toMatchObject({ outcome: 'failure', errorCode: 'PERMISSION_DENIED' });
  });

  it('records service-account key use as a long-term credential and SignJwt as a minted token for the target account', () => {
    const signJwt = find((d) => valueAt(d.record, 'protoPayload.methodName') === 'SignJwt');
    const e = normalized(signJwt);
    expect(e.actor).toMatchObject({ type: 'service_account', name: 'some-project@company.iam.gserviceaccount.com' });
    expect(e.credential).toEqual({
      id: '//iam.googleapis.com/projects/some-project/serviceAccounts/some-project@company.iam.gserviceaccount.com/keys/a378358365ff3d22e9c1a72fecf4605ddff76b47',
      kind: 'long_term',
    });
    expect(e.minted).toEqual({ kind: 'token', target: 'some-project@company.iam.gserviceaccount.com' });
  });

  it('links a created service-account key to the key name later calls carry', () => {
    const e = normalized(
      entry({
        serviceName: 'iam.googleapis.com',
        methodName: 'google.iam.admin.v1.CreateServiceAccountKey',
        request: { name: 'projects/-/serviceAccounts/ci@prod-1.iam.gserviceaccount.com' },
        response: { name: 'projects/prod-1/serviceAccounts/ci@prod-1.iam.gserviceaccount.com/keys/k1' },
      }),
    );
    expect(e.minted).toEqual({
      kind: 'long_term',
      target: 'ci@prod-1.iam.gserviceaccount.com',
      id: '//iam.googleapis.com/projects/prod-1/serviceAccounts/ci@prod-1.iam.gserviceaccount.com/keys/k1',
    });
  });

  it('follows impersonation: delegation chain in order, the first user as the human behind it', () => {
    const e = normalized(
      entry({
        authenticationInfo: {
          principalEmail: 'deployer@prod-1.iam.gserviceaccount.com',
          serviceAccountDelegationInfo: [
            { firstPartyPrincipal: { principalEmail: 'alice@example.com' } },
            { firstPartyPrincipal: { principalEmail: 'hop@prod-1.iam.gserviceaccount.com' } },
          ],
        },
      }),
    );
    expect(e.actor).toMatchObject({
      type: 'service_account',
      account: 'prod-1',
      human: 'alice@example.com',
      delegationChain: ['alice@example.com', 'hop@prod-1.iam.gserviceaccount.com'],
    });
  });

  it('reads Data Access reads as read-only and Data Access writes as writes', () => {
    const dataAccess = { logName: 'projects/prod-1/logs/cloudaudit.googleapis.com%2Fdata_access' };
    expect(normalized(entry({ authorizationInfo: [{ permission: 'storage.objects.get', permissionType: 'DATA_READ' }] }, dataAccess)).readOnly).toBe(true);
    expect(normalized(entry({ authorizationInfo: [{ permission: 'storage.objects.create', permissionType: 'DATA_WRITE' }] }, dataAccess)).readOnly).toBe(false);
    expect(normalized(entry({}, dataAccess)).readOnly).toBeUndefined();
  });

  it('reads Panther fixture variants: lower-cased keys, callerIP, at_sign_type', () => {
    const lower = find((d) => (d.record as Record<string, unknown>).protopayload !== undefined);
    const e = normalized(lower);
    expect(e.id).toBe((lower as Record<string, string>).insertid);
    expect(e.account).toBe('gcp-project1');
    const callerIP = find((d) => valueAt(d.record, 'protoPayload.requestMetadata.callerIP') !== undefined);
    expect(normalized(callerIP).source.ip).toBe(valueAt(callerIP, 'protoPayload.requestMetadata.callerIP'));
  });

  it('falls back to receiveTimestamp, then p_event_time, when the entry has no timestamp', () => {
    const e = normalized(entry({}, { timestamp: undefined, receiveTimestamp: '2024-05-01T10:00:01Z' }));
    expect(e.time).toBe(Date.UTC(2024, 4, 1, 10, 0, 1));
    expect(normalized(entry({}, { timestamp: undefined, p_event_time: '2024-05-01 10:00:02.000' })).time).toBe(Date.UTC(2024, 4, 1, 10, 0, 2));
    expect(normalized(entry({}, { timestamp: undefined })).time).toBeNull();
  });

  it('infers the API of hand-made entries without serviceName, and rejects entries without methodName', () => {
    const k8s = find((d) => valueAt(d.record, 'protoPayload.methodName') === 'io.k8s.core.v1.pods.exec.create' && valueAt(d.record, 'protoPayload.serviceName') === undefined);
    expect(normalized(k8s).service).toBe('k8s.io');
    const tagBinding = find((d) => valueAt(d.record, 'protoPayload.methodName') === 'TagBindings.CreateTagBinding');
    expect(normalized(tagBinding).service).toBe('cloudresourcemanager.googleapis.com');
    expect(normalized({ methodName: 'v1.compute.firewalls.patch' })).toMatchObject({ service: 'compute.googleapis.com', action: 'v1.compute.firewalls.patch', time: null });
    expect(normalizeRecord(entry({ methodName: undefined }))).toEqual({ ok: false, reason: 'GCP audit record without protoPayload.methodName' });
  });
});

describe('GCP principals', () => {
  it('tells users, customer service accounts and Google service agents apart', () => {
    expect(gcpActorType('alice@example.com', undefined)).toBe('user');
    expect(gcpActorType('ci@prod-1.iam.gserviceaccount.com', undefined)).toBe('service_account');
    expect(gcpActorType('123456789-compute@developer.gserviceaccount.com', undefined)).toBe('service_account');
    expect(gcpActorType('service-123456789@compute-system.iam.gserviceaccount.com', undefined)).toBe('service');
    expect(gcpActorType('123456789@cloudservices.gserviceaccount.com', undefined)).toBe('service');
    expect(gcpActorType('service-123456789@gcp-sa-cloudbuild.iam.gserviceaccount.com', undefined)).toBe('service');
    expect(gcpActorType('system:gcp-controller-manager', undefined)).toBe('service');
    expect(gcpActorType(undefined, 'principal://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/subject/x')).toBe('federated');
    expect(gcpActorType(undefined, undefined)).toBe('unknown');
  });
});
