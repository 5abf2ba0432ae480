import { eventOf } from './dataset_fixtures';
import { detectRecordShape, normalizeRecord } from './index';

/** Field names as Elastic's auditlogs pipeline writes them (packages/azure/data_stream/auditlogs). */
const doc = {
  '@timestamp': '2019-10-18T15:30:51.027Z',
  azure: {
    auditlogs: {
      category: 'AuditLogs',
      operation_name: 'Update device',
      properties: {
        id: 'Directory_ESQ',
        activity_display_name: 'Update device',
        result: 'success',
        initiated_by: { app: { displayName: 'Device Registration Service', servicePrincipalId: 'sp-drs' } },
        target_resources: { '0': { id: 'device-1', display_name: 'LAPTOP-12', type: 'Device' } },
      },
    },
    tenant_id: 'tenant-1',
    resource: { id: '/tenants/tenant-1/providers/Microsoft.aadiam' },
  },
  data_stream: { dataset: 'azure.auditlogs' },
  event: { outcome: 'success' },
};

describe('Entra ID audit logs as Elastic indexes them (ECS)', () => {
  it('maps operation, initiator, index-keyed targets and tenant', () => {
    expect(detectRecordShape(doc)).toBe('azure.auditlogs.ecs');
    expect(eventOf(normalizeRecord(doc))).toMatchObject({
      encoding: 'ecs',
      id: 'Directory_ESQ',
      time: Date.UTC(2019, 9, 18, 15, 30, 51, 27),
      action: 'Update device',
      outcome: 'success',
      account: 'tenant-1',
      actor: { type: 'service_account', id: 'sp-drs', name: 'Device Registration Service' },
      resources: ['device-1'],
    });
  });

  it('recognizes documents exported with dotted keys', () => {
    const dotted = { '@timestamp': '2019-10-18T15:30:51.027Z', 'azure.auditlogs.operation_name': 'Update device', 'azure.tenant_id': 'tenant-1' };
    expect(eventOf(normalizeRecord(dotted))).toMatchObject({ action: 'Update device', account: 'tenant-1', log: 'azure.auditlogs' });
  });
});
