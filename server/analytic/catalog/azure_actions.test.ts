import { azureActions } from './azure_actions';
import { classify } from './classify';
import { azureEvent as azureRecordEvent, pantherCases } from './test_datasets';
import { checkEntryShape, eventFor, lookalikeRead, uncoveredConditions, type TableCase } from './test_tables';
import { azureEvent } from './test_events';
import type { ActionKind } from './types';

const DATA_PLANE = new Set(['GETBLOB']);

describe('Azure action table', () => {
  it('has well-formed entries (known techniques, plain summaries, rollbacks for privileged writes)', () => {
    expect(azureActions.flatMap(checkEntryShape)).toEqual([]);
    expect(azureActions.length).toBeGreaterThan(80);
  });

  it('writes operation names upper-case, starting with their resource provider', () => {
    for (const entry of azureActions) {
      expect(entry.action).toBe(entry.action.toUpperCase());
      // Storage data-plane logs name operations without their provider (GetBlob).
      if (!DATA_PLANE.has(entry.action)) expect(entry.action.startsWith(`${entry.service}/`)).toBe(true);
    }
  });

  it('classifies the event of every unconditional entry as that entry, whatever the casing', () => {
    const conditional = new Set(azureActions.filter((entry) => entry.when).map((entry) => entry.action));
    const wrong = azureActions
      .filter((entry) => !entry.when && !conditional.has(entry.action))
      .filter((entry) => classify(eventFor(entry))?.summary !== entry.summary)
      .map((entry) => entry.action);
    expect(wrong).toEqual([]);
  });

  it('never takes the /READ of a tamper or privileged write for the write', () => {
    let checked = 0;
    for (const entry of azureActions.filter((candidate) => candidate.category === 'tamper' || candidate.category === 'privileged')) {
      const read = lookalikeRead(entry);
      if (!read) continue;
      checked++;
      expect([read.action, classify(read)?.category]).toEqual([read.action, 'recon']);
    }
    expect(checked).toBeGreaterThan(60);
  });
});

const cases: TableCase[] = [
  { name: 'Defender plan downgraded to Free', kind: 'detection_disabled',
    event: azureEvent('Microsoft.Security/pricings/write', { requestbody: '{"properties":{"pricingTier":"Free"}}' }) },
  { name: 'Defender plan set to Standard', kind: undefined,
    event: azureEvent('Microsoft.Security/pricings/write', { requestbody: '{"properties":{"pricingTier":"Standard"}}' }) },
  { name: 'Defender plan changed, tier not logged', kind: 'detection_disabled', event: azureEvent('Microsoft.Security/pricings/write', {}) },
];

describe('Azure conditional entries', () => {
  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    expect(classify(testCase.event)?.kind).toBe(testCase.kind);
  });

  it('every conditional entry has a true and a false case', () => {
    expect(uncoveredConditions(azureActions, cases)).toEqual([]);
  });
});

/** Panther rules whose firing cases are one of our kinds (a list where Panther groups two of our kinds). */
const PANTHER_RULES: Record<string, ActionKind | ActionKind[]> = {
  'Azure.MonitorActivity.ActionGroups.Deleted': 'detection_disabled',
  'Azure.MonitorActivity.Security.AlertSuppressionRuleCreated': 'detection_disabled',
  'Azure.MonitorActivity.Automation.RunbookCreatedOrModified': 'code_change',
  'Azure.MonitorActivity.DiagnosticSettings.Deleted': 'logging_deleted',
  'Azure.MonitorActivity.Compute.DiskDeleted': 'destruction',
  'Azure.MonitorActivity.Network.FirewallPolicyDeleted': 'network_exposure',
  'Azure.MonitorActivity.KeyVault.Deleted': 'destruction',
  'Azure.MonitorActivity.KeyVault.Purged': 'destruction',
  'Azure.MonitorActivity.Kubernetes.RoleBindingCreated': 'iam',
  'Azure.MonitorActivity.LogAnalyticsWorkspace.Deleted': 'logging_deleted',
  'Azure.MonitorActivity.Network.WatcherDeleted': 'logging_deleted',
  'Azure.MonitorActivity.RecoveryServices.ProtectionContainerDeleted': 'destruction',
  'Azure.MonitorActivity.ResourceGroup.Deleted': 'destruction',
  'Azure.MonitorActivity.Authorization.ResourceLockDeleted': 'destruction',
  'Azure.MonitorActivity.Compute.RestorePointCollectionDeleted': 'destruction',
  'Azure.MonitorActivity.SQL.ServerDeleted': 'destruction',
  'Azure.MonitorActivity.StorageAccount.Deleted': 'destruction',
  'Azure.MonitorActivity.StorageAccount.KeyRegenerated': 'secrets',
  'Azure.MonitorActivity.StorageAccount.KeysListed': 'secrets',
  'Azure.MonitorActivity.Storage.ImmutabilityPolicyDeleted': 'destruction',
  // Panther counts script extensions as command execution; they are code changes here (they run at every (re)deploy).
  'Azure.MonitorActivity.Compute.VMCommandExecuted': ['compute_execution', 'code_change'],
  'Azure.MonitorActivity.VirtualMachine.Deleted': 'destruction',
  'Azure.MonitorActivity.Compute.DiskSASURIGenerated': 'data_exposure',
  'Azure.MonitorActivity.Compute.SnapshotDeleted': 'destruction',
};

describe('Azure entries on Panther rule test events', () => {
  const all = pantherCases('panther_tests_azure_monitoractivity.ndjson').filter((testCase) => typeof testCase.log.operationName === 'string');

  it.each(Object.entries(PANTHER_RULES))('%s fires -> %s', (ruleId, kind) => {
    const firing = all.filter((testCase) => testCase.rule_id === ruleId && testCase.expected_result);
    expect(firing.length).toBeGreaterThan(0);
    const allowed: (ActionKind | undefined)[] = Array.isArray(kind) ? kind : [kind];
    for (const testCase of firing) {
      expect([testCase.test_name, allowed.includes(classify(azureRecordEvent(testCase.log))?.kind)]).toEqual([testCase.test_name, true]);
    }
  });

  it('classifies the role assignment cases as IAM writes', () => {
    const writes = all.filter((testCase) => testCase.rule_id === 'Azure.MonitorActivity.RoleAssignment.PrivilegedOrElevated' &&
      String(testCase.log.operationName).toUpperCase() === 'MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE');
    expect(writes.length).toBeGreaterThan(0);
    for (const testCase of writes) expect(classify(azureRecordEvent(testCase.log))?.kind).toBe('iam');
  });

  it('classifies run commands on scale sets and AKS as command execution', () => {
    const runs = all.filter((testCase) => /RUNCOMMAND\/ACTION$/i.test(String(testCase.log.operationName)));
    expect(new Set(runs.map((testCase) => String(testCase.log.operationName).toUpperCase())).size).toBeGreaterThanOrEqual(3);
    for (const testCase of runs) expect(classify(azureRecordEvent(testCase.log))?.kind).toBe('compute_execution');
  });
});
