import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AuditEvent } from '../../../common/audit_event';
import { DATASETS, eventOf, pantherRecords, valueAt } from './dataset_fixtures';
import { normalizeRecord } from './index';

const normalized = (r: unknown): AuditEvent => eventOf(normalizeRecord(r));
const activity = pantherRecords().filter((d) => d.panther?.logType === 'Azure.MonitorActivity').map((d) => d.record);
const find = (predicate: (r: unknown) => boolean): unknown => activity.find(predicate);
const rawLog = fs
  .readFileSync(path.join(DATASETS, 'ecs/elastic-integrations/azure_activitylogs/test-activitylogs-raw.log'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as unknown);

describe('Azure Activity log (raw diagnostic-settings export)', () => {
  it('maps an Event Hub record: provider, subscription, claims, RBAC evidence, token id', () => {
    const e = normalized(rawLog[0]);
    expect(e).toMatchObject({
      provider: 'azure',
      log: 'azure.activitylogs',
      encoding: 'raw',
      time: Date.UTC(2019, 9, 24, 0, 13, 46, 355),
      service: 'MICROSOFT.EVENTHUB',
      action: 'MICROSOFT.EVENTHUB/NAMESPACES/AUTHORIZATIONRULES/LISTKEYS/ACTION',
      outcome: 'unknown', // resultType Start
      readOnly: false,
      account: '8a4de8b5-095c-47d0-a96f-a75130c61d53',
      actor: { type: 'service_account', id: '8a4de8b5-095c-47d0-a96f-a75130c61d53', appId: '8a4de8b5-095c-47d0-a96f-a75130c61d53' },
      credential: { id: '8a4de8b5-095c-47d0-a96f-a75130c61d53', kind: 'token', issuedAt: 1571875726000 },
      source: { ip: '81.2.69.144' },
    });
    expect(e.id).toMatch(/^derived:/);
  });

  it('accepts request bodies logged as text or as objects', () => {
    expect(normalized(rawLog[1]).request).toMatchObject({ requestBody: '{"testData":{"myTest":123}}' });
    expect(normalized(rawLog[2]).request).toMatchObject({ requestBody: { testData: { myTest: 123 } } });
  });

  it('upper-cases operations and reads the UPN claim as the lower-cased user name', () => {
    const e = normalized(find((r) => JSON.stringify(r).includes('compromised-admin@company.com')));
    expect(e.actor).toMatchObject({ type: 'user', name: 'compromised-admin@company.com' });
    expect(e.action).toBe(e.action.toUpperCase());
  });

  it('reads the REST API shape with operationName {value, localizedValue}', () => {
    const e = normalized(find((r) => typeof valueAt(r, 'operationName.value') === 'string'));
    expect(e).toMatchObject({ service: 'MICROSOFT.AUTHORIZATION', action: 'MICROSOFT.AUTHORIZATION/ELEVATEACCESS/ACTION', outcome: 'success' });
  });

  it('maps result types: Succeeded is success, Failed is failure with its signature, Active is unknown', () => {
    expect(normalized(find((r) => valueAt(r, 'resultType') === 'Succeeded')).outcome).toBe('success');
    const failed = normalized(find((r) => valueAt(r, 'resultType') === 'Failed' && valueAt(r, 'resultSignature') === '403'));
    expect(failed).toMatchObject({ outcome: 'failure', errorCode: '403' });
    expect(normalized(find((r) => valueAt(r, 'resultType') === 'Active')).outcome).toBe('unknown');
  });

  it('reads storage data-plane logs: IP with port, user agent header, HTTP status, read category', () => {
    const e = normalized(find((r) => valueAt(r, 'operationName') === 'GetBlob' && valueAt(r, 'category') === 'StorageRead' && valueAt(r, 'statusCode') === undefined));
    expect(e).toMatchObject({ service: 'MICROSOFT.STORAGE', action: 'GETBLOB', readOnly: true, source: { ip: '8.8.8.8', userAgent: 'python-requests/2.31.0' } });
    const denied = normalized(find((r) => valueAt(r, 'statusCode') === 403));
    expect(denied.outcome).toBe('failure');
  });

  it('marks /READ operations read-only', () => {
    const e = normalized(find((r) => typeof valueAt(r, 'operationName') === 'string' && (valueAt(r, 'operationName') as string).toLowerCase().endsWith('/read')));
    expect(e.readOnly).toBe(true);
  });

  it('recognizes managed identities by their xms_mirid claim', () => {
    const e = normalized({
      time: '2024-05-01T10:00:00Z',
      operationName: 'Microsoft.KeyVault/vaults/secrets/read',
      resourceId: '/subscriptions/S1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/v',
      category: 'Administrative',
      resultType: 'Success',
      identity: { claims: { appid: 'app-1', oid: 'mi-1', xms_mirid: '/subscriptions/S1/resourcegroups/rg/providers/Microsoft.Compute/virtualMachines/vm1' } },
    });
    expect(e.actor).toMatchObject({ type: 'managed_identity', id: 'mi-1', appId: 'app-1' });
    expect(e.account).toBe('s1');
  });
});
