import { classify } from './classify';
import { gcpAuditEvent, pantherCases } from './test_datasets';
import { gcpActions } from './gcp_actions';
import { checkEntryShape, eventFor, lookalikeRead, uncoveredConditions, type TableCase } from './test_tables';
import { gcpEvent } from './test_events';
import type { ActionKind } from './types';

describe('GCP action table', () => {
  it('has well-formed entries (known techniques, plain summaries, rollbacks for privileged writes)', () => {
    expect(gcpActions.flatMap(checkEntryShape)).toEqual([]);
    expect(gcpActions.length).toBeGreaterThan(80);
  });

  it('classifies the event of every unconditional entry as that entry, behind a version prefix', () => {
    const conditional = new Set(gcpActions.filter((entry) => entry.when).map((entry) => `${entry.service} ${entry.action}`));
    const wrong = gcpActions
      .filter((entry) => !entry.when && !conditional.has(`${entry.service} ${entry.action}`))
      .filter((entry) => classify(eventFor(entry))?.summary !== entry.summary)
      .map((entry) => entry.action);
    expect(wrong).toEqual([]);
  });

  it('never takes the look-alike read of a tamper or privileged write for the write', () => {
    let checked = 0;
    for (const entry of gcpActions.filter((candidate) => candidate.category === 'tamper' || candidate.category === 'privileged')) {
      const read = lookalikeRead(entry);
      if (!read || /\.(get|list)|Get|List/.test(entry.action)) continue;
      checked++;
      expect([read.action, classify(read)?.category]).toEqual([read.action, 'recon']);
    }
    expect(checked).toBeGreaterThan(50);
  });
});

const compute = 'compute.googleapis.com';
const withDetails = (metadata: Record<string, unknown>) => ({ raw: { protoPayload: { metadata } } });

const cases: TableCase[] = [
  { name: 'startup script added to a VM', kind: 'code_change',
    event: gcpEvent(compute, 'v1.compute.instances.setMetadata', {}, withDetails({ instanceMetadataDelta: { addedMetadataKeys: ['startup-script'] } })) },
  { name: 'SSH keys added to a VM', kind: 'compute_execution',
    event: gcpEvent(compute, 'v1.compute.instances.setMetadata', {}, withDetails({ instanceMetadataDelta: { addedMetadataKeys: ['ssh-keys'] } })) },
  { name: 'VM metadata change, keys not logged', kind: 'code_change', event: gcpEvent(compute, 'beta.compute.instances.setMetadata', { '@type': 'x' }) },
  { name: 'startup script, as the normalizer merges metadata into the request', kind: 'code_change',
    event: gcpEvent(compute, 'v1.compute.instances.setMetadata', { instanceMetadataDelta: { modifiedMetadataKeys: ['startup-script'] } }) },
  { name: 'VM label-like metadata change', kind: undefined,
    event: gcpEvent(compute, 'v1.compute.instances.setMetadata', {}, withDetails({ instanceMetadataDelta: { modifiedMetadataKeys: ['enable-guest-attributes'] } })) },
  { name: 'project-wide startup script (ECS document)', kind: 'code_change',
    event: gcpEvent(compute, 'v1.compute.projects.setCommonInstanceMetadata', {}, { raw: { gcp: { audit: { metadata: { projectMetadataDelta: { addedMetadataKeys: ['startup-script-url'] } } } } } }) },
  { name: 'project-wide SSH keys', kind: 'compute_execution',
    event: gcpEvent(compute, 'v1.compute.projects.setCommonInstanceMetadata', {}, withDetails({ projectMetadataDelta: { modifiedMetadataKeys: ['ssh-keys'] } })) },
  { name: 'project metadata change, keys not logged', kind: 'code_change', event: gcpEvent(compute, 'v1.compute.projects.setCommonInstanceMetadata', {}) },
  { name: 'project metadata, other key', kind: undefined,
    event: gcpEvent(compute, 'v1.compute.projects.setCommonInstanceMetadata', {}, withDetails({ projectMetadataDelta: { addedMetadataKeys: ['enable-oslogin'] } })) },
  { name: 'VM created with a service account', kind: 'iam',
    event: gcpEvent(compute, 'v1.compute.instances.insert', { serviceAccounts: [{ email: 'sa@p.iam.gserviceaccount.com', scopes: ['https://www.googleapis.com/auth/cloud-platform'] }] }) },
  { name: 'VM created without a service account', kind: undefined, event: gcpEvent(compute, 'v1.compute.instances.insert', { name: 'vm' }) },
  { name: 'firewall rule allowing traffic', kind: 'network_exposure',
    event: gcpEvent(compute, 'v1.compute.firewalls.insert', { alloweds: [{ IPProtocol: 'tcp', ports: ['22'] }], sourceRanges: ['0.0.0.0/0'] }) },
  { name: 'firewall rule denying traffic', kind: undefined, event: gcpEvent(compute, 'v1.compute.firewalls.insert', { denieds: [{ IPProtocol: 'all' }] }) },
  { name: 'flow logs turned off', kind: 'logging_disabled', event: gcpEvent(compute, 'v1.compute.subnetworks.patch', { logConfig: { enable: false } }) },
  { name: 'flow logs turned on', kind: undefined, event: gcpEvent(compute, 'v1.compute.subnetworks.patch', { logConfig: { enable: true } }) },
  { name: 'Data Access audit logs changed', kind: 'logging_modified',
    event: gcpEvent('cloudresourcemanager.googleapis.com', 'SetIamPolicy', { resource: 'projects/p' },
      { raw: { protoPayload: { serviceData: { policyDelta: { auditConfigDeltas: [{ action: 'REMOVE', service: 'allServices', logType: 'DATA_READ' }] } } } } }) },
  { name: 'role binding added', kind: 'iam',
    event: gcpEvent('cloudresourcemanager.googleapis.com', 'SetIamPolicy', { resource: 'projects/p', updateMask: 'bindings,etag,auditConfigs' },
      { raw: { protoPayload: { serviceData: { policyDelta: { bindingDeltas: [{ action: 'ADD', role: 'roles/owner', member: 'user:x@example.com' }] } } } } }) },
  { name: 'KMS key version disabled', kind: 'destruction',
    event: gcpEvent('cloudkms.googleapis.com', 'UpdateCryptoKeyVersion', { cryptoKeyVersion: { name: 'k/1', state: 'DISABLED' }, updateMask: 'state' }) },
  { name: 'KMS key version enabled', kind: undefined,
    event: gcpEvent('cloudkms.googleapis.com', 'UpdateCryptoKeyVersion', { cryptoKeyVersion: { name: 'k/1', state: 'ENABLED' }, updateMask: 'state' }) },
  { name: 'KMS decrypt by a user', kind: 'secrets', event: gcpEvent('cloudkms.googleapis.com', 'Decrypt', { name: 'k' }) },
  { name: 'KMS decrypt by a Google service agent', kind: undefined,
    event: gcpEvent('cloudkms.googleapis.com', 'Decrypt', { name: 'k' }, { actor: { type: 'service', name: 'service-1@gs-project-accounts.iam.gserviceaccount.com' } }) },
  { name: 'bucket made public', kind: 'data_exposure',
    event: gcpEvent('storage.googleapis.com', 'storage.buckets.update', { acl: [{ entity: 'allUsers', role: 'READER' }] }) },
  { name: 'bucket labels changed', kind: undefined, event: gcpEvent('storage.googleapis.com', 'storage.buckets.update', { labels: { team: 'a' } }) },
  { name: 'BigQuery dataset made public', kind: 'data_exposure',
    event: gcpEvent('bigquery.googleapis.com', 'google.cloud.bigquery.v2.DatasetService.PatchDataset', { dataset: { access: [{ specialGroup: 'allAuthenticatedUsers' }] } }) },
  { name: 'BigQuery dataset description', kind: undefined,
    event: gcpEvent('bigquery.googleapis.com', 'google.cloud.bigquery.v2.DatasetService.PatchDataset', { dataset: { description: 'x' } }) },
  { name: 'BigQuery dataset shared with everyone', kind: 'data_exposure',
    event: gcpEvent('bigquery.googleapis.com', 'google.cloud.bigquery.v2.DatasetService.UpdateDataset', { dataset: { access: [{ iamMember: 'allUsers' }] } }) },
  { name: 'BigQuery dataset updated', kind: undefined,
    event: gcpEvent('bigquery.googleapis.com', 'google.cloud.bigquery.v2.DatasetService.UpdateDataset', { dataset: { labels: {} } }) },
  { name: 'Cloud SQL opened to the internet', kind: 'network_exposure',
    event: gcpEvent('cloudsql.googleapis.com', 'cloudsql.instances.update', { body: { settings: { ipConfiguration: { authorizedNetworks: [{ value: '0.0.0.0/0' }] } } } }) },
  { name: 'Cloud SQL tier change', kind: undefined, event: gcpEvent('cloudsql.googleapis.com', 'cloudsql.instances.update', { body: { settings: { tier: 'db-n1' } } }) },
  { name: 'Cloud SQL patched open', kind: 'network_exposure',
    event: gcpEvent('cloudsql.googleapis.com', 'cloudsql.instances.patch', { body: { settings: { ipConfiguration: { authorizedNetworks: [{ value: '0.0.0.0/0' }] } } } }) },
  { name: 'Cloud SQL patched flags', kind: undefined, event: gcpEvent('cloudsql.googleapis.com', 'cloudsql.instances.patch', { body: { settings: { databaseFlags: [] } } }) },
];

describe('GCP conditional entries', () => {
  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    expect(classify(testCase.event)?.kind).toBe(testCase.kind);
  });

  it('every conditional entry has a true and a false case', () => {
    expect(uncoveredConditions(gcpActions, cases)).toEqual([]);
  });
});

const PANTHER_RULES: Record<string, ActionKind> = {
  'GCP.Cloud.Run.Service.Created': 'code_change',
  'GCP.Cloud.Run.Set.IAM.Policy': 'iam',
  'GCP.CloudBuild.Potential.Privilege.Escalation': 'compute_execution',
  'GCP.Compute.IAM.Policy.Update': 'data_exposure',
  'GCP.compute.instances.create.Privilege.Escalation': 'iam',
  'GCP.Firewall.Rule.Deleted': 'network_exposure',
  'GCP.GCS.IAMChanges': 'data_exposure',
  'GCP.GCS.Public': 'data_exposure',
  'GCP.IAM.CorporateEmail': 'iam',
  'GCP.IAM.CustomRoleChanges': 'iam',
  'GCP.IAM.OrgFolderIAMChanges': 'iam',
  'GCP.IAM.serviceAccounts.getAccessToken.Privilege.Escalation': 'impersonation',
  'GCP.IAM.serviceAccounts.signBlob': 'impersonation',
  'GCP.IAM.serviceAccounts.signJwt.Privilege.Escalation': 'impersonation',
  'GCP.IAM.Tag.Enumeration': 'enumeration',
  'GCP.Inbound.SSO.Profile.Created': 'org_account',
  'GCP.Project.ExternalUserOwnershipInvite': 'iam',
  'GCP.KMS.EraseKey': 'destruction',
  'GCP.Log.Bucket.Or.Sink.Deleted': 'logging_deleted',
  'GCP.Logging.Sink.Modified': 'logging_modified',
  'GCP.Permissions.Granted.to.Create.or.Manage.Service.Account.Key': 'iam',
  'GCP.Privileged.Operation': 'iam',
  'GCP.Service.Account.or.Keys.Created': 'iam',
  'GCP.serviceusage.apiKeys.create.Privilege.Escalation': 'iam',
  'GCP.User.Added.to.IAP.Protected.Service': 'iam',
  'GCP.VPC.Flow.Logs.Disabled': 'logging_disabled',
  'GCP.Workforce.Pool.Created.or.Updated': 'iam',
  'GCP.Workload.Identity.Pool.Created.or.Updated': 'iam',
  'GCP.K8s.ExecIntoPod': 'compute_execution',
  'Kubernetes.Pod.Exec': 'compute_execution',
  'Kubernetes.Secrets.DumpAllNamespaces': 'secrets',
  'Standard.AdminRoleAssigned': 'iam',
};

describe('GCP entries on Panther rule test events', () => {
  const all = pantherCases('panther_tests_gcp_auditlog.ndjson');

  it.each(Object.entries(PANTHER_RULES))('%s fires -> %s', (ruleId, kind) => {
    const firing = all.filter((testCase) => testCase.rule_id === ruleId && testCase.expected_result && asMethod(testCase.log));
    expect(firing.length).toBeGreaterThan(0);
    for (const testCase of firing) expect([testCase.test_name, classify(gcpAuditEvent(testCase.log))?.kind]).toEqual([testCase.test_name, kind]);
  });

  it('sees SSH access to VMs: metadata SSH keys and serial console connections', () => {
    const ssh = all.filter((testCase) => testCase.rule_id === 'GCP.Compute.SSHConnection' && /setMetadata|setCommonInstanceMetadata|serialport/i.test(asMethod(testCase.log) ?? ''));
    expect(ssh.length).toBe(3);
    for (const testCase of ssh) expect(classify(gcpAuditEvent(testCase.log))?.kind).toBe('compute_execution');
  });

  it('does not take log configuration reads for tampering', () => {
    const reads = all.filter((testCase) => testCase.rule_id === 'GCP.Log.Bucket.Or.Sink.Deleted' && !testCase.expected_result);
    expect(reads.length).toBeGreaterThan(0);
    for (const testCase of reads) expect(classify(gcpAuditEvent(testCase.log))?.category).toBe('recon');
  });
});

function asMethod(log: Record<string, unknown>): string | undefined {
  const proto = log.protoPayload as Record<string, unknown> | undefined;
  return typeof proto?.methodName === 'string' ? proto.methodName : undefined;
}
