import type { AuditEvent } from '../../../common/audit_event';
import { eventOf, pantherRecords, valueAt } from './dataset_fixtures';
import { detectRecordShape, normalizeRecord } from './index';

const normalized = (r: unknown): AuditEvent => eventOf(normalizeRecord(r));
const audits = pantherRecords().map((d) => d.record).filter((r) => detectRecordShape(r) === 'azure.auditlogs.raw');

describe('Entra ID audit logs (raw)', () => {
  it('recognizes audit records under every category Panther gives them', () => {
    const categories = new Set(audits.map((r) => valueAt(r, 'category')));
    expect([...categories].sort()).toEqual(['ApplicationManagement', 'AuditLogs', 'DirectoryManagement', 'Policy']);
  });

  it('maps the initiating user, the operation as logged, the targets and the result', () => {
    const e = normalized(audits.find((r) => valueAt(r, 'operationName') === 'Add service principal credentials'));
    expect(e).toMatchObject({
      log: 'azure.auditlogs',
      service: 'MICROSOFT.AADIAM',
      action: 'Add service principal credentials',
      outcome: 'success',
      account: 'tenant-123',
      time: Date.UTC(2025, 0, 15, 9, 30, 20, 123),
      actor: { type: 'user', id: 'admin-123', name: 'frodo@lotr.com' },
      source: { ip: '2.2.2.2' },
      resources: ['sp-app-456'],
    });
  });

  it('reads a top-level result when properties have none', () => {
    const e = normalized(audits.find((r) => valueAt(r, 'result') === 'SUCCESS'));
    expect(e.outcome).toBe('success');
  });

  it('maps an application initiator as a service principal', () => {
    const e = normalized({
      time: '2024-05-01T10:00:00Z',
      category: 'AuditLogs',
      operationName: 'Update application',
      tenantId: 't1',
      properties: {
        id: 'Directory_1',
        result: 'failure',
        resultReason: 'Insufficient privileges',
        initiatedBy: { app: { appId: 'app-1', displayName: 'Deployer', servicePrincipalId: 'sp-1' } },
        targetResources: [{ id: 'app-obj-1', type: 'Application' }],
      },
    });
    expect(e).toMatchObject({
      id: 'Directory_1',
      outcome: 'failure',
      errorCode: 'Insufficient privileges',
      actor: { type: 'service_account', id: 'sp-1', name: 'Deployer', appId: 'app-1' },
      resources: ['app-obj-1'],
    });
  });
});
