import type { AuditEvent, CloudProvider, LogSource } from '../../../common/audit_event';

/** Test helper: an AuditEvent literal with neutral defaults, so catalog tests do not depend on the normalizers. */

type EventFields = Partial<AuditEvent> & Pick<AuditEvent, 'provider' | 'service' | 'action'>;

const LOG_OF: Record<CloudProvider, LogSource> = { aws: 'aws.cloudtrail', gcp: 'gcp.audit', azure: 'azure.activitylogs' };

export function auditEvent(fields: EventFields): AuditEvent {
  return {
    id: 'test-event',
    time: 1_700_000_000_000,
    log: LOG_OF[fields.provider],
    encoding: 'raw',
    outcome: 'success',
    actor: { type: 'user', name: 'alice' },
    source: { ip: '203.0.113.10' },
    resources: [],
    raw: {},
    ...fields,
  };
}

export function awsEvent(service: string, action: string, request?: Record<string, unknown>, more: Partial<AuditEvent> = {}): AuditEvent {
  return auditEvent({ provider: 'aws', service, action, request, account: '111122223333', region: 'us-east-1', ...more });
}

export function gcpEvent(service: string, action: string, request?: Record<string, unknown>, more: Partial<AuditEvent> = {}): AuditEvent {
  return auditEvent({ provider: 'gcp', service, action, request, account: 'example-project', ...more });
}

/** Azure operation names are upper-cased and the service is the resource provider, as the normalizer emits them. */
export function azureEvent(operationName: string, request?: Record<string, unknown>, more: Partial<AuditEvent> = {}): AuditEvent {
  const action = operationName.toUpperCase();
  const service = action.includes('/') ? action.slice(0, action.indexOf('/')) : 'MICROSOFT.AADIAM';
  return auditEvent({ provider: 'azure', service, action, request, account: '00000000-0000-0000-0000-000000000000', ...more });
}
