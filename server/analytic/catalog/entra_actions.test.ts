import { classify } from './classify';
import { azureEvent, pantherCases } from './test_datasets';
import { entraActions } from './entra_actions';
import { checkEntryShape, eventFor } from './test_tables';
import { auditEvent } from './test_events';

const entra = (action: string) => auditEvent({ provider: 'azure', log: 'azure.auditlogs', service: 'MICROSOFT.AADIAM', action: action.toUpperCase() });

describe('Entra ID action table', () => {
  it('has well-formed entries', () => {
    expect(entraActions.flatMap(checkEntryShape)).toEqual([]);
  });

  it('classifies every entry from its activity name, whatever the casing', () => {
    const wrong = entraActions.filter((entry) => classify(eventFor(entry))?.summary !== entry.summary).map((entry) => entry.action);
    expect(wrong).toEqual([]);
  });

  it('classifies the three sign-in kinds as sign-ins', () => {
    for (const action of ['SIGNIN', 'SERVICEPRINCIPALSIGNIN', 'MANAGEDIDENTITYSIGNIN']) {
      expect(classify(entra(action))).toMatchObject({ category: 'auth_shift', kind: 'sign_in' });
    }
  });

  it('leaves look-alike but harmless directory activity alone', () => {
    for (const action of ['Add member to role in PIM requested (permanent)', 'Delete role assignment', 'Update user', 'Add member to group',
      'Add conditional access policy', 'User registered security info']) {
      expect([action, classify(entra(action))]).toEqual([action, undefined]);
    }
  });

  it('marks new application credentials as key creation', () => {
    expect(classify(entra('Add service principal credentials'))?.shift).toBe('key_created');
    expect(classify(entra('Add service principal'))?.shift).toBeUndefined();
  });
});

describe('Entra ID entries on Panther rule test events', () => {
  const all = pantherCases('panther_tests_azure_audit_signin.ndjson').map((testCase) => ({ ...testCase, event: azureEvent(testCase.log) }));
  const byRule = (ruleId: string, expected: boolean) => all.filter((testCase) => testCase.rule_id === ruleId && testCase.expected_result === expected);

  it.each([
    ['Azure.Audit.ElevateUserAccessAdministrator', 'iam'],
    ['Azure.Audit.RoleChangedPIM', 'iam'],
    ['Azure.Audit.ServicePrincipalCredentialsAdded', 'iam'],
    ['Azure.Audit.InviteExternalUsers', 'iam'],
    ['Azure.Audit.MFADisabled', 'org_account'],
    ['Azure.Audit.PolicyChanged', 'org_account'],
    ['Azure.Audit.DomainSettingsModified', 'org_account'],
  ])('%s fires -> %s', (ruleId, kind) => {
    const firing = byRule(ruleId, true);
    expect(firing.length).toBeGreaterThan(0);
    for (const testCase of firing) expect([testCase.test_name, classify(testCase.event)?.kind]).toEqual([testCase.test_name, kind]);
  });

  it('agrees with Panther on the quiet cases of role and credential rules', () => {
    const quiet = [...byRule('Azure.Audit.ElevateUserAccessAdministrator', false), ...byRule('Azure.Audit.RoleChangedPIM', false)]
      .filter((testCase) => testCase.event.action !== 'ADD MEMBER TO ROLE');
    expect(quiet.length).toBeGreaterThan(0);
    for (const testCase of quiet) expect([testCase.test_name, classify(testCase.event)]).toEqual([testCase.test_name, undefined]);
  });

  it('classifies every sign-in record as a sign-in shift', () => {
    const signIns = all.filter((testCase) => testCase.event.log === 'azure.signinlogs');
    expect(signIns.length).toBeGreaterThan(10);
    for (const testCase of signIns) expect(classify(testCase.event)?.kind).toBe('sign_in');
  });
});
