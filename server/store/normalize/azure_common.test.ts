import { azureActorType, azureOutcome, subscriptionOfResourceId, tenantOfResourceId } from './azure_common';

describe('Azure resource ids', () => {
  it('reads the subscription and tenant, lower-cased, whatever the case of the id', () => {
    const id = '/SUBSCRIPTIONS/A1E9D3C7-6B52-48F4-8D1E-2C3B4A5F6E70/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.STORAGE/STORAGEACCOUNTS/ST';
    expect(subscriptionOfResourceId(id)).toBe('a1e9d3c7-6b52-48f4-8d1e-2c3b4a5f6e70');
    expect(subscriptionOfResourceId('/subscriptions/abc')).toBe('abc');
    expect(subscriptionOfResourceId('/Subscriptions/AbC/')).toBe('abc');
    expect(tenantOfResourceId('/tenants/C7D4E1A9/providers/Microsoft.aadiam')).toBe('c7d4e1a9');
  });

  it('finds the marker further in, and reads non-ASCII ids as before', () => {
    expect(subscriptionOfResourceId('/x/subscriptions/def/y')).toBe('def');
    expect(subscriptionOfResourceId('/SUBSCRIPTIONS/ÄBC/x')).toBe('/SUBSCRIPTIONS/ÄBC/x'.toLowerCase().split('/')[2]);
    expect(subscriptionOfResourceId('/subscriptions/')).toBeUndefined();
    expect(subscriptionOfResourceId('/subscriptions//x')).toBeUndefined();
    expect(subscriptionOfResourceId('/resourceGroups/rg')).toBeUndefined();
  });
});

describe('azureOutcome', () => {
  it('reads results in any case, and nothing else as success or failure', () => {
    expect(['Success', 'SUCCEEDED', 'succeeded'].map(azureOutcome)).toEqual(['success', 'success', 'success']);
    expect(['Failure', 'FAILED', 'failed'].map(azureOutcome)).toEqual(['failure', 'failure', 'failure']);
    expect(['Start', 'Accept', 'FAİLED', '', undefined].map(azureOutcome)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
  });
});

describe('azureActorType', () => {
  it('reads the RBAC principal type in any case', () => {
    expect(azureActorType({ principalType: 'ServicePrincipal' })).toBe('service_account');
    expect(azureActorType({ principalType: 'USER' })).toBe('user');
    expect(azureActorType({ principalType: 'ManagedIdentity' })).toBe('managed_identity');
    expect(azureActorType({ principalType: 'Group' })).toBe('unknown');
  });
});
