import { addAzureResource } from './azure_resource';
import { userOfName } from './grok_user';
import { snakeCase, snakeCaseKeys } from './snake_case';

function parse(resourceId: string | undefined): { azure: Record<string, unknown>; cloud: Record<string, unknown> } {
  const azure: Record<string, unknown> = {};
  const cloud: Record<string, unknown> = {};
  addAzureResource(azure, cloud, resourceId);
  return { azure, cloud };
}

const SUB = '3f041b6d-fc31-41d8-8ff6-e5f16e6747ff';

describe('the shared pipeline on resource ids', () => {
  it('splits an ARM resource id into subscription, group, provider type and name', () => {
    const id = `/SUBSCRIPTIONS/${SUB}/RESOURCEGROUPS/OBS-TEST/PROVIDERS/MICROSOFT.RESOURCES/DEPLOYMENTS/NOMARKETPLACE`;
    expect(parse(id)).toEqual({
      azure: { subscription_id: SUB, resource: { group: 'OBS-TEST', provider: 'MICROSOFT.RESOURCES/DEPLOYMENTS', name: 'NOMARKETPLACE', id } },
      cloud: { provider: 'azure' },
    });
  });

  it('keeps the rest of a nested resource in the name', () => {
    const id = `/SUBSCRIPTIONS/${SUB}/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/NSG/SECURITYRULES/SSH`;
    expect(parse(id).azure.resource).toEqual({ group: 'RG', provider: 'MICROSOFT.NETWORK/NETWORKSECURITYGROUPS', name: 'NSG/SECURITYRULES/SSH', id });
  });

  it('reads Event Hub authorization rules with their namespace', () => {
    const id = `/SUBSCRIPTIONS/${SUB}/RESOURCEGROUPS/SA-HEMA/PROVIDERS/MICROSOFT.EVENTHUB/NAMESPACES/AZURELSEVENTS/AUTHORIZATIONRULES/ROOTMANAGESHAREDACCESSKEY`;
    expect(parse(id).azure).toEqual({
      subscription_id: SUB,
      resource: { group: 'SA-HEMA', provider: 'MICROSOFT.EVENTHUB', namespace: 'AZURELSEVENTS', authorization_rule: 'ROOTMANAGESHAREDACCESSKEY', id },
    });
  });

  it('accepts the camel-case spelling, and ids with no resource group', () => {
    expect(parse(`/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Storage/storageAccounts/st01`).azure).toMatchObject({
      subscription_id: SUB,
      resource: { group: 'rg-web', provider: 'Microsoft.Storage/storageAccounts', name: 'st01' },
    });
    expect(parse(`/subscriptions/${SUB}/providers/Microsoft.domainRegistration`).azure).toMatchObject({ subscription_id: SUB, resource: { provider: 'Microsoft.domainRegistration' } });
  });

  it('finds only the provider of a tenant-level id, and nothing without an id', () => {
    const id = '/tenants/4bbb79f7-5724-4c9e-95f3-de075f6ec090/providers/Microsoft.aadiam';
    expect(parse(id).azure).toEqual({ resource: { provider: 'Microsoft.aadiam', id } });
    expect(parse(undefined)).toEqual({ azure: {}, cloud: { provider: 'azure' } });
  });
});

describe('the sign-in pipeline\'s snake case', () => {
  it('splits camel humps and lower-cases, as its regular expression does', () => {
    expect(['userPrincipalName', 'IPAddress', 'riskEventTypes_v2', 'riskLevelDuringSignIn', 'id'].map(snakeCase)).toEqual([
      'user_principal_name', 'ipaddress', 'risk_event_types_v2', 'risk_level_during_sign_in', 'id',
    ]);
  });

  it('reaches objects inside lists and leaves the record as it was', () => {
    const record = { authenticationDetails: [{ authenticationStepResultDetail: 'MFA successfully completed' }, 'x'] };
    expect(snakeCaseKeys(record)).toEqual({ authentication_details: [{ authentication_step_result_detail: 'MFA successfully completed' }, 'x'] });
    expect(record.authenticationDetails[0]).toEqual({ authenticationStepResultDetail: 'MFA successfully completed' });
  });
});

describe('user.name and user.domain from a UPN', () => {
  it('splits an address at @ and leaves other names whole', () => {
    expect(userOfName('john@gmail.com')).toEqual({ name: 'john', domain: 'gmail.com' });
    expect(userOfName('Michell Lan@zzzz.com')).toEqual({ name: 'Lan', domain: 'zzzz.com' });
    expect(userOfName('Test LTest')).toBeUndefined();
  });
});
