import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AuditEvent } from '../../../common/audit_event';
import { DATASETS, eventOf, pantherRecords, valueAt } from './dataset_fixtures';
import { detectRecordShape, normalizeRecord } from './index';

const normalized = (r: unknown): AuditEvent => eventOf(normalizeRecord(r));
const rawLog = fs
  .readFileSync(path.join(DATASETS, 'ecs/elastic-integrations/azure_signinlogs/test-signinlogs-raw.log'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as unknown);
const panther = pantherRecords().map((d) => d.record).filter((r) => detectRecordShape(r) === 'azure.signinlogs.raw');

describe('Entra ID sign-in logs (raw)', () => {
  it('names the sign-in by category and the actor by kind', () => {
    expect(rawLog.map((r) => [valueAt(r, 'category'), normalized(r).action, normalized(r).actor.type])).toEqual([
      ['SignInLogs', 'SIGNIN', 'user'],
      ['NonInteractiveUserSignInLogs', 'SIGNIN', 'user'],
      ['ServicePrincipalSignInLogs', 'SERVICEPRINCIPALSIGNIN', 'service_account'],
      ['MicrosoftServicePrincipalSignInLogs', 'SERVICEPRINCIPALSIGNIN', 'service'],
      ['ManagedIdentitySignInLogs', 'MANAGEDIDENTITYSIGNIN', 'managed_identity'],
    ]);
  });

  it('maps a failed user sign-in: status code, tenant, location, no token', () => {
    const e = normalized(rawLog[0]);
    expect(e).toMatchObject({
      id: '8a4de8b5-095c-47d0-a96f-a75130c61d53',
      time: Date.UTC(2019, 9, 18, 9, 45, 48, 72),
      service: 'MICROSOFT.AADIAM',
      outcome: 'failure',
      errorCode: '50140',
      account: '8a4de8b5-095c-47d0-a96f-a75130c61d53',
      actor: { id: '8a4de8b5-095c-47d0-a96f-a75130c61d53', name: 'test@elastic.co', appId: '8a4de8b5-095c-47d0-a96f-a75130c61d53' },
      source: { ip: '81.2.69.144', geo: { country: 'FR', city: 'Champs-Sur-Marne' } },
    });
    expect(e.minted).toBeUndefined();
    expect(e.credential).toBeUndefined();
  });

  it('mints a token named by uniqueTokenIdentifier on success (Panther, lower-cased envelope)', () => {
    const success = panther.find((r) => valueAt(r, 'properties.status.errorCode') === 0 && valueAt(r, 'resulttype') === 0);
    const e = normalized(success);
    expect(e).toMatchObject({
      action: 'SERVICEPRINCIPALSIGNIN',
      outcome: 'success',
      actor: { type: 'service_account', id: '4b6986ec-c49c-40c0-89ce-b2ac51213e39', name: 'very-normal-service-principal' },
      minted: { kind: 'token', id: 'CXXXXXXXXXXXXXXXXXXXXX', target: 'very-normal-service-principal' },
      source: { ip: '12.12.12.12' },
    });
  });

  it('reads MFA from authenticationRequirement, or from authentication details that report it satisfied', () => {
    const single = panther.find((r) => valueAt(r, 'properties.authenticationRequirement') === 'singleFactorAuthentication');
    expect(normalized(single).actor.mfa).toBe(false);
    const signIn = (properties: Record<string, unknown>): unknown => ({
      time: '2024-05-01T10:00:00Z',
      category: 'SignInLogs',
      tenantId: 't1',
      properties: { id: 's1', userId: 'u1', userPrincipalName: 'Alice@Example.com', status: { errorCode: 0 }, ...properties },
    });
    expect(normalized(signIn({ authenticationRequirement: 'multiFactorAuthentication' })).actor.mfa).toBe(true);
    const satisfied = signIn({
      authenticationRequirement: 'singleFactorAuthentication',
      authenticationDetails: [{ succeeded: true, authenticationStepResultDetail: 'MFA requirement satisfied by claim in the token' }],
    });
    expect(normalized(satisfied).actor).toMatchObject({ mfa: true, name: 'alice@example.com' });
    expect(normalized(signIn({})).actor.mfa).toBeUndefined();
  });

  it('takes success from resultType when the record has no status', () => {
    const e = normalized(panther.find((r) => valueAt(r, 'properties.status') === undefined && valueAt(r, 'resultType') === '0'));
    expect(e.outcome).toBe('success');
  });
});
